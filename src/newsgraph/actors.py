"""Actors: catalogue matching, agents, and resolution of mentions to one actor each.

Reads: ``Doc`` tokens, parse and NER entities. Writes: the ``newsgraph_actors`` component
replaces ``doc.ents`` where the packaged catalogue knows a name better than the statistical
NER does (``ent.kb_id_`` holds the catalogue key). ``resolve_actors(doc)`` then builds an
``ActorIndex``: actors with codes, aliases and mentions, and a token -> actor lookup that the
event and attribution layers use, including definite descriptions ("the newspaper"), plural
descriptions ("the two movements") and pronouns.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .identity import agent_key, catalogue_keys, fold_name, normalise_name, person_key
from .model import Actor, make_id
from .nlp import SUBJECT_DEPS, entity_of, sentence_of, text_of, word_positions
from .places import city_country, region_country
from .resources import catalogue_jsonl
from .words.actors import (
    ARMED_GROUP_HEADS,
    COORDINATION_FILLERS,
    COUNTING_HEADS,
    GENDERED_WORDS,
    GENERIC_MEDIA_HEADS,
    GROUP_DESCRIPTION_HEADS,
    LEADING_DETERMINERS,
    MEDIA_MODIFIERS,
    OWNER_PREPOSITIONS,
    PERSON_APPOSITIONS,
    PERSON_PRONOUNS,
    PLURAL_DESCRIPTION_COUNTS,
    PLURAL_DESCRIPTION_HEADS,
    PLURAL_PRONOUNS,
    POSSESSIVE_GROUP_PRONOUNS,
    PRONOUN_GENDERS,
    RELATED_PEOPLE_HEADS,
    SINGULAR_GROUP_PRONOUNS,
)
from .words.lexicon import lexicon

__all__ = [
    "ActorCatalogue", "ActorIndex", "Mention", "affiliation", "owned_people", "related_people", "resolve_actors", "resolve_pronoun",
    "unify_entities",
]

log = logging.getLogger(__name__)

_KIND_TO_LABEL = {"country": "GPE", "person": "PERSON", "organization": "ORG", "group": "ORG", "outlet": "ORG"}
_LABEL_TO_KIND = {"PERSON": "person", "ORG": "organization", "NORP": "group"}
_WEB_ADDRESS = re.compile(r"://|^www\.|\.(?:com|org|net)/", re.I)
# The NER labels of places that can act or be acted on as political units.
_PLACES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class Role:
    """A role code an entry held from ``start`` to ``end`` (ISO dates; None: open)."""

    code: str
    start: Optional[str] = None
    end: Optional[str] = None

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start[:10] <= day) and (self.end is None or day < self.end[:10])


@dataclass(frozen=True)
class CatalogueEntry:
    key: str
    name: str
    code: Optional[str]
    kind: str
    country: Optional[str]
    case_sensitive: frozenset[str]
    plain: frozenset[str]  # lower-cased patterns that match in any capitalisation
    entity: str = ""  # who the entry is, in every article (``identity``)
    roles: tuple[Role, ...] = ()

    def code_at(self, day: Optional[str]) -> Optional[str]:
        """The role code valid on ``day`` (the article's publication date): the dated role
        that holds then (the latest begun, if two overlap), else the undated one. Without a
        date, or with no role that fits, the entry's own code: its current role."""
        if not day or not self.roles:
            return self.code
        day = day[:10]
        dated = [r for r in self.roles if (r.start or r.end) and r.holds_on(day)]
        if dated:
            return max(dated, key=lambda r: r.start or "").code
        undated = [r for r in self.roles if not (r.start or r.end)]
        return undated[0].code if undated else self.code


class ActorCatalogue:
    """The packaged actor and agent dictionaries, compiled into matchers for one vocab."""

    def __init__(self, nlp: Language, actor_rows: Iterable[dict], agent_rows: Iterable[dict]):
        self.entries: dict[str, CatalogueEntry] = {}
        self.by_pattern: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns: dict[str, list[str]] = {}
        actor_rows = list(actor_rows)
        for row, entity in zip(actor_rows, catalogue_keys(actor_rows)):
            key = f"cat:{row['name']}|{row.get('code') or ''}"
            entry = CatalogueEntry(
                key=key,
                name=row["name"],
                code=row.get("code"),
                kind=row.get("kind", "organization"),
                country=row.get("country"),
                case_sensitive=frozenset(row.get("case_sensitive") or ()),
                plain=frozenset(
                    p.lower() for p in (row["name"], *row.get("patterns", ()), *row.get("places", ())) if p not in set(row.get("case_sensitive") or ())
                ),
                entity=entity,
                roles=tuple(Role(r["code"], r.get("start"), r.get("end")) for r in row.get("roles") or () if r.get("code")),
            )
            self.entries[key] = entry
            for pattern in {row["name"], *row.get("patterns", ())}:
                # The first entry to claim a surface form keeps it; the builder orders
                # curated entries first so they win collisions.
                self.by_pattern.setdefault(pattern.lower(), key)
                patterns.setdefault(key, []).append(pattern)
            if row.get("places"):
                # Cities and regions: matched so that events can be placed in a country,
                # but they are locations, never actors.
                patterns[f"place:{key}"] = list(row["places"])
        for key, forms in patterns.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(forms)))
        # The first names of the catalogue's people ("lisa", "michael"): a place name after one
        # is a surname ("Lisa Monaco").
        self.given_names = frozenset(
            e.name.split()[0].lower() for e in self.entries.values() if e.kind == "person" and len(e.name.split()) > 1
        )
        self.agents: dict[str, str] = {}
        for row in agent_rows:
            for form in _plural_forms(row["pattern"].lower()):
                self.agents.setdefault(form, row["code"])
        self.agent_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = list(nlp.tokenizer.pipe(sorted(self.agents)))
        self.agent_matcher.add("AGENT", phrases)
        # Matches are looked up by their tokens: the text between them may differ from the
        # phrase's ("Rep ." in pre-tokenised text matches "rep.").
        self._agent_codes = {tuple(t.lower_ for t in phrase): self.agents[phrase.text] for phrase in phrases}

    def entry(self, key: str) -> CatalogueEntry:
        """The entry for an actor key or a ``place:`` key (the country the place is in)."""
        return self.entries[key[6:] if key.startswith("place:") else key]

    def is_actor(self, key: str) -> bool:
        return key in self.entries

    @classmethod
    def packaged(cls, nlp: Language) -> "ActorCatalogue":
        return _packaged_catalogue(nlp)

    def match(self, doc: Doc) -> list[Span]:
        """Catalogue names in ``doc`` as entity spans (label from kind, ``kb_id`` = entry key)."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            entry = self.entry(key)
            span = doc[start:end]
            if key.startswith("place:") and all(t.pos_ == "ADJ" for t in span):
                # Phoenix files demonyms that do not share the name's stem ("French", "Swiss",
                # "Danish") among a country's places; used as an adjective, the word names the
                # country ("French doctors"), while a city modifies as a noun ("Gaza militants").
                key = entry.key
            if not _acceptable_case(span.text, entry):
                continue
            label = "GPE" if key.startswith("place:") else _KIND_TO_LABEL.get(entry.kind, "ORG")
            spans.append(Span(doc, start, end, label=label, kb_id=key))
        return spans

    def agent_spans(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = []
        for _, start, end in self.agent_matcher(doc):
            found.append((start, end, self._agent_codes[tuple(t.lower_ for t in doc[start:end])]))
        return [(s.start, s.end, s.label_) for s in filter_spans(Span(doc, s, e, label=c) for s, e, c in found)]


@lru_cache(maxsize=4)
def _packaged_catalogue(nlp: Language) -> ActorCatalogue:
    return ActorCatalogue(nlp, catalogue_jsonl("actors.jsonl"), catalogue_jsonl("agents.jsonl"))


def _acceptable_case(text: str, entry: CatalogueEntry) -> bool:
    """"ISIS" but not "Isis", "US" but not "us"; "Hamas" or "HAMAS" but not "hamas"."""
    if text in entry.case_sensitive:
        return True
    # Names are capitalised in running text; "chad" or "turkey" in lower case are words.
    return text.lower() in entry.plain and any(ch.isupper() for ch in text)


def _plural_forms(pattern: str) -> set[str]:
    words = pattern.split()
    last = words[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return {pattern, " ".join([*words[:-1], plural])}


class ActorComponent:
    """Doc -> Doc. Reads tokens and NER ents; writes ``doc.ents`` with catalogue matches merged in.

    ``catalogue`` defaults to the packaged one; evaluation on sets with their own actor
    dictionaries (the PETRARCH unit tests' fictional countries) passes an extended one.
    """

    def __init__(self, nlp: Language, catalogue: Optional["ActorCatalogue"] = None):
        self.catalogue = catalogue or ActorCatalogue.packaged(nlp)

    def __call__(self, doc: Doc) -> Doc:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        matched = [s for s in self.catalogue.match(doc) if not self._inside_person_name(s, people)]
        # Catalogue matches win over overlapping NER guesses: the statistical model often
        # calls outlets and groups PERSON or LOC ("Asharq Al-Awsat", "Middle East Newsline").
        kept = filter_spans(matched)
        taken = set()
        for span in kept:
            taken.update(range(span.start, span.end))
        others = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted([*kept, *others], key=lambda s: s.start)
        return doc


    def _inside_person_name(self, span: Span, people: list[Span]) -> bool:
        """A country or place that ends a person's name after a first name ("Lisa Monaco",
        "Michael Jordan", "Jack London"): the person is the actor, not the place. ("Evil
        Mordor", typed PERSON, has no first name: the country stays.)"""
        if not (span.kb_id_.startswith("place:") or self.catalogue.entry(span.kb_id_).kind == "country"):
            return False
        given = self.catalogue.given_names
        return any(p.start < span.start and span.end == p.end and p[0].lower_ in given for p in people)


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    keys: tuple[str, ...]
    how: str  # catalogue | ner | agent | acronym | description | plural | pronoun

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return (doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1]))


