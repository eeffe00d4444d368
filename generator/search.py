"""The site's search index in small files: what Material's search plugin writes as one file, read whole before
the first result (search/search_index.json, 24 MB at 10,000 articles), split so that a query reads only the
words it types and the pages it shows. Read in the browser by overrides/assets/javascripts/workers/
briefing-search.js, which answers Material's search box as Material's own search worker does.

What `briefing build` writes into the site, beside the pages (all of it made from search_index.json, so the
same under every build path):
- search/index/t/<key>: the terms that begin with the two letters `key` names (hex of their UTF-8), each with
  its postings: for every page section that holds the term, the page's number, the section's and a weight;
- search/index/p/<n>: pages 4n to 4n + 3, each its address and its sections' titles and text, as text, for
  the results;
- search/search_index.json: Material's search configuration and no documents, with what the script needs
  to read the index (its version, the terms' files, the letter table and the stop words). Material's page
  script downloads this file on every page and hands it to the worker: left whole, it would be the 24 MB.

A site built without this step (a plain `mkdocs build`) keeps Material's whole index, and the script hands
it to Material's own worker. Words are folded as generator/spellings.py folds them ('Gašić' is 'gasic'), in
the index and in the query alike. The files are gzip-compressed (the script inflates them), so a query
downloads the same few kilobytes from any static host.

Builds after the first one work from .briefing-cache/search/: only the pages whose entries changed are read
again, only the files their terms touch are written, and the rest is hard-linked from the cache; the result is
the same bytes a build without the cache makes (tests/test_search_index.py).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import itertools
import json
import logging
import marshal
import os
import re
import shutil
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson

from generator import resources
from generator.site_cache import file_stat, link_or_copy, read_cache_file
from generator.spellings import fold, letter_table, plain_spelling

log = logging.getLogger("mkdocs.briefing.search")

FORMAT = 1                      # of the files and of the cache; a new one rebuilds both
MATERIAL_INDEX = Path("search") / "search_index.json"
INDEX_FOLDER = Path("search") / "index"
CACHE_FOLDER = Path(".briefing-cache") / "search"
KEY_LENGTH = 2                  # a term's file is named by its first two letters
MAX_TERM = 40                   # longer runs of letters (a URL's remains, a Chinese sentence) are not terms
MAX_COUNT = 15                  # a term's count in a section, as a weight, saturates here
TITLE = 16                      # the weight's bit for a term in the section's title
SECTION = 32                    # a posting packs section * SECTION + weight
MAX_TEXT = 2000                 # characters of a section's text kept for its result's excerpt
PAGES_PER_FILE = 4              # pages of a page file: a result reads one, a build writes a quarter as many

def _code_version() -> str:
    """A hash of what decides the index's bytes besides the pages: this module, the folding of words and
    their tables. A change to any of them writes the whole index again."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=8)
    for name in ("search.py", "spellings.py", "data/search.yml", "data/folding.yml"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the script's [\p{L}\p{N}]+
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    """One entry of Material's index: a page (anchor "") or a section of it, as text."""

    anchor: str
    title: str
    text: str


@dataclass(frozen=True)
class Page:
    """A page as Material's index has it: its address, its entries and their digest. Its sections are read
    from the entries when asked for (a build reads only the pages that changed)."""

    url: str
    entries: tuple[dict, ...]
    digest: str

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(Section(anchor=str(entry.get("location", "")).partition("#")[2],
                             title=_text(str(entry.get("title", ""))), text=_text(str(entry.get("text", ""))))
                     for entry in self.entries)


@dataclass
class Report:
    """What writing the index did, for the build's log and the benchmark."""

    pages: int = 0
    changed: int = 0            # pages read again; every page when `reason` says why
    written: int = 0            # files written; the others were linked from the cache
    files: int = 0
    reason: str = ""
    seconds: float = 0.0


@dataclass
class _Cache:
    """What the last build kept: each page's address, digest and the term files its terms are in, and the
    stat of each kept file (so that one changed through a link is written again)."""

    urls: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    page_keys: list[list[str]] = field(default_factory=list)
    stats: dict[str, tuple] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------- words

@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(resources.load_data("search.yml")["stopwords"])


@lru_cache(maxsize=1 << 17)
def term(word: str) -> str | None:
    """The term a word is indexed and searched as: folded, lower case; None for a stop word, a single
    letter or a run too long to be a word."""
    folded = fold(word).lower()
    if len(folded) < 2 or len(folded) > MAX_TERM or folded in stopwords():
        return None
    return folded


def terms(text: str) -> list[str]:
    """The terms of a text, in order: 'Bratislav Gašić, the minister' -> ['bratislav', 'gasic', 'minister']."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return list(filter(None, map(term, _WORD.findall(text))))


def key_of(a_term: str) -> str:
    return a_term[:KEY_LENGTH]


def file_name(key: str) -> str:
    """The name of a key's file: the hex of its UTF-8, safe on every file system and in every URL."""
    return key.encode("utf-8").hex()


def page_terms(page: Page, number: int) -> dict[str, list[int]]:
    """Each term of page `number` with its postings there, flat: [number, packed, number, packed, ...], a
    packed section (section * SECTION + weight) for each section that has the term, in order."""
    found: dict[str, list[int]] = {}
    for position, section in enumerate(page.sections):
        counts = Counter(terms(section.text))
        titled = set(terms(section.title))
        for each in titled:
            counts.setdefault(each, 0)
        for each, count in counts.items():
            weight = min(count, MAX_COUNT) | (TITLE if each in titled else 0)
            flat = found.get(each)
            if flat is None:
                found[each] = [number, position * SECTION + weight]
            else:
                flat += (number, position * SECTION + weight)
    return found


# ------------------------------------------------------------------------------------- Material's index

def _text(markup: str) -> str:
    """Text of an entry's HTML (Material's index keeps block tags and escapes the text), less the hidden
    plain spellings of generator/spellings.py: this index folds the words themselves."""
    blocks = (_without_plain_spellings(_SPACE.sub(" ", html.unescape(block)).strip()) for block in _TAG.split(markup))
    return " ".join(block for block in blocks if block)


def _without_plain_spellings(block: str) -> str:
    """A block of text less the plain spellings that end it ('Bratislav Gašić Gasic' -> 'Bratislav Gašić')."""
    if block.isascii():
        return block
    plain = {plain_spelling(word) for word in _WORD.findall(block) if not word.isascii()}
    words = block.split(" ")
    end = len(words)
    while end > 1 and words[end - 1] in plain:
        end -= 1
    return " ".join(words[:end])


def read_material_index(data: dict) -> tuple[dict, list[Page]]:
    """Material's search configuration and its entries as pages, in the index's order."""
    pages: dict[str, list[dict]] = {}
    for entry in data.get("docs", []):
        url, _, _ = str(entry.get("location", "")).partition("#")
        pages.setdefault(url, []).append(entry)
    return data.get("config", {}), [
        Page(url=url, entries=tuple(entries),
             digest=hashlib.blake2b(orjson.dumps(entries, option=orjson.OPT_SORT_KEYS), digest_size=12).hexdigest())
        for url, entries in pages.items()]


# ------------------------------------------------------------------------------------------ the files

def _pack(value) -> bytes:
    # mtime 0: the same postings make the same bytes, build after build.
    return gzip.compress(orjson.dumps(value), compresslevel=6, mtime=0)


def encode_postings(postings: dict[str, list[int]]) -> bytes:
    """A term file: each term's postings as [page step, packed section, ...], the step from the page before
    (0 for another section of the same page); `postings` flat [page, packed, page, packed, ...]."""
    encoded = {}
    for each in sorted(postings):
        flat = postings[each]
        steps = flat[:]
        steps[2::2] = [page - before for page, before in zip(flat[2::2], flat[0:-2:2])]
        encoded[each] = steps
    return _pack(encoded)


def decode_postings(payload: bytes) -> dict[str, list[int]]:
    """encode_postings' input from its output."""
    postings = {}
    for each, steps in orjson.loads(gzip.decompress(payload)).items():
        pages = list(itertools.accumulate(steps[0::2]))
        flat = steps[:]
        flat[0::2] = pages
        postings[each] = flat
    return postings


def encode_pages(pages: list[Page]) -> bytes:
    """A file of PAGES_PER_FILE pages: for each, [address, [[anchor, title, text], ...]], the text cut at a
    word near MAX_TEXT."""
    return _pack([[page.url, [[section.anchor, section.title, _cut(section.text)] for section in page.sections]]
                  for page in pages])


def _cut(text: str) -> str:
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind(" ", MAX_TEXT - 200, MAX_TEXT)
    return text[:cut if cut > 0 else MAX_TEXT] + " …"


def stub(config: dict, version: str, pages: int, sections: int, keys: list[str]) -> bytes:
    """search_index.json as this index's: Material's configuration, no documents, and in
    `config.briefing` what the script reads the index with (Material hands the worker `config` alone)."""
    letters = {chr(code) if isinstance(code, int) else code: plain for code, plain in letter_table().items()}
    briefing = {"format": FORMAT, "version": version, "pages": pages, "sections": sections, "keys": sorted(keys),
                "key_length": KEY_LENGTH, "pages_per_file": PAGES_PER_FILE, "section": SECTION, "title": TITLE,
                "max_term": MAX_TERM,
                "letters": letters, "stopwords": sorted(stopwords())}
    return json.dumps({"config": {**config, "briefing": briefing}, "docs": []}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------------------- the build

def write_search_index(site_dir: Path, root: Path | None = None) -> Report | None:
    """Write the index into a built site from its search/search_index.json; with `root`, through that
    briefing's cache (.briefing-cache/search/), else from scratch. None when the site has no Material
    index to make it from (then it is left as it is)."""
    started = time.perf_counter()
    site_dir = Path(site_dir)
    source = site_dir / MATERIAL_INDEX
    try:
        data = orjson.loads(source.read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), list) or not data["docs"]:
        return None
    config, pages = read_material_index(data)
    store = _Store(Path(root) / CACHE_FOLDER) if root is not None else None
    cache, reason = store.load() if store else (None, "no cache")
    if cache is not None and cache.urls != [page.url for page in pages]:
        cache, reason = None, "the set of pages changed"
    if cache is None and store:
        store.clear()
    changed = [number for number, page in enumerate(pages) if cache is None or cache.digests[number] != page.digest]

    # The terms of the pages read again, and the postings of every key their terms have or had.
    fresh = {number: page_terms(pages[number], number) for number in changed}
    touched = {key_of(each) for found in fresh.values() for each in found}
    if cache is not None:
        touched.update(key for number in changed for key in cache.page_keys[number])
    postings = _postings(fresh, touched, store if cache is not None else None)
    page_keys = [sorted({key_of(each) for each in fresh[number]}) if number in fresh else cache.page_keys[number]
                 for number in range(len(pages))]
    keys = sorted({key for each in page_keys for key in each})

    out = site_dir / INDEX_FOLDER
    for folder in (out / "t", out / "p"):
        folder.mkdir(parents=True, exist_ok=True)
    files = {f"t/{file_name(key)}": key for key in keys}
    files.update({f"p/{chunk}": chunk for chunk in range(_chunks(len(pages)))})
    kept = store.kept(cache, files) if cache is not None else set()
    touched_chunks = {number // PAGES_PER_FILE for number in changed}
    to_write: dict[str, bytes] = {}
    for name, what in files.items():
        if name in kept and (what not in touched if name.startswith("t/") else what not in touched_chunks):
            continue
        if name.startswith("t/"):
            to_write[name] = encode_postings(postings[what] if what in postings else store.shard(what))
        else:
            to_write[name] = encode_pages(pages[what * PAGES_PER_FILE:(what + 1) * PAGES_PER_FILE])
    for name, payload in to_write.items():
        (out / name).write_bytes(payload)
    for name in files.keys() - to_write.keys():
        store.link_out(name, out / name)
    version = hashlib.blake2b(repr((CODE_VERSION, [page.digest for page in pages])).encode(), digest_size=8).hexdigest()
    temporary = source.with_name(f".{source.name}.{os.getpid()}")
    temporary.write_bytes(stub(config, version, len(pages), len(data["docs"]), keys))
    os.replace(temporary, source)       # a new file: never written through a link
    if store:
        store.save(pages, page_keys, out, to_write.keys(), set(files))
    return Report(pages=len(pages), changed=len(changed), written=len(to_write), files=len(files),
                  reason=reason if cache is None else "", seconds=time.perf_counter() - started)


def read_index(site_dir: Path) -> list[tuple[str, list[Section]]]:
    """The pages of a site's index, in order, each with its sections as its results show them; [] for a
    site without one."""
    try:
        briefing = json.loads((Path(site_dir) / MATERIAL_INDEX).read_bytes())["config"]["briefing"]
    except (FileNotFoundError, KeyError, TypeError, ValueError):
        return []
    pages = []
    for chunk in range(_chunks(briefing["pages"])):
        for url, sections in orjson.loads(gzip.decompress((Path(site_dir) / INDEX_FOLDER / "p" / str(chunk)).read_bytes())):
            pages.append((url, [Section(*section) for section in sections]))
    return pages


def forget(root: Path) -> None:
    """Remove the briefing's search cache: the next build writes the whole index."""
    _Store(Path(root) / CACHE_FOLDER).clear()


def _chunks(pages: int) -> int:
    return (pages + PAGES_PER_FILE - 1) // PAGES_PER_FILE


def _postings(fresh: dict[int, dict[str, list[int]]], touched: set[str], store) -> dict:
    """Each touched key's postings {term: [page, packed, ...]}, pages in order: the kept ones less those of
    the pages read again, with theirs; from these alone without a store."""
    by_key: dict[str, dict[str, list[int]]] = {}
    if store is not None:
        changed = set(fresh)
        for key in touched:
            kept = by_key[key] = store.shard(key)
            for each, flat in list(kept.items()):
                if any(flat[position] in changed for position in range(0, len(flat), 2)):
                    flat = [value for position in range(0, len(flat), 2) if flat[position] not in changed
                            for value in flat[position:position + 2]]
                    if flat:
                        kept[each] = flat
                    else:
                        del kept[each]
    for number in sorted(fresh):
        for each, own in fresh[number].items():
            key = each[:KEY_LENGTH]
            shard = by_key.get(key)
            if shard is None:
                shard = by_key[key] = {}
            flat = shard.get(each)
            if flat is None:
                shard[each] = own
            elif flat[-2] < number:
                flat += own
            else:                                       # a page before others already there: in its place
                position = next(p for p in range(0, len(flat), 2) if flat[p] > number)
                flat[position:position] = own
    return {key: value for key, value in by_key.items() if value}


class _Store:
    """.briefing-cache/search/: `state.marshal` (_Cache) and `files/`, a hard link to each file of the last
    index, which is also where a key's postings are read back from."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.state = folder / "state.marshal"
        self.files = folder / "files"

    def load(self) -> tuple[_Cache | None, str]:
        data, why = read_cache_file(self.state, "search cache")
        if data is None:
            return None, why
        if data.get("format") != FORMAT or data.get("code") != CODE_VERSION:
            return None, "a search cache of another version"
        return _Cache(data["urls"], data["digests"], data["page_keys"], data["stats"]), ""

    def shard(self, key: str) -> dict[str, list[int]]:
        try:
            return decode_postings((self.files / "t" / file_name(key)).read_bytes())
        except FileNotFoundError:
            return {}

    def kept(self, cache: _Cache, names) -> set[str]:
        """The files whose kept copy is the one the last build linked."""
        return {name for name in names if cache.stats.get(name) is not None and file_stat(self.files / name) == cache.stats[name]}

    def link_out(self, name: str, target: Path) -> None:
        link_or_copy(self.files / name, target)

    def save(self, pages: list[Page], page_keys, out: Path, written, files: set[str]) -> None:
        for folder in (self.files / "t", self.files / "p"):
            folder.mkdir(parents=True, exist_ok=True)
        for name in written:
            kept = self.files / name
            kept.unlink(missing_ok=True)
            link_or_copy(out / name, kept)
        previous = {f"{kind}/{entry.name}" for kind in ("t", "p") for entry in os.scandir(self.files / kind)}
        for name in previous - files:
            (self.files / name).unlink(missing_ok=True)
        stats = {name: file_stat(self.files / name) for name in files}
        _replace(self.state, marshal.dumps({"format": FORMAT, "code": CODE_VERSION, "urls": [page.url for page in pages],
                                            "digests": [page.digest for page in pages], "page_keys": page_keys,
                                            "stats": stats}))

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _replace(path: Path, payload: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(payload)
    os.replace(temporary, path)
