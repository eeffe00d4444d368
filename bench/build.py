"""Cold and warm build figures on synthetic briefings of growing size.

Usage: python bench/build.py [--sizes 1000,2000,10000] [--runs 2] [--jobs N]
For each size: a folder with N synthetic articles (bench/make_corpus.py), then the two steps of a cold
`briefing build` timed apart (`briefing generate`, then the site build, MkDocs on all cores) and their
peak memory, `--runs` times in rounds over the sizes (so that a slow minute of a shared machine does
not fall on one size alone); then a warm `briefing generate` after one source changed (the median of
five such runs). Prints every cold build, then for each size the best one, articles per second, the
growth ratio between sizes, and a machine reference before and after. Then for each size the search: the
seconds writing its index took (cold, and in an incremental site build after the warm runs), and in headless
Chromium the bytes a query typed into the header's search box downloads and the seconds from its last key
press to its first result.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
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


def _run(command: list[str], cwd: Path, printed: list[str] | None = None) -> tuple[float, float]:
    """Seconds and the peak memory in MiB of the command and the processes it started; what it printed is
    added to `printed`, when given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SKIP_GENERATE": "1", "CI": "true"}
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        # wait4, not wait: its resource usage is this process's alone, its own children included.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode(errors="replace")
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{text[-4000:]}")
        if printed is not None:
            printed.append(text)
    return elapsed, usage.ru_maxrss / 1024


def search_index_seconds(printed: str) -> float | None:
    """The seconds the site build said writing the search index took (generator/site.py)."""
    found = re.search(r"Search index: .* in ([\d.]+) seconds", printed)
    return float(found.group(1)) if found else None


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
    printed: list[str] = []
    site, site_mib = _run(_command("generator.site", jobs), folder, printed)
    return {"generate": generate, "site": site, "total": generate + site, "peak_mib": max(generate_mib, site_mib),
            "search_index": search_index_seconds(printed[0])}


def warm_runs(folder: Path, size: int, jobs: int | None) -> list[float]:
    """One source changed, then the next one, WARM_RUNS times: a one-change run of a second varies
    by a fifth on a shared machine."""
    os.sync()       # the site just written goes to disk before the warm runs, not during them
    generate = _command("generator generate", jobs)
    seconds = []
    for number in range(WARM_RUNS):
        change_one_source(folder, size, number)
        seconds.append(_run(generate, folder)[0])
    return seconds


def change_one_source(folder: Path, size: int, number: int) -> None:
    one = folder / "sources" / f"{size // 2 + number:06d}.txt"
    one.write_text(one.read_text(encoding="utf-8") + "\nThe sides also discussed Georgia.\n", encoding="utf-8")


# What a reader of a large briefing types: a person's name, two words; the synthetic corpus names him often.
SEARCH_QUERY = "Zakir Hasanov"
KEY_DELAY_MS = 80           # between key presses, as a quick typist
CHROMIUM = Path("/usr/bin/chromium")
# Set in the page before typing: when the last key went up, and when the results list first shows a result
# for the whole query: a link whose `h` (the words Material highlights on the result's page, those of the query
# a result matched) has the query's last word, and no shorter beginning of it, as the results for the
# queries before the last key press have a shorter beginning of it.
_RESULT_WATCH = """(word) => {
  window.__lastKey = null; window.__firstResult = null;
  document.addEventListener("keyup", () => { window.__lastKey = performance.now(); }, true);
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver(() => {
    if (window.__firstResult !== null) return;
    for (const link of list.querySelectorAll("a.md-search-result__link")) {
      const words = (new URL(link.href).searchParams.get("h") || "").split(" ");
      if (words.includes(word) && !words.some((each) => each !== word && word.startsWith(each))) { window.__firstResult = performance.now(); return; }
    }
  }).observe(list, { childList: true, subtree: true });
}"""


def search_figures(site: Path, query: str = SEARCH_QUERY, typed: bool = True) -> dict | None:
    """A query typed a key at a time into the header's search box of a fresh tab of the served site (or, not
    `typed`, pasted but its last letter, which is typed: the search starts from nothing), in headless Chromium
    (Debian's, through Playwright): the bytes the search downloaded until its first result (search/ and the
    search workers), seconds from the last key press to that result, and the memory of the tab's renderer
    process (the page and its search worker). None without Chromium or Playwright."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
                page = context.new_page()
                finished = []
                page.on("requestfinished", lambda request: finished.append(request))
                page.goto(url, wait_until="load")
                page.evaluate(_RESULT_WATCH, query.split()[-1].lower())
                box = page.locator("input.md-search__input")
                box.click()
                if typed:
                    box.press_sequentially(query, delay=KEY_DELAY_MS)
                else:
                    box.fill(query[:-1])        # no key goes up: Material searches on keyup
                    box.press(query[-1])
                page.wait_for_function("window.__firstResult !== null", timeout=120_000)
                seconds = page.evaluate("(window.__firstResult - window.__lastKey) / 1000")
                downloaded = 0
                for request in finished:
                    path = request.url.split("?")[0][len(url):]
                    if path.startswith("search/") or path.startswith("assets/javascripts/workers/"):
                        sizes = request.sizes()
                        downloaded += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                memory = _renderer_mib(browser)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"bytes": downloaded, "seconds": seconds, "tab_mib": memory}


def _renderer_mib(browser) -> float | None:
    """The resident memory of the largest renderer process (a tab, with its workers), in MiB."""
    session = browser.new_browser_cdp_session()
    resident = []
    for process in session.send("SystemInfo.getProcessInfo")["processInfo"]:
        if process["type"] != "renderer":
            continue
        try:
            status = Path(f"/proc/{process['id']}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        if found:
            resident.append(int(found.group(1)) / 1024)
    return max(resident) if resident else None


def print_search_figures(sizes: list[int], folders: dict[int, Path], colds: dict[int, list[dict]], jobs) -> None:
    """For each size: the seconds the cold builds took to write the search index, and an incremental site
    build's after one more source changed (the site first built with the warm runs' changes); then in
    Chromium the bytes a query downloads and the seconds from its last key press to its first result, typed
    and pasted, and the tab's memory."""
    print(f"search (query {SEARCH_QUERY!r}, {KEY_DELAY_MS} ms between keys when typed; bytes of search/ and "
          "the search workers until the first result):")
    print(f"{'articles':>8} {'index cold s':>12} {'index 1-change s':>16} {'typed bytes':>11} {'typed s':>8} "
          f"{'pasted bytes':>12} {'pasted s':>9} {'tab MiB':>8}")
    for size in sizes:
        printed: list[str] = []
        _run(_command("generator.site", jobs), folders[size])       # with the warm runs' changes
        change_one_source(folders[size], size, WARM_RUNS)
        _run(_command("generator generate", jobs), folders[size])
        _run(_command("generator.site", jobs), folders[size], printed)
        cold = min(run["search_index"] or 0 for run in colds[size])
        again = search_index_seconds(printed[0])
        typed = search_figures(folders[size] / "site")
        if typed is None:
            print(f"{size:>8} {cold:>12.2f} {again or 0:>16.2f}   (no Chromium or Playwright: no browser figures)")
            continue
        pasted = search_figures(folders[size] / "site", typed=False)
        print(f"{size:>8} {cold:>12.2f} {again or 0:>16.2f} {typed['bytes']:>11,} {typed['seconds']:>8.3f} "
              f"{pasted['bytes']:>12,} {pasted['seconds']:>9.3f} {max(typed['tab_mib'] or 0, pasted['tab_mib'] or 0):>8.0f}",
              flush=True)


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
        print_search_figures(sizes, folders, colds, args.jobs)
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