@dataclass
class _Draft:
    key: str
    name: str
    code: Optional[str]
    kind: str
    entity: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


class ActorIndex:
    """Actors of one document and which tokens refer to them."""

    def __init__(self, doc: Doc, published: Optional[str] = None):
        self.doc = doc
        # The article's publication date: catalogue persons act in the role they held then.
        self.published = published
        self.drafts: dict[str, _Draft] = {}
        self.mentions: list[Mention] = []
        self._by_token: dict[int, tuple[str, ...]] = {}
        self._span_by_token: dict[int, tuple[int, int]] = {}
        self._starts: list[int] = []
        # Agent nouns with no owner and no earlier actor ("protesters", "the gunmen"): no actor
        # stands for them, but they are parties an event can name as a side.
        self.unowned_agents: frozenset[int] = frozenset()
        # Quoted words and who speaks them (token range, speaker keys), once attribution has
        # found them: a third-person pronoun inside a quotation is not its speaker.
        self.quotations: list[tuple[int, int, tuple[str, ...]]] = []
        self._genders: Optional[dict[str, str]] = None

    # -- building ---------------------------------------------------------------------
    def add(self, mention: Mention, name: str, code: Optional[str], kind: str, alias: Optional[str], entity: str) -> None:
        key = mention.keys[0]
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(key=key, name=name, code=code, kind=kind, entity=entity)
        if alias and alias not in draft.aliases:
            draft.aliases.append(alias)
        self._record(mention)

    def _record(self, mention: Mention) -> None:
        self._genders = None  # read again from the mentions as they now are
        span = mention.char_span(self.doc)
        for key in mention.keys:
            if span not in self.drafts[key].mentions:
                self.drafts[key].mentions.append(span)
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            # Longer, more specific mentions registered first keep their tokens.
            self._by_token.setdefault(i, mention.keys)
            self._span_by_token.setdefault(i, span)

    def link(self, start: int, end: int, keys: tuple[str, ...], how: str) -> None:
        self._record(Mention(start, end, keys, how))

    def merge(self, old: str, new: str) -> None:
        """Fold actor ``old`` (an unknown NER name) into ``new``."""
        self._genders = None
        gone = self.drafts.pop(old, None)
        if gone is None:
            return
        target = self.drafts[new]
        for alias in gone.aliases:
            if alias not in target.aliases:
                target.aliases.append(alias)
        for span in gone.mentions:
            if span not in target.mentions:
                target.mentions.append(span)
        for mention in self.mentions:
            mention.keys = _renamed(mention.keys, old, new)
        for i, keys in list(self._by_token.items()):
            if old in keys:
                self._by_token[i] = _renamed(keys, old, new)

    def relink(self, token_i: int, keys: tuple[str, ...]) -> None:
        self._by_token[token_i] = keys

    def add_quotation(self, start: int, end: int, speaker: tuple[str, ...]) -> None:
        """Tokens ``start``..``end`` are the quoted words of ``speaker``."""
        self.quotations.append((start, end, speaker))

    def finish(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    # -- lookups ----------------------------------------------------------------------
    def keys_at(self, token: Token) -> tuple[str, ...]:
        return self._by_token.get(token.i, ())

    def gender_of(self, key: str) -> Optional[str]:
        """"m" or "f" where the article says a person's gender at one of their mentions (a
        title, or a kin or role noun in apposition: "Patricia Smith, mother of ..."), else None
        (also where it says both)."""
        if self._genders is None:
            # Read once, when pronouns are first resolved to people: the mentions are all known.
            said: dict[str, set[str]] = {}
            for mention in self.mentions:
                if len(mention.keys) != 1:
                    continue
                span = self.doc[mention.start : mention.end]
                root = span.root
                words = [*span, *(c for c in root.children if c.dep_ in {"appos", "compound"})]
                if mention.start > 0:
                    words.append(self.doc[mention.start - 1])  # "Mrs. Clinton" with the title outside the name
                if root.dep_ == "appos":
                    words.append(root.head)  # "his wife, Melania Trump"
                found = {GENDERED_WORDS[w] for w in (t.lower_.rstrip(".") for t in words) if w in GENDERED_WORDS}
                said.setdefault(mention.keys[0], set()).update(found)
            self._genders = {k: next(iter(g)) for k, g in said.items() if len(g) == 1}
        return self._genders.get(key)

    def quotation_at(self, token_i: int) -> Optional[tuple[int, int, tuple[str, ...]]]:
        """The innermost quotation holding token ``token_i``, if any."""
        holding = [q for q in self.quotations if q[0] <= token_i < q[1]]
        return min(holding, key=lambda q: q[1] - q[0]) if holding else None

    def mention_span(self, token: Token) -> tuple[int, int]:
        """Characters of the mention that gives ``token`` its keys (the token itself when it
        was linked alone)."""
        return self._span_by_token.get(token.i) or (token.idx, token.idx + len(token))

    def actor_ids(self, keys: Iterable[str]) -> tuple[str, ...]:
        seen: list[str] = []
        for key in keys:
            actor_id = self.id_of(key)
            if actor_id not in seen:
                seen.append(actor_id)
        return tuple(seen)

    def id_of(self, key: str) -> str:
        draft = self.drafts[key]
        return make_id("act", draft.code or "", draft.name.lower())

    def kind_of(self, key: str) -> str:
        return self.drafts[key].kind

    def name_of(self, key: str) -> str:
        return self.drafts[key].name

    def before(
        self,
        token_i: int,
        *,
        kinds: Optional[set[str]] = None,
        multi: bool = False,
        exclude: Iterable[str] = (),
        since: int = 0,
        where=None,
        placed=None,
    ) -> Optional[Mention]:
        """The nearest mention that ends before ``token_i`` (optionally of some actor kinds,
        whose keys pass ``where`` and which itself passes ``placed``)."""
        excluded = set(exclude)
        pos = bisect.bisect_left(self._starts, token_i)
        for j in range(pos - 1, -1, -1):
            mention = self.mentions[j]
            if mention.start < since:
                break
            if mention.end > token_i or mention.how == "pronoun":
                continue
            if placed is not None and not placed(mention):
                continue
            if multi != (len(mention.keys) > 1) or excluded.intersection(mention.keys):
                continue
            if kinds and not all(self.drafts[k].kind in kinds for k in mention.keys):
                continue
            if where is not None and not all(where(k) for k in mention.keys):
                continue
            return mention
        return None

    def coordination_ending_at(self, token: Token) -> tuple[str, ...]:
        """Keys of an "A and B" coordination whose last name ends at ``token``."""
        for mention in self.mentions:
            if mention.how == "coordination" and mention.end == token.i + 1:
                return mention.keys
        return ()

    def records(self) -> tuple[Actor, ...]:
        out = []
        for draft in self.drafts.values():
            out.append(
                Actor(
                    id=self.id_of(draft.key),
                    name=draft.name,
                    code=draft.code,
                    kind=draft.kind,
                    aliases=tuple(draft.aliases),
                    mentions=tuple(sorted(draft.mentions)),
                    entity=draft.entity,
                )
            )
        return tuple(sorted(out, key=lambda a: a.mentions[0] if a.mentions else (0, 0)))


def _renamed(keys: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(new if k == old else k for k in keys))


def resolve_actors(doc: Doc, catalogue: ActorCatalogue, published: Optional[str] = None) -> ActorIndex:
    """Every actor mention in ``doc``, resolved to one actor each; catalogue actors take the
    role they held on ``published`` (the article's date), when given."""
    index = ActorIndex(doc, published)
    agents, bare_agents = _agent_mentions(doc, catalogue)
    _add_entities(doc, catalogue, index, agents)
    shared: dict[tuple[int, int], list[str]] = {}
    for mention, name, code, kind, entity in agents:
        index.add(mention, name, code, kind, None, entity)
        keys = shared.setdefault((mention.start, mention.end), [])
        keys += [k for k in mention.keys if k not in keys]
    for (start, end), keys in shared.items():
        if len(keys) > 1:  # one noun, several owners: "lawmakers in France and Germany"
            index.link(start, end, tuple(keys), "agent")
            for i in range(start, end):
                index.relink(i, tuple(keys))
    unify_entities(index)
    _add_missed_surnames(doc, index)
    _add_acronym_aliases(doc, index)
    _add_initialisms(doc, index)
    index.finish()
    _add_descriptions(doc, index, bare_agents)
    index.finish()
    index.unowned_agents = frozenset(i for i in bare_agents if not index.keys_at(doc[i]))
    return index


def _add_entities(doc: Doc, catalogue: ActorCatalogue, index: ActorIndex, agents: list) -> None:
    in_agents = {i for mention, *_ in agents for i in range(mention.start, mention.end)}
    day = index.published
    letters = [ch for ch in text_of(doc)[:20000] if ch.isalpha()]
    cased = sum(ch.isupper() for ch in letters) > 0.01 * len(letters)
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in (piece for whole in doc.ents for piece in _entity_pieces(whole, surnames, catalogue.given_names)):
        if ent.kb_id_.startswith("place:"):
            continue
        start = _first_content_token(ent)
        if ent.kb_id_ and ent.kb_id_ in catalogue.entries:
            entry = catalogue.entries[ent.kb_id_]
            index.add(Mention(start, ent.end, (entry.key,), "catalogue"), entry.name, entry.code_at(day), entry.kind, _strip_determiners(ent), entry.entity)
            continue
        if in_agents.intersection(range(ent.start, ent.end)):
            continue  # "Bedouin" in "Bedouin smugglers" is part of the agent
        if ent.label_ == "ORG" and city_country(ent.text):
            continue  # a city the statistical NER took for an organisation ("El Fasher")
        kind = _LABEL_TO_KIND.get(ent.label_)
        if kind == "person" and _determined_name(ent):
            kind = "organization"  # "The Rhcp offered": a name with "the" is a band, a firm, a team
        elif kind == "organization" and _titled(ent):
            kind = "person"  # "Fiorina, the former Hewlett-Packard CEO": the NER's organisation is a person
        if kind == "group" and _add_people(ent, catalogue, index):
            continue
        if kind is None or kind == "group":
            # Unknown places are locations, not actors; other NORPs are adjectives.
            continue
        text = _strip_determiners(ent)
        if not text or not any(ch.isalpha() for ch in text) or _WEB_ADDRESS.search(text):
            continue
        key = catalogue.by_pattern.get(text.lower())
        if key:
            entry = catalogue.entries[key]
            index.add(Mention(start, ent.end, (key,), "catalogue"), entry.name, entry.code_at(day), entry.kind, text, entry.entity)
            continue
        if kind == "person":
            # "Mahmoud Abbas ... Abbas": a surname alone refers to the person named in full before.
            named = [d for d in index.drafts.values() if d.kind == "person" and d.name.lower().endswith(" " + text.lower())]
            earlier = _salient_namesake(named, index, start)
            if earlier is not None:
                index.add(Mention(start, ent.end, (earlier.key,), "ner"), earlier.name, earlier.code, earlier.kind, text, earlier.entity)
                continue
        if cased and " " not in text and not any(ch.isupper() for ch in text):
            # In ordinarily cased copy a one-word name has a capital: "secretary of state",
            # "a navy-blue blazer" and "telenovela" are the statistical NER's misses ("the
            # defense ministry" is an unnamed actor, and stays).
            continue
        if kind == "organization" and _common_noun_elsewhere(text_of(doc), text):
            continue
        key = f"ner:{kind}:{text.lower()}"
        entity = person_key(text) if kind == "person" else f"name:{normalise_name(text)}"
        index.add(Mention(start, ent.end, (key,), "ner"), text, None, kind, text, entity or key)


def _common_noun_elsewhere(text: str, name: str) -> bool:
    """A name of two words or more that the article also writes with a small letter where the
    name has a capital: the headline's "Super PAC ad attack" beside the body's "super PACs" is
    a kind of group, not one named organisation."""
    words = name.split()
    if len(words) < 2:
        return False
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for found in pattern.finditer(text):
        written = found.group(0).split()
        if any(w[:1].isupper() and v[:1].islower() for w, v in zip(words, written)):
            return True
    return False


def _salient_namesake(named: list[_Draft], index: ActorIndex, before: int) -> Optional[_Draft]:
    """Which of the people named in full with one surname a lone surname before token
    ``before`` means. One: that one. Several ("Patricia Smith, mother of Benghazi victim Sean
    Smith, rejected ... 'She lied to me,' Smith said"): the one last named as the subject of a
    clause, the person the text is about; where none was, the first named."""
    if len(named) < 2:
        return named[0] if named else None
    last_subject: dict[str, int] = {}
    for mention in index.mentions:
        if mention.end <= before and len(mention.keys) == 1 and _is_subject(index.doc, mention):
            last_subject[mention.keys[0]] = max(last_subject.get(mention.keys[0], -1), mention.start)
    subjects = [d for d in named if d.key in last_subject]
    return max(subjects, key=lambda d: last_subject[d.key]) if subjects else named[0]


def _entity_pieces(ent: Span, surnames: set[str], given_names: frozenset[str]) -> list[Span]:
    """The names one NER entity holds: "National Review's Ian Tuttle" is the magazine and its
    writer (a person when the name after the possessive starts with a first name), and
    "Christie and Sessions" two people when each part is the surname of a person the article
    names in full. Any other entity is itself."""
    if ent.kb_id_ or ent.label_ not in {"ORG", "PERSON"}:
        return [ent]
    doc = ent.doc
    possessive = next((t.i for t in ent[:-1] if t.tag_ == "POS"), None)
    if possessive is not None and possessive + 1 < ent.end and possessive > ent.start:
        tail_label = "PERSON" if doc[possessive + 1].lower_ in given_names and ent.end - possessive > 2 else ent.label_
        return [Span(doc, ent.start, possessive, label=ent.label_), Span(doc, possessive + 1, ent.end, label=tail_label)]
    links = [t.i for t in ent if t.lower_ in {"and", "&"}]
    parts = [doc[a:b] for a, b in zip([ent.start, *(i + 1 for i in links)], [*links, ent.end])]
    if links and all(len(p) == 1 and p[0].lower_ in surnames for p in parts):
        return [Span(doc, p.start, p.end, label="PERSON") for p in parts]
    return [ent]


def _titled(ent: Span) -> bool:
    """A name followed by an apposition naming a person's role or kin."""
    return any(c.dep_ == "appos" and c.lower_ in PERSON_APPOSITIONS for c in ent.root.children)


def _determined_name(ent: Span) -> bool:
    """A one-word name with "the" before it ("The Rhcp", "the Eagles") names no person."""
    named = [t for t in ent if t.lower_ not in LEADING_DETERMINERS]
    if len(named) != 1 or named[0].tag_ == "NNPS":
        return False
    head = named[0]
    before = head.doc[head.i - 1] if head.i > 0 else None
    return before is not None and before.lower_ == "the" and before.dep_ == "det" and before.head.i == head.i


def unify_entities(index: ActorIndex) -> None:
    """One actor per entity in an article: drafts with the same entity key become one ("Donald
    J. Trump" and "Donald Trump"; "Israeli troops" and "the Israeli army"), and a lone surname
    or title plus surname ("Trump", "Mr. Trump", even typed as an organisation by the NER)
    joins the one person of the article with that last name, and a first name alone ("Jeb",
    "Hillary") the one person with that first name. Two people who share it ("Hillary
    Clinton", "Bill Clinton") leave it alone."""
    by_entity: dict[str, list[_Draft]] = {}
    for draft in index.drafts.values():
        # One name the NER typed as a person here and an organisation there is one actor.
        same = f"ner:{fold_name(draft.name)}" if draft.key.startswith("ner:") else draft.entity
        by_entity.setdefault(same, []).append(draft)
    for drafts in by_entity.values():
        if len(drafts) > 1:
            keep = min(drafts, key=_preference)
            for draft in drafts:
                if draft is not keep:
                    index.merge(draft.key, keep.key)
    _name_people_in_full(index)
    people = _people_by_name_word(index, -1)
    given = _people_by_name_word(index, 0)
    for draft in list(index.drafts.values()):
        if not draft.key.startswith("ner:") or draft.kind not in {"person", "organization"}:
            continue
        words = fold_name(draft.name).split()
        owners = people.get(words[-1], set()) if len(words) == 1 else set()
        if not owners and len(words) == 1 and draft.kind == "person":
            # "Jeb", "Hillary": a first name alone is the one person of the article with it.
            owners = given.get(words[0], set())
        if len(owners) == 1 and draft.key not in owners:
            index.merge(draft.key, next(iter(owners)))


def _name_people_in_full(index: ActorIndex) -> None:
    """"Carly Fiorina said ... Fiorina, the former CEO": where the NER typed a full name an
    organisation and its lone surname is known to be a person, the full name is that person's."""
    lone = {fold_name(d.name) for d in index.drafts.values() if d.kind == "person" and d.key.startswith("ner:") and len(d.name.split()) == 1}
    for draft in index.drafts.values():
        words = fold_name(draft.name).split()
        if draft.key.startswith("ner:") and draft.kind == "organization" and 2 <= len(words) <= 3 and words[-1] in lone:
            draft.kind = "person"
            draft.entity = person_key(draft.name) or draft.entity


# Where a lone surname can stand for a person: an argument of a verb or a preposition, not a
# modifier ("the Trump campaign" is the campaign's).
_NOMINAL_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "conj", "appos", "poss"}


