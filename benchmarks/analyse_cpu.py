"""CPU of the per-article stage (analyse_article + extract_claims) apart from spaCy's inference.

usage: .venv/bin/python benchmarks/analyse_cpu.py /work/shared/data [--articles 300] [--passes 3]

Texts as in extraction_speed.py. A first pass runs spaCy and keeps every Doc it returns (its CPU is
the floor: NER over each text, the parse of the chosen sentences); then each pass re-runs the
whole stage with those Docs served from memory, so its CPU is the rules' alone. Prints the floor
and the least rules CPU of the passes (CPU time, not wall time: the machine may be shared).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_speed import load_texts  # noqa: E402


class KeptDocs:
    """The spaCy pipeline, each (text, disabled pipes) run once and its Doc served after."""

    def __init__(self, nlp):
        self._nlp, self.docs, self.cpu = nlp, {}, 0.0

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def __call__(self, text, disable=()):
        key = (text, tuple(disable))
        if key not in self.docs:
            started = time.process_time()
            self.docs[key] = self._nlp(text, disable=disable)  # as called, not batched: the same Doc
            self.cpu += time.process_time() - started
        return self.docs[key]

    def pipe(self, texts, disable=()):
        texts, disabled = list(texts), tuple(disable)
        missing = [t for t in dict.fromkeys(texts) if (t, disabled) not in self.docs]
        if missing:
            started = time.process_time()
            self.docs.update(((t, disabled), doc) for t, doc in zip(missing, self._nlp.pipe(missing, disable=disabled)))
            self.cpu += time.process_time() - started
        return iter([self.docs[(t, disabled)] for t in texts])


def run_once(texts: list[str], resources, kept: KeptDocs) -> float:
    from dossier.analyse import analyse_article
    from dossier.model import Article
    from dossier.verify.claims import extract_claims

    for doc in kept.docs.values():
        doc.user_data.clear()  # nothing a pass leaves on a Doc helps the next
    started = time.process_time()
    for index, text in enumerate(texts):
        article = analyse_article(Article(id=f"a{index}", source=f"{index}.txt", text=text), resources)
        article.claims = extract_claims(article)
    return time.process_time() - started


def main() -> None:
    from dossier.config import Options
    from dossier.resources import Resources

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (/work/shared/data)")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.data, args.articles)
    resources = Resources(Options())
    kept = KeptDocs(resources.nlp())
    resources._cache["nlp"] = kept
    first = run_once(texts, resources, kept)
    rules = min(run_once(texts, resources, kept) for _ in range(args.passes))
    print(f"{len(texts)} texts: spaCy inference {kept.cpu:.2f} s CPU, rules {rules:.2f} s CPU "
          f"(least of {args.passes} passes; first pass {first - kept.cpu:.2f} s), "
          f"rules share {rules / (rules + kept.cpu):.1%}")


if __name__ == "__main__":
    main()
