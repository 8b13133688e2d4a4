"""The CAMEO verb dictionary and its object patterns: which code a verb takes in its parse.

``VerbLexicon`` holds the packaged dictionary (``data/verbs.json``, CAMEO.2.0 with the curated
rows of ``scripts/curated/verbs.tsv``); ``code_for`` matches a verb's words before and after it,
and the prepositional groups it governs, against its patterns, as PETRARCH does, and gives the
most specific code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Union

from spacy.tokens import Token

from ..resources import catalogue_json
from ..words.events import (
    PATTERN_PARTICLES,
)
from .senses import CHARACTERISATION_CODE, NAMING_SENSE_ROOTS, characterises


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    code: Optional[str]
    patterns: tuple[dict, ...]


def _code(raw: Optional[str]) -> Optional[str]:
    """"042:043" (source:target codes in PETRARCH) -> "042"; "---" -> None."""
    if not raw:
        return None
    first = raw.split(":")[0].strip()
    return None if not first or set(first) <= {"-"} else first


class VerbLexicon:
    """The CAMEO verb dictionary, keyed by lemma, with its synsets expanded."""

    def __init__(self, data: dict):
        raw = {name.lstrip("&").upper(): [w.lower() for w in words] for name, words in data.get("synsets", {}).items()}
        self.synsets = {name: _expand_synset(name, raw) for name in raw}
        self._compiled_patterns: dict[int, _PatternIndex] = {}  # by id of the VerbEntry
        families = data.get("families", {})
        self.verbs: dict[str, VerbEntry] = {}
        for lemma, entry in data.get("verbs", {}).items():
            # PETRARCH applies every pattern of a family to all of its member verbs.
            family = families.get(entry.get("family") or "", {})
            verb = VerbEntry(lemma.lower(), _code(entry.get("code")), tuple(family.get("patterns", entry.get("patterns", ()))))
            self.verbs[lemma.lower()] = verb
            for form in entry.get("forms", ()):
                self.verbs.setdefault(form.lower(), verb)
        self.phrasal: dict[str, VerbEntry] = {}
        for phrase, entry in data.get("phrasal", {}).items():
            family = families.get(entry.get("family") or "", {})
            self.phrasal[phrase.lower()] = VerbEntry(phrase.lower(), _code(entry.get("code")), tuple(family.get("patterns", ())))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> "VerbLexicon":
        return cls(catalogue_json("verbs.json"))

    def lookup(self, verb: Token) -> Optional[VerbEntry]:
        lemma = verb.lemma_.lower()
        for particle in (c for c in verb.children if c.dep_ == "prt"):
            entry = self.phrasal.get(f"{lemma} {particle.lower_}")
            if entry is not None:
                return entry
        return self.verbs.get(lemma) or self.verbs.get(verb.lower_)

    def code_for(self, verb: Token, entry: VerbEntry) -> tuple[Optional[str], Optional[int]]:
        """The most specific pattern code whose words all occur around ``verb``; else the default."""
        after_words, prep_words = _object_words(verb)
        before_words = {t.lemma_.lower() for t in verb.lefts} | {t.lower_ for t in verb.lefts}
        own = {entry.lemma, verb.lemma_.lower(), verb.lower_}
        best: tuple[float, Optional[str], Optional[int]] = (0, entry.code, None)
        for pattern in self._compiled(entry).candidates(before_words, after_words, prep_words):
            mine = pattern.verb is None or pattern.verb in own
            if pattern.particle_only and not mine:
                continue  # a phrasal verb ("press on" 190) is that verb's, not its family's
            score = pattern.score(before_words, after_words, prep_words)
            # On a tie, the pattern written for this very verb wins over a family member's.
            score = score + 0.5 * mine if score else 0
            if score > best[0]:
                best = (score, pattern.code, pattern.line)
        # An appeal or telephone pattern ("call for", "call on") takes no predicative
        # complement, so with one the verb names and judges: "to call us liars for pointing out".
        if best[1] and best[1][:2] in NAMING_SENSE_ROOTS and characterises(verb):
            return CHARACTERISATION_CODE, None
        return best[1], best[2]

    def _compiled(self, entry: VerbEntry) -> "_PatternIndex":
        # Compiled lazily, once per verb: a big family ("say") has hundreds of patterns.
        found = self._compiled_patterns.get(id(entry))
        if found is None:
            found = self._compiled_patterns[id(entry)] = _PatternIndex([_Pattern.compile(p, self.synsets) for p in entry.patterns])
        return found


# One check of a pattern item: a word that must occur, or a synset: any of its one-word members,
# or every word of one of its longer members.
_Check = Union[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
_MARKERS = {"*", "$", "+", "%", "^"}


def _checks(item: str, synsets: dict[str, set[str]]) -> tuple[_Check, ...]:
    """The checks of one item ("&MILITARY &CAR", "arms shipment"): all must hold."""
    out: list[_Check] = []
    for part in item.lower().replace("_", " ").split():
        part = part.strip("{}()")
        if not part or part in _MARKERS:
            continue
        if part.startswith("&"):
            members = [tuple(member.split()) for member in synsets.get(part[1:].upper(), ())]
            out.append((frozenset(m[0] for m in members if len(m) == 1), tuple(m for m in members if len(m) > 1)))
        else:
            out.append(part)
    return tuple(out)


def _holds(checks: tuple[_Check, ...], words: set[str]) -> bool:
    for check in checks:
        if isinstance(check, str):
            if check not in words:
                return False
        elif check[0].isdisjoint(words) and not any(all(w in words for w in member) for member in check[1]):
            return False
    return True


@dataclass(frozen=True)
class _Pattern:
    """A verb pattern, its items parsed once: words before the verb, and after it either plain
    items or prepositional groups (preposition, checks of each word)."""

    before: tuple[Optional[tuple[_Check, ...]], ...]  # None: an item that always holds
    after: tuple[Union[tuple[_Check, ...], tuple[str, tuple[tuple[_Check, ...], ...]]], ...]
    after_is_prep: tuple[bool, ...]
    code: Optional[str]
    line: Optional[int]
    verb: Optional[str] = None  # the family member the pattern was written for
    particle_only: bool = False  # every item a bare particle: "- * ON" ("press on")

    @classmethod
    def compile(cls, pattern: dict, synsets: dict[str, set[str]]) -> "_Pattern":
        before = tuple(_checks(item, synsets) if isinstance(item, str) else None for item in pattern.get("before", ()))
        after, is_prep = [], []
        for item in pattern.get("after", ()):
            if isinstance(item, dict):
                after.append((str(item.get("prep", "")).lower(), tuple(_checks(w, synsets) for w in item.get("words", ()))))
                is_prep.append(True)
            else:
                after.append(_checks(item, synsets))
                is_prep.append(False)
        words = [c for checks in (*before, *(a for a, p in zip(after, is_prep) if not p)) for c in checks or ()]
        particle_only = bool(words) and not any(is_prep) and all(isinstance(c, str) and c in PATTERN_PARTICLES for c in words)
        verb = pattern.get("verb")
        return cls(before, tuple(after), tuple(is_prep), _code(pattern.get("code")), pattern.get("line"),
                   verb.lower() if verb else None, particle_only)

    def anchor(self) -> Optional[str]:
        """One word that must be present for this pattern to hold (None: no plain word)."""
        for checks in self.before:
            word = next((c for c in checks or () if isinstance(c, str)), None)
            if word:
                return f"b:{word}"
        for item, is_prep in zip(self.after, self.after_is_prep):
            if is_prep:
                return f"p:{item[0]}"
            word = next((c for c in item if isinstance(c, str)), None)
            if word:
                return f"a:{word}"
        return None

    def score(self, before: set[str], after: set[str], preps: dict[str, set[str]]) -> int:
        """How many items hold (0 when any fails): the more, the more specific the match."""
        score = 0
        for checks in self.before:
            if checks is not None and not _holds(checks, before):
                return 0
            score += 1
        for position, (item, is_prep) in enumerate(zip(self.after, self.after_is_prep)):
            if is_prep:
                prep, words_checks = item
                # Right after the verb ("break WITH") the group hangs on the verb; after a word
                # ("state OF emergency") it may sit inside the object phrase.
                words = preps.get(prep) if not position else preps.get(_NESTED + prep)
                if words is None or not all(_holds(c, words) for c in words_checks):
                    return 0
                score += 1 + len(words_checks)
            elif not _holds(item, after):
                return 0
            else:
                score += 1
        return score


class _PatternIndex:
    """A verb's patterns, indexed by one word each needs ("b:" before the verb, "a:" after it,
    "p:" a preposition), so that only patterns with a chance are scored, in dictionary order."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        self.patterns = patterns
        self.always: list[int] = []
        self.by_anchor: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            anchor = pattern.anchor()
            if anchor is None:
                self.always.append(i)
            else:
                self.by_anchor.setdefault(anchor, []).append(i)

    def candidates(self, before: set[str], after: set[str], preps: dict[str, set[str]]) -> list[_Pattern]:
        found = list(self.always)
        for key in (*(f"b:{w}" for w in before), *(f"a:{w}" for w in after), *(f"p:{p.lstrip(_NESTED)}" for p in preps)):
            found += self.by_anchor.get(key, ())
        return [self.patterns[i] for i in sorted(set(found))]


