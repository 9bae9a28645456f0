"""The built wheel: it carries every file the package reads at run time, and its CLI works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile

from conftest import ROOT

PACKAGE = ROOT / "src" / "dossier"


def test_every_package_data_pattern_names_real_files():
    """A pattern that matches nothing (a phantom store/*.sql) says the wheel carries what it does not."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["dossier"]
    for pattern in patterns:
        assert list(PACKAGE.glob(pattern)), f"package-data pattern {pattern!r} matches no file"


def test_wheel_exports_markdown_outside_the_source_tree(seeds_db, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "src", project / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--no-index", "-w", str(tmp_path / "dist"), str(project)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((tmp_path / "dist").glob("dossier-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    data_files = {f"dossier/{f.relative_to(PACKAGE).as_posix()}" for f in PACKAGE.rglob("*")
                  if f.is_file() and f.suffix not in (".py", ".pyc")}
    assert {"dossier/report/report.md", "dossier/report/report.html"} <= data_files
    assert data_files <= names, f"missing from the wheel: {sorted(data_files - names)}"
    assert not any(n.endswith(".sql") for n in names)

    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    # dossier is a namespace package: check that its modules come from the wheel, not the checkout
    where = subprocess.run([sys.executable, "-c", "import dossier.cli, dossier.report as r; "
                            "print(dossier.cli.__file__); print(r.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    files = where.stdout.split()
    assert len(files) == 2 and all(f.startswith(str(tmp_path / "site")) for f in files), where.stdout + where.stderr
    export = subprocess.run([sys.executable, "-m", "dossier", "export", "--db", str(seeds_db), "--format", "md"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    assert "Dossier" in export.stdout and "|" in export.stdout  # the report's heading and its tables
