"""PolNeAR (dev split): who says what, scored span by span against hand annotation.

Gold: ``dev/attribution/polnear/derived/polnear_dev.derived.jsonl`` (one line per article and
annotator; source, cue and content spans, each a list of ``[start, end]`` pieces into the
article text). Two dev articles were annotated by six annotators; the first annotation in
file order is used, which gives the corpus' "one annotator per article" view (84 articles,
2,193 attributions). Train is never scored here.

Matching decisions
------------------
* **Which predictions compete.** PolNeAR marks only the outermost attribution of a nesting
  (each token has one role in one attribution). A predicted attribution takes part when it
  is *textually* outermost: ``via`` is None, or its cue does not lie inside the content of
  the attribution it is relayed by. So "X said that Y told him ..." keeps only X's, while
  relays that are not textual nesting keep the attribution the text actually writes:
  "a source told MENL that ..." (the source's; relayed by MENL's report) and "..., citing Y"
  (PolNeAR annotates "citing" as a cue of its own). The outlet attribution that the
  pipeline *adds* for "told <outlet>" (same cue span as the relayed one, which points to it
  with ``via``) is not written in the text and is dropped.
* **No source.** A prediction without a source (``source.text`` empty; the record then
  repeats the cue span) predicts no source span. Gold ``Attribution-no-source`` has none.
* **Spans** are canonicalised before any comparison: each piece is stripped of whitespace,
  punctuation and quote marks at both ends (a piece that is nothing but punctuation, the
  colon cue ``X: "..."``, keeps it), pieces are sorted, and pieces that touch, overlap
  or are separated only by whitespace/punctuation are merged. A multi-piece span ("...,"
  she said, "...") is one item whose characters are the union of its pieces.
* ``exact``: canonical spans equal (one-to-one). ``overlap``: at least one shared character,
  one-to-one, greedy by largest overlap, each gold matched at most once. ``ggt0.3``/
  ``ggt0.8`` (Gender Gap Tracker): the prediction covers at least 30 % / 80 % of the gold
  span's (canonical) characters; one-to-one, greedy by coverage. ``attribution.overlap``:
  a predicted and a gold attribution match when both their cues and their contents overlap
  (one-to-one, greedy by total overlap).

Errors are reported at the strict (exact) level, so ``len(errors)`` for a role equals its
exact fn + fp. Each carries ``partial``: True when the item has an overlap-level partner
(a boundary error), whose text is given as ``predicted``/``gold``; otherwise the counterpart
is the best-overlapping span of the other side, if any.

Each error also has a ``cause``, counted per role in ``details["error_causes"]``, so the
error classes can be read without reading the errors:

* any role: ``extent``, the item has an overlapping partner with other boundaries;
* a missed cue: ``nested``, the pipeline found a cue there but inside another attribution's
  content (PolNeAR has it outermost); else ``missed``;
* a false-alarm cue: ``inside gold content``, gold counts it as part of what someone else
  says (PolNeAR does not annotate nested attributions); else ``no gold attribution``;
* a missed source or content: ``cue missed`` (no predicted cue overlaps the gold cue),
  ``none predicted`` (the predicted attribution with that cue has no span in that role), or
  ``different`` (it has another span);
* a false-alarm source or content: ``cue not in gold``, ``none in gold`` (gold's attribution
  with that cue has no span in that role: ``Attribution-no-source``), or ``different``.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from . import SetResult
from .metrics import PRF, bootstrap_f1

__all__ = [
    "evaluate",
    "load_gold",
    "analyse",
    "canonical",
    "top_level",
    "match_exact",
    "match_overlap",
    "match_coverage",
    "GoldArticle",
    "gold_items",
    "score_items",
    "error_causes",
]

NAME = "polnear"
ROLES = ("cue", "source", "content")
SUBDIR = Path("dev") / "attribution" / "polnear"
GOLD_FILE = "derived/polnear_{split}.derived.jsonl"

Piece = tuple[int, int]
Spans = tuple[Piece, ...]


@dataclass
class GoldArticle:
    doc: str
    text: str
    attributions: list[dict[str, Any]]
    annotator: str = ""


# ---------------------------------------------------------------- gold


def gold_path(data_dir: Path, split: str = "dev") -> Path:
    return Path(data_dir) / SUBDIR / GOLD_FILE.format(split=split)


def load_gold(data_dir: Path, *, limit: Optional[int] = None, split: str = "dev") -> list[GoldArticle]:
    """Articles of ``split`` in file order, one annotation each (the first annotator's).

    Scores are reported on "dev"; "train" is for error analysis and training only.
    """
    path = gold_path(data_dir, split)
    if not path.is_file():
        raise FileNotFoundError(f"PolNeAR {split} gold not found: {path}")
    out: list[GoldArticle] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("compartment", split) != split or row["doc"] in seen:
                continue
            seen.add(row["doc"])
            out.append(GoldArticle(row["doc"], row["text"], row["attributions"], row.get("annotator", "")))
            if limit is not None and len(out) >= limit:
                break
    return out


# ---------------------------------------------------------------- running newsgraph

_CACHE: dict[tuple[int, str], tuple[Any, tuple[Piece, ...]]] = {}


def analyse(texts: Sequence[str], nlp=None) -> list[tuple[Any, tuple[Piece, ...]]]:
    """``(Report, sentence spans)`` per text, from one parse (``nlp.pipe``) per text.

    Texts are used as given (no ingest normalisation), so gold offsets stay valid. Results
    are cached per pipeline and text, so ``polnear`` and ``polnear-voice`` share one parse.
    """
    from ..actors import ActorCatalogue
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..model import Article
    from ..pipeline import build_report, pipeline_name

    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    todo = [t for t in dict.fromkeys(texts) if (id(nlp), t) not in _CACHE]
    if todo:
        catalogue = ActorCatalogue.packaged(nlp)
        name = pipeline_name(nlp)
        for doc, text in nlp.pipe(((t, t) for t in todo), as_tuples=True, batch_size=16):
            report = build_report(doc, Article(text=text), catalogue, name)
            if report.article.text != text:
                raise AssertionError("newsgraph changed the article text; gold offsets would not apply")
            sents = tuple((s.start_char, s.end_char) for s in doc.sents)
            _CACHE[(id(nlp), text)] = (report, sents)
    return [_CACHE[(id(nlp), t)] for t in texts]


# ---------------------------------------------------------------- spans

_QUOTES = set("\"'`´‘’‚‛“”„‟«»‹›")


def _trim_char(ch: str) -> bool:
    return ch.isspace() or ch in _QUOTES or unicodedata.category(ch)[0] in {"P", "Z", "S"}


def canonical(text: str, pieces: Iterable[Sequence[int]]) -> Spans:
    """Pieces stripped of whitespace/punctuation/quotes at both ends (a piece that is only
    punctuation, like a colon cue, keeps its punctuation), sorted, and merged where they
    touch, overlap or are separated only by whitespace/punctuation. Empty -> ()."""
    stripped = []
    for piece in pieces:
        start, end = int(piece[0]), int(piece[1])
        start, end = max(0, start), min(len(text), end)
        lo, hi = start, end
        while lo < hi and _trim_char(text[lo]):
            lo += 1
        while hi > lo and _trim_char(text[hi - 1]):
            hi -= 1
        if lo == hi:  # all punctuation (a colon cue ":"): strip whitespace only
            lo, hi = start, end
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
        if lo < hi:
            stripped.append((lo, hi))
    stripped.sort()
    merged: list[Piece] = []
    for start, end in stripped:
        if merged and (start <= merged[-1][1] or all(_trim_char(c) for c in text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def shared_chars(a: Spans, b: Spans) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def span_text(text: str, spans: Spans, sep: str = " … ") -> str:
    return sep.join(text[s:e] for s, e in spans)


# ---------------------------------------------------------------- matching
# Each matcher takes two lists of canonical spans and returns one-to-one pairs (pred_i, gold_j).


def match_exact(predicted: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    free: dict[Spans, list[int]] = {}
    for j, g in enumerate(gold):
        if g:
            free.setdefault(g, []).append(j)
    pairs = []
    for i, p in enumerate(predicted):
        if p and free.get(p):
            pairs.append((i, free[p].pop(0)))
    return pairs


def _greedy(scored: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def match_overlap(predicted: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    """At least one shared character; greedy by the number of shared characters."""
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            n = shared_chars(p, g)
            if n > 0:
                scored.append((float(n), i, j))
    return _greedy(scored)


def match_coverage(predicted: Sequence[Spans], gold: Sequence[Spans], threshold: float) -> list[tuple[int, int]]:
    """GGT criterion: the prediction covers >= ``threshold`` of the gold span's characters;
    greedy by coverage."""
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            total = length(g)
            if not total:
                continue
            ratio = shared_chars(p, g) / total
            if ratio > 0 and ratio + 1e-9 >= threshold:
                scored.append((ratio, i, j))
    return _greedy(scored)


# ---------------------------------------------------------------- predictions


def top_level(attributions: Sequence[Any]) -> list[Any]:
    """The predicted attributions comparable with PolNeAR's outermost-only annotation."""
    by_id = {a.id: a for a in attributions}
    kept = []
    for a in attributions:
        outer = by_id.get(a.via) if a.via else None
        if outer is not None and any(s <= a.cue.span[0] and a.cue.span[1] <= e for s, e in outer.content):
            continue  # textually nested: its cue sits in the relaying attribution's content
        kept.append(a)
    # The outlet attribution added for "told <outlet>": same cue as the one relayed through it.
    synthetic = {a.via for a in kept if a.via and by_id.get(a.via) is not None and by_id[a.via].cue.span == a.cue.span}
    return [a for a in kept if a.id not in synthetic]


@dataclass
class _Item:
    """One attribution reduced to canonical role spans."""

    key: str
    cue: Spans
    source: Spans
    content: Spans
    raw: dict[str, Any] = field(default_factory=dict)


def _predicted_items(text: str, outermost: Sequence[Any]) -> list[_Item]:
    items = []
    for a in outermost:
        source = canonical(text, [a.source.span]) if a.source.text.strip() else ()
        items.append(
            _Item(a.id, canonical(text, [a.cue.span]), source, canonical(text, a.content), {"type": a.type, "cue": a.cue.text})
        )
    return items


def gold_items(text: str, attributions: Sequence[dict[str, Any]]) -> list[_Item]:
    return [
        _Item(
            g["id"],
            canonical(text, g.get("cue") or []),
            canonical(text, g.get("source") or []),
            canonical(text, g.get("content") or []),
            {"cue": (g.get("texts") or {}).get("cue", ""), "no_source": g.get("no_source", False)},
        )
        for g in attributions
    ]


# ---------------------------------------------------------------- scoring

LEVELS = ("exact", "overlap", "ggt0.3", "ggt0.8")


def _pairs(level: str, predicted: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    if level == "exact":
        return match_exact(predicted, gold)
    if level == "overlap":
        return match_overlap(predicted, gold)
    return match_coverage(predicted, gold, float(level[3:]))


def _context(text: str, sents: Sequence[Piece], spans: Spans) -> str:
    if not spans:
        return ""
    start, end = spans[0][0], spans[-1][1]
    covering = [s for s in sents if s[0] < end and start < s[1]]
    if covering:
        lo, hi = covering[0][0], covering[-1][1]
        if hi - lo <= 600:
            return text[lo:hi].strip()
    lo, hi = max(0, start - 100), min(len(text), end + 100)
    return text[lo:hi].strip()


def _nearest(span: Spans, others: Sequence[Spans]) -> Optional[int]:
    """Index of the span in ``others`` sharing most characters with ``span``, if any."""
    scored = [(shared_chars(span, o), k) for k, o in enumerate(others)]
    scored = [x for x in scored if x[0] > 0]
    return max(scored)[1] if scored else None


def score_article(
    doc: str, text: str, gold_attributions: Sequence[dict[str, Any]], report, sents: Sequence[Piece] = ()
) -> tuple[dict[str, PRF], list[dict[str, Any]]]:
    """Counters (``"cue.exact"`` ... ``"attribution.overlap"``) and error dicts for one article."""
    outermost = top_level(report.attributions)
    kept = {a.id for a in outermost}
    nested = [canonical(text, [a.cue.span]) for a in report.attributions if a.id not in kept]
    return score_items(doc, text, _predicted_items(text, outermost), gold_items(text, gold_attributions), sents, nested)


class _Causes:
    """Why an item has no exact partner (the ``cause`` of an error; see the module docstring)."""

    def __init__(self, predicted: Sequence[_Item], gold: Sequence[_Item], nested: Sequence[Spans]) -> None:
        self.predicted, self.gold, self.nested = predicted, gold, nested
        pairs = match_overlap([p.cue for p in predicted], [g.cue for g in gold])
        self.gold_of, self.predicted_of = dict(pairs), {j: i for i, j in pairs}

    def __call__(self, kind: str, role: str, index: int, partial: bool) -> str:
        if partial:
            return "extent"
        own = (self.gold if kind == "miss" else self.predicted)[index]
        if role == "cue":
            if kind == "miss":
                return "nested" if any(shared_chars(own.cue, cue) for cue in self.nested) else "missed"
            inside = any(_inside(own.cue, g.content) for g in self.gold)
            return "inside gold content" if inside else "no gold attribution"
        partner = (self.predicted_of if kind == "miss" else self.gold_of).get(index)
        if partner is None:
            return "cue missed" if kind == "miss" else "cue not in gold"
        other = (self.predicted if kind == "miss" else self.gold)[partner]
        if not getattr(other, role):
            return "none predicted" if kind == "miss" else "none in gold"
        return "different"


def _inside(span: Spans, container: Spans) -> bool:
    return bool(span) and any(start <= span[0][0] and span[-1][1] <= end for start, end in container)


def score_items(
    doc: str, text: str, predicted: Sequence[_Item], gold: Sequence[_Item], sents: Sequence[Piece] = (), nested: Sequence[Spans] = ()
) -> tuple[dict[str, PRF], list[dict[str, Any]]]:
    """``score_article`` on attributions already reduced to canonical spans: also how one
    annotator's attributions score against another's (``gold_items`` of each). ``nested``:
    the cues of predicted attributions left out as nested, which explain some misses."""
    counts: dict[str, PRF] = {}
    errors: list[dict[str, Any]] = []
    cause = _Causes(predicted, gold, nested)
    for role in ROLES:
        p_spans = [getattr(x, role) for x in predicted]
        g_spans = [getattr(x, role) for x in gold]
        p_idx = [i for i, s in enumerate(p_spans) if s]
        g_idx = [j for j, s in enumerate(g_spans) if s]
        p_list = [p_spans[i] for i in p_idx]
        g_list = [g_spans[j] for j in g_idx]
        by_level = {}
        for level in LEVELS if role == "content" else LEVELS[:2]:
            pairs = _pairs(level, p_list, g_list)
            by_level[level] = pairs
            prf = counts.setdefault(f"{role}.{level}", PRF())
            prf.add(tp=len(pairs), fp=len(p_list) - len(pairs), fn=len(g_list) - len(pairs))
        exact_p = {i for i, _ in by_level["exact"]}
        exact_g = {j for _, j in by_level["exact"]}
        loose = by_level["overlap"]
        loose_p = dict(loose)
        loose_g = {j: i for i, j in loose}

        def unmatched(kind: str, own: list, others: list, exact: set, loose_pairs: dict, items: list, idx: list, role: str = role) -> None:
            """One error per span of ``own`` without an exact partner, with its nearest counterpart."""
            counterpart = "predicted" if kind == "miss" else "gold"
            for k, span in enumerate(own):
                if k in exact:
                    continue
                partner = loose_pairs.get(k)
                other = partner if partner is not None else _nearest(span, others)
                item = items[idx[k]]
                row = {
                    "set": NAME,
                    "doc": doc,
                    "kind": kind,
                    "role": role,
                    "text": span_text(text, span),
                    "span": [list(x) for x in span],
                    "sentence": _context(text, sents, span),
                    counterpart: span_text(text, others[other]) if other is not None else None,
                    f"{counterpart}_span": [list(x) for x in others[other]] if other is not None else None,
                    "partial": partner is not None,
                    "cause": cause(kind, role, idx[k], partner is not None),
                    "attribution": item.key,
                }
                if kind == "miss":
                    row["gold_cue"] = span_text(text, item.cue)
                else:
                    row["predicted_cue"] = span_text(text, item.cue)
                    row["type"] = item.raw.get("type")
                errors.append(row)

        unmatched("miss", g_list, p_list, exact_g, loose_g, gold, g_idx)
        unmatched("false_alarm", p_list, g_list, exact_p, loose_p, predicted, p_idx)
    # Whole attributions: cue and content both overlap.
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            cue, content = shared_chars(p.cue, g.cue), shared_chars(p.content, g.content)
            if cue > 0 and content > 0:
                scored.append((float(cue + content), i, j))
    pairs = _greedy(scored)
    counts.setdefault("attribution.overlap", PRF()).add(
        tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)
    )
    return counts, errors


def error_causes(errors: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """``"cue.miss"`` ... -> cause -> count, largest first."""
    counted: dict[str, Counter] = {}
    for row in errors:
        counted.setdefault(f"{row['role']}.{row['kind']}", Counter())[row["cause"]] += 1
    return {key: dict(counter.most_common()) for key, counter in sorted(counted.items())}


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None, split: str = "dev") -> SetResult:
    articles = load_gold(data_dir, limit=limit, split=split)
    analysed = analyse([a.text for a in articles], nlp)
    totals: dict[str, PRF] = {}
    errors: list[dict[str, Any]] = []
    n_pred = n_pred_all = 0
    per_article: dict[str, list[PRF]] = {}
    for article, (report, sents) in zip(articles, analysed):
        counts, errs = score_article(article.doc, article.text, article.attributions, report, sents)
        for key, prf in counts.items():
            totals.setdefault(key, PRF()).add(prf.tp, prf.fp, prf.fn)
            per_article.setdefault(key, []).append(prf)
        errors.extend(errs)
        n_pred_all += len(report.attributions)
        n_pred += len(top_level(report.attributions))
    metrics: dict[str, float] = {}
    for key, prf in totals.items():
        metrics.update(prf.metrics(key))
    for role in ROLES:
        # Resampling articles: what an 84-article dev set can tell apart from noise.
        low, high = bootstrap_f1(per_article.get(f"{role}.overlap", []))
        metrics[f"{role}.overlap.f1_ci95_low"], metrics[f"{role}.overlap.f1_ci95_high"] = low, high
    details = {
        "split": split,
        "articles": len(articles),
        "gold_attributions": sum(len(a.attributions) for a in articles),
        "gold_no_source": sum(bool(g.get("no_source")) for a in articles for g in a.attributions),
        "predicted_attributions": n_pred_all,
        "predicted_top_level": n_pred,
        "counts": {key: {k: v for k, v in prf.as_dict().items() if k in {"tp", "fp", "fn"}} for key, prf in sorted(totals.items())},
        "annotators": sorted({a.annotator for a in articles}),
        "error_causes": error_causes(errors),
    }
    return SetResult(name=NAME, metrics=dict(sorted(metrics.items())), details=details, errors=errors)
