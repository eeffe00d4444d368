"""Print per-field accuracy / precision / recall / F1 of the extractor on the labelled corpus, and speed.

Usage: python bench/accuracy.py [--misses] [CORPUS_DIR ...]   (a column a folder: each is a split)
Corpus folders hold NAME.txt (the article) beside NAME.yml (its gold record); the shipped articles'
gold records are in tests/golden/ and are scored against sources/.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from generator.errors import BriefingError
from generator.evaluation import EXACT_FIELDS, PERSON_FIELDS, SET_FIELDS, score
from generator.extract.article import extract_article
from generator.read import read_source
from generator.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def labelled_pairs(folders: list[Path]) -> list[tuple[Path, Path]]:
    """(article, gold) file pairs from corpus folders and tests/golden."""
    pairs = []
    for folder in folders:
        for gold in sorted(folder.glob("*.yml")):
            article = gold.with_suffix(".txt")
            if not article.exists():
                article = ROOT / "sources" / gold.with_suffix(".txt").name
            if article.exists():
                pairs.append((article, gold))
    return pairs


def load_gold(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise SystemExit(f"{path}: gold record is not valid YAML: {error}") from None


def run(folders: list[Path], show_misses: bool = False) -> dict[str, dict]:
    """Score each folder (a split) on its own; print a column a split, and the speed over all of them."""
    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    splits = {}
    all_documents = []
    for folder in folders:
        pairs = labelled_pairs([folder])
        documents = [read_source(article) for article, _ in pairs]
        records = [_record(doc, taxonomy) for doc in documents]   # also loads the tables
        splits[_split_name(folder)] = (pairs, score([(a.name, rec, load_gold(g)) for (a, g), rec in zip(pairs, records)]))
        all_documents += [doc for doc, rec in zip(documents, records) if rec["path"] is not None]
    rounds = max(1, 200 // max(1, len(all_documents)))
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in all_documents:
            extract_article(doc, taxonomy)
    elapsed = (time.perf_counter() - started) / rounds

    names = list(splits)
    width = max(12, *(len(n) + 2 for n in names))
    print(f"{'field':<16}" + "".join(f"{n:>{width}}" for n in names))
    print(f"{'articles':<16}" + "".join(f"{len(splits[n][0]):>{width}}" for n in names))
    rows = [(key, "accuracy") for key in EXACT_FIELDS] + [(key, "F1") for key in SET_FIELDS]
    rows += [("role", "word overlap of a found person"), ("person_country", "accuracy for a found person")]
    for key, kind in rows:
        print(f"{key:<16}" + "".join(f"{splits[n][1][key].score:>{width}.3f}" for n in names) + f"   {kind}")
    for key in SET_FIELDS:
        print(f"{key + ' P/R':<16}" + "".join(
            f"{f'{splits[n][1][key].precision:.2f}/{splits[n][1][key].recall:.2f}':>{width}}" for n in names))
    rate = len(all_documents) / elapsed if elapsed else float("inf")
    print(f"speed: {rate:.0f} articles/s on one core ({1000 * elapsed / max(1, len(all_documents)):.2f} ms an article)")
    if show_misses:
        for name in names:
            for key in (*EXACT_FIELDS, *SET_FIELDS, *PERSON_FIELDS):
                for miss in splits[name][1][key].misses:
                    print(f"  [{name}]", miss)
    return {name: scored for name, (_, scored) in splits.items()}


# What a refused article counts as: nothing found, every labelled value missed.
_REFUSED = {"path": None, "title": None, "title_derived": True, "date": None, "date_precision": None, "source": None,
            "countries": [], "primary_countries": [], "people": [], "organizations": [], "topics": [],
            "summary": "", "key_figures": [], "events": []}


def _record(document, taxonomy) -> dict:
    """The article's record, or, when the extractor refuses the file, an empty one (and the refusal said)."""
    try:
        return extract_article(document, taxonomy).record()
    except BriefingError as error:
        print(f"refused: {error}")
        return dict(_REFUSED)


def _split_name(folder: Path) -> str:
    parts = folder.resolve().parts
    return "/".join(parts[-2:]) if parts[-2] not in ("tests",) else parts[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong value")
    args = parser.parse_args()
    run(args.folders or [ROOT / "tests" / "golden", ROOT / "tests" / "corpus", ROOT / "tests" / "heldout"], args.misses)


if __name__ == "__main__":
    main()
