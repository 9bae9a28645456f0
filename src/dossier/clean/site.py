"""The corpus cleaning step: lines repeated across many pages of one site are page chrome.

`repeated_lines` is the corpus product (site -> chrome lines); `strip_lines` applies it to one
article and returns a new one, so no article is edited in place.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from dossier.clean.text import _join_kept
from dossier.config import CleanOptions
from dossier.model import Article, RemovedLine

SITE_REASON = "repeated across pages of this site"


def _site_key(article: Article) -> str | None:
    if article.site:
        return article.site.lower()
    if article.url and "//" in article.url:
        return article.url.split("//", 1)[1].split("/", 1)[0].lower()
    return None


def repeated_lines(articles: list[Article], options: CleanOptions) -> dict[str, set[str]]:
    """site -> lines that occur in enough of that site's articles to be chrome."""
    by_site: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        key = _site_key(article)
        if key:
            by_site[key].append(article)
    repeated: dict[str, set[str]] = {}
    for site, group in by_site.items():
        if len(group) < options.site_repeat_min_docs:
            continue
        counts = Counter(line for a in group for line in _page_lines(a))
        floor = max(options.site_repeat_min_docs, options.site_repeat_min_share * len(group))
        lines = {line for line, n in counts.items() if n >= floor}
        if lines:
            repeated[site] = lines
    return repeated


def _page_lines(article: Article) -> set[str]:
    """The page's non-blank lines as it came from cleaning: its text's, and those an earlier pass of
    this step took out (a stored article of an add), so an add counts a site's chrome as a build of
    all its pages would."""
    lines = {l.strip() for l in article.text.splitlines() if l.strip()}
    return lines | {r.line for r in article.removed if r.reason == SITE_REASON}


def strip_lines(article: Article, lines: set[str]) -> Article | None:
    """A new Article without the given chrome lines (moved to `removed`); None if it has none."""
    text_lines = article.text.splitlines()
    keep = [l.strip() not in lines for l in text_lines]
    if all(keep):
        return None
    removed = [RemovedLine(l.strip(), SITE_REASON) for l, k in zip(text_lines, keep) if not k]
    return dataclasses.replace(article, text=_join_kept(text_lines, keep), removed=article.removed + removed)


def remove_site_repeats(articles: list[Article], options: CleanOptions) -> dict[str, Article]:
    """article id -> the article without its site's repeated lines, for the articles that had some
    (new values; the inputs are left as they were)."""
    repeated = repeated_lines(articles, options)
    out = {}
    for article in articles:
        lines = repeated.get(_site_key(article) or "")
        stripped = strip_lines(article, lines) if lines else None
        if stripped is not None:
            out[article.id] = stripped
    return out
