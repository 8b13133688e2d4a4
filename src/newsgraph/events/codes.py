"""CAMEO codes as PLOVER types: the table (``data/cameo.json``), and the manual's readings of
acts reported as future, offered or refused."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ..model import Event, Factuality, Plover
from ..resources import catalogue_json
from ..words.events import PLOVER_PLAIN_CODES


@lru_cache(maxsize=1)
def _cameo_table() -> dict:
    return catalogue_json("cameo.json").get("codes", {})


def cameo_info(code: str) -> tuple[Plover, Optional[float]]:
    """PLOVER type/mode/context and Goldstein score for a CAMEO code (parents fill gaps)."""
    table = _cameo_table()
    for candidate in (code, code[:3], code[:2]):
        row = table.get(candidate)
        if row:
            plover = row.get("plover") or {}
            goldstein = row.get("goldstein")
            return Plover(plover.get("type"), plover.get("mode"), plover.get("context")), goldstein
    return Plover(None), None


# The PLOVER manual's rules for acts not yet done: future CONSULT, SUPPORT, COOPERATE and AID
# are AGREE; a future RETREAT is a CONCEDE; future material conflict is a THREATEN whose mode
# is what is threatened (restrict, arrest, relations, expel, territory, violence).
_AGREE_WHEN_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_THREAT_MODES = (  # CAMEO prefix -> THREATEN mode; the first matching prefix wins
    ("173", "arrest"), ("174", "expel"), ("166", "expel"), ("171", "territory"), ("192", "territory"),
    ("163", "restrict"), ("17", "restrict"), ("14", "restrict"), ("16", "relations"),
    ("15", "violence"), ("18", "violence"), ("19", "violence"), ("20", "violence"),
)


# PLOVER REJECT modes (shared with REQUEST) for a refused cooperative act of each type.
_REFUSAL_MODES = {
    "AGREE": None, "SUPPORT": None, "CONSULT": "meet", "COOPERATE": "assist", "AID": "assist",
    "CONCEDE": "yield", "RETREAT": "yield",
}


def plover_for(code: str, plover: Plover, factuality: Factuality, offered: bool = False) -> Plover:
    """The PLOVER type of a CAMEO-coded act as reported: ``plover`` (the code's type, from
    ``cameo_info``), except that an act reported as future or intended ("will provide aid",
    "threatened to impose a curfew") is typed as the manual asks (a cooperative act someone is
    ``offered`` to do, "willing to withdraw", is AGREE), and a cooperative act
    announced as not going to happen ("will not accept") is a refusal, REJECT. A negated
    intention of conflict keeps the act's own type."""
    if factuality.mode != "future" or plover.type is None:
        return plover
    if offered and factuality.polarity != "negative" and plover.type in _REFUSAL_MODES:
        # AGREE: "indicate willingness or commitment to cooperate" ("is willing to withdraw",
        # "is prepared to lift the ban"), where an announced act ("will withdraw") keeps the
        # manual's future reading.
        return Plover("AGREE", None, plover.context)
    if factuality.polarity == "negative":
        # "Syria will not accept refugees": declining to cooperate or yield is a refusal, CAMEO
        # 12 ("Reject material cooperation", "Decline to yield", "Reject proposal to meet").
        mode = _REFUSAL_MODES.get(plover.type, False)
        return plover if mode is False else Plover("REJECT", mode, plover.context)
    if plover.type in _AGREE_WHEN_FUTURE:
        return Plover("AGREE", None, plover.context)
    if plover.type == "RETREAT":
        return Plover("CONCEDE", None, plover.context)
    mode = next((m for prefix, m in _THREAT_MODES if code.startswith(prefix)), None)
    if mode is not None:
        return Plover("THREATEN", mode, plover.context)
    return plover


def retyped(event: Event, plover_type: str) -> Event:
    """``event`` as an act of another PLOVER type (the event judge's reading overruling the
    rules'): its CAMEO code becomes the type's plain code, with that code's mode, context and
    Goldstein score, so that the code and the type never disagree. The rules' context stays
    where the plain code has none."""
    if plover_type == event.plover.type or plover_type not in PLOVER_PLAIN_CODES:
        return event
    code = PLOVER_PLAIN_CODES[plover_type]
    plover, goldstein = cameo_info(code)
    return replace(
        event, cameo=code, goldstein=goldstein, plover=Plover(plover_type, plover.mode, plover.context or event.plover.context)
    )


def cameo_name(code: str) -> str:
    table = _cameo_table()
    for candidate in (code, code[:3], code[:2]):
        row = table.get(candidate)
        if row and row.get("name"):
            return row["name"]
    return f"CAMEO {code}"
