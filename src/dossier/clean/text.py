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
from dossier.clean.bylines import parse_byline
from dossier.config import CleanOptions
from dossier.ingest.readers import valid_date
from dossier.model import Evidence, RemovedLine

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_SENTENCE_END = re.compile(r"(?:[.!?…\"”’:)。！？」』؟]|[.!?,]'')\s*$")
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
# Reader comments: a comment section starts at a comment-widget line ("Reply", "3 hours ago",
# "Ann says:", "12 points") that has another within COMMENT_WINDOW non-blank lines after it.
COMMENT_WINDOW = 8
COMMENT_MIN_MARKERS = 2
# Sentence structure, for lines outside the main block: this many words, a capital at the start, a
# sentence end, and a lower-case word inside ("Only McAuliffe stayed home." but not "John Weinbrecht.").
SENTENCE_MIN_WORDS = 4
# Words a hard-wrapped line can break after but a menu item or headline rarely ends on.
_FUNCTION_WORDS = frozenset("""a an the and or but nor of on in at to for from by with as that than
not no was were is are be been has have had who which whose whom this these its their his her""".split())


@dataclass
class CleanedText:
    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_date: str | None = None  # the date segment of a byline line, as written
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


def reads_as_prose(text: str) -> bool:
    """Prose that no place rule may remove: reported speech (quotation marks or an attribution
    cue), a body line, or a short sentence (capital, lower-case words, a sentence end)."""
    text = text.strip()
    if rules.is_reported_speech(text) or _is_body_line(text):
        return True
    words = text.split()
    return (len(words) >= SENTENCE_MIN_WORDS and (text[0].isupper() or text[0] in "\"“'‘")
            and bool(re.search(r"[.!?…]['\"”’]*$", text)) and not text.rstrip(".").isupper()
            and sum(w.islower() for w in words[1:]) >= 1)


def wrapped_paragraphs(lines: list[str]) -> list[int]:
    """For each line, the index of the first line of its hard-wrapped paragraph: a line that does
    not end a sentence continues into the next when that starts in lower case ("incites" /
    "political violence and ...") or when it breaks after a comma or a function word ("... and
    not on" / "Tuesday."). Chrome is judged on the paragraph, not on each of its pieces."""
    starts = list(range(len(lines)))
    for i in range(1, len(lines)):
        previous, line = lines[i - 1].strip(), lines[i].strip()
        if not previous or not line or _SENTENCE_END.search(previous):
            continue
        last_word = previous.split()[-1]
        if line[0].islower() or last_word.endswith(",") or (last_word in _FUNCTION_WORDS and len(previous.split()) > 2):
            starts[i] = starts[i - 1]
    return starts


_CODE = re.compile(r"[{}<>=]|;\s*$|\"\s*:")
_LINK_START = re.compile(r"(?i)(?:https?://|www\.)")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*·–]|\d{1,3}[.)])\s")
# Words a sentence cannot end on, so a line broken after one goes on in the next ("... positive for" /
# "Covid-19"); not "no", "an", "in", "on", which end clauses in English phrasal verbs or in other
# languages ("Dile que no", "zeigt alle Bisse an").
_CONTINUING_WORDS = frozenset("a the of to for from with into about as than and or but".split())
JOIN_MIN_WORDS = 8  # a shorter line without a sentence end may be a heading ("Fast builds with poetry")


