"""Cold and warm build figures on synthetic briefings of growing size.

Usage: python bench/build.py [--sizes 1000,2000,10000] [--runs 2] [--jobs N]
For each size: a folder with N synthetic articles (bench/make_corpus.py), then the two steps of a cold
`briefing build` timed apart (`briefing generate`, then the site build, MkDocs on all cores) and their
peak memory, `--runs` times in rounds over the sizes (so that a slow minute of a shared machine does
not fall on one size alone); then a warm `briefing generate` after one source changed (the median of
five such runs). Prints every cold build, then for each size the best one, articles per second, the
growth ratio between sizes, and a machine reference before and after.
"""

from __future__ import annotations

import argparse
import os
import platform
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


def _run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and the peak memory in MiB of the command and the processes it started."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1", "CI": "true"}
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        # wait4, not wait: its resource usage is this process's alone, its own children included.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{output.read()[-4000:].decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024


def prepare(size: int, run: int, workspace: Path) -> Path:
    """A new folder of `workspace` with the project's configuration and `size` synthetic sources, for
    one cold build. Each build has a folder of its own, and nothing is removed until the end: on this
    machine's disk, creating files right after deleting tens of thousands was several times slower
    than on a disk at rest (10,000 small files: 0.6 s, or 4 to 6 s after a delete), which would time
    the last build's removal, not this one."""
    folder = workspace / f"{size}-{run}"
    folder.mkdir()
    for name in ("mkdocs.yml", "taxonomy.yml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    write_corpus(size, folder / "sources", seed=size)
    os.sync()       # the corpus is setup: its writing-back is not the build's time
    return folder


def _command(module: str, jobs: int | None) -> list[str]:
    return [sys.executable, "-m", *module.split()] + (["--jobs", str(jobs)] if jobs else [])


def cold_build(folder: Path, jobs: int | None) -> dict:
    """`briefing generate` then the site build, from sources alone."""
    generate, generate_mib = _run(_command("generator generate", jobs), folder)
    site, site_mib = _run(_command("generator.site", jobs), folder)
    return {"generate": generate, "site": site, "total": generate + site, "peak_mib": max(generate_mib, site_mib)}


def warm_runs(folder: Path, size: int, jobs: int | None) -> list[float]:
    """One source changed, then the next one, WARM_RUNS times: a one-change run of a second varies
    by a fifth on a shared machine."""
    os.sync()       # the site just written goes to disk before the warm runs, not during them
    generate = _command("generator generate", jobs)
    seconds = []
    for number in range(WARM_RUNS):
        one = folder / "sources" / f"{size // 2 + number:06d}.txt"
        one.write_text(one.read_text(encoding="utf-8") + "\nThe sides also discussed Georgia.\n", encoding="utf-8")
        seconds.append(_run(generate, folder)[0])
    return seconds


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
    parser.add_argument("--runs", type=int, default=2, help="cold builds of each size; the best is shown")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    compile_bytecode()
    print(f"Python {platform.python_version()} ({platform.python_implementation()}, built with "
          f"{platform.python_compiler()} on {platform.python_build()[1]}): the interpreter's own build "
          "changes every figure below, see the README")
    print(f"machine reference before (a fixed Python loop, lower is faster): {machine_reference():.2f} s", flush=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    workspace = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        folders: dict[int, Path] = {}        # the last folder of each size, for its warm runs
        colds: dict[int, list[dict]] = {size: [] for size in sizes}
        for run in range(1, args.runs + 1):
            for size in sizes:
                folders[size] = prepare(size, run, workspace)
                cold = cold_build(folders[size], args.jobs)
                colds[size].append(cold)
                print(f"cold build {run} of {size} articles: generate {cold['generate']:.1f} s, site "
                      f"{cold['site']:.1f} s, total {cold['total']:.1f} s", flush=True)
        print(f"{'articles':>8} {'pages':>6} {'generate s':>10} {'site s':>9} {'total s':>8} {'art/s':>7} "
              f"{'warm 1-change s':>15} {'(min-max)':>11} {'peak RSS MiB':>12}")
        best = {}
        for size in sizes:
            r = best[size] = min(colds[size], key=lambda cold: cold["total"])
            pages = sum(1 for _ in (folders[size] / "content").rglob("*.md"))
            warm = warm_runs(folders[size], size, args.jobs)
            peak = max(cold["peak_mib"] for cold in colds[size])
            print(f"{size:>8} {pages:>6} {r['generate']:>10.1f} {r['site']:>9.1f} {r['total']:>8.1f} "
                  f"{size / r['total']:>7.0f} {statistics.median(warm):>15.2f} "
                  f"{'%.2f-%.2f' % (min(warm), max(warm)):>11} {peak:>12.0f}", flush=True)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    if args.runs > 1:
        print(f"best of {args.runs} cold builds; every one is listed above")
    if 1000 in best and 2000 in best:
        print(f"growth 2000/1000: {best[2000]['total'] / best[1000]['total']:.2f} (target <= 2.2)")
    print("peak RSS is the largest single process of a cold build (the extraction pool's workers are each smaller)")
    print(f"machine reference after: {machine_reference():.2f} s")


if __name__ == "__main__":
    main()
