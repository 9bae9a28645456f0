"""Options: one typed object; every section round-trips, and the options saved with a build give
that build back."""

from __future__ import annotations

import dataclasses
import json

import pytest

from conftest import SEEDS
from dossier.cli import main
from dossier.config import Options, VerifyOptions, load_options, options_toml, saved_options
from dossier.pipeline import build
from dossier.store import Store
from dossier.store.export import export_dict


def _changed() -> Options:
    """Non-default stories and verify options (a nested section too)."""
    options = Options()
    verify = dataclasses.replace(options.verify, max_news_lag_days=100_000,
                                 claims=dataclasses.replace(options.verify.claims, role_window_days=7))
    return dataclasses.replace(options, stories=dataclasses.replace(options.stories, join_threshold=0.9),
                               verify=verify)


def test_options_round_trip_through_json_and_toml(tmp_path):
    changed = _changed()
    assert {"analyse", "reuse", "stories", "verify"} <= set(changed.to_dict())
    assert Options.from_dict(json.loads(json.dumps(changed.to_dict()))) == changed
    config = tmp_path / "dossier.toml"
    config.write_text(options_toml(changed), encoding="utf-8")
    assert load_options(config) == changed
    config.write_text("[verify.claims]\nnumber_window_days = 3\n", encoding="utf-8")
    assert load_options(config).verify == VerifyOptions(claims=dataclasses.replace(VerifyOptions().claims,
                                                                                   number_window_days=3))


@pytest.mark.parametrize("text, named", [("[stories]\njoin_treshold = 0.3\n", "join_treshold"),
                                         ("[story]\njoin_threshold = 0.3\n", "story"),
                                         ("[verify.claims]\nrole_window = 3\n", "role_window"),
                                         ("[verify]\nclaims = 3\n", "verify.claims")])
def test_an_unknown_or_misshapen_option_is_named(tmp_path, text, named):
    config = tmp_path / "dossier.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=named):
        load_options(config)


def test_a_build_before_the_stories_and_verify_sections_reads_with_their_defaults():
    saved = Options().to_dict()
    del saved["stories"], saved["verify"]
    assert saved_options([{"id": 1, "options": json.dumps(saved)}]) == Options()
    with pytest.raises(ValueError, match="no build"):
        saved_options([])


def test_the_saved_options_of_a_build_make_it_again(tmp_path, resources, seeds_export, capsys):
    """Seeds built with other stories and verify options decide otherwise than the defaults; the
    options saved with that build, read back through `dossier options`, rebuild it byte for byte."""
    changed = _changed()
    first = Store(tmp_path / "first.db")
    build(first, [SEEDS], changed, resources=resources)
    decided = json.dumps(export_dict(first), ensure_ascii=False, indent=2)
    assert saved_options(first.builds()) == changed
    assert decided != json.dumps(seeds_export, ensure_ascii=False, indent=2)
    assert "contradicted" in {a["page_date_trust"] for a in seeds_export["articles"]}
    assert "contradicted" not in {a["page_date_trust"] for a in json.loads(decided)["articles"]}
    first.close()

    assert main(["options", "--db", str(tmp_path / "first.db"), "--out", str(tmp_path / "saved.toml")]) == 0
    again = Store(tmp_path / "again.db")
    build(again, [SEEDS], load_options(tmp_path / "saved.toml"), resources=resources)
    assert json.dumps(export_dict(again), ensure_ascii=False, indent=2) == decided
    again.close()

