#!/usr/bin/env python3
"""Follow-up quality of the real binary on labelled conversations.

  conv_quality.py BINARY CONV.jsonl [CONV.jsonl ...] [--show] [--alone]

Each line of CONV.jsonl is a conversation: {"id", "turns": [earlier
questions, oldest first], "question": the follow-up, "kind":
"pronoun|ellipsis|switch|near", "answerable", "paragraphs", "any_of"}.
Every conversation is its own session of `ask --json --sessions -` on a fresh
database: its turns are asked first, then the follow-up, which is graded by
the rule of ../shared/eval (grade.py's `judge`: answered, cites a listed
paragraph, contains one of any_of; an unanswerable one must be declined).
--alone asks the follow-ups without their turns, for comparison.
--show prints every miss.

Prints accuracy by kind, then per file and overall
  "NAME accuracy A recall R declined-ok D precision P (right/n)"
where precision is the share of answers given that were right.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
for candidate in (EVAL, os.path.join(HERE, "..", "..", "..", "shared", "eval")):
    if os.path.exists(os.path.join(candidate, "grade.py")):
        sys.path.insert(0, candidate)
        break
from grade import judge, load  # noqa: E402


def run(binary, conversations, alone):
    """The binary's reply to each follow-up, in order."""
    lines, graded = [], []
    for i, c in enumerate(conversations):
        session = f"{i}:{c['id']}"
        for turn in [] if alone else c["turns"]:
            lines.append(json.dumps({"session": session, "question": turn}))
        graded.append(len(lines))
        lines.append(json.dumps({"session": session, "question": c["question"]}))
    db = os.path.join(tempfile.mkdtemp(), "conv.db")
    r = subprocess.run([binary, "--db", db, "ask", "--json", "--sessions", "-"],
                       input="".join(l + "\n" for l in lines), capture_output=True, text=True, timeout=900)
    replies = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    if r.returncode or len(replies) != len(lines):
        sys.exit(f"ask --sessions failed: {r.stderr.strip()[-300:]}")
    return [replies[i] for i in graded]


def summary(name, rows):
    share = lambda xs: sum(xs) / len(xs) if xs else 1.0  # noqa: E731
    right = sum(ok for _, _, ok, _ in rows)
    answerable = [ok for q, _, ok, _ in rows if q["answerable"]]
    unanswerable = [ok for q, _, ok, _ in rows if not q["answerable"]]
    given = [ok for _, a, ok, _ in rows if a.get("answered")]
    return (f"{name} accuracy {right / len(rows):.3f} recall {share(answerable):.3f} "
            f"declined-ok {share(unanswerable):.3f} precision {share(given):.3f} ({right}/{len(rows)}, "
            f"{len(given) - sum(given)} wrong of {len(given)} answers)")


def main(argv):
    args = argv[1:]
    show, alone = "--show" in args, "--alone" in args
    args = [a for a in args if a not in ("--show", "--alone")]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, files = args[0], args[1:]
    everything = []
    for path in files:
        conversations = load(path)
        replies = run(binary, conversations, alone)
        rows = [(q, a, *judge(q, a)) for q, a in zip(conversations, replies)]
        everything += rows
        kinds = {}
        for q, _, ok, _ in rows:
            kinds.setdefault(q.get("kind", "?"), []).append(ok)
        print("by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())))
        if show:
            for q, a, ok, why in rows:
                if not ok:
                    taking = (a.get("taking") or {}).get("read_as")
                    print(f"MISS {q['id']} [{q['kind']}] {q['turns']} -> {q['question']!r}: {why}; "
                          f"read as {taking!r}; p {a.get('confidence')}; answer={(a.get('answer') or '')[:80]!r}")
        print(summary(os.path.basename(path).rsplit(".", 1)[0], rows))
    if len(files) > 1:
        kinds = {}
        for q, _, ok, _ in everything:
            kinds.setdefault(q.get("kind", "?"), []).append(ok)
        print("all by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())))
        print(summary("all", everything))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
