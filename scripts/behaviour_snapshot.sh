#!/usr/bin/env bash
# Saves every output a behaviour-neutral change must leave byte-identical, into DIR:
#   eval.json      `newsgraph eval --all --json`, less the timings
#   errors.jsonl   every set's misses and false alarms (`--errors`)
#   analyze/*.json `newsgraph analyze --json` on the demo, the reference example and
#                  every PolNeAR dev article
# Compare two snapshots with `diff -r BEFORE AFTER`.
# Usage: scripts/behaviour_snapshot.sh DIR [DATA]   (DATA defaults to ../shared/data)
set -euo pipefail
out=${1:?usage: behaviour_snapshot.sh DIR [DATA]}
data=${2:-../shared/data}
bin=${NEWSGRAPH_BIN:-.venv/bin}
mkdir -p "$out/analyze" "$out/texts"

"$bin/newsgraph" eval --all --json --data "$data" --errors "$out/errors.jsonl" \
    | "$bin/python" -c 'import json,sys; d=json.load(sys.stdin); [v.pop("seconds",None) for v in d.values()]; print(json.dumps(d,indent=2,sort_keys=True))' \
    > "$out/eval.json"

"$bin/python" - "$data" "$out/texts" <<'PY'
import json, pathlib, sys
data, texts = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dev = data / "dev/attribution/polnear/derived/polnear_dev.derived.jsonl"
for line in dev.open(encoding="utf-8"):
    row = json.loads(line)
    (texts / f"polnear-{row['doc']}.txt").write_text(row["text"], encoding="utf-8")
PY
cp "$data/../examples/hamas-isis-ties-2016.txt" "$out/texts/reference.txt"
"$bin/newsgraph" demo --json > "$out/analyze/demo.json"
COLUMNS=120 "$bin/newsgraph" demo > "$out/analyze/demo.txt"
ls "$out/texts" | xargs -P 2 -I{} sh -c '"$0/newsgraph" analyze --json --date 2016-10-01 "$1/texts/{}" > "$1/analyze/{}.json"' "$bin" "$out"
rm -r "$out/texts"
echo "snapshot written to $out: $(ls "$out/analyze" | wc -l) analyses"
