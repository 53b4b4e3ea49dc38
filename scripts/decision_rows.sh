#!/usr/bin/env bash
# Writes the decision stage's training rows (target/decision/*.rows.jsonl)
# from the labelled question sets in tests/data/: SPLIT-NAME.jsonl asked of
# the shipped article (curated), and the same Tehran questions asked of the
# article uncurated (so bare sentences learn from them too); a set with an
# article beside it (NAME.txt) is asked of that article alone, uncurated.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
# Rows do not depend on the fitted trees, but the model must load.
python3 scripts/fit_decision.py --stub-if-stale
cargo build --release -q --example decision_features
bin=target/release/examples/decision_features
out=target/decision
mkdir -p "$out"
rm -f "$out"/*.rows.jsonl
for set in tests/data/train-*.jsonl tests/data/check-*.jsonl; do
  name=$(basename "$set" .jsonl)
  article="${set%.jsonl}.txt"
  if [ -f "$article" ]; then
    "$bin" "$set" "$article" > "$out/$name.rows.jsonl"
  else
    "$bin" "$set" > "$out/$name.rows.jsonl"
    "$bin" "$set" data/tehran-summit-2018.txt > "$out/$name-uncurated.rows.jsonl"
  fi
done
wc -l "$out"/*.rows.jsonl
