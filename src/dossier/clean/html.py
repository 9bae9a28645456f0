"""HTML: main text and metadata with trafilatura, page date with htmldate (with its evidence)."""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field

from dossier.model import Evidence


@dataclass
class ExtractedPage:
    text: str
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    url: str | None = None
    page_date: str | None = None
    page_date_trust: str = "missing"
    page_date_evidence: list[Evidence] = field(default_factory=list)
    link_paragraphs: frozenset[str] = frozenset()  # `link_paragraphs`: texts of paragraphs that are a link


def extract_main_text(html: str, url: str | None = None) -> str | None:
    """trafilatura's main text with its balanced settings, reader comments left out; None when it
    finds no article. Chosen on trafilatura-eval (benchmarks/html_extraction.py): favor_recall
    scored F1 0.915 there, these settings 0.926 (recall equal, fewer menus and link lists).
    Words a reader never sees inside a paragraph are left out first (`without_hidden_inline`).
    A page laid out in a table (`_layout_table`) is read again without tables when that keeps
    LAYOUT_TABLE_KEEP of its words."""
    import trafilatura

    def extract(tables: bool) -> str | None:
        tree = trafilatura.load_html(html)
        if tree is None:
            return None
        return trafilatura.extract(without_hidden_inline(tree), url=url, include_comments=False,
                                   include_tables=tables, deduplicate=False, with_metadata=False)

    text = extract(True)
    if text and _layout_table(text):
        plain = extract(False)
        if plain and not _layout_table(plain) and len(plain.split()) >= LAYOUT_TABLE_KEEP * len(text.split()):
            return plain
    return text


# A table row of this many words is a page laid out in a table, its article in one cell, not a table
# of data: read with its tables, the article becomes one line, "| title date site - first sentence
# ... | Top stories ... | Partner news ... |" (PanARMENIAN.Net and SpaceNews pages of
# article-extraction-benchmark; wordsmith.org and 10 more of trafilatura-eval's 990).
LAYOUT_TABLE_ROW_WORDS = 100
# The share of the words the reading without tables must keep to be taken: the prose of a layout
# page is most of it (PanARMENIAN 315 of 506 words, the rest being its sidebars); a page of real
# tables loses more (villacc.de: 1,132 of 3,117).
LAYOUT_TABLE_KEEP = 0.5


def _layout_table(text: str) -> bool:
    return any(line.startswith("|") and len(line.split()) >= LAYOUT_TABLE_ROW_WORDS for line in text.splitlines())


_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
# The body of a hover card or tooltip, not its trigger: The Hill's "rollover-block" (a person's
# photo, full name and headlines), "tooltip-content" (an abbreviation's expansion).
_POPUP_BODY = re.compile(r"(?i)^(?:\w+[-_])*(?:rollover|tooltip|popover|hover-?card)[-_]?"
                         r"(?:block|content|body|text|txt|inner|card)$")


def without_hidden_inline(tree):
    """`tree` (an lxml HTML element) with the elements inside its paragraphs that are hidden from
    the reader removed, their tail text kept: inline `display: none` / `visibility: hidden`, the
    `hidden` attribute, and hover-card or tooltip bodies (`_POPUP_BODY`). Left in, extractors glue
    them into the sentence ("Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down ...
    MORE (R) is defending"). Only inside <p>: a hidden block elsewhere may be an article a script
    reveals. Mutates and returns `tree`."""
    hidden = [el for p in tree.iter("p") for el in p.iterdescendants()
              if isinstance(el.tag, str) and _is_hidden(el)]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()
    return tree


# What a paragraph made of a link may hold besides it: bullets, arrows and separators.
_LINK_DECORATION = re.compile(r"[\s\W_]*")
LINK_PARAGRAPH_MIN_WORDS = 5


def link_paragraphs(tree) -> frozenset[str]:
    """The texts (spaces collapsed) of the page's paragraphs whose every word is inside a link to
    another page: a headline of another story set in the article's body (Fox News: "<p><strong><a
    href=...>SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></strong></p>" between the
    paragraphs of a story), which extractors keep as a paragraph of the text. Paragraphs of fewer
    than LINK_PARAGRAPH_MIN_WORDS words and in-page links ("#section") are left out."""
    found = set()
    for p in tree.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text.split()) < LINK_PARAGRAPH_MIN_WORDS:
            continue
        links = [a for a in p.iter("a") if (a.get("href") or "").strip() and not a.get("href").strip().startswith("#")]
        if not links:
            continue
        outside = text
        for a in links:
            outside = outside.replace(" ".join(a.text_content().split()), " ", 1)
        if _LINK_DECORATION.fullmatch(outside):
            found.add(text)
    return frozenset(found)


