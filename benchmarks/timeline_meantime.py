"""SemEval-2015 Task 4 (TimeLine, Track A): per-entity timelines from raw text.

usage: .venv/bin/python benchmarks/timeline_meantime.py DOCS [DOCS ...] --gold GOLD [GOLD ...]
  e.g. T=../shared/data/meantime-timeline/SemEval2015-Task4-TimeLine
       benchmarks/timeline_meantime.py $T/Corpus-trial-data_task4_TimeML --gold $T/TimeLines_trial_data_task4_v1.2
DOCS: .tml files or folders of them (the task's input documents); GOLD: gold timeline .txt files or
folders of them (their first line names the target entity). A held-out split laid out the same way
runs unchanged. No rule was chosen from these files' timelines; their aggregate F1 was read after
changes to event dating, and one variant that lowered it (stop 41: a body event after another
paragraph's time left "approximate") was dropped, so the trial files are not fully held out. The
TIMEX3 values of MEANTIME's apple documents (these) informed a few time rules (time_tempeval.py).

Input: documents in the task's TimeML (only their text and DCT are read, never their EVENT tags)
and gold timelines, whose first lines name the target entities.

System: each document becomes an Article (text, DCT as a trusted page date) that runs through the
real analyse stage and the stories stage; an entity's timeline is every timeline event whose
evidence sentence names the entity (its full name or its last word, e.g. "Jobs"). Each event is
written as the task's mention ids `<doc>-<sentence>-<trigger word>` (one per reporting article,
on one line: cross-document coreference; the trigger is the event's own trigger word in that
sentence), ranked by its resolved date; undated events take rank 0.

Peer in the same run: the same events, not merged across articles and all dated by their document's
DCT (no time-expression resolution): what the stories stage and date resolution add.

Scoring follows the task's method (Minard et al. 2015): a timeline is turned into temporal relations
between event mentions (same line or same rank: SIMULTANEOUS; lower rank: BEFORE; rank-0 events are
unordered) and from each dated mention to its date (IS_INCLUDED); then UzZaman & Allen's temporal
awareness: precision = reduced system relations found in the closure of the gold, recall = reduced
gold relations found in the closure of the system, micro-averaged over the target entities. The
official scorer is not in the data folder; this re-implementation (closure of a ranked timeline is all
ordered pairs; reduction keeps one chain per rank and one BEFORE between consecutive ranks) is ours.
Anchor: the best Track A system scored F1 7.85 on the evaluation set (different documents).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from dossier.model import Article, Event  # noqa: E402


# ---------------------------------------------------------------- input


def _files(paths: list[Path], suffix: str) -> list[Path]:
    """Each path itself when it is a file, else every file under it ending in `suffix`, sorted."""
    out = []
    for path in paths:
        if not path.exists():
            raise SystemExit(f"no such file or folder: {path}")
        out += [path] if path.is_file() else sorted(p for p in path.rglob(f"*{suffix}") if p.is_file())
    return out


def load_documents(paths: list[Path]) -> list[dict]:
    docs = []
    for path in _files(paths, ".tml"):
        tree = ET.parse(path).getroot()
        dct = tree.find("DCT/TIMEX3").get("value")
        text, spans = "", []
        for s in tree.find("TEXT").iter("s"):
            sentence = _detokenize("".join(s.itertext()))
            spans.append((len(text), len(text) + len(sentence), int(s.get("id"))))
            text += sentence + "\n"
        docs.append({"id": tree.findtext("DOCID").strip(), "dct": dct, "text": text, "spans": spans})
    return docs


def _detokenize(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r" ([.,;:!?%)'])", r"\1", text).replace("( ", "(").replace(" 's", "'s")


def load_gold(paths: list[Path]) -> dict[str, list[tuple[int, str, list[str]]]]:
    gold = {}
    for path in _files(paths, ".txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        entries = []
        for line in lines[1:]:
            parts = line.strip().split("\t")
            if len(parts) >= 3:
                entries.append((int(parts[0]), parts[1], parts[2:]))
        gold[lines[0].strip()] = entries
    return gold


# ---------------------------------------------------------------- scoring (temporal awareness)


def relations(timeline: list[tuple[int, str, list[str]]]) -> tuple[set, set]:
    """(closure, reduced) relation sets of a ranked timeline."""
    by_rank: dict[int, list[str]] = defaultdict(list)
    closure, reduced = set(), set()
    for rank, when, mentions in timeline:
        for m in mentions:
            by_rank[rank].append(m)
            if when and not when.startswith("XXXX"):
                closure.add((m, when.replace("-XX", ""), "IS_INCLUDED"))
                reduced.add((m, when.replace("-XX", ""), "IS_INCLUDED"))
    ranks = sorted(r for r in by_rank if r > 0)
    for r in ranks:
        group = sorted(set(by_rank[r]))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                closure.add((a, b, "SIMULTANEOUS"))
        for a, b in zip(group, group[1:]):
            reduced.add((a, b, "SIMULTANEOUS"))
    for i, r in enumerate(ranks):
        for later in ranks[i + 1:]:
            for a in set(by_rank[r]):
                for b in set(by_rank[later]):
                    closure.add((a, b, "BEFORE"))
        if i + 1 < len(ranks):
            reduced.add((sorted(set(by_rank[r]))[-1], sorted(set(by_rank[ranks[i + 1]]))[0], "BEFORE"))
    return closure, reduced


def _normal(relation: tuple) -> tuple:
    a, b, kind = relation
    if kind == "SIMULTANEOUS" and b < a:
        return (b, a, kind)
    return relation


def score(gold: dict, system: dict) -> tuple[float, float, float, dict]:
    found_p = total_p = found_r = total_r = 0
    per_entity = {}
    for entity, gold_timeline in gold.items():
        g_closure, g_reduced = (set(map(_normal, s)) for s in relations(gold_timeline))
        s_closure, s_reduced = (set(map(_normal, s)) for s in relations(system.get(entity, [])))
        fp, tp_ = len(s_reduced & g_closure), len(s_reduced)
        fr, tr = len(g_reduced & s_closure), len(g_reduced)
        found_p, total_p, found_r, total_r = found_p + fp, total_p + tp_, found_r + fr, total_r + tr
        per_entity[entity] = (fp, tp_, fr, tr)
    precision = found_p / total_p if total_p else 0.0
    recall = found_r / total_r if total_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, per_entity


# ---------------------------------------------------------------- systems


def analysed(docs: list[dict]) -> list[Article]:
    from dossier.analyse import analyse_article, anchor_times
    from dossier.config import Options
    from dossier.model import Provenance
    from dossier.resources import Resources

    resources = Resources(Options())
    articles = [analyse_article(Article(id=d["id"], source=d["id"], text=d["text"], page_date=d["dct"],
                                        page_date_trust="ok"), resources) for d in docs]
    anchoring = anchor_times(articles, Provenance())  # no links: each article its own lineage
    return [anchoring.apply(a) for a in articles]


def _mention(event: Event, sentence_text: str, sentence_start: int, doc: dict) -> str | None:
    """`<doc>-<TimeML sentence>-<trigger word>` for the event's trigger in the sentence: its own
    trigger word, else a word of its type's trigger family (a rewrite's wording)."""
    from dossier.analyse.events import TRIGGERS

    words = [re.escape(event.trigger)] if event.trigger else []
    words += [TRIGGERS[event.type]] if event.type in TRIGGERS else []
    match = next((m for w in words if (m := re.search(rf"\b(?:{w})\b", sentence_text, re.I))), None)
    if not match:
        return None
    at = sentence_start + match.start()
    sid = next((sid for start, end, sid in doc["spans"] if start <= at < end), None)
    word = match.group(0).split()[0]
    return f"{doc['id']}-{sid}-{word}" if sid is not None else None


def _names(entity: str) -> list[str]:
    words = entity.split()
    return [entity] + ([words[-1]] if len(words) > 1 and len(words[-1]) > 3 else [])


def _evidence_sentences(event: Event, articles: dict[str, Article]):
    for evidence in event.evidence:
        article_id, _, index = evidence.source.rpartition("#s")
        if article_id in articles and index.isdigit():
            sentence = next((s for s in articles[article_id].sentences if s.index == int(index)), None)
            if sentence is not None:
                yield article_id, sentence


def _as_gold_date(event: Event) -> str:
    """The task's anchor for an event date: the day, "YYYY-MM-XX" or "YYYY-XX-XX" by precision. An
    "approximate" day (the article's date standing in for an event it tells without a time) is
    written as that day: the task's format has no bound, and its annotators anchor such events
    to the document's DCT."""
    from dossier.timevalue import parse_span

    span = parse_span(event.date, event.date_precision)
    if span is None:
        return "XXXX-XX-XX"
    from datetime import date

    first = date.fromordinal(span.start)
    if span.precision == "day" or (span.precision == "approximate" and len(span.value) == 10):
        return first.isoformat()
    if span.precision in ("week", "month"):
        return f"{first.year:04d}-{first.month:02d}-XX"
    return f"{first.year:04d}-XX-XX"


def timelines(events: list[Event], articles: list[Article], docs: list[dict], entities: list[str]) -> dict:
    by_id = {a.id: a for a in articles}
    doc_of = {d["id"]: d for d in docs}
    out = {}
    for entity in entities:
        names = [n.lower() for n in _names(entity)]
        rows = []
        for event in events:
            mentions = []
            for article_id, sentence in _evidence_sentences(event, by_id):
                if any(n in sentence.text.lower() for n in names):
                    m = _mention(event, sentence.text, sentence.start, doc_of[article_id])
                    if m and m not in mentions:
                        mentions.append(m)
            if mentions:
                rows.append((_as_gold_date(event), event, mentions))
        out[entity] = _ranked(rows)
    return out


def _ranked(rows) -> list[tuple[int, str, list[str]]]:
    dated = sorted((r for r in rows if not r[0].startswith("XXXX")), key=lambda r: r[0])
    ranks, timeline = {}, []
    for when, _, mentions in dated:
        ranks.setdefault(when, len(ranks) + 1)
        timeline.append((ranks[when], when, mentions))
    timeline += [(0, "XXXX-XX-XX", mentions) for when, _, mentions in rows if when.startswith("XXXX")]
    return timeline


def dct_baseline(articles: list[Article], docs: list[dict], entities: list[str]) -> dict:
    """Every article event on its own line, dated by its document's DCT."""
    events = []
    for article in articles:
        for event in article.events:
            events.append(dataclasses.replace(event, date=article.page_date, date_precision="day"))
    return timelines(events, articles, docs, entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, nargs="+", help="task input .tml files or folders")
    parser.add_argument("--gold", type=Path, nargs="+", required=True, help="gold timeline .txt files or folders")
    args = parser.parse_args()
    from dossier.stories import build_stories

    docs = load_documents(args.docs)
    gold = load_gold(args.gold)
    entities = sorted(gold)
    articles = analysed(docs)
    _, events = build_stories(articles, [])
    ours = timelines(events, articles, docs, entities)
    base = dct_baseline(articles, docs, entities)
    print(f"{len(docs)} documents, {len(entities)} target entities, "
          f"{sum(len(g) for g in gold.values())} gold timeline lines; {len(events)} Dossier timeline events")
    print(f"\n{'system':52} {'P':>6} {'R':>6} {'F1':>6}  lines")
    results = {}
    for name, system in (("Dossier stories timeline", ours), ("peer: article events dated by DCT, unmerged", base)):
        p, r, f, _ = score(gold, system)
        results[name] = f
        print(f"{name:52} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f}  {sum(len(t) for t in system.values())}")
    print(f"{'anchor: best Track A system (eval set, published)':52} {'':6} {'':6} {7.85:6.2f}")
    ours_f, base_f = results.values()
    print(f"\nratio Dossier / DCT peer F1: {ours_f / base_f:.2f}" if base_f else "\nDCT peer F1 is 0")
    print(f"ratio Dossier / published best (different documents): {100 * ours_f / 7.85:.2f}")


if __name__ == "__main__":
    main()
