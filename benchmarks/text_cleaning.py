"""Plain-text cleaning: Dossier's line cleaner beside jusText, on the same labelled page lines.

    .venv/bin/python benchmarks/text_cleaning.py /work/shared/data/trafilatura-eval \
        /work/shared/data/article-extraction-benchmark [--limit N] [--errors K]

The labelled set is built from the HTML pages, as a scraper's "already extracted" text would look:
every visible text block of the page (scripts, styles, <head> removed) becomes one line, in page
order. Each line is labelled

- article-extraction-benchmark: body when it is contained in the gold article body (a line of 3+
  words: at least half of its word 3-grams occur in the gold; a shorter line: it equals a gold
  paragraph), else chrome. Lines equal to the page's <title> or og:title are left unscored: Dossier
  keeps the headline on purpose and the gold bodies leave it out.
- trafilatura-eval (partial labels): body when the line holds a "must" snippet, chrome when it holds
  a "must not" snippet; other lines are unscored.

Dossier's rules were tuned on trafilatura-eval; article-extraction-benchmark is the held-out score.
Caveat: line rules added from user trials of real piles (session trial41: Barron's reprint notice and
page tools, bare links, '[Related: ...]', 'Most read in ...', newsletter and follow prompts) were
read off pages that include AEB pages, so for those lines AEB is not held out; each was checked on
trafilatura-eval alone (P 0.728 R 0.898 F1 0.804 before and after).
Scores are micro precision / recall / F1 of *kept* lines against body lines. Peers: jusText 3.0.2
(default parameters; stoplist = the jusText language list with the most stopword hits on the page)
run on the same lines, each line given to it as one <p>; and "keep all" (no cleaning).
"""

from __future__ import annotations

import argparse
import html as html_lib
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import Page, decode_like_ingest, pick_pages  # noqa: E402

WORD = re.compile(r"\w+")
# Elements whose text is never visible on the page.
INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select")
# Elements that start a new line when a browser renders them.
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "td",
          "th", "tr", "table", "blockquote", "pre", "article", "section", "header", "footer", "nav",
          "aside", "figure", "figcaption", "caption", "form", "main", "address", "hr", "br", "option",
          "label", "button", "legend", "fieldset", "center", "details", "summary"}
BODY, CHROME, UNSCORED = "body", "chrome", None
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Share of a line's word 3-grams found in the gold body for the line to count as body.
CONTAINMENT = 0.5


@dataclass
class LabelledPage:
    key: str
    lines: list[str]
    labels: list[str | None]


# ------------------------------------------------------------------ page -> lines

def visible_lines(markup: str) -> list[str]:
    """One line per visible text block, in page order, whitespace folded."""
    import lxml.html
    from lxml import etree

    markup = CONTROL.sub(" ", markup)  # lxml refuses text with control characters
    try:
        root = lxml.html.fromstring(markup.encode("utf-8"))
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, *INVISIBLE, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def page_titles(markup: str) -> set[str]:
    titles = set()
    for pattern in (r"<title[^>]*>(.*?)</title>", r"<meta[^>]+property=[\"']og:title[\"'][^>]+content=[\"']([^\"']+)"):
        for found in re.findall(pattern, markup, flags=re.I | re.S):
            titles.add(_words(html_lib.unescape(found)))
    return {t for t in titles if t}


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


# ------------------------------------------------------------------ labels

def label_by_gold(lines: list[str], gold: str, titles: set[str]) -> list[str | None]:
    gold_words = WORD.findall(gold.lower())
    gold_grams = _trigrams(gold_words)
    gold_paragraphs = {_words(p) for p in re.split(r"\n+", gold) if p.strip()}
    labels = []
    for line in lines:
        words = WORD.findall(line.lower())
        if not words:
            labels.append(UNSCORED)
        elif " ".join(words) in titles or any(" ".join(words) in t and len(words) >= 3 for t in titles):
            labels.append(UNSCORED)
        elif len(words) < 3:
            labels.append(BODY if " ".join(words) in gold_paragraphs else CHROME)
        else:
            grams = _trigrams(words)
            share = len(grams & gold_grams) / len(grams)
            labels.append(BODY if share >= CONTAINMENT else CHROME)
    return labels


def label_by_snippets(lines: list[str], must: list[str], must_not: list[str]) -> list[str | None]:
    norm = [re.sub(r"\s+", " ", s).strip() for s in must], [re.sub(r"\s+", " ", s).strip() for s in must_not]
    labels = []
    for line in lines:
        if any(s and s in line for s in norm[0]):
            labels.append(BODY)
        elif any(s and s in line for s in norm[1]):
            labels.append(CHROME)
        else:
            labels.append(UNSCORED)
    return labels


