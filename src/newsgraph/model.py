"""Frozen, typed records: the only shapes that leave the pipeline.

Every span is a ``(start, end)`` pair of character offsets into ``Article.text``.
Records are plain values: ``Report.to_dict()`` gives the JSON contract
("newsgraph.report/2") and ``Report.from_dict`` reads it back, and reads reports of the
earlier schema too (``newsgraph.report/1``: no attribution ``act``, which reads as None, nor
``proposition``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, Optional, Tuple, get_args

__all__ = [
    "SCHEMA",
    "ACTOR_KINDS",
    "MARKER_TYPES",
    "ActorKind",
    "ACTS",
    "Act",
    "AttributionType",
    "Certainty",
    "DateType",
    "MarkerType",
    "Mode",
    "Polarity",
    "RelationType",
    "SourceKind",
    "Span",
    "Article",
    "Actor",
    "Factuality",
    "EventDate",
    "Location",
    "Casualties",
    "Plover",
    "Event",
    "Source",
    "Cue",
    "Attribution",
    "Claim",
    "Quote",
    "Relation",
    "VoiceMarker",
    "Drift",
    "Voice",
    "Report",
    "make_id",
]

SCHEMA = "newsgraph.report/2"

Span = Tuple[int, int]

# The closed vocabularies of the records' label fields. The types document and check them
# (mypy); the tuples are the same values at run time, for code that must test membership.
ActorKind = Literal["country", "organization", "person", "group", "outlet", "agent"]
SourceKind = Literal["named_person", "named_organization", "outlet", "official", "anonymous", "vague"]
AttributionType = Literal["direct", "indirect", "mixed", "according_to"]
# What a source did with its content (docs/acts.md): said it, holds it, means to do it, saw it,
# or is (or drew on) facts that support it.
Act = Literal["speech", "thought", "intention", "perception", "evidence"]
RelationType = Literal["disputes", "supports", "corrects"]
MarkerType = Literal["loaded_term", "scare_quotes", "direct_address", "irony", "epithet", "rhetorical"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
Mode = Literal["actual", "future", "hypothetical", "historical"]
DateType = Literal["exact", "approximate", "range", "unresolved"]

ACTOR_KINDS: Tuple[str, ...] = get_args(ActorKind)
MARKER_TYPES: Tuple[str, ...] = get_args(MarkerType)
ACTS: Tuple[str, ...] = get_args(Act)


def make_id(prefix: str, *parts: object) -> str:
    """A short content hash: the same inputs always give the same id."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=5)
    return f"{prefix}-{digest.hexdigest()}"


@dataclass(frozen=True)
class Article:
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    outlet: Optional[str] = None
    byline: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    code: Optional[str]
    kind: ActorKind
    aliases: Tuple[str, ...] = ()
    mentions: Tuple[Span, ...] = ()
    # Who the actor is, the same key in every article (``identity``): "cat:hillary clinton",
    # "country:ISR", "code:ISRMIL", "person:donald trump". ``code`` is the role it acted in.
    entity: str = ""


@dataclass(frozen=True)
class Factuality:
    polarity: Polarity = "positive"
    certainty: Certainty = "certain"
    mode: Mode = "actual"
    disputed: bool = False  # another attribution in the article contests it
    cues: Tuple[str, ...] = ()  # the words that set the values, for inspection

    def summary(self) -> str:
        """"asserted", or what departs from it: "negated, probable, future, disputed"."""
        parts = ["negated" if self.polarity == "negative" else "asserted"]
        if self.certainty != "certain":
            parts.append(self.certainty)
        if self.mode != "actual":
            parts.append(self.mode)
        if self.disputed:
            parts.append("disputed")
        return ", ".join(parts)


@dataclass(frozen=True)
class EventDate:
    text: str
    start: Optional[str]
    end: Optional[str]
    type: DateType
    span: Optional[Span] = None


@dataclass(frozen=True)
class Location:
    name: str
    country: Optional[str] = None
    span: Optional[Span] = None
    # The GeoNames record the name was resolved to (``places``). Countries carry no
    # coordinates: the GeoNames data the package ships has none for them.
    geonameid: Optional[int] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None


@dataclass(frozen=True)
class Casualties:
    """The numbers of people an event's sentence says were killed, injured or arrested
    (PLOVER's size object: dead, injured, arrested). None where the sentence states no count.
    ``approximate``: at least one count is a bound or a vague amount ("at least 12",
    "dozens" = 24, the least that "dozens" can mean); ``spans``: the numbers' words."""

    killed: Optional[int] = None
    injured: Optional[int] = None
    arrested: Optional[int] = None
    approximate: bool = False
    spans: Tuple[Span, ...] = ()


