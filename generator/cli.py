"""The `briefing` command: generate, build, serve, extract."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from generator import __version__
from generator.errors import BriefingError, printable


def run() -> None:
    """The `briefing` command."""
    sys.exit(main())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description="Raw news articles in, a briefing site out.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the briefing folder (default: here)")
    # --root after the command too (`briefing status --root .`); SUPPRESS, so it does not reset the one before.
    rooted = argparse.ArgumentParser(add_help=False)
    rooted.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="the briefing folder (default: here)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str):
        return commands.add_parser(name, parents=[rooted], help=summary,
                                   description=f"{summary[0].upper()}{summary[1:]}. {description}")

    generate = command("generate", "write every article and index page into content/",
                       "Reads sources/ and taxonomy.yml; writes a page only when its bytes change and keeps every "
                       "hand edit. Exits 1 naming the files it rejected, 2 when the briefing cannot be read.")
    build = command("build", "generate, then build the site into site/",
                    "The site is built in a fresh folder and replaces site/ only once it is whole (MkDocs' strict "
                    "build by default). Exits non-zero naming what it rejected, after building from the rest.")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: mkdocs.yml's site_dir)")
    build.add_argument("--renderer", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="MkDocs with Material (default, pages rendered on all cores) or Zensical")
    serve = command("serve", "build, serve the site on this machine and rebuild it on every change",
                    "Serves site/ at http://127.0.0.1:PORT/ only. A saved source, page or taxonomy.yml regenerates "
                    "and rebuilds only the changed pages; open pages reload once the new site is in place. "
                    "Ctrl-C stops it.")
    serve.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default: 8000)")
    for each in (generate, build, serve):
        each.add_argument("--jobs", type=int, default=None, help="processes to use (default: all cores)")
    command("status", "hand edits, conflicts, missing sources, sources not yet generated",
            "Reads the pages and the sources and writes nothing.")
    settle = command("settle", "end a conflict between a hand edit and a changed extraction",
                     "briefing status lists the open conflicts with both values. Keeping the hand value ends the "
                     "conflict; keeping the extracted value writes it into the field, which then follows the source.")
    settle.add_argument("page", help="the page, as status names it (content/articles/<slug>.md)")
    settle.add_argument("field", help="the field in conflict")
    settle.add_argument("--keep", choices=("hand", "extracted"), required=True)
    extract = command("extract", "print what the extractor says about files",
                      "One record per file, with the keys of the labelling rules; writes nothing.")
    extract.add_argument("--format", choices=("json", "yaml"), default="json")
    extract.add_argument("files", nargs="+", type=Path, help="article files (.txt, .md, .html)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if not args.root.is_dir():
        print(f"error: {printable(str(args.root))}: no such folder (--root names a briefing folder)", file=sys.stderr)
        return 2
    if args.command == "extract":
        return run_extract(args.files, args.format, args.root)
    if args.command == "generate":
        return run_generate(args.root, args.jobs)
    if args.command == "status":
        return run_status(args.root)
    if args.command == "settle":
        return run_settle(args.root, args.page, args.field, args.keep)
    if args.command == "serve":
        return run_serve(args.root, args.port, args.jobs)
    return run_build(args.root, args.site_dir, args.jobs, args.renderer)


def run_extract(files: list[Path], fmt: str, root: Path) -> int:
    from generator.extract.article import extract_article
    from generator.read import read_source
    from generator.taxonomy import load_taxonomy

    try:
        taxonomy = load_taxonomy(root / "taxonomy.yml")
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    records, failed = [], 0
    for path in files:
        try:
            records.append(extract_article(read_source(path, str(path)), taxonomy).record())
        except BriefingError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
    if fmt == "json":
        import json

        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        import yaml

        print(yaml.safe_dump_all(records, sort_keys=False, allow_unicode=True), end="")
    return 1 if failed else 0


def run_settle(root: Path, page: str, field: str, keep: str) -> int:
    from generator.settle import settle

    try:
        print(settle(root, page, field, keep) + " (the next generate renders the page again)")
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def run_status(root: Path) -> int:
    from generator.status import format_status, status

    try:
        print(format_status(status(root)))
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def run_generate(root: Path, jobs: int | None = None) -> int:
    return _generate(root, jobs)[0]


def _generate(root: Path, jobs: int | None) -> tuple[int, list[str]]:
    """Generate and report; (exit status, the files rejected, as shown)."""
    from generator.generate import generate

    try:
        report = generate(root, jobs=jobs, progress=True)
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2, []
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    if report.halted:
        print(f"error: {report.halted}", file=sys.stderr)
    for page in report.missing_sources:
        print(f"source missing: {page} (kept, marked source_missing)", file=sys.stderr)
    print(f"{report.articles} articles ({report.extracted} extracted), {len(report.changed)} pages changed, "
          f"{len(report.errors)} rejected")
    rejected = sorted({printable(e.path) for e in report.errors})
    if rejected:
        print("rejected: " + ", ".join(rejected), file=sys.stderr)
    return (1 if rejected else 0), rejected


def run_build(root: Path, site_dir: Path | None, jobs: int | None = None, renderer: str = "mkdocs") -> int:
    # MkDocs' strict build with the pages rendered on all cores (generator/site.py); a plain
    # `mkdocs build --strict` makes the same site on one. It starts first, and loads MkDocs and
    # mkdocs.yml while the generator runs; it builds once told to (a line on its input).
    command = [sys.executable, "-m", "generator.site", "--config-file", str(root / "mkdocs.yml"), "--after-generate"]
    if site_dir:
        command += ["--site-dir", str(site_dir.resolve())]
    if jobs:
        command += ["--jobs", str(jobs)]
    command += ["--renderer", renderer]
    import subprocess

    from generator.processes import start_to_the_end, wait_to_the_end   # here: `briefing generate` has no use for them

    # The site build ends with this command: a signal sent here is passed on, and if this process is
    # killed outright the build notices and stops.
    site = start_to_the_end(command, cwd=root, env=_env_without_regeneration(), stdin=subprocess.PIPE)
    try:
        status, rejected = _generate(root, jobs)
        if status != 2:
            site.stdin.write(b"build\n")
    except BrokenPipeError:
        pass                    # the site build ended already: its status says why
    except BaseException:
        site.stdin.close()      # without the line, the site build ends at once
        site.wait()
        raise
    site.stdin.close()
    built = wait_to_the_end(site)
    if status == 2:
        return status
    if rejected and built == 0:
        # Said again after MkDocs' own output, which would otherwise bury it.
        print(f"site built without {len(rejected)} rejected files (errors above): {', '.join(rejected)}",
              file=sys.stderr)
    return built or status


def run_serve(root: Path, port: int, jobs: int | None = None) -> int:
    from generator.serve import BuildProcess, serve

    builds = BuildProcess(root, jobs)
    try:
        return serve(root, port, builds)
    finally:
        builds.close()


def _env_without_regeneration():
    import os

    # The site was just generated: the MkDocs hook need not do it again.
    return {**os.environ, "BRIEFING_SKIP_GENERATE": "1"}
