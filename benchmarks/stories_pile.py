"""Story clustering on a diverse pile: ECB+ documents plus hand-labelled web articles of many
sites, clustered together, Dossier stories vs a TF-IDF average-link baseline.

usage: .venv/bin/python benchmarks/stories_pile.py ECBPLUS AEB [--topics 21-35] [--tune-topics 1-20]
           [--labels benchmarks/labels/aeb_events.json] [--cache /tmp/pile.pickle] [--part tune|report|both]
e.g.  ... stories_pile.py ../shared/data/ecbplus ../shared/data/article-extraction-benchmark --part tune

Why: ECB+ (benchmarks/ecbplus_stories.py) gives every document same-topic siblings, so it tests
telling look-alike events apart but never a pile of unrelated news, where the error is the other
one: articles on one broad topic (COVID, crime, Apple) but different events merged into a "story".
The article-extraction-benchmark bodies (181 pages of 126 sites, mostly 18-20 Nov 2019) were
labelled by event by hand (benchmarks/labels/: two bodies share a label only if they report one
real-world event or announcement); bodies under MIN_WORDS words are left out.

Split: ECB+ topics `--tune-topics` (default 1-20) with the AEB bodies whose key hashes even
(sha1) are the tune part; `--topics` (default 21-35) with the odd ones the report part. The
baseline's distance threshold is chosen on the tune part in the same run; Dossier's thresholds are
the library's (StoriesOptions). Each part is clustered as one pile.

Printed per part and system: B-cubed P/R/F1 over all documents, over the AEB documents only (of
the joint clustering), and "AEB merged wrongly": AEB documents whose cluster holds a document of
another gold event (ECB+ or AEB). `--show` lists those clusters (for error analysis: tune part
only).

The AEB bodies carry what the clean stage would give them: the language it identifies (so a
Portuguese or Russian page loses its function words, as in a dossier) and the page date of their
HTML (174 of 176 dated, mostly 18-20 Nov 2019). Without these (first measurement, tune part) the
pages were undated and Dossier's AEB F1 was 0.896 (31 merged wrongly; TF-IDF 0.926, 26).

Runs (2026-12-03, session pile-s35). Report part (topics 21-35 + odd AEB keys) run twice, both
aggregate only, with the command
  PYTHONPATH=src HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/stories_pile.py \
      ../shared/data/ecbplus ../shared/data/article-extraction-benchmark --tune-topics 1-20 \
      --topics 21-35 --cache /tmp/pile35/after.pickle
  part   system               P     R     F1    aeb P aeb R aeb F1 wrong clusters
  1. main's code (95bd398):
  tune   TF-IDF (t=0.85)      0.816 0.962 0.883 0.863 1.000 0.926   26    101
  tune   Dossier stories      0.911 0.943 0.927 0.734 1.000 0.846   39    101
  report TF-IDF (t=0.85)      0.759 0.965 0.849 0.791 1.000 0.883   32     90
  report Dossier stories      0.886 0.916 0.901 0.709 1.000 0.830   35     95
  2. kept change (same_date_bonus 0.05 -> 0, no_shared_fact_penalty 0.03, StoriesOptions):
  tune   Dossier stories      0.939 0.945 0.942 0.889 1.000 0.941   18    113
  tune   ECB+ alone           0.966 0.936 0.951                (main: 0.949)
  report Dossier stories      0.911 0.916 0.913 0.837 1.000 0.911   23    105
  report ECB+ alone           0.928 0.886 0.907                (main: 0.907, the recorded figure)
  (TF-IDF rows as in run 1.) No AEB event is ever split (aeb R 1.000): the errors are all merges.
What main merged on the tune part (`--show`): NASA's Europa water vapour, Titan map, SLS engines and
lunar lander contracts in one story; a Davis Cup tie with a Lakers game; a cannabis study with a
border-drug fact check; the Audi e-tron Sportback with the 16-inch MacBook Pro; WeWork's layoffs
with Ilhan Omar's threatener's plea (both "New York"); Hong Kong with Iran's protests and a Fort
Worth kidnapping video. Most linked at a cosine of 0.06-0.13 plus the same-date bonus (0.05), which
every pair of one week's pages earned: the date window checks nothing among them.
Tried on the tune part and ECB+ topics 1-20 alone (tune AEB B3 F1 / wrong / ECB+ 1-20 F1, odd, even;
main 0.846 / 39 / 0.949, 0.939, 0.952):
- join_threshold 0.12 / 0.14 / 0.16 (pages undated, before the page dates were given): AEB
  0.933 / 0.945 / 0.945 but ECB+ odd topics 0.939 -> 0.929-0.930; not kept.
- same_date_bonus 0: 0.909 / 28 / 0.951, 0.939, 0.955. Kept. With join_threshold 0.12: 0.945 / 20
  / 0.949 but odd 0.929; not kept.
- With the bonus at 0, a penalty for leads sharing no name, place, number or year: made for every
  pair, 0.02 0.935 / 20 / 0.943, 0.03 0.941 / 18 / 0.941, 0.05 0.941 / 18 / 0.941 (ECB+ topic 5's
  look-alike halves joined): not kept; made only where both are dated (the date gate passed and
  checked nothing): 0.02 0.935 / 20, 0.03-0.06 0.941 / 18, ECB+ 0.951, 0.939, 0.955 at every value.
  Kept at 0.03 (the smallest of the flat range).
- The same penalty with the bonus kept (0.05), 0.03: 0.859 / 37; the bonus given only where the
  leads share a fact, else the penalty (0.03 or 0.05): 0.898 / 27, ECB+ 0.949. Both not kept.
- News agencies ("AP", "Reuters", "AFP") not counted as lead names: no change (0.941 / 18).
Left after the change (tune part, 18 AEB documents in 6 stories): the NASA cluster (the leads share
only "NASA"), WeWork's layoffs with its attorney-general inquiry and Hong Kong's PLA opinion with the
PolyU siege (both borderline by the labels' README), the tariff guide with the phase-one talks
("Trump"), the Browns' snap counts with the Garrett fight ("Steelers"), Deval Patrick's campaign
with the debate preview ("AP", "Democratic"): one shared common name. Rarity-weighted name
evidence would be the next thing to try.
Tried (2026-12, session stories, tune part): the lead names' Jaccard weighted by IDF (over the lead
names or the corpus text), name_weight 0.15-0.3: AEB 0.935-0.941, wrong 18-19 (0.941 / 18 before):
in a pile of one week's pages "NASA" is a rare word, so rarity does not mark it as a common name; a
reward for the summed IDF of the shared names: 0.922-0.935, 19-22 wrong. Not kept.
Kept (session stories): text dates checked against the lead's earliest year (ecbplus_stories.py):
tune all 0.942 -> 0.947, AEB 0.941 / 18 held; report all 0.913 -> 0.920, AEB 0.911 held, wrong 23 -> 24.
Kept (session stories40, chosen on ECB+ topics 1-20; see ecbplus_stories.py): a report's type is its
first news event that is not a statement; a birth date dates nothing; ages differing are no number
mismatch. Tune all 0.950 -> 0.954, AEB 0.941 -> 0.951 (wrong 18 held); report all 0.920, AEB 0.911
(wrong 24) held (one aggregate run, --cache, both parts).
Kept (session stories41, chosen on ECB+ topics 1-20; see ecbplus_stories.py): dated pairs naming
nobody in common earn no number reward and lose 0.05; candidates also by the heaviest words two texts
share; a new year between dated reports is no year mismatch. Tune all 0.954, AEB 0.951 (wrong 18)
held after each; report part once after all three (aggregate): all 0.920 -> 0.919, AEB 0.911 -> 0.904
(wrong 24 -> 23). Not tuned on: the report part was read once. On a user's pile of 50 AEB pages (both
halves) the candidate change let two merges the old index had hidden through: three reports of
different games of one week (Browns, Chargers, Lakers; link 0.109 = cosine 0.159 less 0.05) and
Alibaba's listing with a tech digest naming it. names_apart_penalty 0.08 keeps the games apart but,
with a 4-sentence lead, splits two Dubai-datelined reports of the Iran quake (ECB+ 1-20 lead 4
0.959 -> 0.955); left at 0.05. Dated same-week reports of one genre need more than words: open.
Kept (session stories41b, chosen on ECB+ topics 1-20 and this tune part): a candidate pair dated
alike whose leads name different people and places (`names_apart`) and that shares none of its
heaviest terms is not scored (stories/cluster.py `_unrelated`): the shared-word index terms found
it, and they are there for reports naming one event differently, not for reports naming other
people (the three games). Tune all 0.954, AEB 0.951 (wrong 18) held; the tune half's AEB pages alone
(90, and 8 random piles of 45) held (24 wrong; 79 in the piles).
Kept (session stories41b): a word both leads give only as a person's given name ("Michael" of
Michael Webb and of Michael Thomas) is no name in common (stories/evidence.py `shared_names`; a
Fort Worth kidnapping and Epstein's guards were one story on it). Tune all 0.954 -> 0.959 (the ECB+
documents of the pile: P .945 -> .952, R .963 -> .967), AEB 0.951 (wrong 18) held; the tune half's
AEB pages alone 24 -> 22 wrong (8 random piles of 45: 79 -> 75).
After both (stories41b), report part read once (aggregate): all 0.919, AEB 0.904, wrong 23, held.
Tried in that session and not kept (tune half only): a roundup detector (pages whose named
paragraphs mostly share no name with the next, or whose top name is a small share of all actor
mentions) flags single-event pages (fact checks, features) as often as digests and the ECB+ reports:
no rule for digest pages yet.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ecbplus_stories import (BASELINE_SWEEP, bcubed_f1, dossier_stories, load_documents,  # noqa: E402
                             tfidf_agglomerative, to_articles, topic_range)

TUNE_TOPICS = "1-20"
REPORT_TOPICS = "21-35"
LABELS = Path(__file__).parent / "labels" / "aeb_events.json"
MIN_WORDS = 80  # shorter bodies are teasers or link lists, not reports a dossier would cluster


def aeb_part(key: str) -> str:
    """Stable half of an AEB body: by the sha1 of its key, not by order or Python's hash."""
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "report"


