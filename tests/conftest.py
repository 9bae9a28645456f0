"""Shared fixtures. The seeds dossier is built once per session with the real pipeline; unit tests
build their own small inputs by hand."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="session")
def options():
    from dossier.config import Options

    return Options()


@pytest.fixture(scope="session")
def resources(options):
    """Real models, loaded once for the whole session."""
    from dossier.resources import Resources

    return Resources(options)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, options, resources) -> Path:
    from dossier.pipeline import build
    from dossier.store import Store

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    store = Store(path)
    build(store, [SEEDS], options, resources=resources)
    store.close()
    return path


@pytest.fixture(scope="session")
def seeds_export(seeds_db) -> dict:
    """The JSON export of the seeds dossier, as `dossier export --format json` prints it."""
    from dossier.store import Store
    from dossier.store.export import export_dict

    store = Store(seeds_db)
    try:
        return export_dict(store)
    finally:
        store.close()


def by_seed(export: dict, prefix: str) -> dict:
    """The exported article whose file name starts with `prefix` ("000" … "004")."""
    return next(a for a in export["articles"] if Path(a["source"]).name.startswith(prefix))
