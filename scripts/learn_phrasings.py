#!/usr/bin/env python3
"""Writes data/learned.toml: the project's own labelled training questions
(tests/data/train-*.jsonl asked of the shipped article) as phrasings of the
curated facts that answer them.

    scripts/decision_rows.sh                 # target/decision/*.rows.jsonl
    python3 scripts/learn_phrasings.py       # data/learned.toml
    scripts/decision_rows.sh && python3 scripts/fit_decision.py --write

A question is learned when one of its candidate facts would be graded right
(the rows' `right`, ../shared/eval's rule): the best-ranked such curated
fact gets it. Left out, so a phrasing never teaches the bot something false
or noisy:
- unanswerable questions: they have no fact (near misses of at most 14
  words become the phrasings of the gap `near-misses` instead);
- yes/no facts ("Yes. …"): a phrasing close to the question shows the
  verdict, and a question graded right on the evidence may ask the opposite;
- typo and chatty questions: their misspellings and chatter would become
  words the store knows.

The binary itself skips one more kind when it reads the file
(`garbled_do` in src/extract.rs): a follow-up's rewrite that put "why",
"when"… in place of a "what" that was the object of "do" ("why does
damascus want to do with idlib").

The rows for a set are written with that set's own learned phrasings left
out (examples/decision_features.rs), so cross-validation in
fit_decision.py still asks each set as unseen.
"""
import glob
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ROWS = os.path.join(ROOT, "target", "decision")
OUT = os.path.join(ROOT, "data", "learned.toml")
KINDS = {"paraphrase", "plain", "short", "yesno"}
# Near misses (asked about what the article covers, not answered by it)
# become the phrasings of one gap, so a question like one of them weighs
# against answering; long chatty ones are left out, for their chatter.
MAX_NEAR_WORDS = 14


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    learned, declined = [], []
    for path in sorted(glob.glob(os.path.join(ROWS, "train-*.rows.jsonl"))):
        name = os.path.basename(path).replace(".rows.jsonl", "")
        # Only sets asked of the shipped article with its curated facts.
        if name.endswith("-uncurated") or os.path.exists(os.path.join(ROOT, "tests", "data", name + ".txt")):
            continue
        with open(path) as f:
            for line in f:
                q = json.loads(line)
                if (not q["answerable"] and q.get("kind") == "near"
                        and len(q["question"].split()) <= MAX_NEAR_WORDS):
                    declined.append((name, q["question"].strip()))
                    continue
                if not q["answerable"] or q.get("kind") not in KINDS:
                    continue
                right = [c for c in q["cands"]
                         if c["right"] and c["origin"] == "curated" and c["kind"] != "yesno"]
                if right:
                    best = min(right, key=lambda c: c["rank"])
                    learned.append((best["key"], name, q["question"].strip()))
    learned.sort()
    with open(OUT, "w") as f:
        f.write("# Phrasings learned from the labelled training questions (tests/data/train-*.jsonl),\n"
                "# written by scripts/learn_phrasings.py. Do not edit by hand.\n")
        f.write("learned = [\n")
        for key, name, question in learned:
            f.write(f"  {{ fact = {toml_str(key)}, set = {toml_str(name)}, question = {toml_str(question)} }},\n")
        f.write("]\n")
        f.write("declined = [\n")
        for name, question in sorted(declined):
            f.write(f"  {{ set = {toml_str(name)}, question = {toml_str(question)} }},\n")
        f.write("]\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(learned)} phrasings, {len(declined)} near misses")


if __name__ == "__main__":
    main()