def _add_missed_surnames(doc: Doc, index: ActorIndex) -> None:
    """A surname the statistical NER did not tag ("Trump blamed ...", four sentences after
    "Donald Trump said") is the one person of the article with that last name, as a tagged
    surname is (``unify_entities``); failing that, a first name is the one person with that
    first name ("shot and killed Trayvon", the NER's place). Only a capitalised word standing
    alone in an argument slot counts: "Ivanka Trump" (another name) and "the Trump campaign"
    (a modifier) do not."""
    people = _people_by_name_word(index, -1)
    if not people:
        return
    given = _people_by_name_word(index, 0)
    for token in doc:
        # The tagger itself can miss the name: "Trump blamed ..." is tagged a common noun.
        if token.pos_ not in {"PROPN", "NOUN"} or not token.text[:1].isupper():
            continue
        if (token.ent_type_ and not _misread_place(token)) or token.dep_ not in _NOMINAL_ROLES or index.keys_at(token):
            continue
        if any(c.dep_ in {"compound", "flat"} for c in token.children):
            continue
        word = fold_name(token.text)
        owners = people.get(word) or given.get(word, set())
        if len(owners) == 1:
            draft = index.drafts[next(iter(owners))]
            index.add(Mention(token.i, token.i + 1, (draft.key,), "ner"), draft.name, draft.code, draft.kind, token.text, draft.entity)


