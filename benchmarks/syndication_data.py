"""A reproducible syndication corpus generated from real article bodies, with known lineages.

    from benchmarks.syndication_data import generate
    corpus = generate([Path("/work/shared/data/article-extraction-benchmark"),
                       Path("/work/shared/data/ecbplus"), Path("/work/shared/data/polnear"),
                       Path("/work/shared/data/trafilatura-eval")], n_articles=1000, seed=0)
    corpus.articles()            # list[dossier.model.Article], shuffled
    corpus.items                 # list[Item]: article + lineage, parent, transformation, topic, depth
    corpus.lineages()            # {lineage id: [article ids]} (partial hosts and loners: their own)
    corpus.originals()           # {lineage id: id of the original}
    corpus.gold_edges()          # [(parent id, child id, transformation)] derivations
    corpus.partial_sources()     # {host article id: lineage id whose paragraphs it reuses}
    corpus.hard_negatives()      # [(id, id)] same-topic articles of different lineages

Bodies (each folder is recognised by what it holds; pass any subset):
- article-extraction-benchmark: `ground-truth.json` gold article bodies (paragraphs by blank lines);
- ecbplus: `ECB+/<topic>/*.xml`, tokens joined back into text; the topic gives hard negatives
  (several outlets' independent reports of the same event);
- polnear: `data/*/text/*.txt` US political news;
- trafilatura-eval: `evaldata.json` "without" snippets (menus, share buttons, newsletter prompts)
  are the pool of fresh boilerplate lines added to every article.
Bases that share two or more sentences verbatim with an earlier base are dropped, so the only
reuse in the corpus is the reuse generated here.

Every article, originals included, carries its own boilerplate lines drawn from the pool.
Transformations (`Item.transformation`): "original"; "verbatim" (same body, fresh boilerplate,
new site); "abridged" (the lead kept, 50-80% of the other paragraphs); "spun" (synonym swaps,
clause moves, sentences split and merged: few word 5-grams survive); "reordered" (paragraphs
shuffled); "chain" (a copy of a copy, abridged or verbatim at each hop, depth 2-3);
"partial" (another real article that inserts one or two background paragraphs of the original:
its own lineage, linked to the original only as partial reuse); "loner" (a real article nobody
copied). Spun items keep `sentence_map` (rewritten sentence, source sentence) for benchmarks that
corrupt facts in copies. Everything depends only on the files and `seed`.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dossier.model import Article

LINEAGE_KINDS = ("verbatim", "abridged", "spun", "reordered", "chain")
MIN_BASE_WORDS = 150
MIN_BASE_PARAGRAPHS = 4


@dataclass
class Base:
    key: str
    paragraphs: list[list[str]]  # paragraphs of sentences
    topic: str | None = None


@dataclass
class Item:
    article: Article
    lineage: str
    transformation: str
    parent: str | None = None
    topic: str | None = None
    depth: int = 0
    base: str = ""
    sentence_map: list[tuple[str, str]] = field(default_factory=list)
    partial_source: str | None = None  # lineage whose paragraphs a "partial" item reuses


@dataclass
class SyndicationCorpus:
    items: list[Item]
    seed: int

    def articles(self) -> list[Article]:
        return [item.article for item in self.items]

    def by_id(self) -> dict[str, Item]:
        return {item.article.id: item for item in self.items}

    def lineages(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for item in self.items:
            out[item.lineage].append(item.article.id)
        return dict(out)

    def originals(self) -> dict[str, str]:
        return {item.lineage: item.article.id for item in self.items if item.parent is None}

    def gold_edges(self) -> list[tuple[str, str, str]]:
        return [(i.parent, i.article.id, i.transformation) for i in self.items if i.parent is not None]

    def partial_sources(self) -> dict[str, str]:
        return {i.article.id: i.partial_source for i in self.items if i.partial_source}

    def hard_negatives(self) -> list[tuple[str, str]]:
        by_topic: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            if item.topic:
                by_topic[item.topic].append(item)
        related = {(i.article.id, i.partial_source) for i in self.items if i.partial_source}
        pairs = []
        for members in by_topic.values():
            for x, a in enumerate(members):
                for b in members[x + 1:]:
                    if a.lineage != b.lineage and (a.article.id, b.lineage) not in related \
                            and (b.article.id, a.lineage) not in related:
                        pairs.append((a.article.id, b.article.id))
        return pairs


# ------------------------------------------------------------------ reading real bodies

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z0-9])")


def sentences_of(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(paragraph.split())) if s.strip()]


def _paragraphs(text: str) -> list[list[str]]:
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [s for s in (sentences_of(b) for b in blocks) if s]


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r"(\w) ([-/]) (\w)", r"\1\2\3", text)
    text = re.sub(r"(\d) ?([:.,]) (\d)", r"\1\2\3", text)
    return re.sub(r"`` | ''|``|''", '"', text)


def read_ecbplus(folder: Path) -> list[Base]:
    out = []
    for path in sorted(folder.glob("ECB+/*/*.xml")):
        root = ET.parse(path).getroot()
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for token in root.iter("token"):
            by_sentence[int(token.get("sentence", 0))].append(token.text or "")
        sents = [_detokenize(by_sentence[k]) for k in sorted(by_sentence) if k > 0]
        sents = [s for s in sents if len(s.split()) >= 4 and "http" not in s]
        paragraphs = [sents[i:i + 2] for i in range(0, len(sents), 2)]
        out.append(Base(f"ecb:{path.stem}", paragraphs, topic=f"ecb{path.parent.name}"))
    return out


def read_folder(folder: Path) -> tuple[list[Base], list[str]]:
    """Bases and boilerplate lines found in one data folder."""
    bases: list[Base] = []
    boilerplate: list[str] = []
    truth = folder / "ground-truth.json"
    if truth.exists():
        for key, value in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            bases.append(Base(f"aeb:{key[:12]}", _paragraphs(value["articleBody"])))
    if (folder / "ECB+").is_dir():
        bases.extend(read_ecbplus(folder))
    for path in sorted(folder.glob("data/*/text/*.txt")):
        bases.append(Base(f"polnear:{path.stem}", _paragraphs(path.read_text(encoding="utf-8"))))
    evaldata = folder / "evaldata.json"
    if evaldata.exists():
        for value in json.loads(evaldata.read_text(encoding="utf-8")).values():
            boilerplate.extend(s.strip() for s in value.get("without", []) if s.strip().isascii())
    return bases, sorted(set(boilerplate))


def _norm(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))


def usable_bases(bases: list[Base]) -> list[Base]:
    """Long enough, and no two sharing a sentence verbatim (real syndication in the sources)."""
    seen: set[str] = set()
    out = []
    for base in bases:
        sents = [s for p in base.paragraphs for s in p]
        if sum(len(s.split()) for s in sents) < MIN_BASE_WORDS or len(base.paragraphs) < MIN_BASE_PARAGRAPHS:
            continue
        keys = {_norm(s) for s in sents if len(s.split()) >= 8}
        if len(keys & seen) >= 2:
            continue
        seen |= keys
        out.append(base)
    return out


# ------------------------------------------------------------------ transformations

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "announced": "declared", "added": "continued",
    "according to": "as reported by", "however": "nevertheless", "also": "additionally", "but": "yet",
    "big": "large", "large": "sizeable", "small": "minor", "many": "numerous", "several": "a number of",
    "important": "significant", "major": "key", "new": "fresh", "old": "former", "recent": "latest",
    "help": "assist", "helped": "assisted", "use": "employ", "used": "employed", "using": "employing",
    "show": "demonstrate", "showed": "demonstrated", "shows": "demonstrates", "start": "begin",
    "started": "began", "begin": "commence", "end": "conclude", "ended": "concluded", "buy": "purchase",
    "bought": "purchased", "get": "obtain", "got": "obtained", "make": "create", "made": "created",
    "people": "individuals", "company": "firm", "companies": "firms", "government": "administration",
    "officials": "authorities", "police": "law enforcement", "country": "nation", "city": "town",
    "week": "seven days", "month": "four weeks", "year": "twelve months", "years": "years' time",
    "about": "around", "more than": "over", "less than": "under", "nearly": "almost", "very": "highly",
    "because": "since", "while": "whereas", "after": "following", "before": "prior to", "during": "throughout",
    "asked": "questioned", "believe": "think", "believes": "thinks", "think": "believe", "wanted": "sought",
    "want": "wish", "need": "require", "needs": "requires", "needed": "required", "try": "attempt",
    "tried": "attempted", "find": "discover", "found": "discovered", "keep": "retain", "kept": "retained",
    "leave": "depart", "left": "departed", "win": "secure", "won": "secured", "lost": "forfeited",
    "killed": "slain", "died": "passed away", "hit": "struck", "increase": "rise", "decrease": "drop",
    "rose": "climbed", "fell": "dropped", "problem": "issue", "problems": "issues", "plan": "scheme",
    "plans": "intends", "meeting": "gathering", "talks": "discussions", "statement": "declaration",
    "report": "account", "reported": "disclosed", "reports": "accounts", "claim": "assertion",
    "claimed": "asserted", "support": "backing", "supporters": "backers", "chief": "head", "leader": "head",
    "quickly": "rapidly", "slowly": "gradually", "often": "frequently", "again": "once more",
    "already": "previously", "now": "currently", "later": "subsequently", "soon": "shortly",
    "children": "kids", "woman": "lady", "man": "gentleman", "house": "home", "job": "position",
    "jobs": "positions", "money": "funds", "car": "vehicle", "cars": "vehicles", "move": "step",
    "decision": "ruling", "decided": "resolved", "agreed": "consented", "warned": "cautioned",
    "expected": "anticipated", "likely": "probable", "difficult": "hard", "easy": "simple",
    "begun": "commenced", "biggest": "largest", "first": "initial", "last": "final", "whole": "entire",
    "the": "the", "is": "is", "has been": "was", "have been": "were", "will": "is set to", "would": "could",
    "could": "might", "can": "is able to", "should": "ought to", "must": "has to", "may": "might",
    "there are": "there exist", "it is": "it's", "did not": "didn't", "does not": "doesn't", "do not": "don't",
    "was not": "wasn't", "is not": "isn't", "are not": "aren't", "we are": "we're", "they are": "they're",
    "in order to": "to", "as well as": "and also", "a lot of": "plenty of", "a number of": "several",
    "including": "such as", "such as": "like", "among": "amongst", "despite": "in spite of", "although": "though",
    "though": "although", "which": "that", "who": "that", "when": "once", "if": "should", "until": "till",
    "across": "throughout", "around": "roughly", "almost": "nearly", "only": "just", "just": "only",
    "still": "yet", "even": "indeed", "really": "truly", "more": "additional", "most": "the majority of",
    "other": "different", "others": "other people", "same": "identical", "different": "distinct",
    "good": "fine", "bad": "poor", "high": "elevated", "low": "reduced", "long": "lengthy", "short": "brief",
    "early": "initial", "late": "belated", "young": "youthful", "local": "regional", "national": "nationwide",
    "public": "general public", "political": "governmental", "economic": "financial", "former": "ex",
    "president": "head of state", "state": "state-level", "group": "organisation", "team": "squad",
    "members": "participants", "member": "participant", "work": "labor", "worked": "labored",
    "working": "laboring", "life": "existence", "home": "residence", "family": "household", "area": "region",
    "part": "portion", "place": "location", "time": "moment", "day": "date", "days": "days' time",
    "world": "globe", "system": "framework", "program": "programme", "service": "facility",
    "case": "instance", "point": "stage", "number": "quantity", "way": "manner", "thing": "item",
    "things": "items", "information": "details", "question": "query", "questions": "queries",
    "change": "alteration", "changes": "alterations", "result": "outcome", "results": "outcomes",
    "reason": "cause", "believed": "thought", "called": "referred to as", "came": "arrived", "come": "arrive",
    "went": "headed", "go": "head", "going": "heading", "gave": "provided", "give": "provide", "given": "provided",
    "took": "seized", "take": "seize", "taken": "seized", "saw": "witnessed", "see": "witness", "seen": "witnessed",
    "knew": "understood", "know": "understand", "known": "recognized", "put": "placed", "set": "established",
    "run": "operate", "ran": "operated", "brought": "carried", "bring": "carry", "began": "commenced",
    "became": "turned into", "become": "turn into", "remain": "stay", "remained": "stayed", "include": "contain",
    "includes": "contains", "included": "contained", "continue": "carry on", "continued": "carried on",
    "allow": "permit", "allowed": "permitted", "open": "accessible", "opened": "launched", "close": "shut",
    "closed": "shut", "arrested": "detained", "charged": "accused", "hospital": "medical center",
    "attack": "assault", "attacks": "assaults", "fire": "blaze", "shot": "gunned", "crash": "collision",
    "earthquake": "quake", "storm": "tempest", "election": "vote", "campaign": "bid", "voters": "electorate",
}
SYNONYMS = {k: v for k, v in SYNONYMS.items() if k != v}
_SYNONYM = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_LEADING_PHRASE = re.compile(r"^((?:On|In|At|After|During|Since|By|Earlier|Last|This) [^,]{3,40}), (.+?)([.!?])$")
_ATTRIBUTION = re.compile(r"^(.{20,}?), ((?:[A-Z][\w.]* ){0,3}[\w.]+ (?:said|says|stated))([.!?])$")


def _match_case(word: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if word[:1].isupper() else replacement


def swap_synonyms(sentence: str, rng: random.Random, rate: float) -> str:
    return _SYNONYM.sub(lambda m: _match_case(m.group(0), SYNONYMS[m.group(0).lower()])
                        if rng.random() < rate else m.group(0), sentence)


def reword_clauses(sentence: str) -> str:
    """Move a leading time/place phrase to the end, or an end attribution to the front."""
    if m := _LEADING_PHRASE.match(sentence):
        head, rest, stop = m.groups()
        return f"{rest[0].upper()}{rest[1:]} {head[0].lower()}{head[1:]}{stop}"
    if m := _ATTRIBUTION.match(sentence):
        claim, speaker, stop = m.groups()
        if not claim.startswith(("\"", "“")):
            return f"{speaker[0].upper()}{speaker[1:]} that {claim[0].lower()}{claim[1:]}{stop}"
    return sentence


def split_sentence(sentence: str) -> list[str]:
    for joint in (", but ", "; ", ", and ", ", while "):
        head, sep, tail = sentence.partition(joint)
        if sep and len(head.split()) >= 5 and len(tail.split()) >= 5:
            lead = {", but ": "But ", ", while ": "Meanwhile, "}.get(joint, "")
            return [head.rstrip(",;") + ".", lead + tail[0].upper() + tail[1:] if not lead else lead + tail]
    return [sentence]


def spin(paragraphs: list[list[str]], rng: random.Random) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """A spun rewrite, and (new sentence, source sentence) for each output sentence."""
    out, mapping = [], []
    for paragraph in paragraphs:
        new_paragraph: list[str] = []
        i = 0
        while i < len(paragraph):
            source = paragraph[i]
            merge = (i + 1 < len(paragraph) and rng.random() < 0.15 and len(source.split()) < 18
                     and source.endswith("."))
            if merge:
                following = paragraph[i + 1]
                joined = source[:-1] + ", and " + following[0].lower() + following[1:]
                pieces, sources = [joined], [source + " " + following]
                i += 2
            else:
                pieces = split_sentence(source) if rng.random() < 0.3 else [source]
                sources = [source] * len(pieces)
                i += 1
            for piece, src in zip(pieces, sources):
                piece = swap_synonyms(reword_clauses(piece), rng, rate=0.9)
                new_paragraph.append(piece)
                mapping.append((piece, src))
        out.append(new_paragraph)
    return out, mapping


def abridge(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    keep = rng.uniform(0.5, 0.8)
    rest = [p for p in paragraphs[1:] if rng.random() < keep] or paragraphs[1:2]
    return [paragraphs[0]] + rest


def reorder(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    shuffled = paragraphs[:]
    while len(shuffled) > 1 and shuffled == paragraphs:
        rng.shuffle(shuffled)
    return shuffled


def with_boilerplate(paragraphs: list[list[str]], pool: list[str], rng: random.Random) -> str:
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    if not pool:
        return body
    head = rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
    tail = rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))
    return "\n".join(head) + "\n\n" + body + "\n\n" + "\n".join(tail)


# ------------------------------------------------------------------ assembling the corpus


class _Builder:
    def __init__(self, boilerplate: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.boilerplate = boilerplate
        self.items: list[Item] = []
        self.seed = seed

    def _date(self, start: date | None = None) -> date:
        if start is None:
            return date(2015, 1, 1) + timedelta(days=self.rng.randrange(6 * 365))
        return start + timedelta(days=self.rng.randint(0, 20))

    def add(self, paragraphs, *, lineage, transformation, when: date, parent=None, topic=None, depth=0,
            base="", credit: str | None = None, **extra) -> Item:
        number = len(self.items)
        article_id = f"s{self.seed}-{number:06d}"
        text = with_boilerplate(paragraphs, self.boilerplate, self.rng)  # every page has its own chrome
        trusted = self.rng.random() < 0.5
        article = Article(id=article_id, source=f"{article_id}.txt", text=text, site=f"site{number}.example",
                          credited_source=credit,
                          page_date=when.isoformat() if trusted else None,
                          page_date_trust="ok" if trusted else "missing")
        item = Item(article, lineage or article_id, transformation, parent, topic, depth, base, **extra)
        self.items.append(item)
        return item

    def lineage(self, base: Base, kinds: list[str]) -> Item:
        when = self._date()
        original = self.add(base.paragraphs, lineage=None, transformation="original", when=when,
                            topic=base.topic, base=base.key)
        for kind in kinds:
            self.derive(original, base, kind, when)
        return original

    def derive(self, original: Item, base: Base, kind: str, when: date) -> None:
        rng, lineage = self.rng, original.lineage
        common = dict(lineage=lineage, topic=base.topic, base=base.key)
        credit = original.article.site if rng.random() < 0.2 else None
        if kind == "verbatim":
            self.add(base.paragraphs, transformation=kind, when=self._date(when), parent=original.article.id,
                     depth=1, credit=credit, **common)
        elif kind == "abridged":
            self.add(abridge(base.paragraphs, rng), transformation=kind, when=self._date(when),
                     parent=original.article.id, depth=1, credit=credit, **common)
        elif kind == "reordered":
            self.add(reorder(base.paragraphs, rng), transformation=kind, when=self._date(when),
                     parent=original.article.id, depth=1, **common)
        elif kind == "spun":
            paragraphs, mapping = spin(base.paragraphs, rng)
            self.add(paragraphs, transformation=kind, when=self._date(when), parent=original.article.id,
                     depth=1, sentence_map=mapping, **common)
        elif kind == "chain":
            paragraphs, parent, hop_date = base.paragraphs, original, when
            for depth in range(1, rng.randint(2, 3) + 1):
                paragraphs = abridge(paragraphs, rng) if rng.random() < 0.5 else paragraphs
                hop_date = self._date(hop_date)
                parent = self.add(paragraphs, transformation="chain", when=hop_date, parent=parent.article.id,
                                  depth=depth, **common)
        else:
            raise ValueError(kind)

    def partial(self, host: Base, source: Item, source_base: Base) -> None:
        rng = self.rng
        background = rng.sample(source_base.paragraphs[1:], k=min(2, len(source_base.paragraphs) - 1))
        if rng.random() < 0.5:
            background = spin(background, rng)[0]
        paragraphs = host.paragraphs[:]
        for paragraph in background:
            paragraphs.insert(rng.randint(1, len(paragraphs)), paragraph)
        self.add(paragraphs, lineage=None, transformation="partial", when=self._date(), topic=host.topic,
                 base=host.key, partial_source=source.lineage)

    def loner(self, base: Base) -> None:
        self.add(base.paragraphs, lineage=None, transformation="loner", when=self._date(), topic=base.topic,
                 base=base.key)


def generate(data_dirs: Sequence[Path], n_articles: int, seed: int = 0) -> SyndicationCorpus:
    """About `n_articles` articles (never fewer unless the bases run out) built from real bodies.

    Roles are drawn per base: a lineage (an original and 1+ derived copies, one per transformation
    drawn round-robin so every kind is equally frequent), a partial host (a real article reusing
    background paragraphs of an earlier original), or a loner. ECB+ articles of one topic are
    independent reports of related events: they are the hard negatives.
    """
    bases, boilerplate = [], []
    for folder in data_dirs:
        found, lines = read_folder(Path(folder))
        bases.extend(found)
        boilerplate.extend(lines)
    rng = random.Random(seed)
    bases = usable_bases(bases)
    rng.shuffle(bases)
    builder = _Builder(sorted(set(boilerplate)), seed)
    kinds = list(LINEAGE_KINDS)
    rng.shuffle(kinds)
    turn = 0
    originals: list[tuple[Item, Base]] = []
    for position, base in enumerate(bases):
        if len(builder.items) >= n_articles:
            break
        left_bases = len(bases) - position
        per_base = max(1.0, (n_articles - len(builder.items)) / left_bases)
        role = rng.random()
        if role < 0.15 and originals:
            source, source_base = originals[rng.randrange(len(originals))]
            builder.partial(base, source, source_base)
        elif role < 0.35:
            builder.loner(base)
        else:
            count = max(1, round(rng.uniform(0.5, 1.5) * per_base * 1.6))
            chosen = [kinds[(turn + i) % len(kinds)] for i in range(count)]
            turn += count
            originals.append((builder.lineage(base, chosen), base))
    items = builder.items
    order = list(range(len(items)))
    random.Random(seed + 1).shuffle(order)
    return SyndicationCorpus([items[i] for i in order], seed)

