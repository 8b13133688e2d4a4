"""Packets for judging attribution acts by hand (``docs/acts.md``): each article's PolNeAR gold
attributions (cue, source, content, paragraph), to be labelled speech, thought, intention,
perception or evidence.

The packets hold article text, so they are written outside the repository (``--out``); only
the labels, keyed by document id and the gold cue's character offsets, are committed
(``src/newsgraph/data/judged_acts.jsonl``).

    python scripts/act_packets.py --out /tmp/act-packets [--articles 30]
    python scripts/act_packets.py --out /tmp/act-packets-2 --articles 20 --more
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from newsgraph.evaluation.acts import gold_rows, load_acts, select_articles

REPO = Path(__file__).resolve().parents[1]


def _paragraph(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)]


def _joined(text: str, spans: list[list[int]]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def packet(row: dict) -> dict:
    text = row["text"]
    items = []
    for a in sorted(row["attributions"], key=lambda a: a["cue"][0][0] if a["cue"] else 0):
        if not a["cue"]:
            continue
        cue = a["cue"][0]
        items.append(
            {
                "cue": cue,
                "cue_text": _joined(text, a["cue"]),
                "source": _joined(text, a["source"]) if a["source"] else None,
                "content": _joined(text, a["content"])[:400],
                "paragraph": _paragraph(text, cue[0], cue[1])[:1500],
            }
        )
    return {"doc": row["doc"], "items": items}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    parser.add_argument("--out", type=Path, required=True, help="folder for the packets (outside the repository)")
    parser.add_argument("--articles", type=int, default=30, help="how many articles")
    parser.add_argument("--more", action="store_true", help="skip the articles judged_acts.jsonl already holds")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    exclude = set(load_acts()) if args.more else set()
    chosen = [doc for doc, _ in select_articles(args.data, args.articles, exclude=exclude)]
    rows = gold_rows(args.data, set(chosen))
    for doc in chosen:
        out = packet(rows[doc])
        (args.out / f"{doc}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(doc, len(out["items"]), "attributions")


if __name__ == "__main__":
    main()