def _misread_place(token: Token) -> bool:
    """A one-word place entity that no gazetteer knows: the small NER tags a surname at the
    start of a sentence as a place ("Ginsburg is known for ..." after "Ruth Bader Ginsburg")."""
    if token.ent_type_ not in _PLACES or token.ent_kb_id_.startswith("place:"):
        return False
    entity = entity_of(token)
    return entity is not None and len(entity) == 1 and city_country(token.text) is None and region_country(token.text) is None


def _people_by_name_word(index: ActorIndex, position: int) -> dict[str, set[str]]:
    """The keys of the article's people named in two words or more, by the folded word at
    ``position`` of their name: -1 the last name, 0 the first."""
    found: dict[str, set[str]] = {}
    for draft in index.drafts.values():
        words = fold_name(draft.name).split()
        if draft.kind == "person" and len(words) >= 2:
            found.setdefault(words[position], set()).add(draft.key)
    return found


def _preference(draft: _Draft) -> tuple:
    """Which of several drafts of one entity names it: the catalogue's, then the fullest name,
    then the most mentioned, then the first."""
    first = min(draft.mentions) if draft.mentions else (0, 0)
    return (not draft.key.startswith("cat:"), -len(draft.name.split()), -len(draft.mentions), first)


def _add_people(ent: Span, catalogue: ActorCatalogue, index: ActorIndex) -> bool:
    """A plural demonym that heads its phrase ("ethnic Albanians demonstrated") names the
    country's people: its civilians (``ALBCVL``), as "Palestinian youths" are ``PSECVL``."""
    root = ent.root
    if root.tag_ not in {"NNPS", "NNS"} or root.dep_ in {"compound", "amod"} or not ent.text.endswith("s"):
        return False
    key = catalogue.by_pattern.get(ent.text[:-1].lower())
    entry = catalogue.entries.get(key) if key else None
    if entry is None or entry.kind != "country" or not entry.code:
        return False
    code = f"{entry.country or entry.code[:3]}CVL"
    index.add(Mention(ent.start, ent.end, (f"agent:{code}:{ent.text.lower()}",), "agent"), ent.text, code, "agent", None, agent_key(code))
    return True


