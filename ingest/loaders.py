"""Read a policy file of any supported kind into Markdown-like text.

Markdown and plain text (UTF-8, UTF-16 and the single-byte encodings Swedish files come
in), PDF (pypdf), DOCX (python-docx) and HTML (html2text). Anything that cannot be read raises ``DocumentError`` with a reason a person
understands; the caller reports it and moves on.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from core.errors import DocumentError
from core.normalize import normalize_text

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm"}
# A DOCX is a zip; refuse archives that unpack to far more than they weigh.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    format: str  # "markdown", "text", "pdf", "docx", "html"
    encoding: str | None = None


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def load(path: Path, *, max_bytes: int) -> LoadedText:
    """Read ``path``; raise DocumentError when it is empty, too large, damaged or unsupported."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"unsupported file type '{suffix or '(none)'}'; supported: "
            + ", ".join(sorted(SUPPORTED_SUFFIXES))
        )
    size = path.stat().st_size
    if size == 0:
        raise DocumentError("the file is empty")
    if size > max_bytes:
        raise DocumentError(
            f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "(raise POLICY_ASSISTANT_MAX_FILE_MB to allow it)"
        )
    data = path.read_bytes()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(data)
        loaded = LoadedText(
            text, "markdown" if suffix in {".md", ".markdown"} else "text", encoding
        )
    elif suffix == ".pdf":
        loaded = LoadedText(_pdf_text(data), "pdf")
    elif suffix == ".docx":
        loaded = LoadedText(_docx_text(data), "docx")
    else:
        html, _ = decode_text(data)
        loaded = LoadedText(_html_text(html), "html")
    # Zero-width spaces, soft hyphens and direction marks inside words must not hide them.
    loaded = replace(loaded, text=normalize_text(loaded.text))
    if not loaded.text.strip():
        raise DocumentError("the file has no text in it")
    return loaded


