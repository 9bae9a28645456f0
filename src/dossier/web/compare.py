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
            cells.append([dict(index=p["other_index"], score=round(p["score"], 3), text=p["other_text"],
                               **marked(p["other_text"], marks.get(other["id"], []), [text], show_dropped=True))
                          for p in matched])
        pivot_cell = marked(text, marks.get(pivot["id"], []), [])  # the others' cells show the differences
        rows.append({"pivot_index": index, "pivot": pivot_cell["segments"], "cells": cells,
                     "aligned": any(cells),
                     "flagged": pivot_cell["flagged"] or any(c["flagged"] for cell in cells for c in cell)})
    seen: set[tuple[int, int]] = set()
    for row in rows:  # one sentence aligned to two pivot rows: its anchor (#c<column>-s<index>) goes on the first
        for column, cell in enumerate(row["cells"], start=1):
            for item in cell:
                item["anchor"] = (column, item["index"]) not in seen
                seen.add((column, item["index"]))
    unaligned = []
    for other in others:
        used = {p["other_index"] for p in pairs[other["id"]]}
        unaligned.append([{"index": s["index"], "text": s["text"]}
                          for s in other.get("sentences", []) if s["index"] not in used])
    return {"rows": rows, "unaligned": unaligned,
            "aligned_counts": [len(pairs[o["id"]]) for o in others],
            "link_kinds": [(find_link(links, pivot["id"], o["id"]) or {}).get("kind") for o in others]}


def flag_marks(flags: list[dict]) -> dict[str, list[tuple[str, list[str]]]]:
    """article id -> (evidence text, words the flag's detail quotes) for the flags naming it.

    Verification flags quote the words that changed in their detail ("'technological' vs
    'logistical'"); when the evidence is a whole sentence, those words are what gets marked."""
    marks: dict[str, list[tuple[str, list[str]]]] = {}
    for flag in flags:
        quoted = QUOTED.findall(flag.get("detail", ""))
        for ev in flag.get("evidence", []):
            if ev.get("text"):
                marks.setdefault(ev["article"].split("#")[0], []).append((ev["text"], quoted))
    return marks


QUOTED = re.compile(r"'([^']{1,60})'")


def marked(text: str, evidence: list[tuple[str, list[str]]], references: list[str], show_dropped: bool = False) -> dict:
    """{"segments", "flagged"}: the sentence's runs, and whether any flag's evidence is in it;
    with `show_dropped`, the first reference's words that `text` lacks are inserted, marked "dropped"."""
    flag_spans, flagged = [], False
    for ev_text, words in evidence:
        spans = evidence_spans(text, ev_text)
        if not spans:
            continue
        flagged = True
        if spans == [(0, len(text))]:  # the evidence is the sentence: mark the words the flag names
            spans = [m.span() for word in words
                     for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE)]
        flag_spans.extend(spans)
    diff_spans = [span for ref in references for span in changed_spans(text, ref)]
    out = runs(text, diff_spans, flag_spans)
    for ref in references[:1] if show_dropped else []:
        out = with_dropped(out, text, dropped_words(text, ref))
    return {"segments": out, "flagged": flagged}


def dropped_words(text: str, reference: str) -> list[tuple[int, str]]:
    """(offset in `text`, words) for runs of the reference's words that `text` lacks, when the two
    are close enough for a word diff to mean something (the reader sees what a copy cut)."""
    words = list(WORD.finditer(text))
    ref_words = list(WORD.finditer(reference))
    matcher = difflib.SequenceMatcher(None, [w.group().casefold() for w in words],
                                      [w.group().casefold() for w in ref_words], autojunk=False)
    if matcher.ratio() < DIFF_MIN_RATIO:
        return []
    out = []
    for op, i1, _, j1, j2 in matcher.get_opcodes():
        if op in ("insert", "replace"):
            at = words[i1].start() if i1 < len(words) else len(text)
            out.append((at, reference[ref_words[j1].start():ref_words[j2 - 1].end()]))
    return out


def with_dropped(segments: list[dict], text: str, dropped: list[tuple[int, str]]) -> list[dict]:
    """Insert each dropped run as a segment marked "dropped" before the character at its offset."""
    if not dropped:
        return segments
    out, position = [], 0
    pending = sorted(dropped)
    for segment in segments:
        start, end = position, position + len(segment["text"])
        cut = start
        while pending and pending[0][0] < end:
            at, words = pending.pop(0)
            if at > cut:
                out.append({"text": text[cut:at], "mark": segment["mark"]})
                cut = at
            out.append({"text": words + " ", "mark": "dropped"})
        if cut < end:
            out.append({"text": text[cut:end], "mark": segment["mark"]})
        position = end
    out += [{"text": " " + words, "mark": "dropped"} for _, words in pending]
    return out


def segments(text: str, reference: str | None, evidence: list[str]) -> list[dict]:
    """`text` cut into runs marked "flag" (named by a flag's evidence), "diff" (words the
    reference sentence lacks) or None."""
    return marked(text, [(ev, []) for ev in evidence], [reference] if reference else [])["segments"]


def runs(text: str, diff_spans: list[tuple[int, int]], flag_spans: list[tuple[int, int]]) -> list[dict]:
    tags: list[str | None] = [None] * len(text)
    for tag, spans in (("diff", diff_spans), ("flag", flag_spans)):
        for start, end in spans:
            tags[start:end] = [tag] * (end - start)
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
