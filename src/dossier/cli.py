"""Thin command line over the library: parse, call, turn library errors into one clear line.

Exit codes: 0 done (rejected inputs are reported, not failures); 1 unexpected error;
2 usage error; 3 a named input or the store cannot be used; 130 interrupted (the store keeps
the previous build).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXAMPLES = {
    "build": "dossier build examples/seeds --db seeds.db",
    "add": "dossier add more-articles/ --db seeds.db",
    "export": "dossier export --db seeds.db --format json > seeds.json",
    "report": "dossier report --db seeds.db --out report.html",
    "search": 'dossier search "Lavrov inclusive" --db seeds.db',
    "stats": "dossier stats --db seeds.db",
    "serve": "dossier serve --db seeds.db --port 8000",
    "migrate": "dossier migrate --db old.db",
    "options": "dossier options --db seeds.db --out seeds.toml; dossier build more/ --db b.db --config seeds.toml",
}


def _progress(items, label, total=None):
    from tqdm import tqdm

    return tqdm(items, desc=label, total=total, unit="doc", disable=None, file=sys.stderr, leave=False)


def _open_store(path: str, must_exist: bool = True, readonly: bool = False):
    """The store at `path`: read-only for commands that only read it (so a read-only file, or one a
    build is writing, can still be read, and nothing is migrated behind the user's back)."""
    from dossier.store import Store

    if must_exist and not Path(path).exists():
        raise FileNotFoundError(f"no dossier at {path}; run 'dossier build PATH --db {path}' first")
    if readonly:
        return Store(path, readonly=True)
    return Store(path, on_wait=lambda message: print(f"dossier: {message}", file=sys.stderr))


def cmd_build(args, incremental: bool = False) -> int:
    from dossier.config import load_options
    from dossier.pipeline import build

    options = _with_engine(load_options(args.config), args)
    store = _open_store(args.db, must_exist=False)
    result = build(store, [Path(p) for p in args.paths], options, incremental=incremental,
                   progress=_progress)
    for rejection in result.rejected:
        print(f"rejected {rejection.source}: {rejection.reason}", file=sys.stderr)
    stats = store.stats()
    print(f"{'added' if incremental else 'built'} {result.added} new article(s), {result.unchanged} already "
          f"stored, {len(result.rejected)} rejected; dossier {args.db} holds {stats['articles']} articles")
    phases = ", ".join(f"{phase} {seconds:.1f}" for phase, seconds in result.seconds.items())
    print(f"took {sum(result.seconds.values()):.1f} s ({phases})")
    if getattr(args, "report", None):
        _write_report(store, args.report)
    return EXIT_OK


def _with_engine(options, args):
    """--engine / --scheduler / --workers over the config file; with neither naming an engine, a
    process pool when more than one core is usable."""
    import dataclasses
    import tomllib

    from dossier.engine import default_kind

    configured = args.config is not None and "kind" in tomllib.loads(
        args.config.read_text(encoding="utf-8")).get("engine", {})
    kind = args.engine or ("dask" if args.scheduler else None) or \
        (options.engine.kind if configured else default_kind())
    changes = {"kind": kind}
    if args.scheduler:
        changes["scheduler"] = args.scheduler
    if args.workers:
        changes["workers"] = args.workers
    return dataclasses.replace(options, engine=dataclasses.replace(options.engine, **changes))


def _write_report(store, out: str) -> None:
    from dossier.report import render_html, render_markdown

    path = Path(out)
    path.write_text(render_markdown(store) if path.suffix == ".md" else render_html(store), encoding="utf-8")
    print(f"report written to {path}")


def cmd_export(args) -> int:
    from dossier.report import render_markdown
    from dossier.store.export import export_csv, export_dict

    store = _open_store(args.db, readonly=True)
    if args.format == "json":
        text = json.dumps(export_dict(store), ensure_ascii=False, indent=2)
    elif args.format == "csv":
        text = export_csv(store)
    else:
        text = render_markdown(store)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))
    return EXIT_OK


def cmd_report(args) -> int:
    _write_report(_open_store(args.db, readonly=True), args.out)
    return EXIT_OK


