"""The command line: every command documented with an example, exit codes, exports, report."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SEEDS
from dossier.cli import EXAMPLES, EXIT_INPUT, EXIT_OK, EXIT_USAGE, main, parser


def _subcommands():
    action = next(a for a in parser()._actions if a.dest == "command")
    return action.choices


def test_every_command_has_an_example_in_its_help():
    commands = _subcommands()
    assert set(commands) == set(EXAMPLES)
    for name, sub in commands.items():
        assert f"example: {EXAMPLES[name]}" in sub.format_help()


def test_exit_codes_are_documented():
    text = parser().format_help()
    for code in ("0 done", "1 unexpected error", "2 usage error", "3 unusable input", "130 interrupted"):
        assert code in text


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xml"])
    assert exit_info.value.code == EXIT_USAGE


def test_missing_input_is_one_clear_line(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "--db", str(tmp_path / "d.db")]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"dossier: no such file or folder: {tmp_path / 'nope'}"]


def test_commands_on_a_missing_dossier_say_how_to_build_one(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.db")]) == EXIT_INPUT
    assert "run 'dossier build PATH" in capsys.readouterr().err


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    assert main(["build", str(SEEDS), "--db", str(db)]) == EXIT_OK
    return db


def test_build_export_json(cli_db, capsys):
    capsys.readouterr()
    assert main(["export", "--db", str(cli_db), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 5


def test_export_csv_has_one_row_per_article(cli_db, capsys):
    capsys.readouterr()
    main(["export", "--db", str(cli_db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5 and {"id", "source", "page_date_trust", "text"} <= set(rows[0])


def test_export_markdown_and_reports(cli_db, tmp_path, capsys):
    main(["export", "--db", str(cli_db), "--format", "md", "--out", str(tmp_path / "x.md")])
    assert (tmp_path / "x.md").read_text().startswith("# Dossier report")
    main(["report", "--db", str(cli_db), "--out", str(tmp_path / "r.html")])
    html = (tmp_path / "r.html").read_text()
    assert "<h2>Articles</h2>" in html and "Cedric Blackwater" in html


def test_search_and_stats(cli_db, capsys):
    capsys.readouterr()
    main(["search", "Lavrov", "--db", str(cli_db)])
    out = capsys.readouterr().out
    assert "[Lavrov]" in out
    main(["stats", "--db", str(cli_db)])
    assert "articles: 5" in capsys.readouterr().out


def test_readme_documents_every_command_and_ci_runs_its_test_command():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    for name in _subcommands():
        assert f"`dossier {name}" in readme
    assert "./run test" in readme and "./run test" in (ROOT / ".ci" / "run").read_text()


def test_readme_lists_every_benchmark():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    scripts = [p.name for p in (ROOT / "benchmarks").glob("*.py")
               if not p.name.startswith("_") and p.name != "syndication_data.py"]
    assert scripts and all(f"benchmarks/{name}" in readme for name in scripts)