def join_broken_lines(text: str) -> str:
    """An HTML extractor's text with the sentences it broke at inline elements put back on one
    line: a linked phrase inside a sentence came out as its own line ("... tested positive for" /
    "Covid-19" / "died on Monday, ..."; "... history of" / "chronic hypertension" / ". He expired"),
    and a line break ends a sentence for every later stage. A line is joined to the one before
    when that one holds JOIN_MIN_WORDS words or more and ends no sentence, and the line goes on
    in lower case or with punctuation, or the one before breaks after a comma or a word no sentence
    ends on (in lower case: "Noblesville, IN" ends a line); never a list item, a link, a line of
    code or a line a chrome rule removes ("copyright Inexhibit 2019")."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        previous = out[-1].rstrip() if out else ""
        if (stripped and previous and len(previous.split()) >= JOIN_MIN_WORDS
                and not _SENTENCE_END.search(previous) and not _LIST_ITEM.match(line)
                and not _CODE.search(previous) and not _CODE.search(stripped)
                and not _LINK_START.match(stripped) and rules.rule_reason(stripped) is None
                and rules.rule_reason(previous) is None):
            last_word = previous.split()[-1]
            if stripped[0] in ".,;:!?)]":
                out[-1] = previous + stripped
                continue
            first_word = stripped.split()[0]
            # a word in lower case, not a name written so ("iPhone 14 mit neuem Design?")
            if first_word.islower() or last_word.endswith(",") or last_word in _CONTINUING_WORDS:
                out[-1] = previous + " " + stripped
                continue
        out.append(line)
    return "\n".join(out)


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


def clean_lines(text: str, options: CleanOptions, *, extracted: bool = False,
                link_paragraphs: frozenset[str] = frozenset()) -> CleanedText:
    """Split `text` into article and removed chrome lines, reading metadata on the way.

    `extracted=True` says an extractor that saw the page's markup (trafilatura) already chose the
    main block: the line's place in the text then no longer marks it as chrome, so only the rules
    that judge a line by itself (and the metadata rules) apply. `link_paragraphs`: the texts of the
    page's paragraphs that are nothing but a link (`html.link_paragraphs`); such a line is a link to
    another story."""
    out = CleanedText(text="")
    header = HEADER.match(text)
    if header:
        line = header.group(0).strip()
        if valid_date(header.group(1)):
            out.page_date, out.page_date_trust = header.group(1), "ok"
            out.page_date_evidence.append(Evidence("header", line))
            out.removed.append(RemovedLine(line, "metadata header (kept as page date)", 0))
        else:  # "date 2024-13-45": no such day, so no page date, and the user sees why
            out.page_date_evidence.append(Evidence("header", f"{line} (no such calendar day: not used)"))
            out.removed.append(RemovedLine(line, "metadata header with no such calendar day (not used as page date)", 0))
        text = text[header.end():]
    lines = text.splitlines()
    reasons: list[str | None] = [rules.rule_reason(l) if l.strip() else None for l in lines]
    for i, line in enumerate(lines):
        if not reasons[i] and link_paragraphs and " ".join(line.split()) in link_paragraphs:
            reasons[i] = "link to another story"
    _mark_dated_lines(lines, reasons)
    _mark_author_lines(lines, reasons, out)
    _mark_comment_sections(lines, reasons)
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
    _read_page_date(lines, reasons, first_body, out)

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
        out.authors = [byline]
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
        elif (found := parse_byline(stripped)) is not None:
            reasons[i] = "byline (kept as metadata)"
            if not out.authors:
                out.authors = list(found.authors)
                out.byline = out.byline or ", ".join(found.authors)
                out.byline_date = found.date_text
            if found.outlet:  # "Ann Lee | Reuters": the outlet the byline credits
                out.credited_source = out.credited_source or found.outlet


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


def _mark_comment_sections(lines: list[str], reasons: list[str | None]) -> None:
    """A reader-comment section: from the first comment-widget line after the article's first
    prose line that another widget line follows within COMMENT_WINDOW non-blank lines (with the
    user-name line and "12 Comments" heading just above it) to the end of the page. Its widget lines
    are removed as what they are, the comments themselves as "reader comment"."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    first_prose = next((i for i in content if not reasons[i] and _is_body_line(lines[i])), None)
    if first_prose is None:
        return
    kinds = {i: kind for i in content if i > first_prose and (kind := rules.comment_marker(lines[i].strip()))}
    rank = {i: r for r, i in enumerate(content)}
    marked = sorted(kinds)
    start = next((i for i, j in zip(marked, marked[1:]) if rank[j] - rank[i] <= COMMENT_WINDOW), None)
    if start is None:
        return
    above = content[rank[start] - 1] if rank[start] else None
    if above is not None and above > first_prose and _is_user_name(lines[above]) \
            and kinds[start] in ("time-ago stamp", "vote count"):
        start = above
    heading = content[rank[start] - 1] if rank[start] else None
    if heading is not None and heading > first_prose and reasons[heading] == "comment form":
        start = heading  # "12 Comments" just above belongs to the section
    for i in range(start, len(lines)):
        if not lines[i].strip() or (reasons[i] and reasons[i] != "date line in page chrome"):
            continue
        following = content[rank[i] + 1] if rank[i] + 1 < len(content) else None
        kind = kinds.get(i) or ("user name" if following in kinds and kinds[following] == "time-ago stamp"
                                and _is_user_name(lines[i]) else None)
        reasons[i] = f"reader comment ({kind})" if kind else "reader comment"


