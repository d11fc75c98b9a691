#!/usr/bin/env bash
# Runs scripts/jax-peer.py in its own virtual environment (.build/jax-venv, ignored by git),
# creating it with the pinned JAX, jaxlib and optax on first use. Arguments go to the script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${JAX_PEER_VENV:-$root/.build/jax-venv}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import jax, optax" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet jax==0.10.2 jaxlib==0.10.2 optax==0.2.8
fi
# Both cores for XLA: its CPU client runs a compiled program's independent operations and the
# Eigen-backed products on a thread pool as wide as the machine (2 here); the flag makes that explicit.
export XLA_FLAGS="${XLA_FLAGS:---xla_cpu_multi_thread_eigen=true}"
exec "$venv/bin/python" "$root/scripts/jax-peer.py" "$@"
