"""Clean: Document -> Article (main text, removed boilerplate with reasons, metadata).

`clean_document` is a pure function of one document; `remove_site_repeats` is the one corpus
step (lines repeated across many pages of a site are chrome).
"""

from __future__ import annotations

import re

from dossier.clean.bylines import split_authors
from dossier.clean.html import extract_page
from dossier.clean.language import identify_language, long_enough
from dossier.clean.site import remove_site_repeats
from dossier.clean.text import clean_lines, join_broken_lines
from dossier.config import CleanOptions
from dossier.model import Article, Document, Evidence, Rejection

__all__ = ["clean_document", "remove_site_repeats"]


def _reject(doc: Document, reason: str) -> Rejection:
    return Rejection(id=doc.id, source=doc.source, stage="clean", reason=reason, raw=doc.raw)


def clean_document(doc: Document, options: CleanOptions) -> Article | Rejection:
    """One document to one article, or a rejection saying why there is no article in it."""
    page = None
    if doc.html is not None:
        try:
            page = extract_page(doc.html, doc.meta.get("url"))
        except (ValueError, RecursionError, MemoryError) as err:  # lxml's refusals on broken markup
            return _reject(doc, f"HTML could not be parsed: {err}")
        if page is None:
            return _reject(doc, "no main text found in the HTML page")
        text = join_broken_lines(page.text)
    else:
        text = doc.text or ""
    cleaned = clean_lines(text, options, extracted=page is not None,
                          link_paragraphs=page.link_paragraphs if page is not None else frozenset())
    language = identify_language(cleaned.text).code
    enough, length = long_enough(cleaned.text, language)
    if not enough:
        return _reject(doc, f"too little text after cleaning ({length})")

    article = Article(id=doc.id, source=doc.source, text=cleaned.text, kind=doc.kind,
                      removed=cleaned.removed, title=cleaned.title, byline=cleaned.byline,
                      authors=cleaned.authors, language=language,
                      site=cleaned.site, credited_source=cleaned.credited_source,
                      page_date=cleaned.page_date, page_date_trust=cleaned.page_date_trust,
                      page_date_evidence=cleaned.page_date_evidence)
    if page is not None:
        _merge_page_metadata(article, page)
    _merge_given_metadata(article, doc.meta)
    if not article.title:
        article.title = _title_from_text(article.text)
    return article


def _merge_page_metadata(article: Article, page) -> None:
    """HTML metadata wins over what the text lines suggest: it comes from the page's markup."""
    article.title = page.title or article.title
    # the byline shown is the authors read from the page's field, not the field as it came
    # ("CBS News February", "No Author")
    authors = split_authors(page.byline, page.site, page.url)
    article.byline = ", ".join(authors) or article.byline
    article.authors = authors or article.authors
    article.site = page.site or article.site
    article.url = page.url or article.url
    if page.page_date and (article.page_date_trust != "ok" or page.page_date_trust == "ok"):
        article.page_date, article.page_date_trust = page.page_date, page.page_date_trust
        article.page_date_evidence = page.page_date_evidence + article.page_date_evidence


def _merge_given_metadata(article: Article, meta: dict) -> None:
    """Fields the input gave explicitly (JSON Lines, WARC headers) are the strongest evidence."""
    article.title = meta.get("title") or article.title
    article.site = meta.get("site") or article.site
    article.url = meta.get("url") or article.url
    if meta.get("date"):
        article.page_date = str(meta["date"])[:10]
        article.page_date_trust = "ok"
        article.page_date_evidence.insert(0, Evidence("input", f"date {meta['date']}"))
    elif meta.get("crawl_date") and not article.page_date:
        # The crawl date bounds the publication date from above; it is not the publication date.
        article.page_date_evidence.append(Evidence("warc-crawl-date", f"crawled {meta['crawl_date']}"))


# A full stop ends the first sentence only after a lower-case word ("... in Kabul. The"), not
# after an initialism or a title ("E.U. leaders", "in U.S. Court", "Dr. Smith").
_SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2})\.\s+(?=[^a-z\s])")


def _title_from_text(text: str) -> str:
    """No headline in the input: the first sentence, shortened, stands in for one."""
    first = text.strip().split("\n", 1)[0]
    sentence = _SENTENCE_END.split(first, 1)[0]
    return sentence if len(sentence) <= 120 else sentence[:117].rsplit(" ", 1)[0] + "…"
