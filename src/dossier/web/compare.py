"""Side-by-side comparison: the first article's sentences in rows, each paired with the sentences
the others align to it (from `Link.alignments`), and the words flags name marked.

Text is returned as segments `{"text", "mark"}` so templates escape every piece and add the marks
as elements; no HTML is built here.
"""

from __future__ import annotations

import difflib
import re

WORD = re.compile(r"\w+|[^\w\s]")
# Word differences are shown only between sentences at least this similar (difflib ratio over
# words): below it a pair is a rewrite, and marking nearly every word tells the reader nothing.
# 0.5 was set by eye on the seeds' rewrites (001/003/004), where lightly edited pairs score 0.6-0.9.
DIFF_MIN_RATIO = 0.5


def oriented(link: dict, pivot: str) -> list[dict]:
    """The link's alignments as (pivot sentence, other sentence) pairs."""
    flip = link["b"] == pivot
    return [{"pivot_index": al["b_index"] if flip else al["a_index"],
             "pivot_text": al["b_sentence"] if flip else al["a_sentence"],
             "other_index": al["a_index"] if flip else al["b_index"],
             "other_text": al["a_sentence"] if flip else al["b_sentence"],
             "score": al["score"]} for al in link.get("alignments", [])]


def find_link(links: list[dict], a: str, b: str) -> dict | None:
    return next((link for link in links if {link["a"], link["b"]} == {a, b}), None)


def compare_rows(articles: list[dict], links: list[dict], flags: list[dict]) -> dict:
    """Rows of aligned sentences, plus each other article's sentences that align to nothing.

    `articles` are full article dicts, the pivot first. Rows follow the pivot's sentence order;
    where the pivot has no sentence list yet, the rows come from the alignments alone.
    """
    pivot, others = articles[0], articles[1:]
    pairs = {o["id"]: oriented(link, pivot["id"]) if (link := find_link(links, pivot["id"], o["id"])) else []
             for o in others}
    marks = flag_marks(flags)
    pivot_sentences = {s["index"]: s["text"] for s in pivot.get("sentences", [])}
    for pair_list in pairs.values():
        for p in pair_list:
            pivot_sentences.setdefault(p["pivot_index"], p["pivot_text"])
    rows = []
    for index in sorted(pivot_sentences):
        text = pivot_sentences[index]
        cells = []
        for other in others:
            matched = [p for p in pairs[other["id"]] if p["pivot_index"] == index]
            cells.append([{"index": p["other_index"], "score": round(p["score"], 3),
                           "segments": segments(p["other_text"], text, marks.get(other["id"], []))}
                          for p in matched])
        aligned_texts = [c["segments"] for cell in cells for c in cell]
        rows.append({"pivot_index": index,
                     "pivot": segments(text, None, marks.get(pivot["id"], []),
                                       [p["other_text"] for o in others for p in pairs[o["id"]]
                                        if p["pivot_index"] == index]),
                     "cells": cells, "aligned": bool(aligned_texts),
                     "flagged": any(seg["mark"] == "flag" for cell in cells for c in cell for seg in c["segments"])})
    unaligned = []
    for other in others:
        used = {p["other_index"] for p in pairs[other["id"]]}
        unaligned.append([{"index": s["index"], "text": s["text"]}
                          for s in other.get("sentences", []) if s["index"] not in used])
    return {"rows": rows, "unaligned": unaligned,
            "aligned_counts": [len(pairs[o["id"]]) for o in others],
            "link_kinds": [(find_link(links, pivot["id"], o["id"]) or {}).get("kind") for o in others]}


def flag_marks(flags: list[dict]) -> dict[str, list[str]]:
    """article id -> evidence texts of the flags naming it."""
    marks: dict[str, list[str]] = {}
    for flag in flags:
        for ev in flag.get("evidence", []):
            if ev.get("text"):
                marks.setdefault(ev["article"], []).append(ev["text"])
    return marks


def segments(text: str, reference: str | None, evidence: list[str],
             references: list[str] | None = None) -> list[dict]:
    """`text` cut into runs marked "flag" (named by a flag's evidence), "diff" (words not in the
    reference sentence(s)) or None."""
    tags: list[str | None] = [None] * len(text)
    for ref in ([reference] if reference else []) + (references or []):
        for start, end in changed_spans(text, ref):
            tags[start:end] = ["diff"] * (end - start)
    for ev in evidence:
        for start, end in evidence_spans(text, ev):
            tags[start:end] = ["flag"] * (end - start)
    out: list[dict] = []
    for char, tag in zip(text, tags):
        if out and out[-1]["mark"] == tag:
            out[-1]["text"] += char
        else:
            out.append({"text": char, "mark": tag})
    return out


def evidence_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    """Where a flag's evidence sits in `text`: the evidence inside the sentence, or the whole
    sentence when the evidence quotes it (or a longer passage holding it)."""
    folded, needle = text.casefold(), evidence.casefold().strip()
    if not needle:
        return []
    if needle in folded:
        spans, start = [], folded.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
        return spans
    return [(0, len(text))] if folded.strip() and folded.strip() in needle else []


def changed_spans(text: str, reference: str) -> list[tuple[int, int]]:
    """Character spans of `text`'s words that the reference does not have, when the two are close
    enough for a word diff to mean something."""
    words = list(WORD.finditer(text))
    matcher = difflib.SequenceMatcher(None, [w.group().casefold() for w in words],
                                      [w.group().casefold() for w in WORD.finditer(reference)], autojunk=False)
    if matcher.ratio() < DIFF_MIN_RATIO:
        return []
    spans = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete"):  # words of `text` the reference lacks
            spans.append((words[i1].start(), words[i2 - 1].end()))
    return spans