AgentFind = tuple[Mention, str, Optional[str], str, str]  # mention, name, code, kind, entity


def _agent_mentions(doc: Doc, catalogue: ActorCatalogue) -> tuple[list[AgentFind], dict[int, str]]:
    """Agent nouns ("army", "smugglers"), composed with their country or group modifier.

    Returns the composed mentions and, separately, bare agent heads ("the army") by token.
    """
    actor_tokens = {i for e in doc.ents if catalogue.is_actor(e.kb_id_) for i in range(e.start, e.end)}
    found: list[AgentFind] = []
    bare: dict[int, str] = {}
    for start, end, agent_code in catalogue.agent_spans(doc):
        head = doc[end - 1]
        if head.pos_ not in {"NOUN", "PROPN"} or actor_tokens.intersection(range(start, end)):
            continue
        if head.ent_type_ in {"DATE", "TIME"}:
            continue  # "on Monday": a day the agent dictionary also lists as a name is a date
        if head.dep_ in {"compound", "appos"} and head.head.ent_type_ == "PERSON":
            continue  # a title ("President Mahmoud Abbas", "Abbas, Palestinian president"): the person is the actor
        if head.ent_type_ == "PERSON" and head.ent_iob_ == "I" and head.text[:1].isupper():
            continue  # a surname that is also an agent noun ("Paul Singer", "James Baker"): a person
        owner = _agent_owner(start, head, catalogue)
        if owner is None:
            owners = _prepositional_owners(head, catalogue)
            if owners:
                # "lawmakers in France and Germany": one agent actor per country, all on the noun.
                for entry, prep, owner_text in owners:
                    code = f"{entry.country or (entry.code or '')[:3]}{agent_code}"
                    name = f"{_strip_determiners(doc[start:end])} {prep} {owner_text}"
                    found.append((Mention(start, end, (f"agent:{code}",), "agent"), name, code, "agent", agent_key(code)))
                continue
        if owner and owner[0].kind == "group":
            # Members of a group act for it: "ISIS guerrillas" are ISIS.
            entry = owner[0]
            found.append((Mention(owner[1], end, (entry.key,), "agent"), entry.name, entry.code, entry.kind, entry.entity))
            continue
        if owner:
            entry, span_start = owner
            country = entry.country or (entry.code or "")[:3]
            code = f"{country}{agent_code}"
            key = f"agent:{code}"
        else:
            modifiers = [t for t in head.lefts if t.dep_ in {"amod", "compound"} and t.i < start and t.pos_ == "PROPN"]
            if not modifiers:
                # A bare "the army" names an actor only through an earlier mention.
                bare[head.i] = agent_code
                continue
            span_start = modifiers[0].i
            code = agent_code
            key = f"agent:{code}:{doc[span_start:end].text.lower()}"
        name = _strip_determiners(doc[span_start:end])
        # "Bedouin smugglers": a modifier no catalogue owns names the party, not an owner.
        entity = agent_key(code) if owner else f"name:{normalise_name(name)}"
        found.append((Mention(span_start, end, (key,), "agent"), name, code, "agent", entity))
    return found, bare


