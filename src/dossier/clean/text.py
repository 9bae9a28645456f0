"""Plain-text cleaning: split page chrome from the article, keeping every removed line.

`clean_lines` is a pure function of one text. Decisions use the single line (rules.py) and its
place in the page: outside the main block (the span with the most prose, `main_block`) short lines
are menus and teasers; bylines, author bios and a credit line at the foot become metadata. Text
that an HTML extractor already cut to the article (`extracted=True`) skips the place rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.clean import rules
from dossier.config import CleanOptions
from dossier.model import Evidence, RemovedLine

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_SENTENCE_END = re.compile(r"[.!?…\"”’:)。！？」』]\s*$")
# Chinese, Japanese and Korean write words without spaces; two such characters count as one word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Main-block search (plain text only). Calibrated together on trafilatura-eval pages with
# benchmarks/text_cleaning.py (grid: F1 0.79-0.81, flat around these values); the
# article-extraction-benchmark pages were held out. A small rule-line weight keeps a date or photo
# credit between the standfirst and the body from splitting the block.
PROSE_MIN_WORDS = 5  # a punctuated line this long counts its words for the block
CHROME_LINE_WEIGHT = 10  # what one menu item / button / teaser line counts against the block
RULE_LINE_WEIGHT = 3  # what a line removed by a rule (date, credit, "Advertisement") counts against it
LONG_LINE_WORDS = 20  # an unpunctuated line this long counts for nothing either way
HEADLINE_WINDOW = 3  # kept lines above the block searched for the headline
HEADLINE_MAX_WORDS = 25
FOOT_CREDIT_WINDOW = 2
BYLINE_MAX_WORDS = 12  # "By Jessica Holly, Gail Levy, 7 News WSVN"; longer "By ..." lines are prose


@dataclass
class CleanedText:
    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    credited_source: str | None = None
    page_date: str | None = None
    page_date_evidence: list[Evidence] = field(default_factory=list)
    page_date_trust: str = "missing"


def word_count(line: str) -> int:
    cjk = len(_CJK.findall(line))
    return len(line.split()) + cjk // 2 if cjk else len(line.split())


def _is_body_line(line: str) -> bool:
    """A line that reads like article prose: several words and a sentence ending."""
    return word_count(line) >= 12 and bool(_SENTENCE_END.search(line))


def _title(lines: list[str], keep: list[bool]) -> str | None:
    """The first kept line, when it reads like a headline (short, no full stop)."""
    for line, kept in zip(lines, keep):
        if not line.strip() or not kept:
            continue
        words = len(line.split())
        if 3 <= words <= 30 and not line.rstrip().endswith("."):
            return line.strip()
        return None
    return None


def _repeated_byline(lines: list[str]) -> str | None:
    """A name line printed twice in a row (author box), e.g. "Cedric Blackwater" / "Cedric Blackwater"."""
    content = [l.strip() for l in lines if l.strip()]
    for first, second in zip(content, content[1:]):
        if first == second and rules.NAME_LINE.match(first):
            return rules.NAME_LINE.match(first).group("name")
    return None


def _foot_credit(lines: list[str], keep: list[bool], last_body: int) -> int | None:
    """Index of a credit line ("ABC News") right after the last body paragraph: among the first
    FOOT_CREDIT_WINDOW non-blank lines there, so a footer menu's "NEXTGEN TV" is not a credit."""
    seen = 0
    for i in range(last_body + 1, len(lines)):
        if not lines[i].strip():
            continue
        if keep[i] and rules.CREDIT_LINE.match(lines[i]) and len(lines[i].split()) <= 5:
            return i
        seen += 1
        if seen >= FOOT_CREDIT_WINDOW:
            return None
    return None


def clean_lines(text: str, options: CleanOptions, *, extracted: bool = False) -> CleanedText:
    """Split `text` into article and removed chrome lines, reading metadata on the way.

    `extracted=True` says an extractor that saw the page's markup (trafilatura) already chose the
    main block: the line's place in the text then no longer marks it as chrome, so only the rules
    that judge a line by itself (and the metadata rules) apply."""
    out = CleanedText(text="")
    header = HEADER.match(text)
    if header:
        out.page_date = header.group(1)
        out.page_date_trust = "ok"
        out.page_date_evidence.append(Evidence("header", header.group(0).strip()))
        out.removed.append(RemovedLine(header.group(0).strip(), "metadata header (kept as page date)", 0))
        text = text[header.end():]
    lines = text.splitlines()
    reasons: list[str | None] = [rules.rule_reason(l) if l.strip() else None for l in lines]
    _mark_author_lines(lines, reasons, out)
    body_lines = [i for i, l in enumerate(lines) if not reasons[i] and _is_body_line(l)]
    first_body = body_lines[0] if body_lines else len(lines)
    last_body = body_lines[-1] if body_lines else -1
    if not extracted and body_lines:
        _mark_outside_main_block(lines, reasons)

    keep = [not r for r in reasons]
    credit = _foot_credit(lines, keep, last_body)
    if credit is not None:
        out.credited_source = rules.CREDIT_LINE.match(lines[credit]).group("outlet").strip()
        reasons[credit] = "credit line (kept as credited source)"
    _read_chrome_metadata(lines, reasons, first_body, out)

    keep = [not r for r in reasons]
    out.title = _title(lines, keep)
    offset = 1 if header else 0
    out.removed += [RemovedLine(l.strip(), r, i + offset) for i, (l, r) in enumerate(zip(lines, reasons)) if r]
    out.text = _join_kept(lines, keep)
    return out