def _expand_synset(name: str, synsets: dict[str, list[str]], seen: frozenset = frozenset()) -> set[str]:
    """Members of a synset, with members that are synsets themselves ("&TIETYPES") expanded."""
    out: set[str] = set()
    for member in synsets.get(name, ()):
        if member.startswith("&"):
            inner = member[1:].upper()
            if inner not in seen:
                out |= _expand_synset(inner, synsets, seen | {name})
        else:
            out.add(member)
    return out


_CLAUSAL = {"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj", "parataxis", "conj"}


def _phrase_words(token: Token) -> set[str]:
    """Words of a phrase, not descending into clauses embedded in it: in "clash over efforts
    to deal with X", "deal" is not an object of "clash"."""
    words: set[str] = set()
    stack = [token]
    while stack:
        node = stack.pop()
        words.update((node.lemma_.lower(), node.lower_))
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSAL)
    return words


_NESTED = "~"  # key prefix: a prepositional group anywhere in the verb phrase


def _object_words(verb: Token) -> tuple[set[str], dict[str, set[str]]]:
    after: set[str] = set()
    preps: dict[str, set[str]] = {}
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "punct", "aux", "auxpass", "neg", "mark", "cc"} | _CLAUSAL:
            continue
        if _time_adjunct(child) or according_to(child):
            continue  # "according to" names a source: its "accord" is no treaty the verb acts on
        words = _phrase_words(child)
        if child.dep_ in {"prep", "agent", "dative"}:
            preps.setdefault(child.lower_, set()).update(words - {child.lower_})
        else:
            # "lifted a state of emergency", "demanded the release of": a pattern's prepositional
            # group may sit inside the object phrase, as PETRARCH matches it in the verb phrase.
            for prep in _phrase_tokens(child):
                if prep.dep_ == "prep" and prep is not child:
                    preps.setdefault(_NESTED + prep.lower_, set()).update(_phrase_words(prep) - {prep.lower_})
        after |= words
    # "called for Ginsburg to resign": the parser makes "for" the mark of a clause with its own
    # subject; the clause is still the pattern's "for" group ("call for" 020).
    for clause in for_clauses(verb):
        preps.setdefault("for", set()).update(w for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"} for w in _phrase_words(s))
        preps["for"].update((clause.lemma_.lower(), clause.lower_))
    # "called on Republicans to back Trump": the parser can take "on" for a particle and
    # "Republicans" for the object; the pair is still the pattern's prepositional group.
    particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ not in preps]
    for particle in particles:
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > particle.i):
            preps.setdefault(particle.lower_, set()).update(_phrase_words(obj))
    for prep, words in list(preps.items()):
        if not prep.startswith(_NESTED):
            preps.setdefault(_NESTED + prep, set()).update(words)
    return after, preps


# "called Merkel on Monday" is no "call on" (020): a time adjunct fills no pattern's slot.
_TIME_PREPOSITIONS = {"on", "in", "at", "during", "since", "until", "by"}


def _time_adjunct(child: Token) -> bool:
    if child.dep_ != "prep" or child.lower_ not in _TIME_PREPOSITIONS:
        return False
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)


def _phrase_tokens(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSAL)
    return out


def for_clause(clause: Token) -> bool:
    """A "for X to do" clause: marked by "for", with a subject of its own and "to"."""
    children = list(clause.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "for" for c in children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    )


def for_clauses(verb: Token) -> list[Token]:
    """The "for X to do" clauses a verb governs ("called for Ginsburg to resign")."""
    return [c for c in verb.children if c.dep_ == "advcl" and for_clause(c)]


def according_to(verb: Token) -> bool:
    """"according to Reuters" names a source, whether the parser reads "according" as a verb
    (CAMEO's "accord": agree) or as a preposition of the reported act."""
    return verb.lower_ == "according" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