def _is_user_name(line: str) -> bool:
    """A comment's author line: one to three words, no sentence end ("jdoe77", "Mark T.")."""
    words = line.split()
    return 1 <= len(words) <= 3 and not re.search(r"[!?:;]$", line.strip()) and not rules.CHROME_DATE.match(line)


def _mark_outside_main_block(lines: list[str], reasons: list[str | None]) -> None:
    """Lines outside the main block are page chrome, except the headline above it, a credit line
    below it, prose paragraphs (judged whole when hard-wrapped) and the subheads between them (an
    article split by a long inline block keeps its tail)."""
    first, last = main_block(lines, reasons)
    headline = _headline_before(lines, reasons, first)
    starts = wrapped_paragraphs(lines)
    paragraphs: dict[int, str] = {}
    for i, start in enumerate(starts):
        paragraphs[start] = f"{paragraphs.get(start, '')} {lines[i].strip()}".strip()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if first <= i <= last or not stripped or reasons[i] or i == headline:
            continue
        if i > last and rules.CREDIT_LINE.match(stripped):
            continue
        if reads_as_prose(paragraphs[starts[i]]) or _between_prose(lines, reasons, i):
            continue
        reasons[i] = ("short line before the article (page chrome)" if i < first
                      else "short line after the article (page chrome)")


PUBLISHED_LINE = "publication date line (kept as page date evidence)"
MODIFIED_LINE = "modification date line (kept as page date evidence)"


def _mark_dated_lines(lines: list[str], reasons: list[str | None]) -> None:
    """"Published: ..." and "Updated: ..." lines are metadata, not article text."""
    for i, line in enumerate(lines):
        match = rules.DATED_LINE.match(line)
        if match and not reasons[i] and _parse_chrome_date(match.group("date")):
            reasons[i] = MODIFIED_LINE if rules.MODIFIED_KINDS.search(match.group("kind")) else PUBLISHED_LINE


def _read_page_date(lines: list[str], reasons: list[str | None], first_body: int, out: CleanedText) -> None:
    """The page date of plain text, by the priority of its evidence (clean/page_dates.py gives the
    HTML order): a `date` header, a "Published:" line, a byline line's date (all trusted), a lone
    date line above the article (weak). Modification dates are kept as evidence, never used."""
    found: list[tuple[str, str, str, str]] = []  # (day, trust, source, text)
    for i, line in enumerate(lines):
        if reasons[i] == PUBLISHED_LINE:
            found.append((_parse_chrome_date(rules.DATED_LINE.match(line).group("date")), "ok",
                          "published-line", line.strip()))
    if out.byline_date:
        found.append((_parse_chrome_date(out.byline_date), "ok", "byline-line", out.byline_date))
    for i, line in enumerate(lines):
        if reasons[i] == "date line in page chrome" and i < first_body:
            found.append((_parse_chrome_date(line), "weak", "chrome-date-line", line.strip()))
            break
    for day, trust, source, text in found:
        if day and not out.page_date:
            out.page_date, out.page_date_trust = day, trust
            out.page_date_evidence.append(Evidence(source, text))
    for i, line in enumerate(lines):
        if reasons[i] == MODIFIED_LINE:
            out.page_date_evidence.append(Evidence("modified-date", f"{line.strip()} (a modification date: not used)"))


def _read_chrome_metadata(lines: list[str], reasons: list[str | None], first_body: int,
                          out: CleanedText) -> None:
    """A newsletter prompt names the site."""
    for i, line in enumerate(lines):
        if reasons[i] == "subscription prompt" and not out.site:
            prompt = rules.SITE_FROM_PROMPT.match(line)
            if prompt:
                out.site = prompt.group("site").strip()


def _join_kept(lines: list[str], keep: list[bool]) -> str:
    """Kept lines, with runs of blank lines folded to one paragraph break."""
    text = "\n".join(l.rstrip() for l, k in zip(lines, keep) if k)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _parse_chrome_date(line: str) -> str | None:
    """The day a date line names ("Monday, March 20, 2023 at 10:45 am EST"); None when it names
    no full day. dateparser, English forms (the rules above read English chrome)."""
    import dateparser

    text = re.sub(r"\s*(?:[|•·]|\bat\b)\s*", " ", line.strip()).strip(" .,")
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