@dataclass(frozen=True)
class Plover:
    type: Optional[str]
    mode: Optional[str] = None
    context: Optional[str] = None


@dataclass(frozen=True)
class Event:
    id: str
    sources: Tuple[str, ...]
    targets: Tuple[str, ...]
    cameo: str
    plover: Plover
    goldstein: Optional[float]
    trigger: Span
    sentence: Span
    factuality: Factuality
    # The attribution that reports the event (its chain is the event's); None where the author
    # stands behind it, as for an act named as a cue's object ("cheered her attacks").
    attribution: Optional[str] = None
    date: Optional[EventDate] = None
    location: Optional[Location] = None
    confidence: float = 0.5
    text: str = ""  # the trigger's words, for readers
    lemma: str = ""  # the trigger's lemma ("killed" -> "kill"): what cross-article matching compares
    quad_class: Optional[int] = None  # 0 statement .. 4 material conflict, read from the sentence (event_class)
    # The words naming each side at this event ("she", "Hamas sources"), where ``sources``
    # and ``targets`` say who they are; PLOVER's actor and recipient text.
    source_spans: Tuple[Span, ...] = ()
    target_spans: Tuple[Span, ...] = ()
    casualties: Optional[Casualties] = None  # counts stated in the sentence (``casualties``)
    # The mention tells of one occasion, not a habit, a kind or a run of acts ("his attacks on
    # the judge", "has attacked Clinton", "attacks like the one in Orlando": anchoring.one_occasion).
    occasion: bool = True

    @property
    def reciprocal(self) -> bool:
        """"A and B met", "blamed each other": every source acts on every other one."""
        return len(self.sources) > 1 and set(self.sources) == set(self.targets)

    def dyads(self) -> Tuple[Tuple[Optional[str], Optional[str]], ...]:
        """One (source, target) pair of actor ids per directed dyad, ``None`` for a missing
        side. Nobody acts on themselves: a reciprocal event gives A>B and B>A, never A>A."""
        pairs = tuple((s, t) for s in self.sources or (None,) for t in self.targets or (None,) if s is None or s != t)
        return pairs or tuple((s, None) for s in self.sources)


@dataclass(frozen=True)
class Source:
    text: str
    span: Span
    kind: SourceKind
    actor: Optional[str] = None


@dataclass(frozen=True)
class Cue:
    text: str
    span: Span


@dataclass(frozen=True)
class Attribution:
    id: str
    source: Source
    cue: Cue
    content: Tuple[Span, ...]
    type: AttributionType
    via: Optional[str] = None
    chain: Tuple[str, ...] = ("author",)
    factuality: Factuality = field(default_factory=Factuality)
    # None only in reports written before acts were typed (schema newsgraph.report/1).
    act: Optional[Act] = None
    # The content is something said (a clause, or quoted words), not the bare thing the
    # source spoke of ("criticized [the decision]").
    proposition: bool = True

    @property
    def is_quote(self) -> bool:
        """A quote in the quote trackers' sense: a statement the source said or wrote."""
        return self.act == "speech" and self.proposition


@dataclass(frozen=True)
class Quote:
    """Who said what: an attribution whose act is speech, in the quote trackers' shape (the
    speaker, the words, how they were reported). ``Report.quotes()`` gives them."""

    id: str  # the attribution's id
    speaker: str  # the source as written ("a senior official", "Clinton")
    speaker_span: Span
    speaker_kind: SourceKind
    speaker_actor: Optional[str]  # actor id, when the speaker is one
    speaker_entity: Optional[str]  # who the speaker is across articles (``Actor.entity``)
    cue: str
    cue_span: Span
    text: str  # the quoted or reported words; pieces joined by " … "
    spans: Tuple[Span, ...]
    type: AttributionType  # direct, indirect, mixed, according_to
    chain: Tuple[str, ...]  # speaker first, then who relays it, "author" last


@dataclass(frozen=True)
class Claim:
    """A unit of content and who stands behind it: what fact-checkers check."""

    id: str
    text: str
    span: Span
    attribution: Optional[str]
    chain: Tuple[str, ...]
    factuality: Factuality
    events: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    type: RelationType
    from_: str
    to: str
    span: Span


@dataclass(frozen=True)
class VoiceMarker:
    type: MarkerType
    span: Span
    text: str