_LED_BY = {"npadvmod", "compound", "amod", "nmod"}


def _agent_owner(start: int, head: Token, catalogue: ActorCatalogue) -> Optional[tuple[CatalogueEntry, int]]:
    """The country or group an agent noun belongs to: "Egyptian army", "Israel's intelligence"."""
    candidates = [t for t in head.lefts if t.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}]
    # "Saudi-led warplanes", "U.S.-led forces": the leading country's (a "Saudi-backed" militia is not Saudi).
    candidates += [t for led in head.lefts if led.dep_ == "amod" and led.lower_ == "led" for t in led.lefts if t.dep_ in _LED_BY]
    if head.dep_ == "compound":
        candidates += [t for t in head.head.lefts if t.i < start and t.dep_ in {"amod", "compound", "poss", "nmod"}]
    for token in sorted(candidates, key=lambda t: t.i):
        ent = entity_of(token)
        if ent is not None and catalogue.is_actor(ent.kb_id_):
            entry = catalogue.entries[ent.kb_id_]
            if entry.kind in {"country", "group", "organization"}:
                return entry, ent.start
    return None


def _prepositional_owners(head: Token, catalogue: ActorCatalogue) -> list[tuple[CatalogueEntry, str, str]]:
    """Countries an agent noun belongs to through a preposition: "soldiers from Israel",
    "lawmakers in France and Germany", "the government of Sudan", "police in Baghdad"."""
    owners: list[tuple[CatalogueEntry, str, str]] = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPOSITIONS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for noun in (pobj, *pobj.conjuncts):
                ent = entity_of(noun)
                if ent is not None and (catalogue.is_actor(ent.kb_id_) or ent.kb_id_.startswith("place:")):
                    # "demonstrators in Baghdad" belong to the country the city is in
                    entry = catalogue.entry(ent.kb_id_)
                    if entry.kind == "country" and all(entry is not e for e, *_ in owners):
                        owners.append((entry, prep.lower_, _strip_determiners(ent)))
    return owners


def _add_acronym_aliases(doc: Doc, index: ActorIndex) -> None:
    """"Rapid Support Forces (RSF)": the bracketed acronym names the same actor everywhere in
    the article, including a headline mention before the gloss."""
    for mention in list(index.mentions):
        end = mention.end
        if len(mention.keys) != 1 or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        acronym = doc[end + 1].text
        if not (acronym.isupper() and 2 <= len(acronym) <= 8):
            continue
        key = mention.keys[0]
        draft = index.drafts[key]
        if acronym not in draft.aliases:
            draft.aliases.append(acronym)
        for token in doc:
            if token.text != acronym:
                continue
            current = index.keys_at(token)
            if not current:
                index.link(token.i, token.i + 1, (key,), "acronym")
            elif current != (key,):
                if current[0].startswith("ner:"):
                    index.merge(current[0], key)
                # Otherwise the catalogue knows the acronym as something else; the article's
                # own gloss decides what it means here.
                index.relink(token.i, (key,))


def _add_initialisms(doc: Doc, index: ActorIndex) -> None:
    """"Red Hot Chili Peppers ... The RHCP": a capitalised word spelling the initials of an
    actor the article names in full (three words or more, function words skipped) is that
    actor where nothing else claims the word, or only the NER as a name of its own. A word the
    catalogue knows keeps its meaning: unlike a bracketed gloss, nothing here says otherwise."""
    initials: dict[str, str] = {}
    for key, draft in index.drafts.items():
        words = [w for w in re.split(r"[\s-]+", draft.name) if w and w.lower() not in _INITIALISM_SKIP]
        if len(words) >= 3 and all(w[0].isalpha() for w in words):
            initials.setdefault("".join(w[0] for w in words).lower(), key)
    if not initials:
        return
    for token in (doc[i] for i in word_positions(doc, lowers=initials.keys())):
        key = initials[token.lower_]
        if not token.is_alpha or not (token.is_upper or token.is_title) or token.is_sent_start and token.is_title:
            continue
        current = index.keys_at(token)
        if not current:
            index.link(token.i, token.i + 1, (key,), "acronym")
        elif current != (key,) and len(current) == 1 and current[0].startswith("ner:"):
            index.merge(current[0], key)


# Words an initialism leaves out ("Committee to Protect Journalists": CPJ).
_INITIALISM_SKIP = frozenset({"of", "the", "and", "for", "to", "in", "on", "&"})


def _add_descriptions(doc: Doc, index: ActorIndex, bare_agents: dict[int, str]) -> None:
    """Definite descriptions and plural descriptions that point back to earlier actors.

    ``bare_agents`` maps the head token of an agent noun with no owner ("the army") to its
    agent code; it refers to the last actor with that agent role ("Sudan's army").
    """
    lex = lexicon()
    _add_coordinations(doc, index)
    nouns = [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in (NOUN, PROPN)]
    for token in (doc[i] for i in nouns):
        if index.keys_at(token):
            continue
        dets = [c for c in token.lefts if c.dep_ in {"det", "nummod", "predet"}]
        det_words = {d.lower_ for d in dets}
        number = next((PLURAL_DESCRIPTION_COUNTS[w] for w in det_words if w in PLURAL_DESCRIPTION_COUNTS), None)
        start = min([token.i, *[c.i for c in token.lefts]])
        lemma = token.lemma_.lower()
        if number and token.tag_ in {"NNS", "NNPS"}:
            if lemma in PLURAL_DESCRIPTION_HEADS:
                mention = index.before(start, multi=True, kinds=PLURAL_DESCRIPTION_HEADS[lemma])
                if mention and len(mention.keys) >= number:
                    index.link(start, token.i + 1, mention.keys[:number], "plural")
            continue
        if token.i in bare_agents and _add_possessed_agent(token, bare_agents[token.i], index):
            continue
        if not det_words & {"the", "this", "that"}:
            continue
        if token.i in bare_agents:
            code = bare_agents[token.i]
            mention = index.before(start, kinds={"agent"}, where=lambda k, code=code: (index.drafts[k].code or "").endswith(code))
            if mention:
                index.link(start, token.i + 1, mention.keys[:1], "description")
                continue
        named = [c for c in token.children if c.dep_ == "appos" and index.keys_at(c) and not _country_after_city(c)]
        if named:
            # "the newspaper Asharq Al-Awsat": the description names its referent itself.
            index.link(start, token.i + 1, index.keys_at(named[0]), "description")
            continue
        if lemma in lex.outlet_heads and _plain_description(token):
            mention = index.before(start, kinds={"outlet"})
        elif lemma in ARMED_GROUP_HEADS:
            mention = index.before(start, kinds={"group"})
        elif lemma in GROUP_DESCRIPTION_HEADS:
            mention = index.before(start, kinds={"group", "organization"})
        elif lemma == "country":
            mention = index.before(start, kinds={"country"})
        else:
            continue
        if mention:
            index.link(start, token.i + 1, mention.keys[:1], "description")


