"""'No Swedish outside quotes': what an English interface may show in Swedish, and what not.

Swedish may appear as evidence (a quotation block, text in quotation marks, a Swedish term in
brackets beside its English gloss) and as names (organisations, document titles, the language
switch's "Svenska"). Everything else must use no word that only the Swedish interface uses.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable

from core import messages
from core.settings import DEFAULT_DATA_DIR
from core.text import words


def swedish_interface_words() -> set[str]:
    """Words of the Swedish interface that the English one never uses."""
    sv = {w for text in messages.CATALOG["sv"].values() for w in words(text.lower())}
    en = {w for text in messages.CATALOG["en"].values() for w in words(text.lower())}
    return {w for w in sv - en if len(w) > 2}


def library_names() -> set[str]:
    """Organisation names, aliases and document titles of the bundled library."""
    catalog = tomllib.loads((DEFAULT_DATA_DIR / "policies" / "catalog.toml").read_text("utf-8"))
    names = {"Svenska"}
    for doc in catalog["document"]:
        names |= {doc["organisation"], doc["title"], *doc.get("aliases", [])}
    return names


def outside_quotes(text: str, names: Iterable[str]) -> str:
    """The text less its quotations and names (Markdown blockquote lines included). ‘Single
    quotes’ mark Swedish words that are not verbatim (a responsibility restated)."""
    text = "\n".join(line for line in text.split("\n") if not line.startswith(">"))
    text = re.sub(r"[“”\"][^“”\"]*[”\"]", " ", text)
    text = re.sub(r"‘[^‘’]*’", " ", text)  # a Swedish mention that is no verbatim quote
    text = re.sub(r"\\?\([^()]*\\?\)", " ", text)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def swedish_outside_quotes(text: str, names: Iterable[str]) -> set[str]:
    """The Swedish interface words left in ``text`` outside quotations and names."""
    return set(words(outside_quotes(text, names).lower())) & swedish_interface_words()
