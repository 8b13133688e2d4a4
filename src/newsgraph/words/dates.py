"""Word lists of the temporal-expression layer (``newsgraph.dates``): calendar words and
the numbers, units and prefixes news uses to write a date.

Curated by hand for English news; the date regexes of ``newsgraph.dates`` are built from
these tables, and dateparser handles the remaining absolute formats.
"""

from __future__ import annotations

# Month names and their abbreviations -> month number.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Weekday names and their abbreviations -> weekday number (Monday 0, as ``date.weekday``).
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

# Numbers written as words, for counts of days, weeks, ... ("three weeks ago", "a year ago").
CARDINAL_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip

# Vague counts: a best guess, and the result is approximate.
VAGUE_COUNTS = {"a few": 3, "few": 3, "several": 4, "a couple of": 2, "a couple": 2, "couple of": 2, "some": 3, "many": 5}

# Ordinals ("the first week of", "the last Friday of") -> position; -1 counts from the end.
ORDINAL_WORDS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": -1, "final": -1,
}  # fmt: skip

# Units of time a count can measure, singular and plural -> the unit.
TIME_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
              "year": "year", "years": "year", "decade": "decade", "decades": "decade"}  # fmt: skip

# Seasons -> their first and last month in the northern hemisphere.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Prefixes that make an exact date approximate: "as early as March 3", "sometime in 2019".
APPROXIMATING_PREFIXES = (
    "as early as", "as late as", "as recently as", "as long ago as", "sometime in", "some time in", "sometime", "some time",
)

# The words dateparser may see: strings with any other word are not passed to it, as it would
# read dates into phrases such as "the 2024 election".
DATEPARSER_WORDS = set(MONTHS) | set(WEEKDAYS) | {"of", "the", "at", "on", "a.m", "p.m", "am", "pm", "t", "z", "utc", "gmt"}

# Dashes that, spaced, may end a date entity the tagger ran on ("the year 2015 - so reports").
DASHES = {"-", "–", "—"}

# Words that name a time: a tail after a spaced dash with one of them stays in the entity.
CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS) | set(TIME_UNITS) | set(SEASONS) | set(CARDINAL_WORDS) | set(ORDINAL_WORDS)