def _is_hidden(el) -> bool:
    return (el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
            or any(_POPUP_BODY.match(token) for token in (el.get("class") or "").split()))


def page_date(html: str, url: str | None = None) -> tuple[str | None, str, list[Evidence]]:
    """(date, trust, evidence). htmldate's markup date, unless it is a modification date the page
    names and no publication field does, beside a publication date (clean/page_dates.py: JSON-LD, publication meta, <time>, URL),
    which then wins; both trusted. A date found only by htmldate's text search is weak evidence."""
    from htmldate import find_date

    from dossier.clean.page_dates import markup_dates

    markup = markup_dates(html, url)
    strict = find_date(html, url=url, extensive_search=False, original_date=True)
    if strict and not markup.overrules(strict):
        agreeing = [e for e in markup.evidence if strict in e.text and e.source != "modified-date"]
        others = [e for e in markup.evidence if e not in agreeing]
        return strict, "ok", [*agreeing, Evidence("htmldate", f"markup or URL date {strict}"), *others]
    if markup.published:
        if strict:
            markup.evidence.append(Evidence("htmldate", f"markup date {strict} is a modification date: not used"))
        return markup.published, "ok", markup.evidence
    evidence = markup.evidence
    loose = find_date(html, url=url, extensive_search=True, original_date=True)
    if loose:
        return loose, "weak", [Evidence("htmldate-extensive", f"date found in page text {loose}"), *evidence]
    return None, "missing", evidence


_COPYRIGHT = re.compile(r"(?i)©|\(c\)|\bcopyright\b|\ball rights reserved\b")
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b")


def site_name(raw: str | None) -> str | None:
    """The site's name as trafilatura reads it from the page, entities decoded (pages escape them
    twice: "&amp;copy; 2016 aryanews.com") and a copyright notice around it left out ("Copyright
    © 2001-2009 Example" -> "Example"); None when nothing is left. Years stay in a name with no
    copyright mark ("Radio 2000")."""
    if not raw:
        return None
    name = html_entities.unescape(html_entities.unescape(raw))
    if _COPYRIGHT.search(name):
        name = _YEARS.sub(" ", _COPYRIGHT.sub(" ", name)).strip(" -–|,.:;")
    name = " ".join(name.split())
    tagline = _TAGLINE.search(name)
    if tagline and any(ch.isalpha() for ch in name[:tagline.start()]):  # "My Daily Magazine - Art, Design, ..."
        name = name[:tagline.start()]
    return name or None


# A slogan after the name and a spaced separator: a list ("News, Weather, Sports"), "and", an
# exclamation, or four words and more ("WSVN 7News | Miami News, Weather, Sports and Breaking News").
_NAME_SEPARATOR = r"\s+(?:[|–—·•-]|::)\s+"  # between a site's name and more, spaced ("Title | Site")
_TAGLINE = re.compile(_NAME_SEPARATOR + r"(?=[^|–—·•]*(?:,|\band\b|&|!|(?:\S+\s+){3}\S))[^|–—·•]*$")