def _country_after_city(appos: Token) -> bool:
    """"the attack on the consulate in Benghazi, Libya": the parser hangs the country that
    follows a place from the phrase's head noun, as if it named the head."""
    first = appos.left_edge
    doc = appos.doc
    return (
        appos.ent_type_ in _PLACES and first.i >= 2 and doc[first.i - 1].text == ","
        and doc[first.i - 2].ent_type_ in _PLACES and doc[first.i - 2].head.i != appos.head.i
    )


def _add_possessed_agent(noun: Token, agent_code: str, index: ActorIndex) -> bool:
    """"The Israeli army denied that its soldiers ...": an agent noun owned by a pronoun is the
    pronoun's actor in that role. The army's soldiers are the army; a group's fighters are the
    group; a country's soldiers are its agent ("soldiers of Israel", ISRMIL)."""
    if not _is_doer(noun):
        return False  # "burned down its embassy": a building, and "its" as often the subject's own as not
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_GROUP_PRONOUNS), None)
    keys = resolve_pronoun(owner, index) if owner is not None else ()
    if len(keys) != 1:
        return False
    draft = index.drafts[keys[0]]
    start = min(noun.i, owner.i)  # type: ignore[union-attr]
    if draft.kind == "group" or (draft.kind in {"organization", "agent"} and (draft.code or "").endswith(agent_code)):
        index.link(start, noun.i + 1, keys, "possessive")
        return True
    if draft.kind == "country" and draft.code:
        code = f"{draft.code[:3]}{agent_code}"
        index.add(Mention(start, noun.i + 1, (f"agent:{code}",), "agent"), f"{noun.text} of {draft.name}", code, "agent", None, agent_key(code))
        return True
    return False


def _is_doer(noun: Token) -> bool:
    """The subject of its clause, or the agent of a passive ("fired on by its troops")."""
    return noun.dep_ in SUBJECT_DEPS or (noun.dep_ == "pobj" and noun.head.dep_ == "agent")


def _plain_description(noun: Token) -> bool:
    """"the newspaper", "the news agency": yes; "the smuggling tunnel network": no."""
    compounds = {c.lower_ for c in noun.children if c.dep_ == "compound"}
    if noun.lemma_.lower() in GENERIC_MEDIA_HEADS:
        return bool(compounds & MEDIA_MODIFIERS)
    return not (compounds - MEDIA_MODIFIERS)


def _add_coordinations(doc: Doc, index: ActorIndex) -> None:
    """Record "A and B" as one plural mention so that "the two movements" and "their" can find it."""
    for token in _coordination_heads(doc):
        group = list(_phrase_keys(token, index))
        last = token
        for conj in token.conjuncts:
            if conj.i < token.i:
                continue
            for key in _phrase_keys(conj, index):
                if key not in group:
                    group.append(key)
            last = max(last, conj, key=lambda t: t.i)
        if len(group) >= 2:
            index.mentions.append(Mention(token.i, last.i + 1, tuple(group), "coordination"))
    _add_linear_coordinations(doc, index)
    index.finish()


def _coordination_heads(doc: Doc) -> Iterable[Token]:
    """The first member of each coordination ("A" of "A, B and C"): a word that is no
    conjunct itself and has one. Found from the parse's arrays: ``Token.conjuncts`` walks the
    tree, and asking it of every word cost more than the rest of this layer."""
    deps = doc.to_array(DEP).tolist()
    offsets = doc.to_array(HEAD).astype("int64").tolist()  # relative, stored unsigned
    conj = doc.vocab.strings["conj"]
    firsts = {i + offsets[i] for i, dep in enumerate(deps) if dep == conj and offsets[i]}
    return [doc[i] for i in sorted(firsts) if deps[i] != conj]


def _add_linear_coordinations(doc: Doc, index: ActorIndex) -> None:
    """"Fatah and ISIS-allied Hamas": the parser often breaks coordinations around hyphenated
    modifiers, so two actor names joined by "and" with only modifiers between them also count."""
    named = sorted(
        (m for m in index.mentions if m.how in {"catalogue", "ner", "agent"} and not _hyphen_prefix(doc, m)),
        key=lambda m: m.start,
    )
    for first, second in zip(named, named[1:]):
        if first.keys == second.keys or sentence_of(doc[first.start]) != sentence_of(doc[second.start]):
            continue
        between = doc[first.end : second.start]
        if not any(t.lower_ in {"and", "&"} for t in between) or len(between) > 6:
            continue
        if _separate_clauses(doc[first.end - 1], doc[second.end - 1]):
            continue  # "ISIL fights Egypt, and Hamas fights Israel"
        if all(_filler(t) for t in between):
            if not any(m.how == "coordination" and set(first.keys + second.keys) <= set(m.keys) for m in index.mentions):
                index.mentions.append(Mention(first.start, second.end, first.keys + second.keys, "coordination"))


_CORE_ROLES = {"nsubj", "nsubjpass", "dobj", "iobj"}


def _separate_clauses(first: Token, second: Token) -> bool:
    """Two names that fill core roles of different verbs belong to different clauses."""
    return first.dep_ in _CORE_ROLES and second.dep_ in _CORE_ROLES and first.head != second.head


def _hyphen_prefix(doc: Doc, mention: Mention) -> bool:
    """"ISIS" in "ISIS-allied Hamas" modifies what follows; it is not a conjunct."""
    return mention.end < len(doc) and doc[mention.end].text == "-" and not doc[mention.end - 1].whitespace_


def _filler(token: Token) -> bool:
    if token.lower_ in COORDINATION_FILLERS or token.is_space:
        return True
    doc = token.doc
    hyphenated = (token.i > 0 and doc[token.i - 1].text == "-") or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")
    return hyphenated or token.pos_ == "ADJ"


def _phrase_keys(token: Token, index: ActorIndex) -> tuple[str, ...]:
    """Actors a noun names directly or through a name modifier ("the Hamas terrorist organization")."""
    keys = index.keys_at(token)
    if keys:
        return keys
    for child in token.children:
        if child.dep_ in {"compound", "nmod", "poss"} and index.keys_at(child):
            return index.keys_at(child)
    return ()


