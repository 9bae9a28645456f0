"""Plain-text cleaning: split page chrome from the article, keeping every removed line.

`clean_lines` is a pure function of one text. Decisions use the single line (rules.py) and its
place in the page (head and foot zones, repeated byline, author bio, credit line at the foot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.clean import rules
from dossier.config import CleanOptions
from dossier.model import Evidence, RemovedLine

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_SENTENCE_END = re.compile(r"[.!?…\"”’:)]\s*$")


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


def _is_body_line(line: str) -> bool:
    """A line that reads like article prose: several words and a sentence ending."""
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line))


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
    """Index of a credit line ("ABC News") after the last body paragraph."""
    for i in range(last_body + 1, len(lines)):
        if keep[i] and rules.CREDIT_LINE.match(lines[i]) and len(lines[i].split()) <= 5:
            return i
    return None


def clean_lines(text: str, options: CleanOptions) -> CleanedText:
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
    body_lines = [i for i, l in enumerate(lines) if not reasons[i] and _is_body_line(l)]
    first_body = body_lines[0] if body_lines else len(lines)
    last_body = body_lines[-1] if body_lines else -1

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
        elif i > last_body >= 0 and len(stripped.split()) <= options.short_line_words \
                and not _SENTENCE_END.search(stripped) and not rules.CREDIT_LINE.match(stripped):
            reasons[i] = "short line after the article (page chrome)"
        elif rules.NAME_LINE.match(stripped) and stripped.lower().startswith("by "):
            reasons[i] = "byline (kept as metadata)"
            out.byline = out.byline or rules.NAME_LINE.match(stripped).group("name")

    keep = [not r for r in reasons]
    credit = _foot_credit(lines, keep, last_body)
    if credit is not None:
        out.credited_source = rules.CREDIT_LINE.match(lines[credit]).group("outlet").strip()
        reasons[credit] = "credit line (kept as credited source)"

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

    keep = [not r for r in reasons]
    out.title = _title(lines, keep)
    offset = 1 if header else 0
    out.removed += [RemovedLine(l.strip(), r, i + offset) for i, (l, r) in enumerate(zip(lines, reasons)) if r]
    out.text = _join_kept(lines, keep)
    return out


def _join_kept(lines: list[str], keep: list[bool]) -> str:
    """Kept lines, with runs of blank lines folded to one paragraph break."""
    text = "\n".join(l.rstrip() for l, k in zip(lines, keep) if k)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _parse_chrome_date(line: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(line.strip(), languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