_TITLE_SEPARATOR = re.compile(r"\s*[|–—:-]\s*")
_SECTION_SEPARATOR = re.compile(r"\s[|–—]\s")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.)?([^/?#:]+)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
HEADLINE_MIN_WORDS = 6  # a site's name is shorter ("Historische Wehranlage in Horka e.V", 5)


def site_not_title(site: str | None, title: str | None, url: str | None) -> str | None:
    """The site's name, unless the page put its article's title there: then the host name of its
    URL, or None. og:site_name = og:title = "EFF's 2015 Annual Report" (EFF's annual report page)
    gives "eff.org"; a site name that is the title, a separator and a name ("Achtsam durch die
    Krise | Die FURCHE") gives that name. The same string in both is the article's title when it
    reads as a headline (a year, or HEADLINE_MIN_WORDS words); else it is the site's name, which a
    page without a headline of its own gives as its title ("ICON Magazine"). A front page (its URL
    has no path) may bear the site's name as its title and is left as it is."""
    if not site or not title:
        return site
    host = _HOST.match(url or "")
    if host is not None and not url[host.end():].strip("/"):
        return site
    title = " ".join(title.split())
    folded_site, folded_title = site.casefold(), title.casefold()
    if folded_site.startswith(folded_title) and len(site) > len(title):
        separator = _TITLE_SEPARATOR.match(site, len(title))
        rest = site[separator.end():].strip() if separator else ""
        if not rest:
            return site
        if not _SECTION_SEPARATOR.search(rest):
            return rest
        return host.group(1).lower() if host else None  # "… | В мире | Политика": sections
    if folded_site != folded_title:
        return site
    from dossier.clean.text import word_count

    if not (_YEAR.search(title) or word_count(title) >= HEADLINE_MIN_WORDS):
        return site
    return host.group(1).lower() if host else None


def title_without_site(title: str | None, site: str | None) -> str | None:
    """The page's title without the site's name the page's <title> adds after or before it
    ("Losing face: 6,000 surgical masks stolen from Kobe hospital | The Japan Times",
    "El Santo: Glasgow's Latin American delight - Scottish Field"): a list shows the site beside
    the title, and the name's words are no words of the story."""
    if not title or not site:
        return title
    # "The Times of India" is "Times of India" in its pages' titles
    name = r"(?:the\s+)?" + re.escape(re.sub(r"(?i)^the\s+", "", " ".join(site.split())))
    for pattern in (rf"^(?P<rest>.+?){_NAME_SEPARATOR}{name}\s*$", rf"^\s*{name}{_NAME_SEPARATOR}(?P<rest>.+)$"):
        found = re.match(pattern, " ".join(title.split()), re.IGNORECASE)
        if found and found.group("rest").strip():
            return found.group("rest").strip()
    return title


# A "title" of one lower-case word is a template's placeholder, not a headline (a JSON-LD
# "headline": "escenic", the CMS's name, on The Telegraph's pages).
_PLACEHOLDER_TITLE = re.compile(r"[a-z_-]+")
SOCIAL_TITLE_META = ("og:title", "twitter:title")


def names_host(title: str | None, url: str | None) -> bool:
    """Whether `title` is only the web host of `url` ("gnu.org" on www.gnu.org)."""
    host = _HOST.match(url or "")
    return bool(title and host and title.strip().casefold().removeprefix("www.") == host.group(1).casefold())


def site_after_title(site: str | None, title: str | None) -> str | None:
    """The site's name where the page's <title> was split at its last separator and the site read
    as its first part ("The GNU General Public License v3.0 - GNU Project" of "... - GNU Project -
    Free Software Foundation"): the rest of the title; else `site`."""
    if not site or not title or len(title) <= len(site) or not title.casefold().startswith(site.casefold()):
        return site
    separator = _TITLE_SEPARATOR.match(title, len(site))
    rest = title[separator.end():].strip() if separator else ""
    return rest if rest and not _SECTION_SEPARATOR.search(rest) else site


def page_title(title: str | None, html: str, url: str | None = None) -> str | None:
    """The metadata title trafilatura found, unless it is a placeholder: then the page's og:title or
    twitter:title, when it has one (meta tags read as `page_dates.meta_dates` reads them). The web
    host of the page's URL is a placeholder too (gnu.org's pages carry <meta name="DC.title"
    content="gnu.org">, which trafilatura prefers): then the page's <title> comes after those."""
    is_host = names_host(title, url)
    if title and not _PLACEHOLDER_TITLE.fullmatch(title.strip()) and not is_host:
        return title
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return title
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        found = " ".join(meta.get("content").split())
        if name in SOCIAL_TITLE_META and found:
            return found
    if is_host:
        found = " ".join(" ".join(tree.xpath("//head/title//text()")).split())
        return found or title
    return title


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    import trafilatura

    text = extract_main_text(html, url)
    if not text:
        return None
    meta = trafilatura.extract_metadata(html, default_url=url)
    date, trust, evidence = page_date(html, url)
    title = page_title(getattr(meta, "title", None), html, url)
    page_url = getattr(meta, "url", None) or url
    site = site_not_title(site_name(getattr(meta, "sitename", None)), title, page_url)
    if names_host(getattr(meta, "title", None), url):  # the <title> read instead of a host name
        site = site_after_title(site, title)
    tree = trafilatura.load_html(html)
    return ExtractedPage(
        link_paragraphs=link_paragraphs(tree) if tree is not None else frozenset(),
        text=text,
        title=title_without_site(title, site),
        byline=getattr(meta, "author", None),
        site=site,
        url=page_url,
        page_date=date, page_date_trust=trust, page_date_evidence=evidence,
    )
