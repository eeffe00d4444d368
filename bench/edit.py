"""From an edit to the updated site at one size: the edit-to-site figures of bench/build.py alone.

Usage: python bench/edit.py [--size 10000] [--runs 5] [--jobs N] [--edits source,front matter,topic label]
A folder with N synthetic articles (bench/make_corpus.py), built cold (`briefing generate`, then the site
build, timed apart; the site build keeps what it made in .briefing-cache/site/); then, for each kind of
edit, `--runs` edits, each followed by `briefing build`, timed until the built page shows it. Prints each
run, the median and the range, and a machine reference before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import EDITS, _command, _run, compile_bytecode, edit_to_site, machine_reference, prepare  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--edits", default="source", help=f"kinds of edit, among: {', '.join(EDITS)}")
    args = parser.parse_args()
    compile_bytecode()
    print(f"machine reference before (a fixed Python loop, lower is faster): {machine_reference():.2f} s", flush=True)
    workspace = Path(tempfile.mkdtemp(prefix="briefing-edit-"))
    try:
        folder = prepare(args.size, 1, workspace)
        generate, _ = _run(_command("generator generate", args.jobs), folder)
        site, _ = _run(_command("generator.site", args.jobs), folder)
        pages = sum(1 for _ in (folder / "content").rglob("*.md"))
        print(f"cold build of {args.size} articles ({pages} pages): generate {generate:.1f} s, site {site:.1f} s, "
              f"total {generate + site:.1f} s", flush=True)
        os.sync()
        for kind in args.edits.split(","):
            seconds = edit_to_site(folder, args.size, kind, args.runs, args.jobs)
            print(f"edit to site, {kind}, {args.size} articles: " + ", ".join(f"{s:.2f}" for s in seconds)
                  + f" s; median {statistics.median(seconds):.2f} s", flush=True)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    print(f"machine reference after: {machine_reference():.2f} s")


if __name__ == "__main__":
    main()
