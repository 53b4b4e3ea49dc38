#!/usr/bin/env python3
"""Fits data/decision.json: the boosted-trees model that turns a candidate
fact's features into the probability that answering with it is right.

    pip install scikit-learn==1.7.2 numpy
    scripts/decision_rows.sh                 # target/decision/*.rows.jsonl
    python3 scripts/fit_decision.py [--write]

Rows come from examples/decision_features.rs: one question a line, with its
candidates (features, and whether answering with it would be graded right by
../shared/eval's rule). Only train-* rows are fitted on, less the follow-ups
as read (train-cr, written by conv_rewrites.py): they are learned as
phrasings, but fitted on they cost the questions people ask on their own
(cross-validated 0.895 -> 0.885 on the Tehran sets, the threshold rising from
0.60 to 0.65).

How good it is, and the threshold, come from cross-validation by question
set: each train set is predicted by a model fitted on the others (a set's
curated and uncurated rows stay together, so no question is seen twice), the
engine's rule is applied (answer with the most probable candidate when its
probability reaches the threshold), and the threshold is the lowest at which
those held-out answers are right at least PRECISION of the time. It belongs
in config/default.toml's matcher.threshold. check-* rows are reported with
the final model.
"""
import argparse
import glob
import json
import os
import re

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "data", "decision.json")
ROWS = os.path.join(ROOT, "target", "decision")
# Precision wanted of cross-validated answers from the curated article, and
# from bare sentences of uncurated articles (asked 0.85). For the curated
# article 0.95: since the engine's rules (someone else's words or figure, a
# measure not stated) and the stricter bare-sentence threshold are applied
# here as in the engine, accuracy is flat from threshold 0.46 to 0.62
# (0.866-0.872 cross-validated over 2,550 questions) while precision climbs
# from 0.93 to 0.96: the precision a wrong answer costs is bought for
# almost no accuracy. (It was 0.925 when each point of precision cost about
# four of accuracy.)
PRECISION = 0.95
SENTENCE_PRECISION = 0.85
# Small trees, few of them, slow learning: a few thousand candidates.
PARAMS = dict(n_estimators=200, max_depth=3, learning_rate=0.05, subsample=0.8,
              min_samples_leaf=10, random_state=0)


def fitted_paths():
    """The rows fitted on: every train set but the follow-ups as read."""
    return [p for p in sorted(glob.glob(os.path.join(ROWS, "train-*.rows.jsonl")))
            if not os.path.basename(p).startswith("train-cr")]


def features():
    with open(os.path.join(ROOT, "src", "matcher", "decide.rs")) as f:
        block = f.read().split("pub const FEATURES")[1].split("= [", 1)[1].split("];", 1)[0]
    return re.findall(r'"([a-z_]+)"', block)


SPEAKER_WRONG = features().index("speaker_wrong")


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def matrix(qs):
    xs = [c["x"] for q in qs for c in q["cands"]]
    ys = [int(c["right"]) for q in qs for c in q["cands"]]
    return np.array(xs, dtype=np.float32).astype(float), np.array(ys)


def fit(qs):
    x, y = matrix(qs)
    return GradientBoostingClassifier(**PARAMS).fit(x, y)


def best_of(qs, model):
    """Per question: (best probability, whether that candidate is right,
    whether it has phrasings)."""
    out = []
    for q in qs:
        if not q["cands"]:
            out.append((0.0, False, False))
            continue
        p = model.predict_proba(np.array([c["x"] for c in q["cands"]], dtype=np.float32).astype(float))[:, 1]
        # The engine's rules: "what did X say" only from X's own words; no
        # one else's figure, no fact without the measure asked for.
        p[[c["x"][SPEAKER_WRONG] > 0 or c.get("ruled_out", False) for c in q["cands"]]] = 0.0
        i = int(p.argmax())
        out.append((float(p[i]), bool(q["cands"][i]["right"]), bool(q["cands"][i]["phrased"])))
    return out


