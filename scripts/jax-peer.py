#!/usr/bin/env python3
"""The JAX peer of `gradnorm replay`: the same heat-equation PINN steps (GradNorm and fixed
weights, Adam), fully jitted as one `lax.scan` per run, with forward-mode `jax.jvp` for u_t and
u_xx on whole batches, timed after compilation.

For every size it prints ms per step and can write the experiment (config, data, initial
parameters and XLA's own trace) in the schema `gradnorm replay` reads, so that the Swift engine
runs the very same problem from the very same start:

  scripts/jax-peer.sh --sizes tutorial 64 --out-dir .build/jax-peer

Run it through scripts/jax-peer.sh (a virtual environment with jax 0.10.2, jaxlib 0.10.2 and
optax 0.2.8); scripts/compare-with-jax.sh runs both sides and prints the table.

The maths, as in Sources/PINN and Sources/GradNorm:
  u = MLP(x, t) with tanh hidden layers; PDE loss mean((u_t − D·u_xx)²) on the domain points,
  BC loss mean(u²) on x = 0 and x = 1, IC loss mean((u − sin πx)²) on t = 0.
  GradNorm (reference variant): r = (L/L₀)/mean(L/L₀), target = mean(w·G)·r^α,
  objective Σ|w·G − target| differentiated through the mean, log w −= wlr·∂/∂log w,
  w = clip(exp(log w), 0.01, 100); the parameter update follows Σ wᵢ∇Lᵢ with the new weights.
  The per-loss gradients are one `value_and_grad` per loss (each loss touches only its own
  points, so the three cost one pass in all); the fixed step is one `value_and_grad` of
  L_PDE + L_BC + L_IC.
"""
import argparse, json, os, pathlib, re, subprocess, sys, time

import jax
import jax.numpy as jnp
import optax

SIZES = {
    # name: (hidden widths, collocation points, boundary points per side, initial points, default steps)
    "tutorial": ([32, 32, 32], 500, 100, 100, 1000),
    "64": ([64, 64, 64], 2000, 200, 200, 300),
    "128": ([128, 128, 128], 8000, 800, 800, 100),
    "256": ([256, 256], 4000, 400, 400, 100),
}

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
parser.add_argument("--steps", type=int, help="steps per run for every size (default: per size, 1000/300/100/100)")
parser.add_argument("--repetitions", type=int, default=3, help="timed runs per size and kind; the median is reported")
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--alpha", type=float, default=1.5)
parser.add_argument("--lr", type=float, default=1e-3)
parser.add_argument("--wlr", type=float, default=0.01)
parser.add_argument("--diff", type=float, default=0.01)
parser.add_argument("--tmax", type=float, default=0.5)
parser.add_argument("--out-dir", help="write SIZE.json experiment files (with XLA's trace) here")
parser.add_argument("--json", help="write the timings as JSON to this file")
parser.add_argument("--compare", metavar="GRADNORM",
                    help="after each size, run this `gradnorm` binary's replay on the written file (needs --out-dir) "
                         "as many times as --repetitions, and print both sides in one table at the end")
args = parser.parse_args()
if args.compare and not args.out_dir:
    parser.error("--compare needs --out-dir (our side replays the files written there)")


def make_data(key, ncol, nbc, nic):
    """The export script's draws: split the key before each one."""
    key, sub = jax.random.split(key)
    x_dom = jax.random.uniform(sub, (ncol, 1), minval=0.0, maxval=1.0)
    key, sub = jax.random.split(key)
    t_dom = jax.random.uniform(sub, (ncol, 1), minval=0.0, maxval=args.tmax)
    key, sub = jax.random.split(key)
    t_bc = jax.random.uniform(sub, (nbc, 1), minval=0.0, maxval=args.tmax)
    boundary = jnp.concatenate([jnp.concatenate([jnp.zeros_like(t_bc), t_bc], 1),
                                jnp.concatenate([jnp.ones_like(t_bc), t_bc], 1)], 0)
    key, sub = jax.random.split(key)
    x_ic = jax.random.uniform(sub, (nic, 1), minval=0.0, maxval=1.0)
    initial = jnp.concatenate([x_ic, jnp.zeros_like(x_ic)], 1)
    return key, jnp.concatenate([x_dom, t_dom], 1), boundary, initial, jnp.sin(jnp.pi * x_ic[:, 0])


def make_params(key, sizes):
    """LeCun-normal kernels (truncated at 2σ, as flax's default) and zero biases."""
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        key, sub = jax.random.split(key)
        stddev = 1.0 / jnp.sqrt(fan_in) / 0.87962566103423978
        kernel = jax.random.truncated_normal(sub, -2.0, 2.0, (fan_in, fan_out)) * stddev
        params.append((kernel, jnp.zeros((fan_out,))))
    return params


def mlp(params, x):
    for kernel, bias in params[:-1]:
        x = jnp.tanh(x @ kernel + bias)
    kernel, bias = params[-1]
    return x @ kernel + bias


