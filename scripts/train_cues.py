"""Train the learned cue judge (``src/newsgraph/data/cue_model.json``) on PolNeAR *train*.

Data: ``$NEWSGRAPH_DATA/dev/attribution/polnear/derived/polnear_train.derived.jsonl`` (840
articles). The dev split is never read here; it is what ``newsgraph eval polnear`` scores.

Examples: every candidate verb or noun (``newsgraph.cues.candidate``) in the parsed train articles,
labelled 1 when it lies inside a gold cue span. PolNeAR annotates only outermost attributions,
so verbs inside another attribution's gold content are left out (their label is unknown).

Model: L1 logistic regression (scikit-learn, ``pip install scikit-learn``) on the binary
features of ``newsgraph.cues.features``; C and the decision thresholds (a rule's cue kept, a
verb with content in a known frame taken, a verb without one taken: ``bare_threshold``) are chosen on 10% of
the *train* articles held out, then the model is refitted on all train articles. Features
seen fewer than ``--min-count`` times are dropped.

    python scripts/train_cues.py [--data DIR] [--limit N] [--out PATH] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.learning import logistic

REPO = Path(__file__).resolve().parent.parent


def _gold_articles(data: Path, limit: int | None) -> list[dict]:
    path = data / "dev" / "attribution" / "polnear" / "derived" / "polnear_train.derived.jsonl"
    if not path.is_file():
        sys.exit(f"train split not found: {path} (set NEWSGRAPH_DATA or pass --data)")
    seen, out = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("compartment") != "train" or row["doc"] in seen:
            continue
        seen.add(row["doc"])
        out.append(row)
        if limit and len(out) >= limit:
            break
    return out


def _parsed(nlp, texts, cache: Path | None):
    """The parsed train articles; with ``cache``, parsed once and kept there as a DocBin
    (the parse is most of the run time, and reruns after a feature change can skip it)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        for doc in docs:
            doc.user_data.clear()  # the per-document caches of newsgraph.nlp are not serialisable
        DocBin(docs=docs).to_disk(cache)
    return docs


def _examples(nlp, catalogue, rows, cache: Path | None = None):
    from newsgraph.actors import resolve_actors
    from newsgraph.attribution import find_attributions, known_frame
    from newsgraph.cues import candidate, features, nominal
    from newsgraph.quotation_marks import find_quoted_spans

    docs = _parsed(nlp, [row["text"] for row in rows], cache)
    for row, doc in zip(rows, docs):
        index = resolve_actors(doc, catalogue)
        quotes = find_quoted_spans(doc.text)
        drafts, _ = find_attributions(doc, index, quotes, model=None)
        rule_cues = {d.cue_tokens[0] for d in drafts}
        cue_chars = [(s, e) for a in row["attributions"] for s, e in a.get("cue") or []]
        contents = [(i, s, e) for i, a in enumerate(row["attributions"]) for s, e in a.get("content") or []]
        cue_owner = {}
        for i, a in enumerate(row["attributions"]):
            for s, e in a.get("cue") or []:
                cue_owner[(s, e)] = i
        examples = []
        for token in doc:
            if not candidate(token):
                continue
            start, end = token.idx, token.idx + len(token)
            inside_cue = [(s, e) for s, e in cue_chars if s < end and start < e]
            owner = cue_owner.get(inside_cue[0]) if inside_cue else None
            if any(s <= start and end <= e and i != owner for i, s, e in contents):
                continue  # inside someone's content: PolNeAR does not annotate nested cues
            rule = token.i in rule_cues
            kind = "rule" if rule else "noun" if nominal(token) else "framed" if known_frame(doc, token, quotes) else "bare"
            examples.append((features(token, rule), int(bool(inside_cue)), kind))
        yield row["doc"], examples


def _fit(train, c):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in feats} for feats, _, _ in train])
    y = [label for _, label, _ in train]
    # L1: most context features get no weight, which keeps the shipped JSON small.
    model = LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", max_iter=2000, fit_intercept=False, random_state=0)
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit
    model.fit(x, y)
    return {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}


def _probability(weights, feats):
    return logistic(sum(weights.get(f, 0.0) for f in feats))


def _f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# How find_attributions decides, by kind of candidate: a rule's cue is kept at or above
# ``keep_rule_above``; another verb is taken at or above ``threshold`` when its content is in a
# frame the rules know, ``bare_threshold`` when not; a noun at or above ``noun_threshold``.
KEEP_GRID = (0.05, 0.1, 0.2, 0.3)
GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01)