def score(qs, best, t, ts=0.0):
    """Accuracy, precision and by-kind figures when a phrased fact needs
    probability t and a bare sentence max(t, ts)."""
    kinds, given = {}, []
    for q, (p, right, phrased) in zip(qs, best):
        answered = p >= (t if phrased else max(t, ts))
        ok = right if answered else not q["answerable"]
        if answered:
            given.append(right)
        kinds.setdefault(q.get("kind") or "?", []).append(ok)
    allk = [o for v in kinds.values() for o in v]
    return (sum(allk) / max(1, len(allk)), sum(given) / len(given) if given else 1.0,
            ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())))


def cross_validate(sets, paths, wanted):
    """For each set in `wanted`, its questions' best candidates as judged
    by a model fitted on the other groups of `paths` (a set's curated and
    uncurated rows form one group, so no question predicts itself)."""
    held = {}
    for g in sorted({group(p) for p in paths}):
        model = fit([q for p in paths if group(p) != g for q in sets[p]])
        for p in wanted:
            if group(p) == g:
                held[p] = best_of(sets[p], model)
    return held


def synthetic(path):
    """A set asked of its own article (NAME.txt beside it), not the shipped one."""
    name = os.path.basename(path).replace(".rows.jsonl", "")
    return os.path.exists(os.path.join(ROOT, "tests", "data", name + ".txt"))