def load_aeb(root: Path, labels: dict[str, str]) -> list[dict]:
    """The labelled bodies of at least MIN_WORDS words, with what the clean stage would give them:
    the language it identifies and the page date of the page's HTML (html/<key>.html.gz, if there)."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    missing = sorted(set(truth) - set(labels))
    if missing:
        sys.exit(f"{len(missing)} AEB keys have no label in the labels file (e.g. {missing[0]})")
    return [{"id": "aeb-" + key[:12], "key": key, "text": item["articleBody"], "url": item.get("url"),
             "gold": "aeb:" + labels[key], "part": aeb_part(key),
             **_page_facts(root, key, item["articleBody"], item.get("url"))}
            for key, item in sorted(truth.items()) if len(item["articleBody"].split()) >= MIN_WORDS]


def _page_facts(root: Path, key: str, body: str, url: str | None) -> dict:
    from dossier.clean.html import page_date
    from dossier.clean.language import identify_language

    facts = {"language": identify_language(body).code}
    html = root / "html" / f"{key}.html.gz"
    if html.is_file():
        date, trust, _ = page_date(gzip.decompress(html.read_bytes()).decode("utf-8", "replace"), url)
        facts.update(page_date=date, page_date_trust=trust)
    return facts


def wrongly_merged(docs: list[dict], pred: list[str]) -> list[int]:
    """Indexes of AEB documents whose predicted cluster holds another gold event's document."""
    golds = defaultdict(set)
    for d, p in zip(docs, pred):
        golds[p].add(d["gold"])
    return [i for i, (d, p) in enumerate(zip(docs, pred)) if "key" in d and len(golds[p]) > 1]


