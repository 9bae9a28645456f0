"""Datelines and page stamps the time tagger leaves alone (analyse/datelines.py)."""

from dossier.analyse.datelines import dateline, datelines


def _days(text: str) -> list[str]:
    return [span.value for _, _, span in datelines(text)]


def test_capitals_numbers_and_day_first_forms_are_read():
    assert _days("WASHINGTON, DECEMBER 16, 2008 - The") == ["2008-12-16"]
    assert _days("Posted 11 / 27 / 2005 7: 21 AM") == ["2005-11-27"]
    assert _days("MON 22 JUL 2013") == ["2013-07-22"]
    assert _days("Updated 2013-05-02") == ["2013-05-02"]


def test_numbers_are_month_first_unless_the_first_cannot_be_a_month():
    assert _days("8/2/13") == ["2013-08-02"]
    assert _days("24/4/2019") == ["2019-04-24"]


def test_dotted_short_numbers_and_impossible_days_are_no_dateline():
    assert datelines("version 2.5.10 ships") == []
    assert dateline("on 2/30/2012") is None
