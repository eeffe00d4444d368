"""Cold and warm build figures on synthetic briefings of growing size.

Usage: python bench/build.py [--sizes 1000,2000,10000] [--jobs N]
For each size: a fresh folder with N synthetic articles (bench/make_corpus.py), then the two steps of
a cold `briefing build` timed apart (`briefing generate`, then the site build, MkDocs on all cores),
peak memory, and a warm `briefing generate` after one source changed (the median of five such runs).
Prints seconds, articles per second, the growth ratio between sizes, and a machine reference before
and after.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WARM_RUNS = 5


def _run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1", "CI": "true"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed


def measure(size: int, jobs: int | None, workspace: Path) -> dict:
    """The figures of one size, built in a folder of `workspace` (removed by the caller at the end:
    deleting tens of thousands of files keeps the disk busy for a while, and the next size's timed
    build would pay for it)."""
    folder = workspace / str(size)
    folder.mkdir()
    for name in ("mkdocs.yml", "taxonomy.yml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    write_corpus(size, folder / "sources", seed=size)
    os.sync()       # the corpus is setup: its writing-back is not the build's time
    generate = [sys.executable, "-m", "generator", "generate"] + (["--jobs", str(jobs)] if jobs else [])
    gen_seconds = _run(generate, folder)
    site = [sys.executable, "-m", "generator.site"] + (["--jobs", str(jobs)] if jobs else [])
    site_seconds = _run(site, folder)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pages = sum(1 for _ in (folder / "content").rglob("*.md"))
    os.sync()       # the site just written goes to disk before the warm runs, not during them
    # One source changed, then the next one, WARM_RUNS times: the median, as one run of a second
    # varies by a fifth on a shared machine.
    warm = []
    for number in range(WARM_RUNS):
        one = folder / "sources" / f"{size // 2 + number:06d}.txt"
        one.write_text(one.read_text(encoding="utf-8") + "\nThe sides also discussed Georgia.\n", encoding="utf-8")
        warm.append(_run(generate, folder))
    return {"size": size, "pages": pages, "generate": gen_seconds, "site": site_seconds,
            "total": gen_seconds + site_seconds, "warm": statistics.median(warm), "warm_range": (min(warm), max(warm)),
            "peak_mib": peak_mib}


def machine_reference() -> float:
    """Seconds for a fixed pure-Python loop: the figures above scale with it, and on a shared machine it
    varies by a tenth or more from minute to minute."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i * i % 7
    return time.perf_counter() - started


def compile_bytecode() -> None:
    """Compile the generator's modules, as installing a package does. An editable install leaves them
    to the first run, and with PYTHONDONTWRITEBYTECODE set (some CI images) every run would compile
    them again: a fifth of a one-change run."""
    import compileall

    compileall.compile_dir(ROOT / "generator", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,10000")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    compile_bytecode()
    print(f"Python {platform.python_version()} ({platform.python_implementation()}, built with "
          f"{platform.python_compiler()} on {platform.python_build()[1]}): the interpreter's own build "
          "changes every figure below, see the README")
    print(f"machine reference before (a fixed Python loop, lower is faster): {machine_reference():.2f} s")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'articles':>8} {'pages':>6} {'generate s':>10} {'site s':>9} {'total s':>8} {'art/s':>7} "
          f"{'warm 1-change s':>15} {'(min-max)':>11} {'peak RSS MiB':>12}")
    results = []
    workspace = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        for size in sizes:
            r = measure(size, args.jobs, workspace)
            results.append(r)
            print(f"{r['size']:>8} {r['pages']:>6} {r['generate']:>10.1f} {r['site']:>9.1f} {r['total']:>8.1f} "
                  f"{r['size'] / r['total']:>7.0f} {r['warm']:>15.2f} {'%.2f-%.2f' % r['warm_range']:>11} "
                  f"{r['peak_mib']:>12.0f}", flush=True)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    by_size = {r["size"]: r for r in results}
    if 1000 in by_size and 2000 in by_size:
        print(f"growth 2000/1000: {by_size[2000]['total'] / by_size[1000]['total']:.2f} (target <= 2.2)")
    print("peak RSS is the largest single process (the extraction pool's workers are each smaller)")
    print(f"machine reference after: {machine_reference():.2f} s")


if __name__ == "__main__":
    main()
