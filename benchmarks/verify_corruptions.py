"""Verify: recall on injected fact corruptions, false flags on faithful aligned pairs.

usage: .venv/bin/python benchmarks/verify_corruptions.py DATA_DIR [DATA_DIR ...] [--part report|tune]
  e.g. benchmarks/verify_corruptions.py /work/shared/data/article-extraction-benchmark \
           /work/shared/data/polnear /work/shared/data/ecbplus /work/shared/data/msrp

Base pairs (source sentence, copy sentence), from every folder given:
- body folders (article-extraction-benchmark, polnear, ecbplus: whatever
  benchmarks/syndication_data.py reads): the syndication corpus generator's "spun" copies of real
  articles, each rewritten sentence with the source sentence it came from (synonym swaps, clause
  moves, splits and merges; faithful by construction) -- source "spun";
- msrp/ (msr_paraphrase_*.txt): MSRP positive pairs, real news paraphrases by two outlets -- source
  "msrp". MSRP calls a pair a paraphrase when it reports the same thing, and many positive pairs
  still differ in a figure, a date or a speaker: their "false flags" include real changes (see
  --show, and the audit in the closing note).
The copy of a base pair is corrupted in one way per kind -- entity swapped for another of the same
type, number changed, date changed, negation added, a quoted word substituted, the speaker swapped
-- always in a fact the source sentence states too; the uncorrupted pairs are the faithful
negatives. Each pair runs through the real stage, `dossier.verify.find_flags`, as two articles
joined by one link with one sentence alignment; the names come from the spaCy model analyse uses.

Items are split in two parts by a stable hash of the base article (MSRP: of the sentence):
thresholds were tuned on part `tune`; report on part `report` (the default). Baselines in the same
run: token diff (any changed content word), NER+number sets (raw entity, number and negation sets,
no roles, aliases or normalisation), and MiniLM cosine below a fixed threshold.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.syndication_data import generate  # noqa: E402
from dossier.model import Alignment, Article, Link, Mention  # noqa: E402
from dossier.verify import find_flags  # noqa: E402
from dossier.verify.facts import same_name  # noqa: E402
from dossier.verify.lexicon import CUE_CLASS_OF, MONTHS, STOPWORDS, WEEKDAYS  # noqa: E402

KINDS = ["entity swap", "number", "date", "negation", "quoted word", "speaker swap"]
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
MIN_WORDS, MAX_WORDS = 8, 60
PER_KIND = 400  # corrupted pairs per kind and source (fewer where fewer sentences qualify)
MAX_FAITHFUL = 2000  # faithful pairs per source
SYNDICATION_ARTICLES = 1500
AUX = {"is", "are", "was", "were", "will", "would", "can", "should", "has", "have", "had", "must",
       "does", "do", "did", "could", "may", "might"}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Pair:
    source: str  # "articles" or "msrp"
    a: str
    b: str
    kind: str | None = None  # corruption kind; None = faithful
    change: str = ""
    group: str = ""  # faithful pairs: source, with "*" where the pair itself differs in a fact


_QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]+)["\u201d]')


def quoted_spans(text: str) -> list[str]:
    return [" ".join(re.findall(r"\w+", q.lower())) for q in _QUOTED.findall(text)]


def new_capitalised_words(a: str, b: str) -> set[str]:
    """Capitalised words of b (not opening it) that a does not have in any case: a name the
    rewrite garbled ("Ernst & Young" -> "Ernst & Youthful", "House" -> "Home")."""
    words_a = {w.lower() for w in re.findall(r"\w+", a)}
    words_b = re.findall(r"\w+", b)[1:]
    return {w for w in words_b if w[:1].isupper() and w.lower() not in words_a}


def differs_in_fact(pair: Pair) -> bool:
    """A check of the base pair independent of Dossier: the generator's rewrite changed a word
    inside quote marks or a name (spun), or the two outlets' sentences differ in a figure or a
    quote (MSRP). Such pairs are not faithful and are reported apart."""
    if quoted_spans(pair.a) != quoted_spans(pair.b):
        return True
    if pair.source == "spun":
        return bool(new_capitalised_words(pair.a, pair.b))
    return sorted(re.findall(r"\d+(?:[.,]\d+)*", pair.a)) != sorted(re.findall(r"\d+(?:[.,]\d+)*", pair.b))


def part_of(text: str) -> str:
    return "tune" if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 2 == 0 else "report"


# ---------------------------------------------------------------- base pairs


def spun_pairs(folders: list[Path], part: str) -> list[Pair]:
    """(source sentence, rewritten sentence) of the generator's spun copies, in `part`."""
    corpus = generate(folders, n_articles=SYNDICATION_ARTICLES, seed=0)
    out, seen = [], set()
    for item in corpus.items:
        if item.transformation != "spun" or part_of(item.base) != part:
            continue
        for rewritten, source in item.sentence_map:
            if MIN_WORDS <= len(source.split()) <= MAX_WORDS and (source, rewritten) not in seen:
                seen.add((source, rewritten))
                out.append(Pair("spun", source, rewritten))
    return out