def group(path):
    return os.path.basename(path).replace(".rows.jsonl", "").replace("-uncurated", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write data/decision.json")
    ap.add_argument("--ablation", action="store_true", help="cross-validate feature groups left out")
    ap.add_argument("--stub-if-stale", action="store_true",
                    help="when decide.rs's features differ from data/decision.json's, write a "
                         "tree-less model with the new list, so the build that writes rows loads")
    args = ap.parse_args()
    if args.ablation:
        return ablation()
    if args.stub_if_stale:
        return stub_if_stale()
    train_paths = fitted_paths()
    check_paths = sorted(glob.glob(os.path.join(ROWS, "check-*.rows.jsonl")))
    sets = {p: load(p) for p in train_paths + check_paths}
    names = features()
    assert all(len(c["x"]) == len(names) for qs in sets.values() for q in qs for c in q["cands"]), "rows are stale"
    held = cross_validate(sets, train_paths, train_paths)
    all_q = [q for p in train_paths for q in sets[p]]
    all_b = [b for p in train_paths for b in held[p]]

    def lowest(paths, target, ts=0.0):
        qs = [q for p in paths for q in sets[p]]
        bs = [b for p in paths for b in held[p]]
        for t in np.arange(0.30, 0.991, 0.01):
            if score(qs, bs, t, ts)[1] >= target:
                return round(float(t), 2)
        return 0.99

    curated = [p for p in train_paths if not p.endswith("-uncurated.rows.jsonl") and not synthetic(p)]
    # Bare sentences are judged on the sets asked of their own articles
    # (the kind of article an operator ingests); the shipped article's
    # questions asked of it uncurated only help fitting.
    bare = [p for p in train_paths if synthetic(p)]
    # A bare sentence needs the sentence threshold in the curated article
    # too (as in the engine), so that one is chosen first.
    sentence = lowest(bare, SENTENCE_PRECISION, 0.0)
    threshold = lowest(curated, PRECISION, sentence)
    print(f"threshold {threshold}: cross-validated precision >= {PRECISION} on the curated article; "
          f"bare sentences {sentence}: >= {SENTENCE_PRECISION} on uncurated articles")
    strict = lambda p: sentence  # noqa: E731
    for p in train_paths:
        acc, prec, kinds = score(sets[p], held[p], threshold, strict(p))
        print(f"  cv    {os.path.basename(p):40s} accuracy {acc:.3f} precision {prec:.3f}  {kinds}")
    for name, paths in (("curated", curated), ("uncurated", bare)):
        qs = [q for p in paths for q in sets[p]]
        bs = [b for p in paths for b in held[p]]
        acc, prec, _ = score(qs, bs, threshold, sentence)
        print(f"  cv    all {name}: accuracy {acc:.3f} precision {prec:.3f}")
    model = fit(all_q)
    for p in check_paths:
        acc, prec, kinds = score(sets[p], best_of(sets[p], model), threshold, strict(p))
        print(f"  check {os.path.basename(p):40s} accuracy {acc:.3f} precision {prec:.3f}  {kinds}")
    imp = sorted(zip(model.feature_importances_, names), reverse=True)
    print("importance: " + ", ".join(f"{n} {v:.3f}" for v, n in imp))
    if args.write:
        trees = []
        for est in model.estimators_[:, 0]:
            t = est.tree_
            nodes = []
            for i in range(t.node_count):
                if t.children_left[i] == -1:
                    nodes.append({"feature": None, "value": float(t.value[i][0][0]) * PARAMS["learning_rate"]})
                else:
                    nodes.append({"feature": int(t.feature[i]), "threshold": float(np.float32(t.threshold[i])),
                                  "left": int(t.children_left[i]), "right": int(t.children_right[i])})
            trees.append(nodes)
        prior = model.init_.class_prior_[1]
        doc = {"features": names, "base": float(np.log(prior / (1 - prior))), "threshold": threshold,
               "sentence_threshold": sentence, "trees": trees}
        with open(OUT, "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        # The Rust side must give the same probabilities as sklearn.
        x, _ = matrix(all_q[:50])
        print("wrote", os.path.normpath(OUT), f"({len(trees)} trees); sample p:",
              " ".join(f"{v:.4f}" for v in model.predict_proba(x[:3])[:, 1]))


def stub_if_stale():
    with open(OUT) as f:
        doc = json.load(f)
    if doc["features"] != features():
        doc.update(features=features(), trees=[])
        with open(OUT, "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        print("data/decision.json: features changed; wrote a tree-less stub until refitted")


# Feature groups for --ablation: what each stage contributes.
GROUPS = {
    "meaning (embeddings)": ["meaning", "meaning_margin"],
    "word frequency": ["absent_info", "missing_info", "missing_max"],
    "answer kind": ["want", "want_fits", "want_other", "gives_wanted", "yesno_asked_not_settled", "yesno_unasked"],
    "runners-up and gaps": ["margin", "top", "gap", "gap_over", "meaning_margin"],
}


def ablation():
    """Cross-validated accuracy on the curated article at the precision
    target, with each feature group's values blanked (set to 0)."""
    names = features()
    paths = fitted_paths()
    curated = [p for p in paths if not p.endswith("-uncurated.rows.jsonl") and not synthetic(p)]
    base = {p: load(p) for p in paths}

    def blank(cols):
        idx = [names.index(c) for c in cols]
        out = {}
        for p, qs in base.items():
            out[p] = [dict(q, cands=[dict(c, x=[0.0 if i in idx else v for i, v in enumerate(c["x"])])
                                     for c in q["cands"]]) for q in qs]
        return out

    def run(sets, label):
        held = cross_validate(sets, paths, curated)
        qs = [q for p in curated for q in sets[p]]
        bs = [b for p in curated for b in held[p]]
        for t in np.arange(0.30, 0.991, 0.01):
            acc, prec, kinds = score(qs, bs, t)
            if prec >= PRECISION:
                print(f"{label:38s} threshold {t:.2f} accuracy {acc:.3f} precision {prec:.3f}  {kinds}")
                return
        print(f"{label:38s} never reaches precision {PRECISION}")

    # The rule before the decision stage: the best-ranked candidate when
    # its hand-weighted score is at least 0.5.
    si = names.index("score")
    qs = [q for p in curated for q in base[p]]
    bs = []
    for q in qs:
        c = max(q["cands"], key=lambda c: c["x"][si], default=None)
        bs.append((c["x"][si], c["right"], c["phrased"]) if c else (0.0, False, False))
    acc, prec, kinds = score(qs, bs, 0.5)
    print(f"{'before: ranking score >= 0.5':38s} threshold 0.50 accuracy {acc:.3f} precision {prec:.3f}  {kinds}")
    run(base, "all features")
    only_score = [n for n in names if n != "score"]
    run(blank(only_score), "the ranking score alone")
    for label, cols in GROUPS.items():
        run(blank(cols), "without " + label)


if __name__ == "__main__":
    main()
