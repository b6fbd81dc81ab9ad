"""Every supported format loads; every kind of bad file is refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import DocumentError
from ingest.loaders import decode_text, load
from tests.helpers import write_docx, write_encrypted_pdf, write_pdf, write_zip_bomb_docx

MB = 1024 * 1024


def test_markdown_and_plain_text_load_as_utf8(tmp_path: Path):
    path = tmp_path / "p.md"
    path.write_text("# Syfte\n\nVänortssamarbete.\n", encoding="utf-8")
    loaded = load(path, max_bytes=MB)
    assert loaded.text.startswith("# Syfte") and loaded.format == "markdown"


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig", "cp1252"])
def test_other_text_encodings_are_detected(tmp_path: Path, encoding: str):
    path = tmp_path / "p.txt"
    text = "Syfte\n\nLandstingsfullmäktige beslutar om vänortssamarbeten och förvaltningschefernas ansvar för kontakter med utländska gäster.\n"
    path.write_bytes(text.encode(encoding))
    assert load(path, max_bytes=MB).text.strip() == text.strip()


# Made-up Swedish sentences: every Swedish letter, and the words a wrong code page breaks.
SWEDISH = (
    "Åbo är vänort till Örnsköldsvik sedan 1948.\n\n"
    "Ärenden om vänortssamarbeten beslutas av kommunfullmäktige; "
    "förvaltningscheferna ansvarar för utländska gäster.\n"
)
# cp1252's own characters (0x80-0x9F: dashes, curly quotes, the euro sign) besides Latin-1's.
SWEDISH_CP1252 = (
    SWEDISH + "Resor – ”i tjänsten” – kostar högst 500 € per dygn; Bryssels kontor’s gäster.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        (SWEDISH, "latin-1", "latin-1"),
        (SWEDISH_CP1252, "cp1252", "cp1252"),
        (SWEDISH_CP1252, "utf-8-sig", "utf-8-sig"),
        (SWEDISH_CP1252, "utf-8", "utf-8"),
        (SWEDISH_CP1252, "utf-16", "utf-16"),  # with a BOM
        (SWEDISH_CP1252, "utf-16-le", "utf-16-le"),  # no BOM
        (SWEDISH_CP1252, "utf-16-be", "utf-16-be"),  # no BOM
        (SWEDISH, "cp850", "cp850"),  # DOS
        (SWEDISH, "mac_roman", "mac_roman"),
    ],
)
def test_swedish_text_decodes_to_its_own_letters_in_every_encoding(
    tmp_path: Path, text: str, encoding: str, named: str
):
    path = tmp_path / "p.txt"
    path.write_bytes(text.encode(encoding))
    loaded = load(path, max_bytes=MB)
    assert loaded.text == text and loaded.encoding == named
    assert "Ĺbo" not in loaded.text and "\ufeff" not in loaded.text


def test_a_short_latin1_text_is_not_read_as_a_central_european_code_page():
    # The case a charset detector got wrong: byte 0xC5 is "Å" in Latin-1 but "Ĺ" in cp1250.
    text, encoding = decode_text("Åbo, Västerås.".encode("latin-1"))
    assert text == "Åbo, Västerås." and encoding == "latin-1"


def test_utf16_bytes_without_a_bom_are_not_taken_for_binary():
    data = "Vänort".encode("utf-16-le")
    assert decode_text(data) == ("Vänort", "utf-16-le")


def test_invisible_characters_inside_words_are_removed_at_load(tmp_path: Path):
    path = tmp_path / "p.md"
    path.write_text(
        "# Ans\u00advar\n\nKommun\u200bstyrelsen beslutar om vän\u00adorts\u200fsamarbeten.\x0b\n",
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    assert text == "# Ansvar\n\nKommunstyrelsen beslutar om vänortssamarbeten. \n"


def test_pdf_text_is_extracted(tmp_path: Path):
    path = write_pdf(
        tmp_path / "p.pdf", ["Internationell policy", "Kommunstyrelsen svarar for kontakter."]
    )
    loaded = load(path, max_bytes=MB)
    assert "Kommunstyrelsen svarar" in loaded.text and loaded.format == "pdf"


def test_docx_headings_and_bullets_keep_their_structure(tmp_path: Path):
    path = write_docx(
        tmp_path / "p.docx", "Ansvar", ["Kommunstyrelsen svarar för:"], ["Officiella kontakter"]
    )
    text = load(path, max_bytes=MB).text
    assert "# Ansvar" in text and "- Officiella kontakter" in text


def test_html_becomes_text_without_markup(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><body><h2>Syfte</h2><p>Goda <b>ambassadörer</b>.</p><script>x()</script></body></html>",
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    assert "## Syfte" in text and "ambassadörer" in text and "<p>" not in text


def test_a_web_pages_chrome_is_dropped_and_its_content_kept(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Vänorter</title><style>p{}</style></head><body>"
        '<a href="#innehall">Hoppa till innehållet</a>'
        '<header class="site"><a href="/">Testby kommun</a></header>'
        '<nav aria-label="Huvudmeny"><ul><li>Start</li><li>Bygga och bo</li></ul></nav>'
        '<div role="navigation">Start / Kommun och politik</div>'
        '<form action="/sok"><input name="q"><button>Sök</button></form>'
        '<main id="innehall"><article><header><h1>Vänorter</h1></header>'
        "<p>Kommunstyrelsen beslutar om nya vänorter.</p></article>"
        "<aside><h2>Kontakt</h2><p>Kansliet, telefon 0123-456 78</p></aside></main>"
        "<footer><p>Testby kommun, Box 1, 123 45 Testby</p></footer></body></html>",
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    for kept in ("# Vänorter", "beslutar om nya vänorter", "0123-456 78", "Box 1"):
        assert kept in text, (kept, text)
    for chrome in ("Hoppa till", "Bygga och bo", "Kommun och politik", "Sök"):
        assert chrome not in text, (chrome, text)
    assert text.count("Testby kommun") == 1, text  # the footer's, not the banner's


def test_a_cookie_notice_is_chrome_but_a_page_that_mentions_cookies_keeps_its_content(
    tmp_path: Path,
):
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body class="cookie-consent-pending"><div class="Cookie-Banner fixed">'
        "<p>Vi använder kakor.</p></div>"
        '<div id="CybotCookiebotDialog">Godkänn alla</div>'
        '<div role="dialog" aria-label="Samtycke till kakor"><p>Spara val</p></div>'
        '<div role="dialog"><p>Närmaste chef godkänner resan.</p></div>'
        "<main><h1>Resor</h1><p>Kulturnämnden beslutar om resor.</p>"
        '<div class="cookie-policy"><p>Kommunstyrelsen är personuppgiftsansvarig.</p></div>'
        '<div class="consent-form-info"><p>Rektor beslutar om elevens deltagande.</p></div>'
        "</main></body></html>",
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    for chrome in ("kakor", "Godkänn alla", "Spara val"):
        assert chrome not in text, (chrome, text)
    # the page's body, a dialog that is no cookie notice and content about consent stay
    for kept in (
        "Kulturnämnden beslutar",
        "Närmaste chef godkänner",
        "personuppgiftsansvarig",
        "Rektor beslutar",
    ):
        assert kept in text, (kept, text)


def test_a_page_wrapped_in_a_form_keeps_its_text_and_a_header_with_its_title(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><form id="aspnetForm"><div><header><h1>Vänortspolicy</h1>'
        "<p>Fastställd av kommunfullmäktige 2024.</p></header>"
        "<p>Kulturnämnden beslutar om vänortsbesök.</p>"
        '<form role="search"><input name="q"><button>Sök</button></form></div></form></body></html>',
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    for kept in ("# Vänortspolicy", "Fastställd av kommunfullmäktige", "vänortsbesök"):
        assert kept in text, (kept, text)
    assert "Sök" not in text


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.md", lambda p: p.write_bytes(b""), "empty"),
        ("blank.txt", lambda p: p.write_text("   \n\n  ", encoding="utf-8"), "no text"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\nnot really a pdf\x00\x01"), "damaged"),
        ("locked.pdf", write_encrypted_pdf, "encrypted"),
        ("bomb.docx", write_zip_bomb_docx, "zip bomb"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "damaged"),
        ("program.txt", lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
        ("big.md", lambda p: p.write_bytes(b"a" * (MB + 1)), "limit"),
        ("slides.pptx", lambda p: p.write_bytes(b"PK"), "unsupported"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(DocumentError, match=reason):
        load(path, max_bytes=MB)
