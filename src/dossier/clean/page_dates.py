"""Page date: the publication date of a page, chosen by the priority of its evidence.

htmldate (Barbaresi 2020) reads dates from markup well and comes first (clean/html.py), but where
a page carries both a modification date ("last-modified", "article:modified_time") and a
publication date in JSON-LD, htmldate can return the modification date even with
`original_date=True`; every relative date in the article then moves with it. This module reads the
page's explicit publication fields, by priority:

    1. JSON-LD `datePublished` of the page's article object
    2. publication meta tags (Open Graph / article:published_time, itemprop, Dublin Core, ...)
    3. a `<time>` element marked as the publication time (pubdate, itemprop, class)
    4. a date in the URL path (/2021/02/23/)

and the modification dates it names. The page date is htmldate's markup date unless that is one of
the modification dates and none of the publication fields (then the publication date above wins),
or htmldate finds none (then the publication date above is used); all of these are trusted ("ok"). After them come a byline line's
date (plain text, clean/text.py, "ok") and htmldate's search of the page text ("weak").

On htmldate-eval, taking steps 1-4 before htmldate scored lower (0.889 against 0.903): the
pages' JSON-LD times are often in UTC where htmldate's reading, and the gold, keep the local day;
and overriding every modification date htmldate chose lost 7 of 8 pages, where another
publication field (article:published_time, a "date" meta) named htmldate's day too. Hence
htmldate first, corrected only where its date is a modification date and nothing else, and more
than a day from the publication date (the last lost page: a UTC time just before midnight).

Every date seen is kept as Evidence, the chosen one first; modification dates are kept too, marked
as not used, so a user can see why the page date is what it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from dossier.model import Evidence

_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?:/|[_-]|\.html?|$)")
# Article types whose datePublished is the page's (schema.org CreativeWork subtypes news sites use).
_ARTICLE_TYPES = re.compile(r"(?i)(Article|BlogPosting|Posting|Report|NewsArticle|WebPage|LiveBlog)")
PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "citation_date", "date.issued", "originalpublicationdate",
    "article.published", "article_date_original", "displaydate", "dc.date", "date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "lastmod",
                 "dcterms.modified", "dc.date.modified", "modified", "revised", "updated")
# A publication time in UTC ("2023-11-01T23:01:00Z") can be the next local day: a modification
# date one day away may be the same local day, so only a larger gap proves a later edit.
TIMEZONE_SLACK_DAYS = 1
_PUBLISH_CLASS = re.compile(r"(?i)publish|posted|entry-date|dateline|byline")


def parse_iso(text: str) -> str | None:
    """The first YYYY-MM-DD in `text` as an ISO day, when it is a real calendar day."""
    match = _ISO.search(text or "")
    return _day(match) if match else None


def _day(match: re.Match) -> str | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


def _json_ld_objects(tree) -> Iterator[dict]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # a broken JSON-LD block is common; the other evidence still counts
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack[:0] = item["@graph"]


def json_ld_dates(tree) -> tuple[str | None, str | None]:
    """(datePublished, dateModified) of the first article object in the page's JSON-LD."""
    for item in _json_ld_objects(tree):
        kind = item.get("@type")
        kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        published = parse_iso(str(item.get("datePublished") or ""))
        if published and _ARTICLE_TYPES.search(kind):
            return published, parse_iso(str(item.get("dateModified") or ""))
    return None, None


def meta_dates(tree) -> tuple[dict[str, str], tuple[str, str] | None]:
    """({name: day} of the publication meta tags, (name, day) of a modification one)."""
    published: dict[str, str] = {}
    modified: tuple[str, str] | None = None
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        day = parse_iso(meta.get("content"))
        if not name or not day:
            continue
        if name in PUBLISHED_META:
            published.setdefault(name, day)
        elif name in MODIFIED_META or name.endswith("modified_time"):
            modified = modified or (name, day)
    return published, modified


def _first_published(published: dict[str, str]) -> tuple[str, str] | None:
    """The highest-priority publication meta tag, in PUBLISHED_META order."""
    return next(((name, published[name]) for name in PUBLISHED_META if name in published), None)


def time_element_date(tree) -> str | None:
    """A `<time datetime>` the page marks as its publication time."""
    for element in tree.xpath("//time[@datetime]"):
        marked = (element.get("pubdate") is not None or (element.get("itemprop") or "").lower() == "datepublished"
                  or _PUBLISH_CLASS.search(" ".join(filter(None, [element.get("class"),
                                                                  element.getparent().get("class")
                                                                  if element.getparent() is not None else None]))))
        day = parse_iso(element.get("datetime"))
        if marked and day:
            return day
    return None


def url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    return _day(match) if match else None


@dataclass
class MarkupDates:
    published: str | None = None  # the first publication date by the priority above
    every_published: set[str] = field(default_factory=set)  # every publication date the markup names
    modified: set[str] = field(default_factory=set)  # modification dates the markup names
    evidence: list[Evidence] = field(default_factory=list)  # the chosen date first, then the others

    def overrules(self, day: str) -> bool:
        """True when `day` (htmldate's choice) is a modification date that no publication field
        names, more than TIMEZONE_SLACK_DAYS from the publication date: the page was edited later."""
        if not self.published or day not in self.modified or day in self.every_published:
            return False
        gap = abs((date.fromisoformat(day) - date.fromisoformat(self.published)).days)
        return gap > TIMEZONE_SLACK_DAYS


def markup_dates(html: str, url: str | None = None) -> MarkupDates:
    """Steps 1-4: the publication date from explicit publication markup or the URL, and the
    modification dates the page names (kept as evidence, marked not used)."""
    import lxml.html

    out = MarkupDates()
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        published, modified = json_ld_dates(tree)
        metas, meta_modified = meta_dates(tree)
        meta = _first_published(metas)
        candidates = [("json-ld", published, "datePublished"),
                      ("html-meta", meta[1] if meta else None, meta[0] if meta else ""),
                      ("time-element", time_element_date(tree), "<time> marked as published")]
        for source, day, label in candidates:
            if day and out.published is None:
                out.published = day
                out.evidence.append(Evidence(source, f"{label} {day}"))
        out.every_published = {day for _, day, _ in candidates if day} | set(metas.values())
        for label, day in (("JSON-LD dateModified", modified), meta_modified or ("", None)):
            if day:
                out.modified.add(day)
                if day != out.published:
                    out.evidence.append(Evidence("modified-date", f"{label} {day} (a modification date: not used)"))
    from_url = url_date(url)
    if from_url and out.published is None:
        out.published = from_url
        out.evidence.insert(0, Evidence("url", f"date in the URL path {from_url}"))
    return out
