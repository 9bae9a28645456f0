"""A tiny hand-built dossier for the web tests (no tests here; imported by test_web*.py).

Three .txt files go through the real ingest and clean stages (not the analysis or corpus stages,
which need models); then the sentences, mentions, quotes and every corpus list are set by hand, so each page has known, non-empty content whatever stage has landed. One
article carries markup that must come out as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from dossier.clean import clean_document
from dossier.config import Options
from dossier.ingest import read_paths
from dossier.model import (Alignment, Corpus, Derivation, Entity, Event, Evidence, Flag, FlagEvidence, Link, Mention,
                           Quote, Sentence, Story)
from dossier.store import Store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

FILES = {
    "wire.txt": "Envoys meet in Geneva over grain deal\n\n"
                "Foreign Minister Anna Berg opened the Geneva talks on Tuesday. "
                "She said the deal needed \"logistical guarantees from every port\". "
                "The United States stayed away, citing logistical issues. "
                "Talks continue next week.\n",
    "copy.txt": "Geneva grain talks open with Berg warning\n\n"
                "Foreign Minister Anna Berg opened the Geneva talks on Tuesday. "
                "She said the deal needed \"technical guarantees from each port\". "
                "The United States stayed away, citing technological issues. "
                "A weather front hit the city.\n",
    "xss.txt": f"Markup in a scraped page {SCRIPT}\n\n"
               f"The page text said {SCRIPT} and then {IMG} before the story. "
               "Anna Berg was not mentioned elsewhere.\n",
}


def sentences_of(text: str) -> list[Sentence]:
    """Sentences at '. ' boundaries, with offsets (enough for hand-built alignments)."""
    out = []
    for i, match in enumerate(re.finditer(r"[^.\n]+(?:\.|$)", text)):
        if match.group().strip():
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            out.append(Sentence(index=len(out), start=start, end=match.end(), text=match.group().strip()))
    return out


def build_sample(folder: Path) -> tuple[Path, dict[str, str]]:
    """Build the sample dossier in `folder`; returns (db path, file name -> article id)."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True)
    for name, text in FILES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    db = folder / "sample.db"
    store = Store(db)
    options = Options()
    articles = []
    for doc in read_paths([inputs], options.ingest):
        store.put_document(doc)
        articles.append(clean_document(doc, options.clean))
    ids = {Path(a.source).name: a.id for a in articles}
    for article in articles:
        article.sentences = sentences_of(article.text)
        article.mentions = [Mention(text="Anna Berg", label="PERSON", start=m.start(), end=m.end(), entity="e-berg")
                            for m in re.finditer("Anna Berg", article.text)]
        article.quotes = [q for q in quotes(ids) if q.article == article.id]
        store.put_article(article)
    store.put_corpus(corpus(store, ids))
    store.close()
    return db, ids


def quotes(ids: dict[str, str]) -> list[Quote]:
    return [Quote(id="q1", article=ids["wire.txt"], text="logistical guarantees from every port", start=0, end=10,
                  speaker="e-berg", speaker_text="She", cue="said"),
            Quote(id="q2", article=ids["copy.txt"], text="technical guarantees from each port", start=0, end=10,
                  speaker="e-berg", speaker_text="She", cue="said"),
            Quote(id="q3", article=ids["xss.txt"], text=f"quoted {SCRIPT}", start=0, end=10,
                  speaker=None, speaker_text=IMG, cue="wrote")]


def corpus(store: Store, ids: dict[str, str]) -> Corpus:
    wire, copy, xss = (store.article(ids[n]) for n in ("wire.txt", "copy.txt", "xss.txt"))
    pairs = [(i, i) for i in range(3)]  # the first three sentences of wire and copy say the same
    alignments = [Alignment(a_sentence=wire.sentences[i].text, b_sentence=copy.sentences[j].text,
                            score=0.9, a_index=i, b_index=j) for i, j in pairs]
    links = [Link(a=wire.id, b=copy.id, kind="rewrite", score=0.82, direction="a_to_b", alignments=alignments),
             Link(a=wire.id, b=xss.id, kind="partial", score=0.31, direction=None,
                  alignments=[Alignment(a_sentence=wire.sentences[0].text, b_sentence=xss.sentences[0].text,
                                        score=0.4, a_index=0, b_index=0)])]
    stories = [Story(id="s-geneva", title=f"Geneva grain talks {SCRIPT}", articles=[wire.id, copy.id, xss.id],
                     original=wire.id, independent_sources=2, first_reported="2024-05-07",
                     lineages=[[wire.id, copy.id], [xss.id]], edges=[Derivation(wire.id, copy.id, "rewrite")])]
    entities = [Entity(id="e-berg", name="Anna Berg", type="PERSON", aliases=["Anna Berg", "Berg", IMG])]
    # The corpus holds events in timeline order (stories/timeline.py sorts them; the web and the
    # report keep that order), so the hand-built list is in it too.
    events = [Event(id="ev0", type="agreement", summary="The first grain deal", date="2022",
                    date_precision="year", articles=[wire.id], independent_sources=1, background=True,
                    story="s-geneva", modality="reported"),
              Event(id="ev1", type="talks", summary=f"Geneva talks open {SCRIPT}", date="2024-05-07",
                    date_precision="day", place="Geneva", participants=["e-berg"], articles=[wire.id, copy.id],
                    independent_sources=1, evidence=[Evidence(source=wire.id, text=wire.sentences[0].text)],
                    story="s-geneva", first_reported=wire.id)]
    flags = [Flag(id="f1", kind="changed_fact", articles=[wire.id, copy.id],
                  evidence=[FlagEvidence(article=wire.id, text="logistical issues"),
                            FlagEvidence(article=copy.id, text="technological issues")],
                  detail="why the United States stayed away changed", severity="high"),
             Flag(id="f2", kind="quote_drift", articles=[wire.id, copy.id],
                  evidence=[FlagEvidence(article=wire.id, text="logistical guarantees from every port"),
                            FlagEvidence(article=copy.id, text="technical guarantees from each port")],
                  detail=f"Berg's quote is worded differently {IMG}", severity="medium")]
    return Corpus(links=links, stories=stories, entities=entities, quotes=quotes(ids), events=events, flags=flags)