SWEDISH_LETTERS = frozenset("åäöÅÄÖ")
# Single-byte encodings Swedish files come in, in order of preference. cp1252 and Latin-1
# agree on every byte but 0x80-0x9F; DOS (cp850) and old Mac files are rarer, and are
# chosen only when they give more Swedish letters than the Windows reading.
_SINGLE_BYTE = ("cp1252", "cp850", "mac_roman")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding, for Swedish text: UTF-8 (with or without BOM), then
    UTF-16 when a BOM says so or the bytes clearly are UTF-16, then cp1252/Latin-1 when they
    decode cleanly. A single-byte reading is judged by the Swedish letters it yields, not by
    a detector's guess ("Åbo" must not become "Ĺbo"). Binary data (a program, an image) is
    refused rather than decoded into noise."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise DocumentError(
                    f"the file starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()}; save it again as UTF-8"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DocumentError("this looks like a binary file, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _checked(*_single_byte(data))


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes clearly are UTF-16 without a BOM: Latin
    script in UTF-16 has a zero byte in (nearly) every other position and few in the others."""
    sample = data[:8192]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_odd >= 0.6 * len(odd) and zeros_even <= 0.05 * len(even):
        return "utf-16-le"
    if zeros_even >= 0.6 * len(even) and zeros_odd <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> tuple[str, str]:
    """The single-byte reading that looks most like Swedish: most Swedish letters, fewest
    stray symbols inside words ("v„nort" is cp850's "vänort" read as cp1252); the first in
    order of preference on a tie. A reading with undefined bytes or C1 control characters
    does not decode cleanly and is not considered. Latin-1 is named when no byte is in
    0x80-0x9F, where it and cp1252 agree on every byte."""
    best: tuple[int, str, str] | None = None
    for encoding in _SINGLE_BYTE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _C1.search(text):
            continue
        score = sum(text.count(ch) for ch in SWEDISH_LETTERS) - 2 * len(_MIDWORD.findall(text))
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None:
        _, text, encoding = best
        if encoding == "cp1252" and not any(0x80 <= b <= 0x9F for b in data):
            encoding = "latin-1"
        return text, encoding
    # Nothing decodes cleanly: mostly UTF-8 with a stray byte, or Latin-1 with odd bytes.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) // 200):
        return text, "utf-8 (with replacements)"
    return data.decode("latin-1"), "latin-1"


_C1 = re.compile(r"[\x80-\x9f]")
# A non-ASCII symbol between two letters, other than the apostrophes, dashes and middle dot
# real texts have there.
_MIDWORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f\w\u2018\u2019\u2013\u2014\u00b7](?=[^\W\d_])")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text[:20000]) // 100):
        raise DocumentError("this looks like a binary file, not text (too many control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = bool(reader.decrypt(""))
            except Exception:  # pypdf raises several kinds for unsupported encryption
                unlocked = False
            if not unlocked:
                raise DocumentError(
                    "the PDF is encrypted (password-protected); save an unprotected copy"
                )
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"the PDF is damaged or not a PDF ({exc})") from None
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise DocumentError("the PDF has no extractable text (a scanned image? run OCR first)")
    return text


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocumentError("the DOCX is damaged or not a Word document") from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_COMPRESSION_RATIO * max(len(data), 1):
        raise DocumentError(
            f"the DOCX would unpack to {unpacked / 1e6:.0f} MB from {len(data) / 1e6:.2f} MB: "
            "refused as a possible zip bomb"
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise DocumentError(f"the DOCX is damaged ({type(exc).__name__})") from None
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if style.startswith("Heading") or style == "Title":
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            lines.append(f"\n{'#' * level} {text}\n")
        elif "List" in style:
            lines.append(f"- {text}")
        else:
            lines.append(f"\n{text}\n")
    for table in document.tables:
        for row in table.rows:
            lines.append("\n" + " | ".join(cell.text.strip() for cell in row.cells) + "\n")
    return "\n".join(lines)


# A web page's chrome: menus, the site's banner, breadcrumbs, cookie notices, search forms
# and skip links repeat on every page and answer nothing. A <header> that holds the page's
# own title (an <h1>) stays, and so do a footer and side boxes, which may say whom to
# contact. A <form> stays too (some sites wrap the whole page in one), less its buttons and
# fields.
_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
_BANNER_NAMES = (
    *("cookie", "cookies", "cookie-banner", "cookiebanner", "cookie-bar", "cookiebar"),
    *("cookie-notice", "cookie-consent", "cookieconsent", "cookie-dialog", "cookie-popup"),
    *("consent-banner", "gdpr-banner", "cc-banner", "cc-window", "cybotcookiebotdialog"),
    *("onetrust-banner-sdk", "onetrust-consent-sdk"),
)
_COOKIE_NOTICE = " or ".join(
    [
        f"contains(concat(' ', translate(normalize-space(@{attr}), '{_UPPER}', '{_LOWER}'), ' '),"
        f" ' {name} ')"
        for attr in ("class", "id")
        for name in _BANNER_NAMES
    ]
    + [
        f"((@role='dialog' or @role='alertdialog') and contains(translate(@aria-label,"
        f" '{_UPPER}', '{_LOWER}'), '{word}'))"
        for word in ("cookie", "kakor", "samtycke", "consent")
    ]
)
_CHROME = " | ".join(
    f".//{path}"
    for path in (
        *("script", "style", "noscript", "template", "nav", "button", "select", "input"),
        "*[@role='navigation' or @role='banner' or @role='search']",
        # a cookie or consent notice: an element whose class or id is one of the names
        # banners go by, or a dialog labelled so; never one that holds the page's content
        f"*[({_COOKIE_NOTICE}) and not(self::body or .//main or .//article or .//h1)]",
        "header[not(ancestor::main or ancestor::article) and not(.//h1)]",
        "body/a[starts-with(@href, '#')]",
    )
)


def _page_content(html: str) -> str:
    """The page less its chrome."""
    import lxml.etree
    import lxml.html

    try:
        page = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html  # not a page lxml can read (empty, a fragment of text): as it is
    for element in page.xpath(_CHROME):
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(page, encoding="unicode")


def _html_text(html: str) -> str:
    import html2text

    html = _page_content(html)
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_links = True
    converter.ul_item_mark = "-"
    return converter.handle(html)
