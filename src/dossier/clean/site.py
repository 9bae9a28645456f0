"""The corpus cleaning step: lines repeated across many pages of one site are page chrome."""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.clean.text import _join_kept
from dossier.config import CleanOptions
from dossier.model import Article, RemovedLine


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
        counts = Counter(line for a in group for line in {l.strip() for l in a.text.splitlines() if l.strip()})
        floor = max(options.site_repeat_min_docs, options.site_repeat_min_share * len(group))
        lines = {line for line, n in counts.items() if n >= floor}
        if lines:
            repeated[site] = lines
    return repeated


def remove_site_repeats(articles: list[Article], options: CleanOptions) -> list[str]:
    """Move site-repeated lines from text to `removed`; returns the ids of articles changed."""
    changed = []
    repeated = repeated_lines(articles, options)
    for article in articles:
        lines = repeated.get(_site_key(article) or "")
        if not lines:
            continue
        text_lines = article.text.splitlines()
        keep = [l.strip() not in lines for l in text_lines]
        if all(keep):
            continue
        article.removed += [RemovedLine(l.strip(), "repeated across pages of this site")
                            for l, k in zip(text_lines, keep) if not k]
        article.text = _join_kept(text_lines, keep)
        changed.append(article.id)
    return changed