def make_losses(domain, boundary, initial, u_initial):
    """The three losses as separate functions of the parameters (each touches only its own points)."""
    along_x = jnp.zeros_like(domain).at[:, 0].set(1.0)
    along_t = jnp.zeros_like(domain).at[:, 1].set(1.0)

    def pde(params):
        u = lambda points: mlp(params, points)
        # Forward mode on the whole batch: each row depends on its own point only.
        _, u_t = jax.jvp(u, (domain,), (along_t,))
        u_x = lambda points: jax.jvp(u, (points,), (along_x,))[1]
        _, u_xx = jax.jvp(u_x, (domain,), (along_x,))
        return jnp.mean((u_t - args.diff * u_xx) ** 2)

    def bc(params):
        return jnp.mean(mlp(params, boundary) ** 2)

    def ic(params):
        return jnp.mean((mlp(params, initial)[:, 0] - u_initial) ** 2)

    return [pde, bc, ic]


def make_runs(losses, steps):
    adam = optax.adam(args.lr)

    def gradnorm_step(carry, _):
        params, state, log_weights, initial_losses = carry
        values, gradients = zip(*(jax.value_and_grad(loss)(params) for loss in losses))
        values = jnp.stack(values)
        norms = jnp.stack([jnp.sqrt(sum(jnp.sum(leaf ** 2) for leaf in jax.tree_util.tree_leaves(g)))
                           for g in gradients])
        ratios = values / (initial_losses + 1e-10)
        rates = ratios / (jnp.mean(ratios) + 1e-10)

        def objective(log_w):
            weighted = jnp.clip(jnp.exp(log_w), 0.01, 100.0) * norms
            return jnp.sum(jnp.abs(weighted - jnp.mean(weighted) * rates ** args.alpha))

        log_weights = log_weights - args.wlr * jax.grad(objective)(log_weights)
        weights = jnp.clip(jnp.exp(log_weights), 0.01, 100.0)
        gradient = jax.tree_util.tree_map(lambda *leaves: sum(w * leaf for w, leaf in zip(weights, leaves)),
                                          *gradients)
        updates, state = adam.update(gradient, state, params)
        params = optax.apply_updates(params, updates)
        return (params, state, log_weights, initial_losses), (values, norms, weights, jnp.dot(weights, values))

    def fixed_step(carry, _):
        params, state = carry
        def total(p):
            values = jnp.stack([loss(p) for loss in losses])
            return jnp.sum(values), values
        (total, values), gradient = jax.value_and_grad(total, has_aux=True)(params)
        updates, state = adam.update(gradient, state, params)
        params = optax.apply_updates(params, updates)
        return (params, state), (values, total)

    @jax.jit
    def gradnorm_run(params):
        initial = jnp.stack([loss(params) for loss in losses])
        carry = (params, adam.init(params), jnp.zeros(3), initial)
        (params, _, log_weights, _), trace = jax.lax.scan(gradnorm_step, carry, None, length=steps)
        return params, jnp.clip(jnp.exp(log_weights), 0.01, 100.0), trace

    @jax.jit
    def fixed_run(params):
        (params, _), trace = jax.lax.scan(fixed_step, (params, adam.init(params)), None, length=steps)
        return params, trace

    return gradnorm_run, fixed_run


def rms_error(params):
    x, t = jnp.linspace(0, 1, 50), jnp.linspace(0, args.tmax, 50)
    X, T = jnp.meshgrid(x, t)
    points = jnp.stack([X.ravel(), T.ravel()], 1)
    exact = jnp.sin(jnp.pi * points[:, 0]) * jnp.exp(-jnp.pi ** 2 * args.diff * points[:, 1])
    return float(jnp.sqrt(jnp.mean((mlp(params, points)[:, 0] - exact) ** 2)))


def timed(compiled, params):
    start = time.perf_counter()
    jax.block_until_ready(compiled(params))
    return time.perf_counter() - start


results = []
print(f"jax {jax.__version__}, devices {jax.devices()}, XLA_FLAGS={os.environ.get('XLA_FLAGS', '')!r}, "
      f"cores {os.cpu_count()}", flush=True)
