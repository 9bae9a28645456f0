"""Verify: flags where copies change facts, quotes drift, claims conflict, page dates lie.

`find_flags` is the corpus stage. It reads the links' sentence alignments, the articles' mentions,
quotes and events, the timeline and the build's `Provenance` (lineages, origin rank), and returns
every flag; it edits no article. `page_date_verdicts` turns the misdated-page flags into the
articles' new page-date trust ("contradicted"), which the build applies.
"""

from __future__ import annotations

import hashlib

from dossier.config import VerifyOptions
from dossier.kept import Kept
from dossier.model import Article, Entity, Event, Flag, FlagEvidence, Link, Provenance, Story, from_dict, to_dict
from dossier.reuse.align import overlap
from dossier.reuse.fingerprints import ProductCache
from dossier.reuse.provenance import build_provenance
from dossier.verify.checked import checked_links
from dossier.verify.claims import ClaimConflict, find_claim_conflicts
from dossier.verify.consensus import Conflict, find_conflicts
from dossier.verify.dates import Misdating, PageDateVerdict, find_misdated, page_date_verdicts
from dossier.verify.kept import FLAG_PRODUCT, component_key, link_components
from dossier.verify.linkchecks import LinkChecker
from dossier.verify.pairs import AlignedPair, PairChanges, SentenceFacts
from dossier.verify.quotes import QuoteDrift, drift_groups

__all__ = ["find_flags", "page_date_verdicts", "PageDateVerdict"]

_SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2}


def find_flags(articles: list[Article], links: list[Link], events: list[Event], entities: list[Entity],
               stories: list[Story], provenance: Provenance | None = None,
               options: VerifyOptions = VerifyOptions(), cache: ProductCache | None = None) -> list[Flag]:
    """All flags, sorted by (kind, articles, id). `events`: the timeline; `entities` and `stories`
    key the claims; `provenance`: the build's (computed from `links` when not given); `options`:
    the checks' thresholds. Each copy is checked against its closest earlier version, not against
    every article it is linked with (`checked.checked_links`). `cache` (the Store) keeps each link component's flags between builds
    (`kept`), so an add re-reads only the components it changed, and each link's checks
    (`linkchecks`), so it re-checks only the links it changed in them. The flags are the same with
    or without it."""
    provenance = provenance if provenance is not None else build_provenance(articles, links)
    by_id = {a.id: a for a in articles}
    name = {a.id: a.source.rsplit("/", 1)[-1] or a.id for a in articles}.get
    lineage_of = provenance.lineage_of()
    kept = Kept(cache, FLAG_PRODUCT)
    checker = LinkChecker(cache, options)
    flags = []
    present = [link for link in links if link.a in by_id and link.b in by_id]
    for group in link_components(checked_links(present, provenance)):
        members = [by_id[m] for m in sorted({x for link in group for x in (link.a, link.b)})]
        key = component_key(group, members, provenance.rank, lineage_of, options) if cache is not None else ""
        found = kept.get(members[0].id, key)
        if found is not None:
            flags += [from_dict(Flag, f) for f in found]
            continue
        found = _link_flags(members, group, provenance.rank.__getitem__, lineage_of, options, name, checker)
        kept.put(members[0].id, key, [to_dict(f) for f in found])
        flags += found
    flags += [_claim_flag(c, name) for c in find_claim_conflicts(articles, entities, stories, options.claims)
              if not _already_flagged(c, flags)]
    for finding in find_misdated(articles, provenance, events, options.max_news_lag_days):
        flags.append(_misdated_flag(by_id[finding.article], finding))
    unique = {f.id: f for f in flags}
    return sorted(unique.values(), key=lambda f: (f.kind, f.articles, f.id))


def _link_flags(members: list[Article], links: list[Link], rank, lineage_of: dict[str, int],
                options: VerifyOptions, name, checker: LinkChecker | None = None) -> list[Flag]:
    """The flags read off one component of the link graph: changed facts and quoted words of its
    aligned sentences, its quotes' drift, and consensus conflicts among its articles. `checker`
    gives each link's own checks (kept ones where it has them)."""
    checker = checker or LinkChecker(None, options)
    slots = SentenceFacts(members)  # each sentence's facts computed once for every link checked
    by_id = {a.id: a for a in members}
    checks = [checker(link, by_id, slots) for link in links]
    pairs = [p for c in checks for p in c.pairs]
    found, quoted = [], []
    for link, c in zip(links, checks):
        shared = _shared_background(link, lineage_of)
        found += [pc for pc in c.changed if not shared or _copied(pc.pair, options)]
        quoted += [pc for pc in c.quoted if not shared or _copied(pc.pair, options)]
    found += _new_findings(found, quoted)
    flags = [_changed_fact_flag(pc, name) for pc in found]
    quotes = [q for c in checks for q in c.quotes]
    flags += [_drift_flag(d, name) for d in drift_groups(quotes, members, rank, options)]
    flags += [_conflict_flag(c, name) for c in find_conflicts(pairs, found, lineage_of, rank)]
    return flags


def _shared_background(link: Link, lineage_of: dict[str, int]) -> bool:
    """A partial link between two independent sources (two lineages): passages in common, not a
    copy of the other's report. A reworded pair there is two outlets' own words for one event ("The
    three were joined by Christie and Scott" / "Two other candidates, Christie and Scott"), and two
    outlets' transcripts of one speech differ in quoted words ("gonna" / "going") without anyone
    changing them; a background paragraph one copied and changed is still read (`_copied`)."""
    return link.kind == "partial" and lineage_of.get(link.a) != lineage_of.get(link.b)