@dataclass(frozen=True)
class Drift:
    claim: str
    attributed_span: Span
    asserted_span: Span
    attribution: Optional[str] = None


@dataclass(frozen=True)
class Voice:
    author_sentences: Tuple[Span, ...] = ()
    markers: Tuple[VoiceMarker, ...] = ()
    drift: Tuple[Drift, ...] = ()


@dataclass(frozen=True)
class Report:
    article: Article
    actors: Tuple[Actor, ...] = ()
    events: Tuple[Event, ...] = ()
    attributions: Tuple[Attribution, ...] = ()
    relations: Tuple[Relation, ...] = ()
    claims: Tuple[Claim, ...] = ()
    voice: Voice = field(default_factory=Voice)
    schema: str = SCHEMA
    pipeline: Optional[str] = None

    def actor(self, actor_id: str) -> Optional[Actor]:
        return next((a for a in self.actors if a.id == actor_id), None)

    def attribution(self, attribution_id: str) -> Optional[Attribution]:
        return next((a for a in self.attributions if a.id == attribution_id), None)

    def span_text(self, span: Span) -> str:
        return self.article.text[span[0] : span[1]]

    def content_text(self, attribution: Attribution) -> str:
        """What ``attribution`` attributes, its pieces joined by " … "."""
        return " … ".join(self.span_text(s) for s in attribution.content)

    def quotes(self) -> Tuple[Quote, ...]:
        """The attributions that are speech, as quotes, in text order. A report of the earlier
        schema has no acts, so it gives none."""
        out = []
        for a in sorted(self.attributions, key=lambda a: a.cue.span):
            if not a.is_quote:
                continue
            actor = self.actor(a.source.actor) if a.source.actor else None
            out.append(
                Quote(
                    id=a.id,
                    speaker=a.source.text,
                    speaker_span=a.source.span,
                    speaker_kind=a.source.kind,
                    speaker_actor=a.source.actor,
                    speaker_entity=(actor.entity or None) if actor else None,
                    cue=a.cue.text,
                    cue_span=a.cue.span,
                    text=self.content_text(a),
                    spans=a.content,
                    type=a.type,
                    chain=a.chain,
                )
            )
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        out = _to_plain(self)
        # ``schema`` leads the document so that readers can dispatch on it.
        return {"schema": out.pop("schema"), **out}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Report":
        return _from_plain(cls, data)


_PLAIN = (str, int, float, bool, type(None))


def _to_plain(value: Any) -> Any:
    if isinstance(value, _PLAIN):
        return value
    names = _field_names(type(value))
    if names:
        return {key: _to_plain(getattr(value, name)) for name, key in names}
    if isinstance(value, (tuple, list)):
        return [_to_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[tuple[str, str], ...]] = {}


def _field_names(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) pairs of a record class, () for anything else; cached, as a report
    holds thousands of records and ``dataclasses.fields`` rebuilds its answer on every call."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple((f.name, _json_name(f.name)) for f in fields(cls)) if is_dataclass(cls) else ()
    return names


def _json_name(name: str) -> str:
    # ``from`` is a Python keyword, so the record field is ``from_``.
    return name.rstrip("_")


_RECORD_FIELDS = {
    ("Report", "article"): Article,
    ("Report", "actors"): Actor,
    ("Report", "events"): Event,
    ("Report", "attributions"): Attribution,
    ("Report", "relations"): Relation,
    ("Report", "claims"): Claim,
    ("Report", "voice"): Voice,
    ("Event", "plover"): Plover,
    ("Event", "factuality"): Factuality,
    ("Event", "date"): EventDate,
    ("Event", "location"): Location,
    ("Event", "casualties"): Casualties,
    ("Attribution", "source"): Source,
    ("Attribution", "cue"): Cue,
    ("Attribution", "factuality"): Factuality,
    ("Claim", "factuality"): Factuality,
    ("Voice", "markers"): VoiceMarker,
    ("Voice", "drift"): Drift,
}


def _from_plain(cls: type, data: dict[str, Any]) -> Any:
    kwargs = {}
    for f in fields(cls):
        key = _json_name(f.name)
        if key not in data:
            continue
        kwargs[f.name] = _coerce(cls.__name__, f.name, data[key])
    return cls(**kwargs)


def _coerce(owner: str, name: str, value: Any) -> Any:
    record = _RECORD_FIELDS.get((owner, name))
    if value is None:
        return None
    if record is not None:
        if isinstance(value, list):
            return tuple(_from_plain(record, v) for v in value)
        return _from_plain(record, value)
    if isinstance(value, list):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value
