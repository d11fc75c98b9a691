#!/usr/bin/env python3
"""Derives test vectors for seeds that JAX's own vectors do not cover.

An independent NumPy implementation of the definitions the Swift port follows
(threefry2x32, JAX's partitionable split / fold_in / bits, float32 uniform, and
truncated normal via Giles' float32 erfinv). It reproduces JAX's vectors in
Tests/RandomTests/Fixtures/jax-prng-vectors.json, then writes derived-vectors.json.
Usage: python3 scripts/derive-prng-vectors.py
"""
import json, math, pathlib
import numpy as np

M = 0xFFFFFFFF
FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/RandomTests/Fixtures"

def rotl(x, r): return ((x << r) | (x >> (32 - r))) & M

def threefry(k0, k1, x0, x1):
    ks = [k0, k1, k0 ^ k1 ^ 0x1BD11BDA]
    rotations = [[13, 15, 26, 6], [17, 29, 16, 24]]
    x = [(x0 + ks[0]) & M, (x1 + ks[1]) & M]
    for i in range(5):
        for r in rotations[i % 2]:
            x[0] = (x[0] + x[1]) & M
            x[1] = rotl(x[1], r) ^ x[0]
        x[0] = (x[0] + ks[(i + 1) % 3]) & M
        x[1] = (x[1] + ks[(i + 2) % 3] + i + 1) & M
    return x

def key(seed): return [(seed >> 32) & M, seed & M]
def split(k, n=2): return [threefry(k[0], k[1], 0, i) for i in range(n)]
def fold_in(k, d): return threefry(k[0], k[1], 0, d & M)
def bits(k, n):
    return [a ^ b for a, b in (threefry(k[0], k[1], (i >> 32) & M, i & M) for i in range(n))]

def uniform(k, n, lo=0.0, hi=1.0):
    b = np.array(bits(k, n), dtype=np.uint32)
    f = ((b >> 9) | np.float32(1.0).view(np.uint32)).view(np.float32) - np.float32(1)
    lo, hi = np.float32(lo), np.float32(hi)
    return np.maximum(lo, f * (hi - lo) + lo)

CENTRAL = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
           -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]
TAIL = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
        -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]

def erfinv32(x):
    x = np.float32(x)
    w = np.float32(-np.log1p(-x * x))
    if w < 5:
        w, c = np.float32(w - np.float32(2.5)), CENTRAL
    else:
        w, c = np.float32(np.sqrt(w) - np.float32(3)), TAIL
    p = np.float32(c[0])
    for ci in c[1:]:
        p = np.float32(np.float32(ci) + p * w)
    return np.float32(p * x)

def truncated_normal(k, n, lo=-2.0, hi=2.0):
    sq2 = np.float32(np.sqrt(2))
    a, b = np.float32(math.erf(lo / math.sqrt(2))), np.float32(math.erf(hi / math.sqrt(2)))
    t = np.array([sq2 * erfinv32(v) for v in uniform(k, n, a, b)], dtype=np.float32)
    return np.clip(t, np.nextafter(np.float32(lo), np.float32(np.inf)), np.nextafter(np.float32(hi), np.float32(-np.inf)))

jax = json.loads((FIXTURES / "jax-prng-vectors.json").read_text())["cases"]
assert split(key(42), 3) == jax["split(PRNGKey(42), 3)"]
assert bits(key(42), 5) == jax["bits(PRNGKey(42), (5,))"]
assert np.abs(truncated_normal(key(42), 8) - np.array(jax["truncated_normal(PRNGKey(42), -2, 2, (8,))"])).max() < 2e-7

cases = {}
for seed in [0, 2**31 - 1, 123456789012]:
    k = key(seed)
    cases[str(seed)] = {
        "key": k, "split3": split(k, 3), "fold_in_5": fold_in(k, 5), "bits7": bits(k, 7),
        "uniform5_0_3": [float(v) for v in uniform(k, 5, 0.0, 3.0)],
        "truncated_normal6": [float(v) for v in truncated_normal(k, 6)],
    }
(FIXTURES / "derived-vectors.json").write_text(json.dumps(
    {"generator": "scripts/derive-prng-vectors.py (independent NumPy implementation)", "cases": cases}, indent=1) + "\n")
print("wrote", FIXTURES / "derived-vectors.json")