def labelled_page(page: Page) -> LabelledPage | None:
    markup = decode_like_ingest(page.raw) or page.raw.decode("utf-8", "replace")
    lines = visible_lines(markup)
    if not lines:
        return None
    if page.gold_text is not None:
        labels = label_by_gold(lines, page.gold_text, page_titles(markup))
    else:
        labels = label_by_snippets(lines, page.must, page.must_not)
    return LabelledPage(page.key, lines, labels)


# ------------------------------------------------------------------ cleaners: lines -> kept flags

def keep_all(lines: list[str]) -> list[bool]:
    return [True] * len(lines)


def dossier_keep(lines: list[str]) -> list[bool]:
    from dossier.clean.text import clean_lines
    from dossier.config import CleanOptions

    cleaned = clean_lines("\n".join(lines), CleanOptions())
    removed = {r.position for r in cleaned.removed}
    return [i not in removed for i in range(len(lines))]


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


def _best_stoplist(lines: list[str]) -> frozenset[str]:
    words = [w for line in lines for w in WORD.findall(line.lower())]
    return max(_stoplists().values(), key=lambda stop: sum(w in stop for w in words))


def justext_keep(lines: list[str]) -> list[bool]:
    import justext

    markup = "<html><body>" + "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(markup.encode("utf-8"), _best_stoplist(lines), encoding="utf-8")
    keep, cursor = [False] * len(lines), 0
    for paragraph in paragraphs:  # one paragraph per <p>, in order; empty ones are skipped
        text = re.sub(r"\s+", " ", paragraph.text).strip()
        while cursor < len(lines) and lines[cursor] != text:
            cursor += 1
        if cursor < len(lines):
            keep[cursor] = not paragraph.is_boilerplate
            cursor += 1
    return keep


CLEANERS = {"dossier": dossier_keep, "justext": justext_keep, "keep all": keep_all}
BASELINE = "justext"


# ------------------------------------------------------------------ scoring

def score(pages: list[LabelledPage], kept: list[list[bool]]) -> dict:
    tp = fp = fn = 0
    for page, flags in zip(pages, kept):
        for label, keep in zip(page.labels, flags):
            if label is UNSCORED:
                continue
            tp += keep and label == BODY
            fp += keep and label == CHROME
            fn += (not keep) and label == BODY
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def show_errors(pages: list[LabelledPage], kept: list[list[bool]], count: int) -> None:
    """Dossier's wrong calls with its reasons, to study when tuning rules (tuning set only)."""
    from dossier.clean.text import clean_lines
    from dossier.config import CleanOptions

    shown = 0
    for page, flags in zip(pages, kept):
        wrong = [i for i, (label, keep) in enumerate(zip(page.labels, flags))
                 if label is not UNSCORED and keep != (label == BODY)]
        if not wrong or shown >= count:
            continue
        reasons = {r.position: r.reason for r in clean_lines("\n".join(page.lines), CleanOptions()).removed}
        for i in wrong[:count - shown]:
            verdict = "KEPT CHROME" if flags[i] else f"DROPPED BODY ({reasons.get(i)})"
            print(f"  {verdict}: {page.lines[i][:100]!r}  [{page.key[:40]}]")
        shown += len(wrong[:count - shown])


def evaluate_folder(folder: Path, limit: int | None, errors: int) -> None:
    pages = [lp for lp in (labelled_page(p) for p in pick_pages(folder, limit)) if lp]
    scored = [l for p in pages for l in p.labels if l is not UNSCORED]
    print(f"\n{folder.name}: {len(pages)} pages, {sum(len(p.lines) for p in pages)} lines, "
          f"{len(scored)} scored ({sum(l == BODY for l in scored)} body, "
          f"{sum(l == CHROME for l in scored)} chrome)")
    rows, seconds, kept_by = {}, {}, {}
    for name, cleaner in CLEANERS.items():
        start = time.perf_counter()
        kept_by[name] = [cleaner(p.lines) for p in pages]
        seconds[name] = time.perf_counter() - start
        rows[name] = score(pages, kept_by[name])
    base = rows[BASELINE]["f1"] or None
    print(f"{'cleaner':12} {'P':>6} {'R':>6} {'F1':>6} {'F1/justext':>11} {'ms/page':>8}")
    for name, s in rows.items():
        ratio = f"{s['f1'] / base:11.3f}" if base else f"{'-':>11}"
        print(f"{name:12} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {ratio} "
              f"{1000 * seconds[name] / max(len(pages), 1):8.1f}")
    if errors:
        show_errors(pages, kept_by["dossier"], errors)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="data set folders")
    parser.add_argument("--limit", type=int, help="first N pages of each set (for development)")
    parser.add_argument("--errors", type=int, default=0, help="print Dossier's first K wrong calls")
    args = parser.parse_args(argv)
    for folder in args.folders:
        evaluate_folder(folder, args.limit, args.errors)


if __name__ == "__main__":
    main()
