"""Who is who: the stable identity of an actor, the same in every article and every run.

An actor's ``code`` is a role (CAMEO/Phoenix: ``USAGOV`` is every US official), so it cannot
say who an actor is. Its ``entity`` key can:

* a catalogue entry: ``cat:<its normalised canonical name>`` ("cat:white house",
  "cat:hillary clinton"); where two entries share a name but not a code, the code follows
  (``cat:national liberation army|COLREB``);
* a country: ``country:<ISO3>``; a territory the catalogue files as a country has its own
  code (``country:PSEGZA`` for Gaza, ``country:USAPRI`` for Puerto Rico): it is not the whole
  country it belongs to;
* a state's armed forces, however named ("Israeli troops", "the Israeli army", the catalogue's
  "Israel Defense Forces"), and any other agent of a country or organisation: the owner plus
  the role code, ``code:ISRMIL``, because the agent dictionary composes troops, army and
  soldiers to one code;
* a person the catalogue lacks: ``person:<first and last name>``, titles, middle initials and
  suffixes folded ("Donald J. Trump", "Mr. Donald Trump" -> ``person:donald trump``);
* anything else (an organisation or party the catalogue lacks): ``name:<normalised name>``.

``entity_key(name, code, kind)`` recomputes a key from what the store keeps of an actor (the
store migration and reports written before keys existed use it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

from .resources import catalogue_jsonl
from .words.actors import PERSON_NAME_SUFFIXES, PERSON_TITLES

__all__ = [
    "agent_key",
    "catalogue_keys",
    "entity_key",
    "fold_name",
    "normalise_name",
    "person_key",
]

_LEADING = re.compile(r"^(?:the|a|an)\s+")
_PUNCT = re.compile(r"[^\w\s]")
# A Phoenix code for a country's armed forces: the country, then the military sector.
_STATE_MILITARY = re.compile(r"^[A-Z]{3}MIL$")


# Kept: writing one article folds the same few dozen names (outlets, sources, speakers) about
# 75 times, each fold 3 us; a bounded cache keeps memory flat.
@lru_cache(maxsize=1 << 16)
def normalise_name(name: Optional[str]) -> str:
    """"The Jerusalem Post" -> "jerusalem post"; accents, case, punctuation and spacing folded."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = " ".join(_PUNCT.sub(" ", text).split())
    return _LEADING.sub("", text)


def fold_name(name: Optional[str]) -> str:
    """A person's name without titles, middle initials or suffixes: "Mr. Donald J. Trump Jr."
    -> "donald trump". A name that is only a title stays as it is."""
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in PERSON_NAME_SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        # Initials between the first and the last name ("Donald J. Trump", "George W. Bush").
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def person_key(name: Optional[str]) -> Optional[str]:
    folded = fold_name(name)
    return f"person:{folded}" if folded else None


def agent_key(code: str) -> str:
    """An agent of a country or organisation: its owner plus role code."""
    return f"code:{code}"


def _catalogue_key(name: str, code: Optional[str], kind: str, country: Optional[str], ambiguous: bool) -> str:
    if kind == "country" and (code or country):
        return f"country:{code or country}"
    if code and kind in {"organization", "group"} and _STATE_MILITARY.match(code):
        return agent_key(code)
    label = normalise_name(name)
    return f"cat:{label}|{code}" if ambiguous and code else f"cat:{label}"


def catalogue_keys(rows: Iterable[dict]) -> list[str]:
    """The entity key of each catalogue row, in order (a name several rows share with
    different codes is told apart by the code)."""
    rows = list(rows)
    codes: dict[str, set[str]] = {}
    for row in rows:
        codes.setdefault(normalise_name(row["name"]), set()).add(row.get("code") or "")
    return [
        _catalogue_key(
            row["name"], row.get("code"), row.get("kind", "organization"), row.get("country"),
            len(codes[normalise_name(row["name"])]) > 1,
        )
        for row in rows
    ]  # fmt: skip


@lru_cache(maxsize=1)
def _packaged_keys() -> dict[tuple[str, str], str]:
    """(normalised name, code) of every packaged catalogue row -> its entity key."""
    rows = list(catalogue_jsonl("actors.jsonl"))
    return {(normalise_name(row["name"]), row.get("code") or ""): key for row, key in zip(rows, catalogue_keys(rows))}


def entity_key(name: Optional[str], code: Optional[str], kind: Optional[str]) -> Optional[str]:
    """The entity key of an actor known only by its name, code and kind (a stored actor, or a
    report written before actors carried keys). A catalogue actor is found by its canonical
    name and code; what the catalogue lacks follows the rules for uncatalogued actors."""
    if kind == "country" and code:
        return f"country:{code}"
    found = _packaged_keys().get((normalise_name(name), code or ""))
    if found:
        return found
    if kind == "agent" and code:
        return agent_key(code)
    if kind == "person":
        return person_key(name)
    label = normalise_name(name)
    return f"name:{label}" if label else None