def affiliation(noun: Token, index: ActorIndex) -> tuple[str, ...]:
    """Who an unnamed noun phrase stands for: "Hamas sources", "envoys from Egypt",
    "a spokesman for the army"."""
    keys = _modifier_keys(noun, index)
    if keys:
        return keys
    if noun.pos_ in {"NOUN", "PROPN"}:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of", "for"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and index.keys_at(pobj):
                        keys = list(index.keys_at(pobj))
                        for conj in pobj.conjuncts:
                            keys += [k for k in index.keys_at(conj) if k not in keys]
                        return tuple(keys)
                    if pobj.dep_ == "pobj" and prep.lower_ == "of" and _counts_people(noun):
                        # "thousands of Iraqi Kurds", "a group of Basque separatists": a quantity
                        # or collective heads the phrase; the group it counts is the actor.
                        keys = _modifier_keys(pobj, index)
                        if keys:
                            return keys
    return ()


def related_people(noun: Token) -> bool:
    """"Sanders' supporters", "my supporters", "our European and Arab allies": people named by
    whose side they are on or whose kin they are; the owner is not the actor. So too where the
    parser hangs the owner on a noun after them ("Sanders' supporters credit")."""
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(w.lemma_.lower() in RELATED_PEOPLE_HEADS or w.lower_ in RELATED_PEOPLE_HEADS for w in words)


def owned_people(noun: Token, index: ActorIndex) -> bool:
    """People named by an actor they side with or belong to ("my supporters", "Sanders'
    supporters"): no actor stands for them, but they are a party an event can name."""
    return related_people(noun) and any(c.dep_ in {"poss", "compound", "nmod"} and index.keys_at(c) for c in noun.children)


def _counts_people(noun: Token) -> bool:
    return noun.pos_ == "NUM" or noun.lemma_.lower() in COUNTING_HEADS or noun.lower_ in COUNTING_HEADS


def _modifier_keys(noun: Token, index: ActorIndex) -> tuple[str, ...]:
    if related_people(noun):
        return ()
    for child in noun.children:
        if child.dep_ in {"compound", "poss", "nmod", "amod"} and index.keys_at(child):
            return index.keys_at(child)
    return ()


def _own_subject(pronoun: Token, index: ActorIndex) -> tuple[str, ...]:
    """Actors a verb's object pronoun cannot be: its clause's subject ("Trump called on her to
    resign": "her" is not Trump, who would be "herself")."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif pronoun.dep_ not in {"dobj", "dative"}:
        return ()
    if verb.pos_ not in {"VERB", "AUX"}:
        return ()
    return tuple(k for c in verb.children if c.dep_ == "nsubj" for k in index.keys_at(c))


def resolve_pronoun(
    token: Token, index: ActorIndex, exclude: Iterable[str] = (), skip: Sequence[tuple[int, int]] = ()
) -> tuple[str, ...]:
    """Keys a pronoun most plausibly refers to, by recency and number; () when unsure.

    ``exclude`` holds actors the pronoun cannot be (the subject of its own clause, for an
    object pronoun: "Iran has not provided them"). ``skip``: token ranges whose mentions it
    cannot refer to (a speaker's own quoted words, for the "she" of '"... Sen. Obama," she
    said': people do not speak of themselves by name).
    """
    word = token.lower_
    organised = {"group", "organization", "country", "agent", "outlet"}
    exclude = (*exclude, *_own_subject(token, index))
    # Pronouns reach back one sentence at most: further, recency stops being evidence. Skipped
    # words do not count: the "she" after a quotation of three sentences reaches the sentence
    # before it.
    window = min([_previous_sentence_start(token.doc[start]) for start, end in skip if start < token.i], default=_previous_sentence_start(token))
    window = min(window, _previous_sentence_start(token))

    def outside(mention: Mention) -> bool:
        return not any(start <= mention.start and mention.end <= end for start, end in skip)

    if word in PERSON_PRONOUNS:
        quotation = index.quotation_at(token.i)
        if quotation is not None:
            # '"... The band offered to give him the money," Flea wrote': a speaker says "I",
            # so "he" or "him" in their quoted words is someone else; and the quotation reads
            # as one stretch, so the pronoun reaches the sentence before it begins.
            exclude = (*exclude, *quotation[2])
            window = min(window, _previous_sentence_start(token.doc[quotation[0]]))
        gender = PRONOUN_GENDERS[word]

        def agrees(key: str) -> bool:
            return index.gender_of(key) in (None, gender)

        mention = None
        if token.dep_ in SUBJECT_DEPS:
            # "Cruz is highlighting his win over Trump as he urges ...": a subject pronoun
            # continues the last subject, not the last name.
            mention = index.before(
                token.i, kinds={"person"}, exclude=exclude, since=window, where=agrees,
                placed=lambda m: outside(m) and _is_subject(token.doc, m),
            )
        mention = mention or index.before(token.i, kinds={"person"}, exclude=exclude, since=window, where=agrees, placed=outside)
    elif word in PLURAL_PRONOUNS:
        # "A and B ... their": a coordination in the same sentence first.
        mention = index.before(token.i, multi=True, exclude=exclude, since=sentence_of(token).start, placed=outside)
        mention = mention or index.before(token.i, kinds=organised, exclude=exclude, since=window, placed=outside)
    elif word in SINGULAR_GROUP_PRONOUNS:
        mention = index.before(token.i, kinds=organised - {"agent"}, exclude=exclude, since=window, placed=outside)
    else:
        return ()
    return mention.keys if mention is not None else ()


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is the subject of its clause ("Sen. Ted Cruz", "Cruz's campaign")."""
    # Cached on the doc: every subject pronoun asks about each earlier mention of its sentence,
    # which in one long sentence (nested quotations) is O(n^2) span roots.
    known = doc.user_data.setdefault(_SUBJECT_KEY, {})
    key = (mention.start, mention.end)
    if key not in known:
        head = doc[mention.start : mention.end].root
        # The parser hangs "Tuttle's" in "Tuttle's article also attacked ..." as poss or as
        # nmod with a possessive case marker: either way the subject's owner.
        possessor = head.dep_ == "poss" or (head.dep_ == "nmod" and any(c.tag_ == "POS" for c in head.children))
        known[key] = head.dep_ in SUBJECT_DEPS or (possessor and head.head.dep_ in SUBJECT_DEPS)
    return known[key]


_SUBJECT_KEY = "newsgraph_subject_mentions"


def _first_content_token(span: Span) -> int:
    """Index of the first token after leading determiners ("The Rapid Support Forces")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in LEADING_DETERMINERS:
        start += 1
    return start


def _previous_sentence_start(token: Token) -> int:
    start = sentence_of(token).start
    if start == 0:
        return 0
    return sentence_of(token.doc[start - 1]).start


def _strip_determiners(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].lower_ in LEADING_DETERMINERS:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in {"'s", "’s", "'"}:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return span.doc[tokens[0].i : tokens[-1].i + 1].text.strip()

