"""Bytes to text as a browser would, with the encoding used kept, or a reason when it is unknown.

Order (the WHATWG encoding sniffing order, minus the parts that need a network): a byte-order mark;
then bytes that are valid UTF-8 are UTF-8 (whatever a page declares: pages that declare Latin-1 but
are UTF-8 are common, while Latin-1 or windows-1251 text with non-ASCII letters is almost never
valid UTF-8); the charset a transport declared (the `Content-Type` header of a WARC record's HTTP
response); a `<meta charset>` in the first 4 KB of a page; UTF-8 with a few stray bytes (kept as
U+FFFD); UTF-8 lines mixed with lines in one other encoding; then charset-normalizer's detection,
trusted only when its mess ratio ("chaos") is at most the configured threshold. UTF-16 without a
byte-order mark is recognised by its control bytes, which detectors handle poorly.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# UTF-16 text without a BOM: in Latin, Greek, Cyrillic, Hebrew or Arabic text every other byte (the
# high byte, 0x00-0x06) is a C0 control byte, which 8-bit text never holds outside tab and line
# breaks. Over this share of control bytes on one side and under a tenth of it on the other is UTF-16.
UTF16_ZERO_SHARE = 0.3
# Legacy encodings by how many web pages use them (W3Techs usage survey order, single-byte families
# first), to break ties between code pages charset-normalizer rates equally clean.
WEB_ORDER = ("cp1252", "latin_1", "cp1251", "shift_jis", "cp932", "euc_jp", "gb2312", "gb18030", "euc_kr",
             "cp1250", "big5", "iso8859_15", "koi8_r", "cp1256", "iso8859_2", "cp1254", "cp1253", "cp1255",
             "iso8859_9", "windows_874", "cp874", "iso8859_5", "iso8859_7", "cp1257", "koi8_u")
TIE_CHAOS = 0.01
# With fewer non-ASCII bytes than this a detector is guessing (charset-normalizer rates 17 code pages
# equally clean for a Latin-1 "Café au lait", and picks cp1006), so such text is refused with the reason.
MIN_EVIDENCE = 4
_ASCII = bytes(range(128))
_NOT_CONTROL = bytes([9, 10, 12, 13]) + bytes(range(32, 256))  # deleted to count the control bytes
# A page or text in UTF-8 but for a few stray bytes (a pasted Latin-1 "é") keeps them as U+FFFD:
# at most this many per 1,000 bytes, and at least 3 in any text.
STRAY_PER_1000 = 1


@dataclass(frozen=True)
class Decoded:
    """`text` in `encoding` (a Python codec name, "+replaced" when stray bytes became U+FFFD), or
    `text is None` and `reason` says why no encoding could be trusted."""

    text: str | None
    encoding: str | None = None
    reason: str | None = None


def decode(raw: bytes, declared: str | None = None, markup: bool = False,
           max_chaos: float = 0.2) -> Decoded:
    """Decode `raw` (see the module docstring for the order). `declared` is a transport's charset;
    `markup` allows a `<meta charset>`; `max_chaos` is the detector's acceptance threshold (0-1)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, codec) or Decoded(raw.decode(codec, errors="replace"), codec + "+replaced")
    utf16 = _utf16_without_bom(raw)
    if utf16 and (found := _strict(raw, utf16)):
        return found
    if found := _strict(raw, "utf-8"):
        return found
    for label in (declared, _meta_charset(raw) if markup else None):
        codec = _codec(label)
        if codec and codec != "utf-8" and (found := _strict(raw, codec)):
            return found
    lenient = raw.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    multibyte = sum(ch > "\x7f" for ch in lenient) - stray
    if 0 < stray <= multibyte and stray <= max(3, len(raw) * STRAY_PER_1000 // 1000):
        return Decoded(lenient, "utf-8+replaced")
    if _has_utf8_line(raw):
        return _mixed(raw, max_chaos)
    return _detected(raw, max_chaos)  # no line of UTF-8 at all: another encoding throughout


def charset_parameter(content_type: str | None) -> str | None:
    """The `charset` of a Content-Type header value ("text/html; charset=windows-1251")."""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _strict(raw: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(raw.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return "utf-8" if name in ("utf-8", "utf-8-sig") else name


def _has_utf8_line(raw: bytes) -> bool:
    """Some line holds non-ASCII bytes and is valid UTF-8 (other encodings rarely form a whole
    valid line by chance; a stray byte or a pasted paragraph spoils only its own line)."""
    return any(max(line, default=0) > 0x7F and _strict(line, "utf-8") is not None for line in raw.split(b"\n"))


def _meta_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:8192]
    if len(sample) < 8:
        return None
    sample = sample[:len(sample) // 2 * 2]
    half = len(sample) / 2
    even = len(sample[0::2].translate(None, _NOT_CONTROL)) / half
    odd = len(sample[1::2].translate(None, _NOT_CONTROL)) / half
    if odd >= UTF16_ZERO_SHARE and even <= odd / 10:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE and odd <= even / 10:
        return "utf-16-be"
    return None


def _detected(raw: bytes, max_chaos: float) -> Decoded:
    from charset_normalizer import from_bytes

    evidence = len(raw.translate(None, _ASCII))
    if evidence < MIN_EVIDENCE:
        return Decoded(None, None, f"not UTF-8, and {evidence} non-ASCII byte(s) are too few to detect its "
                                   "encoding with confidence; convert the file to UTF-8 and add it again")
    best = _best(from_bytes(raw, threshold=max_chaos), max_chaos)
    if best is not None:
        return Decoded(str(best), best.encoding)
    return _not_confident(raw, max_chaos)


def _best(matches, max_chaos: float):
    """charset-normalizer's match, or among matches as clean as it the one most used on the web:
    on short texts many code pages tie at chaos 0 and its first pick is arbitrary (cp1006 for a
    Latin-1 "Café"); None when no match is clean enough."""
    clean = [m for m in matches if m.chaos <= max_chaos]
    if not clean:
        return None
    lowest = min(m.chaos for m in clean)
    tied = [m for m in clean if m.chaos <= lowest + TIE_CHAOS]
    return min(tied, key=lambda m: (WEB_ORDER.index(m.encoding) if m.encoding in WEB_ORDER else len(WEB_ORDER)))


def _mixed(raw: bytes, max_chaos: float) -> Decoded:
    """Text pasted together from UTF-8 and one other encoding: UTF-8 lines stay UTF-8, the others
    are decoded with the encoding detected on them together (when the detection is confident)."""
    from charset_normalizer import from_bytes

    lines = raw.split(b"\n")
    other = [line for line in lines if _strict(line, "utf-8") is None]
    best = _best(from_bytes(b"\n".join(other), threshold=max_chaos), max_chaos)
    if best is None:
        return _not_confident(raw, max_chaos)
    text = "\n".join(line.decode("utf-8") if _strict(line, "utf-8") else line.decode(best.encoding, errors="replace")
                     for line in lines)
    return Decoded(text, f"utf-8+{best.encoding}")


def _not_confident(raw: bytes, max_chaos: float) -> Decoded:
    from charset_normalizer import from_bytes

    guess = from_bytes(raw, threshold=1.0).best()
    detail = f"best guess {guess.encoding} with mess ratio {guess.chaos:.2f}" if guess else "no guess"
    return Decoded(None, None, f"not UTF-8, and its encoding could not be detected with confidence ({detail}; "
                               f"threshold {max_chaos:g}); convert the file to UTF-8 and add it again")
