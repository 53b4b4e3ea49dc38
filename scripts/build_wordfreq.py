#!/usr/bin/env python3
"""Rebuilds data/wordfreq-en.tsv: how common each of the most frequent English
words is, on the Zipf scale (log10 of uses per billion words; "the" ~7.7, a rare
word ~2). The matcher weighs a question word the store lacks by how informative
it is in English at large: a common word ("roommate", "debating") says little
about the topic, a rare one ("ceasefire") a lot.

Source: the `wordfreq` package on PyPI (Robyn Speer, Luminoso), whose word lists
are CC BY-SA 4.0 (data) and whose code is Apache-2.0; see data/NOTICE.

    pip install wordfreq==3.1.1 && python3 scripts/build_wordfreq.py
"""
import os
import re

from wordfreq import top_n_list, zipf_frequency

WORDS = 40000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "wordfreq-en.tsv")


def main():
    seen = set()
    rows = []
    for w in top_n_list("en", WORDS):
        w = w.lower()
        if w in seen or not re.fullmatch(r"[a-z][a-z'\-]*", w):
            continue
        seen.add(w)
        rows.append((w, zipf_frequency(w, "en")))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# word\tzipf (wordfreq 3.1.1, English, CC BY-SA 4.0; rebuilt by scripts/build_wordfreq.py)\n")
        for w, z in rows:
            f.write(f"{w}\t{z:.2f}\n")
    print(f"{len(rows)} words -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
