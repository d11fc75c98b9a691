#!/usr/bin/env bash
# Side by side in one run: for every size of issue 15's table, the JAX peer (jit-compiled
# lax.scan, timed after compilation) and our `gradnorm replay` of the very same experiment file
# (same data, same initial parameters), then one table of ms per step and ratios.
# Builds the release `gradnorm` first (under the shared build lock). Extra arguments go to
# scripts/jax-peer.py, e.g. --sizes tutorial 64 --repetitions 5.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
flock /tmp/swift-build.lock swift build -c release --product gradnorm >/dev/null
echo "load before: $(uptime)"
scripts/jax-peer.sh --out-dir .build/jax-peer --compare .build/release/gradnorm "$@"
echo "load after: $(uptime)"