def _copied(pair: AlignedPair, options: VerifyOptions) -> bool:
    """Whether the pair's sentences are one copied sentence (word 3-gram Jaccard at
    `ReuseOptions.verbatim_overlap`, the line between copying and rewording: a changed word or two
    keeps ~0.6-0.8), where a changed fact is a change the copy made."""
    return overlap(pair.source_slots.text, pair.copy_slots.text) >= options.copied_overlap


def _new_findings(found: list[PairChanges], extra: list[PairChanges]) -> list[PairChanges]:
    """`extra` findings whose change between the same two articles was not found already."""
    seen = {(frozenset((pc.pair.source, pc.pair.copy)), c.slot, frozenset((c.a.lower(), c.b.lower())))
            for pc in found for c in pc.changes}
    out = []
    for pc in extra:
        keys = {(frozenset((pc.pair.source, pc.pair.copy)), c.slot, frozenset((c.a.lower(), c.b.lower())))
                for c in pc.changes}
        if not keys <= seen:
            seen |= keys
            out.append(pc)
    return out


def flag_id(kind: str, articles: list[str], key: str) -> str:
    """Deterministic: the same finding on the same articles always gets the same id."""
    digest = hashlib.sha1("\x1f".join([kind, *articles, key]).encode("utf-8")).hexdigest()
    return f"flag-{digest[:16]}"


def _changed_fact_flag(pc: PairChanges, name) -> Flag:
    p = pc.pair
    detail = "; ".join(c.detail for c in pc.changes)
    if p.directed:
        detail += f" (source {name(p.source)}, copy {name(p.copy)})"
    severity = max((c.severity for c in pc.changes), key=_SEVERITY_ORDER.__getitem__)
    articles = [p.source, p.copy]
    return Flag(id=flag_id("changed_fact", articles, f"{p.source_index}:{p.copy_index}:{detail}"),
                kind="changed_fact", articles=articles,
                evidence=[FlagEvidence(p.source, p.source_slots.text), FlagEvidence(p.copy, p.copy_slots.text)],
                detail=detail, severity=severity)


def _drift_flag(d: QuoteDrift, name) -> Flag:
    who = f"{d.speaker}'s quote" if d.speaker else "A quote"
    subs = ", ".join(f"{x!r} vs {y!r}" for x, y in d.substitutions[:4])
    detail = (f"{who} is worded {len(d.variants)} ways; closest to the original: {name(d.variants[0].article)}; "
              f"changed words: {subs}")
    return Flag(id=flag_id("quote_drift", d.articles, d.variants[0].text),
                kind="quote_drift", articles=d.articles,
                evidence=[FlagEvidence(v.article, v.text) for v in d.variants],
                detail=detail, severity="medium")


def _conflict_flag(c: Conflict, name) -> Flag:
    detail = (f"{c.slot}: {c.value!r} in {name(c.outlier)} against {c.majority!r} in "
              f"{len(c.agreeing)} articles from {c.independent} independent source(s)")
    articles = [c.outlier, *c.agreeing]
    return Flag(id=flag_id("conflicting_claim", articles, f"{c.slot}:{c.value}"),
                kind="conflicting_claim", articles=articles,
                evidence=[FlagEvidence(a, c.sentences[a]) for a in articles if a in c.sentences],
                detail=detail, severity="high" if c.independent >= 2 else "medium")


def _misdated_flag(article: Article, m: Misdating) -> Flag:
    articles = [article.id] + ([m.news.article] if m.news.article != article.id else [])
    page_evidence = next((e.text for e in article.page_date_evidence), article.page_date or "")
    evidence = [FlagEvidence(article.id, f"page date: {page_evidence}"),
                FlagEvidence(article.id, _sentence_with(article.text, m.cue))]
    evidence.append(FlagEvidence(m.news.article, m.news.text))
    # The page-date verdict (`page_date_verdicts`) reads the detail back from this flag.
    return Flag(id=flag_id("misdated_page", articles, m.page_date),
                kind="misdated_page", articles=articles, evidence=evidence, detail=m.detail,
                severity="high")


def _sentence_with(text: str, cue: str) -> str:
    """The sentence of `text` that holds `cue` (the words that present the events as news)."""
    at = text.find(cue)
    if at < 0:
        return cue
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def _claim_flag(c: ClaimConflict, name) -> Flag:
    """Both sides with their independent sources; evidence: the minority's sentences first."""
    what = f"{c.attribute} of {c.subject}" if c.subject else f"number {c.attribute}"
    side = lambda claims: ", ".join(sorted({name(x.article) for x in claims}))  # noqa: E731
    detail = (f"{what}: {c.minority_value!r} in {side(c.minority)} ({c.minority_sources} independent "
              f"source(s)) against {c.majority_value!r} in {side(c.majority)} ({c.majority_sources} "
              f"independent source(s))")
    articles = list(dict.fromkeys([x.article for x in c.minority] + [x.article for x in c.majority]))
    evidence = {(x.article, x.sentence): FlagEvidence(x.article, x.sentence, side)
                for side, claims in (("claim", c.minority), ("against", c.majority)) for x in claims}
    return Flag(id=flag_id("conflicting_claim", articles, f"{c.attribute}:{c.subject}:{c.key}"),
                kind="conflicting_claim", articles=articles, evidence=list(evidence.values()), detail=detail,
                severity="high" if c.majority_sources >= 2 else "medium")


def _already_flagged(c: ClaimConflict, flags: list[Flag]) -> bool:
    """The aligned-sentence consensus already flagged this minority value in this article."""
    minority = {x.article for x in c.minority}
    value = c.minority_value.lower()
    return any(f.kind == "conflicting_claim" and minority & set(f.articles) and value in f.detail.lower()
               for f in flags)