def _counts_by_kind(weights, examples):
    """(kind, threshold) -> (tp, fp, fn) of taking that kind's candidates at or above it."""
    scored = [(kind, _probability(weights, feats), label) for feats, label, kind in examples]
    table = {}
    for kind in ("rule", "framed", "bare", "noun"):
        mine = [(p, label) for k, p, label in scored if k == kind]
        for t in KEEP_GRID + GRID:
            tp = sum(1 for p, label in mine if p >= t and label)
            fp = sum(1 for p, label in mine if p >= t and not label)
            fn = sum(1 for p, label in mine if p < t and label)
            table[(kind, t)] = (tp, fp, fn)
    return table


def _best_thresholds(table):
    """The thresholds with the best held-out F1: (f1, p, r, threshold, keep, bare, noun)."""
    best = None
    for keep in KEEP_GRID:
        for threshold in GRID[:-1]:
            for bare in (t for t in GRID if t >= threshold):
                for noun in GRID:
                    parts = [table[("rule", keep)], table[("framed", threshold)], table[("bare", bare)], table[("noun", noun)]]
                    f1, p, r = _f1(*(sum(x[i] for x in parts) for i in range(3)))
                    if best is None or f1 > best[0]:
                        best = (f1, p, r, threshold, keep, bare, noun)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=None, help="use only the first N train articles")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None, help="keep the parsed articles in this DocBin file and reuse them")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data" / "cue_model.json")
    args = parser.parse_args()

    from newsgraph.actors import ActorCatalogue
    from newsgraph.components import load_pipeline

    started = time.time()
    nlp = load_pipeline()
    catalogue = ActorCatalogue.packaged(nlp)
    rows = _gold_articles(args.data, args.limit)
    per_doc = list(_examples(nlp, catalogue, rows, args.cache))
    print(f"parsed {len(per_doc)} train articles in {time.time() - started:.0f}s", file=sys.stderr)

    counts = Counter(f for _, examples in per_doc for feats, _, _ in examples for f in set(feats))
    keep = {f for f, n in counts.items() if n >= args.min_count}
    per_doc = [(doc, [([f for f in feats if f in keep], label, kind) for feats, label, kind in examples]) for doc, examples in per_doc]

    random.Random(args.seed).shuffle(per_doc)
    cut = max(1, len(per_doc) // 10)
    held_out = [e for _, ex in per_doc[:cut] for e in ex]
    fit_part = [e for _, ex in per_doc[cut:] for e in ex]
    best = None
    for c in (0.3, 1.0, 3.0):
        found = _best_thresholds(_counts_by_kind(_fit(fit_part, c), held_out))
        if best is None or found[0] > best[0]:
            best = (*found, c)
    rules_only = _f1(
        sum(1 for feats, label, _ in held_out if "rule=1" in feats and label),
        sum(1 for feats, label, _ in held_out if "rule=1" in feats and not label),
        sum(1 for feats, label, _ in held_out if "rule=1" not in feats and label),
    )
    f1, p, r, threshold, keep_rule_above, bare_threshold, noun_threshold, c = best
    print(
        f"held-out train cues: rules only F1 {rules_only[0]:.3f}; model F1 {f1:.3f} (P {p:.3f} R {r:.3f}) "
        f"C={c} t={threshold} bare={bare_threshold} noun={noun_threshold} keep={keep_rule_above}",
        file=sys.stderr,
    )
    weights = _fit([e for _, ex in per_doc for e in ex], c)
    model = {
        "weights": {k: round(v, 4) for k, v in sorted(weights.items())},
        "threshold": threshold,
        "keep_rule_above": keep_rule_above,
        "bare_threshold": bare_threshold,
        "noun_threshold": noun_threshold,
        "trained_on": "PolNeAR train split (derived/polnear_train.derived.jsonl), outermost cues; dev never read",
        "articles": len(per_doc),
        "examples": sum(len(ex) for _, ex in per_doc),
        "held_out": {"articles": cut, "rules_only_f1": round(rules_only[0], 4), "model_f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4)},
        "hyperparameters": {"C": c, "min_count": args.min_count, "seed": args.seed},
        "made_by": "scripts/train_cues.py",
    }
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights) in {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