def _mark_author_lines(lines: list[str], reasons: list[str | None], out: CleanedText) -> None:
    """Bylines (a name printed twice, or "By Name") and author bios: metadata, not article text."""
    byline = _repeated_byline(lines)
    if byline:
        out.byline = byline
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or reasons[i]:
            continue
        if byline and stripped in (byline, f"By {byline}"):
            reasons[i] = "byline (kept as metadata)"
        elif rules.AUTHOR_BIO.match(stripped):
            reasons[i] = "author bio"
            site = rules.BIO_SITE.search(stripped)
            if site and not out.site:
                out.site = site.group("site").rstrip(".")
        elif rules.NAME_LINE.match(stripped) and stripped.lower().startswith("by "):
            reasons[i] = "byline (kept as metadata)"
            out.byline = out.byline or rules.NAME_LINE.match(stripped).group("name")
        elif rules.BYLINE_LINE.match(stripped) and word_count(stripped) <= BYLINE_MAX_WORDS:
            reasons[i] = "byline (kept as metadata)"
            out.byline = out.byline or rules.BYLINE_LINE.match(stripped).group("name")


def _line_weight(line: str, reason: str | None) -> int:
    """How much a line speaks for being inside the article: prose counts its words, chrome and
    short unpunctuated lines (menus, teasers, buttons) count against."""
    words = word_count(line)
    if not words:
        return 0
    if reason:
        return -RULE_LINE_WEIGHT
    if words >= PROSE_MIN_WORDS and _SENTENCE_END.search(line):
        return words
    if words >= LONG_LINE_WORDS:  # a caption or a run-on paragraph: neither prose nor a menu item
        return 0
    return -CHROME_LINE_WEIGHT


def main_block(lines: list[str], reasons: list[str | None]) -> tuple[int, int]:
    """(first, last) line of the span with the most prose weight: the article's main block.

    The text-only form of Finn et al.'s Body Text Extraction (2001): the contiguous span that
    maximises prose words inside minus chrome lines inside (Kadane's maximum subarray)."""
    best, best_span = 0, (0, -1)
    running, start = 0, 0
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if running <= 0:
            running, start = 0, i
        running += _line_weight(line, reason)
        if running > best:
            best, best_span = running, (start, i)
    return best_span


def _headline_before(lines: list[str], reasons: list[str | None], first: int) -> int | None:
    """The line just above the main block (skipping removed lines) when it reads like a headline."""
    seen = 0
    for i in range(first - 1, -1, -1):
        if not lines[i].strip() or reasons[i] or _is_body_line(lines[i]):
            continue  # removed lines, and a standfirst kept as prose, sit between headline and block
        words = word_count(lines[i])
        if 3 <= words <= HEADLINE_MAX_WORDS and not lines[i].rstrip().endswith("."):
            return i
        seen += 1
        if seen >= HEADLINE_WINDOW:
            return None
    return None


def _between_prose(lines: list[str], reasons: list[str | None], i: int) -> bool:
    """The nearest non-blank lines on both sides are kept prose paragraphs (a subhead's place)."""
    def neighbour(step: int) -> str | None:
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        return lines[j] if 0 <= j < len(lines) and not reasons[j] else None

    before, after = neighbour(-1), neighbour(1)
    return bool(before and after and _is_body_line(before) and _is_body_line(after))


def _mark_outside_main_block(lines: list[str], reasons: list[str | None]) -> None:
    """Lines outside the main block are page chrome, except the headline above it, a credit line
    below it, prose paragraphs and the subheads between them (an article split by a long inline
    block keeps its tail)."""
    first, last = main_block(lines, reasons)
    headline = _headline_before(lines, reasons, first)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if first <= i <= last or not stripped or reasons[i] or i == headline:
            continue
        if i > last and rules.CREDIT_LINE.match(stripped):
            continue
        if _is_body_line(stripped) or _between_prose(lines, reasons, i):
            continue
        reasons[i] = ("short line before the article (page chrome)" if i < first
                      else "short line after the article (page chrome)")


def _read_chrome_metadata(lines: list[str], reasons: list[str | None], first_body: int,
                          out: CleanedText) -> None:
    """A date line above the article is weak page-date evidence; a newsletter prompt names the site."""
    for i, line in enumerate(lines):
        if reasons[i] == "date line in page chrome" and i < first_body and not out.page_date:
            out.page_date = _parse_chrome_date(line)
            if out.page_date:
                out.page_date_trust = "weak"
                out.page_date_evidence.append(Evidence("chrome-date-line", line.strip()))
        if reasons[i] == "subscription prompt" and not out.site:
            prompt = rules.SITE_FROM_PROMPT.match(line)
            if prompt:
                out.site = prompt.group("site").strip()


def _join_kept(lines: list[str], keep: list[bool]) -> str:
    """Kept lines, with runs of blank lines folded to one paragraph break."""
    text = "\n".join(l.rstrip() for l, k in zip(lines, keep) if k)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _parse_chrome_date(line: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(line.strip(), languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
