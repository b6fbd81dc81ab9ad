"""One settings object, read from environment variables prefixed ``POLICY_ASSISTANT_``.

Build it once at the edge (CLI, app) and pass it in::

    settings = Settings.load()                 # environment + .env
    settings = Settings(index_dir=tmp_path)    # explicit, e.g. in tests
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"
ENV_PREFIX = "POLICY_ASSISTANT_"


class Settings(BaseSettings):
    """Every setting of the assistant. Environment variable = prefix + upper-case name."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="ignore", frozen=True
    )

    data_dir: Path = Field(
        DEFAULT_DATA_DIR, description="Folder with the policy library and runtime files."
    )
    policies_dir: Path | None = Field(
        None, description="Policy documents and catalog.toml (default: DATA_DIR/policies)."
    )
    index_dir: Path | None = Field(
        None, description="Embedded Chroma index (default: DATA_DIR/index)."
    )
    collection: str = Field("policy_passages", description="Chroma collection name.")
    chroma_host: str | None = Field(
        None, description="Chroma server host; when set, the server is used instead of INDEX_DIR."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port.")
    chroma_ssl: bool = Field(False, description="Use HTTPS for the Chroma server.")

    embedding_model: str = Field(
        DEFAULT_EMBEDDING_MODEL,
        description="sentence-transformers model name or local path; 'hash' is a fast, meaning-free test model.",
    )
    embedding_device: str = Field("cpu", description="Torch device for the embedding model.")
    hf_offline: bool = Field(True, description="Forbid Hugging Face hub downloads at run time.")
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Passages per embedding batch.")

    glossary_path: Path | None = Field(
        None, description="Swedish–English glossary CSV (default: DATA_DIR/glossary.csv)."
    )
    max_file_mb: float = Field(
        20.0, gt=0, description="Files larger than this are skipped at ingest."
    )
    max_question_chars: int = Field(2000, ge=20, description="Longer questions are refused.")
    top_k: int = Field(
        5, ge=1, le=20, description="Passages retrieved and cited at most per answer."
    )
    # 5-fold CV over all 1,524 tuning questions (corpora included), with fusion_share 0.5:
    # 0 0.913, 0.15 0.913, 0.3-1.2 0.915 (a plateau; folds chose 0.15-1.2); with fusion_share
    # 1.5 (tried, withdrawn): 0.3 0.918, best. 0.3 stays: no value on the plateau scores higher
    dense_weight: float = Field(
        0.3, ge=0, description="Weight of dense (embedding) ranks in fusion."
    )
    lexical_weight: float = Field(
        1.0, ge=0, description="Weight of lexical (BM25) ranks in fusion."
    )
    min_coverage: float = Field(
        0.06,  # chosen by 5-fold cross-validation: `policy-assistant eval --cv` (README)
        ge=0,
        le=1,
        description="Share of the question's content the best passage must cover, else refuse.",
    )

    llm_base_url: str | None = Field(
        None,
        description="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1. Unset: extractive answers.",
    )
    llm_model: str | None = Field(None, description="Model name at the endpoint.")
    llm_api_key: str | None = Field(
        None, description="API key for the endpoint (many local servers accept any)."
    )
    llm_timeout: float = Field(
        30.0, gt=0, description="Seconds before falling back to the extractive answer."
    )

    feedback_db: Path | None = Field(
        None, description="SQLite file for answer feedback (default: DATA_DIR/feedback.sqlite3)."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "WARNING", description="Logging level."
    )

    @field_validator("collection")
    @classmethod
    def _collection_name(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]", value):
            raise ValueError("use 3–512 characters of letters, digits, '.', '_' or '-'")
        return value

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Read the environment; a bad value raises SettingsError naming the variable and fix."""
        try:
            return cls(**overrides)  # type: ignore[arg-type]
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else "?"
                problems.append(f"{ENV_PREFIX}{name.upper()}: {err['msg']}")
            raise SettingsError(
                "Invalid setting. " + "; ".join(problems) + ". Fix the environment variable "
                "(or .env) and start again; see the settings table in README.md."
            ) from None

    # Derived locations -------------------------------------------------
    @property
    def policies_path(self) -> Path:
        return self.policies_dir or self.data_dir / "policies"

    @property
    def index_path(self) -> Path:
        return self.index_dir or self.data_dir / "index"

    @property
    def glossary_file(self) -> Path:
        return self.glossary_path or self.data_dir / "glossary.csv"

    @property
    def feedback_path(self) -> Path:
        return self.feedback_db or self.data_dir / "feedback.sqlite3"

    @property
    def uses_llm(self) -> bool:
        return bool(self.llm_base_url)

    @property
    def store_location(self) -> str:
        if self.chroma_host:
            scheme = "https" if self.chroma_ssl else "http"
            return f"{scheme}://{self.chroma_host}:{self.chroma_port} ({self.collection})"
        return f"{self.index_path} ({self.collection})"
