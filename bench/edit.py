"""From one changed source to the updated site: `briefing generate` plus the incremental site build,
beside the cold build of the same briefing.

Usage: python bench/edit.py [--size 10000] [--runs 5] [--jobs N]
A folder with N synthetic articles (bench/make_corpus.py), built cold (`briefing generate`, then the site
build, timed apart; the site build keeps what it made in .briefing-cache/site/); then `--runs` times:
one more source changed, `briefing generate` and the site build again (which renders only the pages whose
inputs changed), timed until the site with the changed page is in place. Prints each run, the median
and the range, the pages each run rendered, and a machine reference before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import _command, _run, compile_bytecode, machine_reference, prepare  # noqa: E402

SENTENCE = "The sides also discussed Georgia."


def _timed(command: list[str], cwd: Path) -> tuple[float, str]:
    """Seconds and the output of a command that must succeed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1", "CI": "true"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-4000:]}")
    return elapsed, done.stdout


def _changed_page(folder: Path, source: Path) -> Path:
    """The site file of the article made from `source`."""
    for page in (folder / "content" / "articles").glob("*.md"):
        with open(page, encoding="utf-8") as text:
            if f"file: sources/{source.name}" in text.read(4000):
                return folder / "site" / "articles" / page.stem / "index.html"
    raise SystemExit(f"no page for {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None)
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
        totals = []
        for number in range(args.runs):
            source = folder / "sources" / f"{args.size // 2 + number:06d}.txt"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
            generated, _ = _timed(_command("generator generate", args.jobs), folder)
            built, output = _timed(_command("generator.site", args.jobs), folder)
            page = _changed_page(folder, source)
            if SENTENCE not in page.read_text(encoding="utf-8"):
                raise SystemExit(f"{page} does not show the change")
            rendered = re.search(r"Rendering (\d+) changed pages|Rendering every page", output)
            totals.append(generated + built)
            print(f"one source changed, run {number + 1}: generate {generated:.2f} s, site {built:.2f} s, "
                  f"total {generated + built:.2f} s ({rendered.group(1) or 'all'} pages rendered)", flush=True)
        print(f"edit to site, one source changed, {args.size} articles: median {statistics.median(totals):.2f} s "
              f"({min(totals):.2f} to {max(totals):.2f}) of {args.runs}; cold build {generate + site:.1f} s")
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    print(f"machine reference after: {machine_reference():.2f} s")


if __name__ == "__main__":
    main()
