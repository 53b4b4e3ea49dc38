#!/usr/bin/env python3
"""Writes tests/data/train-cr.jsonl: the train conversations' follow-ups as
the bot reads them, so the decision learns what a follow-up looks like
once its reference is filled in.

    conv_rewrites.py BINARY [CONV.jsonl ...]   (default: tests/data/conv-train-*.jsonl)

Each conversation is asked as `conv_quality.py` asks it (its turns, then the
follow-up, in one session of `ask --json --sessions -` on a fresh database).
A follow-up the bot read with the last exchange ("who did he meet" read as
"who did hassan rowhani meet") becomes one question of the set, with the
conversation's labels: an answerable one as kind `paraphrase` (so
`learn_phrasings.py` may learn it as a phrasing, as it learns the other
train sets' plain wording), an unanswerable one as `near` (a near miss of
the `near-misses` gap). Follow-ups read alone are left out: they are
questions like any other set's. So is an unanswerable follow-up read as a
question known to be answerable (a train question labelled answerable, or
an earlier turn of a train conversation, which are answerable by how they
were written): the reading took the reference wrongly ("how many ppl live
there" after "what province borders idlib", read as "…in idlib"), and as a
near miss it would turn the bot away from that question.

Only train conversations go in: never conv-final-*.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "data", "train-cr.jsonl")


def replies(binary, conversations):
    """The bot's reply to each conversation's follow-up."""
    lines, graded = [], []
    for i, c in enumerate(conversations):
        session = f"{i}:{c['id']}"
        for turn in c["turns"]:
            lines.append(json.dumps({"session": session, "question": turn}))
        graded.append(len(lines))
        lines.append(json.dumps({"session": session, "question": c["question"]}))
    db = os.path.join(tempfile.mkdtemp(), "conv.db")
    r = subprocess.run([binary, "--db", db, "ask", "--json", "--sessions", "-"],
                       input="".join(l + "\n" for l in lines), capture_output=True, text=True,
                       timeout=900)
    out = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    if r.returncode or len(out) != len(lines):
        sys.exit(f"ask --sessions failed: {r.stderr.strip()[-300:]}")
    return [out[i] for i in graded]


def key(question):
    """A question's words, lower case, without punctuation."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in question.lower()).split())


def known_answerable(conversations):
    """The questions known to be answerable: the train sets' answerable
    questions and every earlier turn of the train conversations."""
    known = {key(t) for c in conversations for t in c["turns"]}
    for f in glob.glob(os.path.join(ROOT, "tests", "data", "train-*.jsonl")):
        if os.path.abspath(f) == os.path.abspath(OUT):
            continue
        for line in open(f):
            if line.strip():
                q = json.loads(line)
                if q.get("answerable"):
                    known.add(key(q["question"]))
    return known


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    files = sys.argv[2:] or sorted(glob.glob(os.path.join(ROOT, "tests", "data", "conv-train-*.jsonl")))
    if any("final" in os.path.basename(f) for f in files):
        sys.exit("final conversations are never learned from")
    conversations = [json.loads(l) for f in files for l in open(f) if l.strip()]
    known = known_answerable(conversations)
    written = 0
    with open(OUT, "w") as out:
        for c, reply in zip(conversations, replies(binary, conversations)):
            taking = reply.get("taking")
            if not taking or not taking.get("read_as"):
                continue
            if not c["answerable"] and key(taking["read_as"]) in known:
                continue
            q = {"id": f"cr-{c['id']}", "question": taking["read_as"],
                 "kind": "paraphrase" if c["answerable"] else "near",
                 "answerable": c["answerable"]}
            if c["answerable"]:
                q["paragraphs"] = c["paragraphs"]
                q["any_of"] = c["any_of"]
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} follow-ups as read -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
