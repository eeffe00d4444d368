"""Print per-field accuracy / precision / recall / F1 of the extractor on the labelled corpus, and speed.

Usage: python bench/accuracy.py [--misses] [CORPUS_DIR ...]
Corpus folders hold NAME.txt (the article) beside NAME.yml (its gold record); the shipped articles'
gold records are in tests/golden/ and are scored against sources/.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from generator.evaluation import EXACT_FIELDS, SET_FIELDS, score
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


def run(folders: list[Path], show_misses: bool = False) -> dict:
    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    pairs = labelled_pairs(folders)
    documents = [read_source(article) for article, _ in pairs]
    records = [extract_article(doc, taxonomy).record() for doc in documents]   # also loads the tables
    rounds = max(1, 200 // max(1, len(documents)))
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in documents:
            extract_article(doc, taxonomy)
    elapsed = (time.perf_counter() - started) / rounds
    scored = score([(a.name, rec, load_gold(g)) for (a, g), rec in zip(pairs, records)])
    print(f"{len(pairs)} labelled articles")
    print(f"{'field':<15}{'acc/P':>8}{'R':>8}{'F1':>8}")
    for key in EXACT_FIELDS:
        print(f"{key:<15}{scored[key].accuracy:>8.3f}")
    for key in SET_FIELDS:
        s = scored[key]
        print(f"{key:<15}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    rate = len(pairs) / elapsed if elapsed else float("inf")
    print(f"speed: {rate:.0f} articles/s on one core ({1000 * elapsed / max(1, len(pairs)):.2f} ms an article)")
    if show_misses:
        for key in (*EXACT_FIELDS, *SET_FIELDS):
            for miss in scored[key].misses:
                print("  ", miss)
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong value")
    args = parser.parse_args()
    run(args.folders or [ROOT / "tests" / "golden", ROOT / "tests" / "corpus"], args.misses)


if __name__ == "__main__":
    main()
