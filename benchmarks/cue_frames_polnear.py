"""Count cue frames on PolNeAR train: for each (part of speech, lemma, frame) of a verb, noun or
adjective (see dossier.analyse.cues.cue_frames) that has a holder (attribution.frame_holder: a
subject, a possessive), how often it occurs and how often the word was a
gold cue whose gold content overlaps that frame's complement. Writes src/dossier/analyse/cue_frames.tsv
(rows with 3+ occurrences and a 20%+ share), which dossier.analyse.cues reads.

usage: .venv/bin/python benchmarks/cue_frames_polnear.py ../shared/data/polnear [--out FILE]

Only train articles whose index (sorted by file name) % 5 is 0, 1, 2 or 3 are counted: those with
index % 5 == 4 (`benchmarks/quotes_polnear.py --split train --start 4 --every 5`) choose the
thresholds, and dev stays unseen.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.analyse.attribution import frame_holder  # noqa: E402
from dossier.analyse.cues import FRAME_COUNTS_FILE, cue_frames, frame_lemma  # noqa: E402
from dossier.analyse.entities import normalise_for_nlp  # noqa: E402
from dossier.config import Options  # noqa: E402

FLOOR_OCCURRENCES = 3
FLOOR_SHARE = 0.2
HEADER = """# Cue frames counted on PolNeAR train (articles whose index, sorted by file name, % 5 is 0-3),
# by benchmarks/cue_frames_polnear.py; read by dossier.analyse.cues (CUE_FRAMES).
# pos, lemma, frame, times a gold cue whose gold content overlaps the frame's complement, occurrences
"""


def gold_attributions(ann: Path) -> list[dict]:
    """Each attribution's role -> list of (start, end) pieces."""
    spans, out = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not re.match(r"[TE]\d+\t", line):
            continue
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            offsets = info.split(" ", 1)[1]
            spans[tid] = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
        else:
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            out.append({role.lower(): spans[t] for role, t in roles.items() if t in spans})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="PolNeAR folder (holds data/train/text and attributions)")
    parser.add_argument("--out", type=Path, default=FRAME_COUNTS_FILE)
    args = parser.parse_args()
    import spacy

    nlp = spacy.load(Options().analyse.spacy_model, disable=["ner"])
    folder = args.data / "data" / "train"
    texts = [p for i, p in enumerate(sorted((folder / "text").glob("*.txt"))) if i % 5 != 4]
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for path in texts:
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        by_cue: dict[int, list[dict]] = defaultdict(list)
        for a in gold_attributions(anns[0]):
            for start, end in a.get("cue", []):
                for offset in range(start, end):
                    by_cue[offset].append(a)
        for token in nlp(normalise_for_nlp(path.read_text(encoding="utf-8"))):
            if token.pos_ not in ("VERB", "NOUN", "ADJ") or frame_holder(token) is None:
                continue  # nobody holds it: no attribution whatever the frame
            for frame, head in cue_frames(token):
                left, right = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
                row = counts[(token.pos_, frame_lemma(token), frame)]
                row[1] += 1
                row[0] += any(s < right and left < e for a in by_cue.get(token.idx, []) for s, e in a.get("content", []))
    rows = sorted((key, value) for key, value in counts.items()
                  if value[1] >= FLOOR_OCCURRENCES and value[0] >= FLOOR_SHARE * value[1] and key[1].isalpha())
    args.out.write_text(HEADER + "".join(f"{p}\t{l}\t{f}\t{c}\t{n}\n" for (p, l, f), (c, n) in rows), encoding="utf-8")
    print(f"{len(texts)} articles, {len(rows)} frames -> {args.out}")


if __name__ == "__main__":
    main()
