"""Engines: the same dossier whichever engine runs the per-article stages, and the engine seam
itself (input order, partitions, errors)."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import SEEDS
from dossier.config import EngineOptions
from dossier.engine import KINDS, default_kind, open_engine, usable_cores
from dossier.pipeline import build
from dossier.store import Store
from dossier.store.export import export_dict


def _square(item: int, context: int) -> int:
    return item * item + context


@pytest.mark.parametrize("kind", KINDS)
def test_every_engine_keeps_input_order(kind):
    items = list(range(37))  # several partitions of 16, the last one short
    with open_engine(EngineOptions(kind=kind, workers=2, partition_size=16)) as engine:
        assert list(engine.map(_square, items, 1)) == [i * i + 1 for i in items]
        assert list(engine.map(_square, [], 1)) == []


def test_an_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        with open_engine(EngineOptions(kind="spark")):
            pass


def test_the_default_engine_uses_every_core():
    assert default_kind() == ("process" if usable_cores() > 1 else "local")


@pytest.mark.parametrize("kind", ["process", "dask"])
def test_engines_give_the_same_dossier(tmp_path, options, resources, seeds_db, kind):
    other = dataclasses.replace(options, engine=EngineOptions(kind=kind, workers=2, partition_size=2))
    store = Store(tmp_path / f"{kind}.db")
    build(store, [SEEDS], other, resources=resources)
    assert export_dict(store) == export_dict(Store(seeds_db))


def test_cli_engine_flags_override_the_config_and_default_to_every_core(tmp_path):
    from dossier.cli import _with_engine, parser
    from dossier.config import load_options

    def engine(*argv):
        args = parser().parse_args(["build", "x", *argv])
        return _with_engine(load_options(args.config), args).engine

    assert engine().kind == default_kind()
    assert engine("--engine", "local").kind == "local"
    chosen = engine("--scheduler", "tcp://10.0.0.5:8786", "--workers", "8")
    assert (chosen.kind, chosen.scheduler, chosen.workers) == ("dask", "tcp://10.0.0.5:8786", 8)
    config = tmp_path / "options.toml"
    config.write_text('[engine]\nkind = "local"\n')
    assert engine("--config", str(config)).kind == "local"  # the file names one: it is kept
    assert engine("--config", str(config), "--engine", "dask").kind == "dask"  # the flag wins