for name in args.sizes:
    hidden, ncol, nbc, nic, default_steps = SIZES[name]
    steps = args.steps or default_steps
    sizes = [2] + hidden + [1]
    key, domain, boundary, initial, u_initial = make_data(jax.random.PRNGKey(args.seed), ncol, nbc, nic)
    params = make_params(key, sizes)
    losses = make_losses(domain, boundary, initial, u_initial)
    gradnorm_run, fixed_run = make_runs(losses, steps)
    compile_start = time.perf_counter()
    gradnorm_compiled = gradnorm_run.lower(params).compile()
    fixed_compiled = fixed_run.lower(params).compile()
    compile_seconds = time.perf_counter() - compile_start
    jax.block_until_ready(gradnorm_compiled(params))  # warm-up: first-call allocations
    jax.block_until_ready(fixed_compiled(params))
    gradnorm_seconds = sorted(timed(gradnorm_compiled, params) for _ in range(args.repetitions))
    fixed_seconds = sorted(timed(fixed_compiled, params) for _ in range(args.repetitions))
    row = {"size": name, "layers": sizes, "points": [ncol, 2 * nbc, nic], "steps": steps,
           "gradnorm_ms": gradnorm_seconds[len(gradnorm_seconds) // 2] / steps * 1000,
           "fixed_ms": fixed_seconds[len(fixed_seconds) // 2] / steps * 1000,
           "compile_s": compile_seconds}
    results.append(row)
    print(f"{name:8s} {'→'.join(map(str, sizes)):18s} {ncol}/{2 * nbc}/{nic}, {steps} steps: "
          f"GradNorm {row['gradnorm_ms']:.3f} ms/step, fixed {row['fixed_ms']:.3f} ms/step "
          f"(median of {args.repetitions}; compile {compile_seconds:.1f} s)", flush=True)
    if args.out_dir:
        gradnorm_params, final_weights, (values, norms, weights, totals) = gradnorm_compiled(params)
        fixed_params, (fixed_values, fixed_totals) = fixed_compiled(params)
        experiment = {
            "source": f"scripts/jax-peer.py: jax {jax.__version__}, CPU, lax.scan",
            "config": {"seed": args.seed, "hidden": hidden, "alpha": args.alpha, "lr": args.lr, "wlr": args.wlr,
                       "steps": steps, "ncol": ncol, "nbc": nbc, "nic": nic, "diff": args.diff, "tmax": args.tmax},
            "data": {"xt_domain": domain.tolist(), "xt_boundary": boundary.tolist(),
                     "xt_initial": initial.tolist(), "u_initial": u_initial.tolist()},
            "initial_params": [{"kernel": k.tolist(), "bias": b.tolist()} for k, b in params],
            "initial_losses": [float(loss(params)) for loss in losses],
            "gradnorm": [{"step": i, "losses": values[i].tolist(), "grad_norms": norms[i].tolist(),
                          "weights": weights[i].tolist(), "total_loss": float(totals[i])} for i in range(steps)],
            "fixed": [{"step": i, "losses": fixed_values[i].tolist(), "total_loss": float(fixed_totals[i])}
                      for i in range(steps)],
            "final": {"l2_gradnorm": rms_error(gradnorm_params), "l2_fixed": rms_error(fixed_params),
                      "weights": final_weights.tolist()},
            "seconds": {"gradnorm_loop": row["gradnorm_ms"] * steps / 1000, "fixed_loop": row["fixed_ms"] * steps / 1000},
        }
        path = pathlib.Path(args.out_dir) / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(experiment))
        print(f"         wrote {path}", flush=True)
        if args.compare:
            ours_gradnorm, ours_fixed, deviation = [], [], None
            for _ in range(args.repetitions):
                text = subprocess.run([args.compare, "replay", str(path)], check=True, capture_output=True, text=True).stdout
                found = re.search(r"(\d+) GradNorm steps in ([\d.]+) s, \d+ fixed steps in ([\d.]+) s", text)
                ours_gradnorm.append(float(found.group(2)) / steps * 1000)
                ours_fixed.append(float(found.group(3)) / steps * 1000)
                deviations = [float(line.split()[-1]) for line in text.splitlines()
                              if re.match(r"^(initial|gradnorm|fixed|final)\S*\s+[\d.e+-]+$", line)]
                deviation = max(deviations) if deviations else None
            row["ours_gradnorm_ms"] = sorted(ours_gradnorm)[len(ours_gradnorm) // 2]
            row["ours_fixed_ms"] = sorted(ours_fixed)[len(ours_fixed) // 2]
            row["worst_trace_deviation"] = deviation
            print(f"         ours: GradNorm {row['ours_gradnorm_ms']:.3f} ms/step, fixed {row['ours_fixed_ms']:.3f} ms/step; "
                  f"largest relative deviation of the traces {deviation:.2e}", flush=True)
if args.compare and results:
    print()
    print("load average (1, 5, 15 min): " + ", ".join(f"{value:.2f}" for value in os.getloadavg()))
    print("| network, points (domain/boundary/initial) | steps | ours GradNorm | XLA GradNorm | ratio | ours fixed | XLA fixed | ratio | pair ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in results:
        network = "2→" + "→".join(map(str, row["layers"][1:]))
        pair = (row["gradnorm_ms"] + row["fixed_ms"]) / (row["ours_gradnorm_ms"] + row["ours_fixed_ms"])
        print(f"| {network}, {'/'.join(map(str, row['points']))} | {row['steps']} | {row['ours_gradnorm_ms']:.3f} ms | "
              f"{row['gradnorm_ms']:.3f} ms | {row['gradnorm_ms'] / row['ours_gradnorm_ms']:.2f}× | "
              f"{row['ours_fixed_ms']:.3f} ms | {row['fixed_ms']:.3f} ms | {row['fixed_ms'] / row['ours_fixed_ms']:.2f}× | "
              f"{pair:.2f}× |")
    print("(ratio: XLA's ms per step over ours; above 1 means ours is faster)")
if args.json:
    pathlib.Path(args.json).write_text(json.dumps(results, indent=1))