def cmd_search(args) -> int:
    hits = _open_store(args.db, readonly=True).search(args.query, limit=args.limit)
    for hit in hits:
        print(f"{hit['id']}  {hit['title']}\n    {hit['snippet']}")
    if not hits:
        print("no matches")
    return EXIT_OK


def cmd_stats(args) -> int:
    store = _open_store(args.db, readonly=True)
    for key, value in store.stats().items():
        print(f"{key:>16}: {value}")
    print(f"{'encodings':>16}: " + ", ".join(f"{name} {count}" for name, count in store.encodings().items()))
    rejections = store.rejections()
    if rejections:
        print("rejected inputs:")
        for r in rejections:
            print(f"  {r.source} [{r.stage}]: {r.reason}")
    return EXIT_OK


def cmd_serve(args) -> int:
    import uvicorn

    from dossier.web import create_app

    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.public:
        print(f"refusing to bind {args.host}: pass --public to serve beyond this machine", file=sys.stderr)
        return EXIT_USAGE
    _open_store(args.db, readonly=True).close()  # never writes or migrates; fails now with the reason
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def cmd_options(args) -> int:
    from dossier.config import Options, options_toml, saved_options

    options = Options() if args.defaults else saved_options(_open_store(args.db, readonly=True).builds())
    text = options_toml(options)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_migrate(args) -> int:
    before, after = _open_store(args.db).migrate()
    print(f"{args.db}: schema {before} -> {after}" if before != after else f"{args.db}: schema {after}, up to date")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="dossier", description="Turn scraped news articles into a sourced, deduplicated timeline.",
        epilog="exit codes: 0 done, 1 unexpected error, 2 usage error, 3 unusable input or store, "
               "130 interrupted (the previous build is kept)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=f"example: {EXAMPLES[name]}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--db", default="dossier.db", help="the dossier file (default: dossier.db)")
        return p

    for name, text in (("build", "build a dossier from files and folders, replacing what it held"),
                       ("add", "add files and folders to an existing dossier")):
        p = command(name, text)
        p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .jsonl, .warc(.gz) files or folders")
        p.add_argument("--config", type=Path, help="TOML options file")
        p.add_argument("--report", metavar="FILE", help="also write a report (.html or .md)")
        p.add_argument("--engine", choices=["local", "process", "dask"],
                       help="where per-article stages run (default: process when more than one core)")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="a Dask scheduler (tcp://host:8786) for --engine dask; without it a local cluster")
        p.add_argument("--workers", type=int, metavar="N", help="worker processes (default 2)")
        p.set_defaults(func=cmd_build if name == "build" else lambda a: cmd_build(a, incremental=True))

    p = command("export", "export the dossier (JSON contract, CSV of articles, or Markdown)")
    p.add_argument("--format", choices=["json", "csv", "md"], default="json")
    p.add_argument("--out", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_export)

    p = command("report", "write a readable report (HTML, or Markdown for a .md file)")
    p.add_argument("--out", default="report.html")
    p.set_defaults(func=cmd_report)

    p = command("search", "full-text search of article texts (BM25 ranking)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    p = command("stats", "counts, schema version and every rejected input with its reason")
    p.set_defaults(func=cmd_stats)

    p = command("serve", "browse the dossier in a local web app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--public", action="store_true", help="allow binding beyond localhost")
    p.set_defaults(func=cmd_serve)

    p = command("options", "print the options the dossier's last build used, as a --config TOML file")
    p.add_argument("--out", help="write to this file instead of standard output")
    p.add_argument("--defaults", action="store_true", help="print the default options instead (no dossier needed)")
    p.set_defaults(func=cmd_options)

    p = command("migrate", "upgrade a dossier made by an older version to this version's schema")
    p.set_defaults(func=cmd_migrate)
    return top


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from dossier.store import StoreError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, StoreError, ValueError) as err:
        print(f"dossier: {err}", file=sys.stderr)
        return EXIT_INPUT
    except (sqlite3.DatabaseError, OSError) as err:  # disk full, permissions: one line, not a traceback
        print(f"dossier: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("dossier: interrupted; the dossier keeps its previous build", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