def scores(docs: list[dict], pred: list[str]) -> dict:
    gold = [d["gold"] for d in docs]
    aeb = [i for i, d in enumerate(docs) if "key" in d]
    return {"all": bcubed_f1(gold, pred), "aeb": bcubed_f1([gold[i] for i in aeb], [pred[i] for i in aeb]),
            "wrong": len(wrongly_merged(docs, pred)), "clusters": len(set(pred))}


def baseline_threshold(docs: list[dict]) -> tuple[float, float]:
    gold, texts = [d["gold"] for d in docs], [d["text"] for d in docs]
    f1 = {t: bcubed_f1(gold, tfidf_agglomerative(texts, t))[2] for t in BASELINE_SWEEP}
    best = max(f1, key=lambda t: (f1[t], -t))
    return best, f1[best]


def show(docs: list[dict], pred: list[str]) -> None:
    """The clusters of the AEB documents merged wrongly, one line per member."""
    by_cluster = defaultdict(list)
    for i in wrongly_merged(docs, pred):
        by_cluster[pred[i]].append(i)
    for p in sorted(by_cluster):
        print(f"-- cluster {p}")
        for d, q in zip(docs, pred):
            if q == p:
                print(f"   {d['gold'][:44]:44} {d['text'][:90]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus", type=Path, help="folder with ECB+/<topic>/*.xml")
    parser.add_argument("aeb", type=Path, help="folder with ground-truth.json ({key: {articleBody, url}})")
    parser.add_argument("--topics", type=topic_range, default=topic_range(REPORT_TOPICS))
    parser.add_argument("--tune-topics", type=topic_range, default=topic_range(TUNE_TOPICS))
    parser.add_argument("--labels", type=Path, default=LABELS, help="{key: event label} of the AEB bodies")
    parser.add_argument("--cache", type=Path, help="pickle of analysed articles, reused between runs")
    parser.add_argument("--part", choices=("tune", "report", "both"), default="both")
    parser.add_argument("--show", action="store_true", help="list the wrongly merged AEB clusters")
    args = parser.parse_args()
    if not (args.ecbplus / "ECB+").is_dir() or not (args.aeb / "ground-truth.json").is_file():
        sys.exit("expected ECBPLUS/ECB+/<topic>/*.xml and AEB/ground-truth.json")
    aeb = load_aeb(args.aeb, json.loads(args.labels.read_text(encoding="utf-8")))
    parts = {name: load_documents(args.ecbplus, topics) + [d for d in aeb if d["part"] == name]
             for name, topics in (("tune", args.tune_topics), ("report", args.topics))}
    best_t, tune_f1 = baseline_threshold(parts["tune"])
    print(f"baseline distance threshold chosen on the tune part: {best_t} (B3 F1 {tune_f1:.3f})", file=sys.stderr)
    shown = [p for p in parts if args.part in (p, "both")]
    for name in shown:
        docs = parts[name]
        n_aeb = sum("key" in d for d in docs)
        print(f"{name}: {len(docs)} documents ({len(docs) - n_aeb} ECB+, {n_aeb} AEB), "
              f"{len({d['gold'] for d in docs})} gold events", file=sys.stderr)
    started = time.perf_counter()
    articles = to_articles([d for p in shown for d in parts[p]], analyse=True, cache=args.cache)
    print(f"analyse stage: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    by_id = {a.id: a for a in articles}
    print(f"\n{'part':6} {'system':30} {'P':>6} {'R':>6} {'F1':>6} {'aeb P':>6} {'aeb R':>6} {'aeb F1':>6} "
          f"{'wrong':>5} {'clusters':>8}")
    for name in shown:
        docs = parts[name]
        preds = {f"TF-IDF average-link (t={best_t})": tfidf_agglomerative([d["text"] for d in docs], best_t),
                 "Dossier stories": dossier_stories([by_id[d["id"]] for d in docs])}
        for system, pred in preds.items():
            s = scores(docs, pred)
            print(f"{name:6} {system:30} " + " ".join(f"{x:6.3f}" for x in s["all"] + s["aeb"])
                  + f" {s['wrong']:5d} {s['clusters']:8d}")
        ecb = [d for d in docs if "key" not in d]  # as ecbplus_stories.py scores them, for comparison
        p, r, f = bcubed_f1([d["gold"] for d in ecb], dossier_stories([by_id[d["id"]] for d in ecb]))
        print(f"{name:6} {'Dossier, ECB+ documents alone':30} {p:6.3f} {r:6.3f} {f:6.3f}")
        if args.show:
            show(docs, preds["Dossier stories"])


if __name__ == "__main__":
    main()
