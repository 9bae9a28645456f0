"""benchmarks/time_tempeval.py's reading of TimeML files (inputs written for these tests)."""

import importlib.util
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("time_tempeval", ROOT / "benchmarks" / "time_tempeval.py")
time_tempeval = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(time_tempeval)


def tml(docid: str, extrainfo: str) -> str:
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{docid}</DOCID>\n'
            '<DCT><TIMEX3 tid="t0" type="TIME" value="2001-03-10" functionInDocument="CREATION_TIME">2001-03-10'
            f'</TIMEX3></DCT>\n<EXTRAINFO>\n{extrainfo}\n</EXTRAINFO>\n'
            '<TEXT>\nThe talks resumed <TIMEX3 tid="t1" type="DATE" value="2001-02-28">Wednesday</TIMEX3>.\n</TEXT>\n'
            '</TimeML>\n')


def test_a_refiled_story_counts_from_its_original_filing_date(tmp_path):
    path = tmp_path / "copy.tml"
    path.write_text(tml("APW20010310.0042", "APW20010301.0007  NEWS STORY  2001-03-01 04:10\nTalks Resume"))
    text, reference, gold = time_tempeval.read_tml(path)
    assert reference == date(2001, 3, 1)
    assert [text[s:e] for s, e, _ in gold] == ["Wednesday"]


def test_a_story_under_its_own_id_counts_from_its_dct(tmp_path):
    own = tmp_path / "own.tml"
    own.write_text(tml("APW20010310.0042", "APW20010310.0042  NEWS STORY  03/09/2001 22:10:00\nTalks Resume"))
    plain = tmp_path / "plain.tml"
    plain.write_text(tml("XIE20010310.0042", "XIE20010310.0042 \n 2001-03-11\nTalks Resume"))
    assert time_tempeval.read_tml(own)[1] == date(2001, 3, 10)
    assert time_tempeval.read_tml(plain)[1] == date(2001, 3, 10)


def test_an_older_header_format_gives_the_filing_day(tmp_path):
    path = tmp_path / "copy.tml"
    path.write_text(tml("APW19980215.0100", "APW19980213.1310 NEWS STORY 02/13/1998 14:26:00\nw2112 Cx1f"))
    assert time_tempeval.read_tml(path)[1] == date(1998, 2, 13)
