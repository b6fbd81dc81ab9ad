"""What is known about one policy document: who wrote it, what it is, when it applies.

One pydantic model serves the catalog (``catalog.toml``), the index manifest and the
assistant, so a document's facts are converted in one place::

    meta = DocumentMeta.model_validate(toml_entry)      # from the catalog (dates parsed)
    facts = meta.to_facts()                             # JSON-safe, for the manifest
    meta = DocumentMeta.from_facts(doc_id, facts)       # back from the manifest
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from core import messages


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


class DocumentMeta(BaseModel):
    """What the catalog (or a guess from the text) says about one policy document."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    file: str
    organisation: str
    title: str
    type: str = "policy"
    aliases: tuple[str, ...] = ()
    decided_by: str | None = None
    decided_on: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    language: str = "sv"
    source_note: str | None = None
    guessed: bool = False  # True when no catalog entry existed
    warnings: tuple[str, ...] = ()

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> tuple[str, ...]:
        return tuple(str(v) for v in (value or ()))

    # -- conversions -------------------------------------------------------------
    def to_facts(self) -> dict[str, Any]:
        """JSON-safe facts (dates as ISO strings), as the index manifest stores them."""
        return self.model_dump(mode="json")

    @classmethod
    def from_facts(cls, doc_id: str, facts: dict[str, Any]) -> DocumentMeta:
        """The metadata back from a manifest entry (which also holds hash, path, ...)."""
        return cls.model_validate({**facts, "id": doc_id})

    # -- validity ----------------------------------------------------------------
    def validity(self, today: dt.date | None = None) -> str:
        """``in_force``, ``expired``, ``not_yet`` or ``unknown`` (no dates in the text)."""
        today = today or dt.date.today()
        if self.valid_to and today > self.valid_to:
            return "expired"
        if self.valid_from and today < self.valid_from:
            return "not_yet"
        if self.valid_to:
            return "in_force"
        return "unknown"

    def validity_note(self, today: dt.date | None = None, lang: str = "sv") -> str | None:
        """A short warning to show beside a citation, or None when nothing is known to be wrong."""
        status = self.validity(today)
        if status == "expired" and self.valid_to:
            return messages.text("validity_expired", lang, date=self.valid_to.isoformat())
        if status == "not_yet" and self.valid_from:
            return messages.text("validity_not_yet", lang, date=self.valid_from.isoformat())
        return None

    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this organisation, longest first."""
        return tuple(sorted({self.organisation, *self.aliases}, key=len, reverse=True))