def msrp_pairs(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(folder.glob("msr_paraphrase_*.txt")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        out += [(r[3], r[4]) for r in rows[1:] if len(r) >= 5 and r[0].strip() == "1"]
    return out


def base_pairs(folders: list[Path], part: str) -> list[Pair]:
    msrp = [f for f in folders if list(f.glob("msr_paraphrase_*.txt"))]
    bodies = [f for f in folders if f not in msrp]
    pairs = spun_pairs(bodies, part) if bodies else []
    for folder in msrp:
        pairs += [Pair("msrp", a, b) for a, b in msrp_pairs(folder) if part_of(a) == part]
    return pairs


# ---------------------------------------------------------------- corruptions


def _replace_span(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _pick(rng, pool: list[str], old: str, text: str) -> str | None:
    """A random replacement from the pool that is not a variant of `old` nor already in `text`."""
    for _ in range(30):
        new = rng.choice(pool)
        if not same_name(new, old) and new.lower() not in text.lower():
            return new
    return None


def swap_entity(doc, a, rng, pool, labels) -> tuple[str, str] | None:
    ents = [e for e in doc.ents if e.label_ in labels and e.text in a]
    rng.shuffle(ents)
    for e in ents:
        new = _pick(rng, pool[e.label_], e.text, doc.text) if pool.get(e.label_) else None
        if new:
            return _replace_span(doc.text, e.start_char, e.end_char, new), f"{e.text} -> {new}"
    return None


def swap_speaker(doc, a, rng, pool) -> tuple[str, str] | None:
    """The PERSON next to an attribution cue (said, told, according to) replaced by another."""
    for e in doc.ents:
        if e.label_ != "PERSON" or e.text not in a:
            continue
        near = [t.lower_ for t in doc[max(0, e.start - 3):e.end + 3]]
        if any(w in CUE_CLASS_OF or w == "according" for w in near):
            new = _pick(rng, pool["PERSON"], e.text, doc.text)
            if new:
                return _replace_span(doc.text, e.start_char, e.end_char, new), f"{e.text} -> {new}"
    return None


def change_number(doc, a, rng) -> tuple[str, str] | None:
    for t in doc:
        m = re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?", t.text)
        if not m or not re.search(rf"(?<![\d.,]){re.escape(t.text)}(?![\d])", a) or re.fullmatch(r"(1[89]|20)\d\d", t.text) or t.ent_type_ in ("DATE", "TIME"):
            continue
        value = float(t.text.replace(",", ""))
        decimals = len(t.text.split(".")[1]) if "." in t.text else 0
        step = 10 ** -decimals if decimals else max(1, 10 ** (len(str(int(value))) - 1))
        new_value = value + step * rng.choice([1, 2, 3, -1]) if value - step > 0 else value + step * rng.choice([1, 2, 3])
        new = f"{new_value:,.{decimals}f}" if "," in t.text else f"{new_value:.{decimals}f}"
        return _replace_span(doc.text, t.idx, t.idx + len(t.text), new), f"{t.text} -> {new}"
    return None


def change_date(doc, a, rng) -> tuple[str, str] | None:
    for t in doc:
        if t.text not in a:
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.ent_type_ == "DATE":
            new = str(int(t.text) + rng.choice([-3, -2, -1, 1, 2, 3]))
        elif t.text in MONTH_NAMES and t.ent_type_ == "DATE":
            new = rng.choice([m for m in MONTH_NAMES if m != t.text])
        elif t.text in DAY_NAMES:
            new = rng.choice([d for d in DAY_NAMES if d != t.text])
        else:
            continue
        return _replace_span(doc.text, t.idx, t.idx + len(t.text), new), f"{t.text} -> {new}"
    return None


def add_negation(doc, a, rng) -> tuple[str, str] | None:
    """"not" after an auxiliary whose verb the source sentence also has (the same claim)."""
    source_words = set(re.findall(r"\w+", a.lower()))
    for t in doc:
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ not in source_words:
            continue
        if t.lower_ in AUX and t.pos_ == "AUX" and nxt is not None and nxt.is_alpha \
                and nxt.lower_ not in ("not", "n't", "never", "no"):
            return _replace_span(doc.text, t.idx + len(t.text), t.idx + len(t.text), " not"), f"{t.text} -> {t.text} not"
    return None


def substitute_quoted_word(doc, a, rng, vocabulary) -> tuple[str, str] | None:
    text = doc.text
    for m in re.finditer(r'["\u201c]([^"\u201d]+)["\u201d]', text):
        inside = [t for t in doc if m.start(1) <= t.idx < m.end(1) and t.is_alpha
                  and t.lower_ not in STOPWORDS and len(t.text) > 3 and t.text in a]
        if not inside:
            continue
        t = rng.choice(inside)
        new = _pick(rng, vocabulary[t.pos_], t.text, text) if vocabulary.get(t.pos_) else None
        if new:
            new = new.capitalize() if t.text[0].isupper() else new.lower()
            return _replace_span(text, t.idx, t.idx + len(t.text), new), f"{t.text} -> {new}"
    return None


def corrupt(pairs: list[Pair], docs: dict[str, object], rng: random.Random) -> list[Pair]:
    pool: dict[str, list[str]] = defaultdict(list)
    vocabulary: dict[str, list[str]] = defaultdict(list)
    for doc in docs.values():
        for e in doc.ents:
            if e.label_ in NAME_LABELS and len(e.text) > 2:
                pool[e.label_].append(e.text)
        for t in doc:
            if t.is_alpha and t.pos_ in ("ADJ", "NOUN", "VERB") and len(t.text) > 3:
                vocabulary[t.pos_].append(t.lower_)
    pool = {k: sorted(set(v)) for k, v in pool.items()}
    vocabulary = {k: sorted(set(v)) for k, v in vocabulary.items()}
    # Each corruption changes a fact the source sentence states too: a detail only the copy
    # carries has nothing to be compared with.
    makers = {
        "entity swap": lambda d, a: swap_entity(d, a, rng, pool, {"PERSON", "ORG", "GPE"}),
        "number": lambda d, a: change_number(d, a, rng),
        "date": lambda d, a: change_date(d, a, rng),
        "negation": lambda d, a: add_negation(d, a, rng),
        "quoted word": lambda d, a: substitute_quoted_word(d, a, rng, vocabulary),
        "speaker swap": lambda d, a: swap_speaker(d, a, rng, pool),
    }
    out = []
    for source in sorted({p.source for p in pairs}):
        mine = [p for p in pairs if p.source == source]
        for kind, make in makers.items():
            order = list(range(len(mine)))
            rng.shuffle(order)
            made = 0
            for i in order:
                if made >= PER_KIND:
                    break
                result = make(docs[mine[i].b], mine[i].a)
                if result is not None:
                    out.append(Pair(source, mine[i].a, result[0], kind, result[1]))
                    made += 1
    return out


# ---------------------------------------------------------------- running the stage


def mentions(doc) -> list[Mention]:
    return [Mention(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]


def flagged(pair: Pair, nlp_cache) -> list[str]:
    """Kinds and details of the flags the real verify stage raises on this aligned pair."""
    a = Article(id="a", source="a.txt", text=pair.a, mentions=mentions(nlp_cache(pair.a)))
    b = Article(id="b", source="b.txt", text=pair.b, mentions=mentions(nlp_cache(pair.b)))
    link = Link("a", "b", "rewrite", 1.0, "a_to_b", [Alignment(pair.a, pair.b, 1.0, 0, 0)])
    return [f"{f.kind}: {f.detail}" for f in find_flags([a, b], [link], [], [], [])]


# ---------------------------------------------------------------- baselines


_WORD = re.compile(r"\w+")


def token_diff(pair: Pair, _docs) -> bool:
    wa = {w.lower() for w in _WORD.findall(pair.a)} - STOPWORDS
    wb = {w.lower() for w in _WORD.findall(pair.b)} - STOPWORDS
    return wa != wb


def ner_number_sets(pair: Pair, docs) -> bool:
    def facts(text):
        doc = docs(text)
        return ({e.text.lower() for e in doc.ents if e.label_ in NAME_LABELS | {"DATE"}}
                | set(re.findall(r"\d[\d,.]*", text)) | ({"NEG"} if re.search(r"\bnot\b|n't\b|\bnever\b", text) else set()))
    return facts(pair.a) != facts(pair.b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dirs", type=Path, nargs="+")
    parser.add_argument("--part", choices=["tune", "report"], default="report")
    parser.add_argument("--show", type=int, default=0, help="print N false flags and N misses per kind")
    parser.add_argument("--limit", type=int, default=0, help="use only N base pairs per source (a quick look)")
    args = parser.parse_args()

    import spacy
    from dossier.config import Options
    from dossier.resources import Resources
    from dossier.reuse.fingerprints import encode

    started = time.perf_counter()
    resources = Resources(Options())
    nlp = resources.nlp()
    rng = random.Random(13)
    faithful = base_pairs(args.data_dirs, args.part)
    rng.shuffle(faithful)
    limit = args.limit or MAX_FAITHFUL
    faithful = [p for s in sorted({p.source for p in faithful}) for p in [p for p in faithful if p.source == s][:limit]]
    for p in faithful:
        p.group = p.source + ("*" if differs_in_fact(p) else "")
    texts = sorted({t for p in faithful for t in (p.a, p.b)})
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=256)))
    corrupted = corrupt([p for p in faithful if not p.group.endswith("*")], docs, rng)
    extra = sorted({p.b for p in corrupted} - set(docs))
    docs.update(zip(extra, nlp.pipe(extra, batch_size=256)))
    doc_of = docs.__getitem__
    everything = faithful + corrupted

    ours = {id(p): flagged(p, doc_of) for p in everything}
    encoder = resources.encoder()
    va, vb = encode([p.a for p in everything], encoder), encode([p.b for p in everything], encoder)
    cosine = {id(p): float(c) for p, c in zip(everything, (va * vb).sum(axis=1))}
    baselines = {
        "Dossier verify": lambda p: bool(ours[id(p)]),
        "token diff": lambda p: token_diff(p, doc_of),
        "NER+number sets": lambda p: ner_number_sets(p, doc_of),
        f"MiniLM cos<{COSINE_THRESHOLD}": lambda p: cosine[id(p)] < COSINE_THRESHOLD,
    }
    report(args.part, faithful, corrupted, baselines, time.perf_counter() - started)
    if args.show:
        show(faithful, corrupted, ours, args.show)


# Not fitted: a fixed cut in the range where reuse aligns rewritten sentences (ReuseOptions
# align_cosine 0.75, strong 0.8) and above; it shows what sentence similarity alone sees.
COSINE_THRESHOLD = 0.9


def report(part, faithful, corrupted, methods, seconds) -> None:
    sources = sorted({p.group for p in faithful})
    print(f"part: {part}   base pairs: " + ", ".join(f"{s} {sum(p.group == s for p in faithful)}" for s in sources)
          + f"   corrupted pairs: {len(corrupted)}   ({seconds:.0f} s)")
    print('("*": the base pair itself differs in a quote, a name or a figure -- not faithful; its column is the '
          "share flagged per 1,000, not false flags)")
    header = f"{'method':20} " + " ".join(f"{k[:11]:>11}" for k in KINDS) + f" {'min rec':>8}"
    for s in sources:
        header += f" {('FP/1k ' + s)[:13]:>13}"
    print("\nrecall per corruption kind (all sources) and flags per 1,000 base pairs (false flags where no *)")
    print(header + f" {'FP ratio':>9}")
    rows = {}
    for name, decide in methods.items():
        recalls = []
        for kind in KINDS:
            items = [p for p in corrupted if p.kind == kind]
            recalls.append(sum(decide(p) for p in items) / len(items) if items else float("nan"))
        fps = [1000 * sum(decide(p) for p in faithful if p.group == s) / max(1, sum(p.group == s for p in faithful))
               for s in sources]
        rows[name] = (recalls, fps)
    clean = [i for i, s in enumerate(sources) if not s.endswith("*")]
    ours_fp = sum(rows["Dossier verify"][1][i] for i in clean) or 1e-9
    for name, (recalls, fps) in rows.items():
        line = f"{name:20} " + " ".join(f"{r:11.3f}" for r in recalls) + f" {min(recalls):8.3f}"
        line += "".join(f" {fp:13.1f}" for fp in fps)
        print(line + f" {sum(fps[i] for i in clean) / ours_fp:9.1f}")
    print("FP ratio: a method's false flags on the faithful groups (no *) / Dossier verify's.")
    counts = Counter((p.source, p.kind) for p in corrupted)
    print("corrupted pairs per source and kind: " + ", ".join(f"{s}/{k}: {n}" for (s, k), n in sorted(counts.items())))
    for s in sorted({p.source for p in corrupted}):
        per = []
        for kind in KINDS:
            items = [p for p in corrupted if p.kind == kind and p.source == s]
            if items:
                per.append(f"{kind} {sum(methods['Dossier verify'](p) for p in items) / len(items):.3f}")
        print(f"Dossier verify recall on {s}: " + ", ".join(per))


def show(faithful, corrupted, ours, n) -> None:
    print("\n--- false flags")
    for p in [p for p in faithful if ours[id(p)] and not p.group.endswith("*")][:n]:
        print(f"[{p.group}] A: {p.a}\n          B: {p.b}\n          -> {ours[id(p)]}")
    for kind in KINDS:
        print(f"\n--- misses: {kind}")
        for p in [p for p in corrupted if p.kind == kind and not ours[id(p)]][:n]:
            print(f"[{p.source}] ({p.change}) A: {p.a}\n          B: {p.b}")


if __name__ == "__main__":
    main()
