#!/usr/bin/env python3
"""Exports a heat-equation GradNorm experiment from JAX in the schema of
gradnorm-heat-seed42.json (config, data, initial_params, initial_losses, gradnorm,
fixed, final, seconds), so that `gradnorm replay FILE.json` can check the Swift
engine against JAX for any configuration.

Needs jax, flax, optax, jaxtyping and opifex (pip install jax flax optax jaxtyping;
pip install --no-deps opifex): it uses opifex's own GradNorm module. Example:
  python3 scripts/export-jax-experiment.py --seed 7 --hidden 16 16 --alpha 1.0 \
      --steps 300 --out Tests/ExperimentsTests/Fixtures/heat-seed7.json
"""
import argparse, importlib.util, json, pathlib, time

import jax
import jax.numpy as jnp
import optax
from flax import nnx

# opifex's package __init__ imports many optional dependencies; load only its GradNorm module.
_opifex = pathlib.Path(importlib.util.find_spec("opifex").submodule_search_locations[0])
_spec = importlib.util.spec_from_file_location("opifex_gradnorm", _opifex / "core/physics/gradnorm.py")
_gradnorm = importlib.util.module_from_spec(_spec)
import sys
sys.modules["opifex_gradnorm"] = _gradnorm  # dataclasses look their module up there
_spec.loader.exec_module(_gradnorm)
GradNormBalancer, GradNormConfig = _gradnorm.GradNormBalancer, _gradnorm.GradNormConfig
compute_gradient_norms = _gradnorm.compute_gradient_norms

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--hidden", type=int, nargs="+", default=[32, 32, 32])
parser.add_argument("--alpha", type=float, default=1.5)
parser.add_argument("--lr", type=float, default=1e-3)
parser.add_argument("--wlr", type=float, default=0.01)
parser.add_argument("--steps", type=int, default=1000)
parser.add_argument("--ncol", type=int, default=500)
parser.add_argument("--nbc", type=int, default=100)
parser.add_argument("--nic", type=int, default=100)
parser.add_argument("--diff", type=float, default=0.01)
parser.add_argument("--tmax", type=float, default=0.5)
parser.add_argument("--out", required=True)
args = parser.parse_args()


class PINN(nnx.Module):
    def __init__(self, hidden, rngs):
        sizes = [2] + hidden + [1]
        self.layers = nnx.List([nnx.Linear(a, b, rngs=rngs) for a, b in zip(sizes, sizes[1:])])

    def __call__(self, x):
        for layer in list(self.layers)[:-1]:
            x = jnp.tanh(layer(x))
        return list(self.layers)[-1](x)


# Data: split the key before each draw.
key = jax.random.PRNGKey(args.seed)
key, sub = jax.random.split(key)
x_dom = jax.random.uniform(sub, (args.ncol, 1), minval=0.0, maxval=1.0)
key, sub = jax.random.split(key)
t_dom = jax.random.uniform(sub, (args.ncol, 1), minval=0.0, maxval=args.tmax)
xt_domain = jnp.concatenate([x_dom, t_dom], axis=1)
key, sub = jax.random.split(key)
t_bc = jax.random.uniform(sub, (args.nbc, 1), minval=0.0, maxval=args.tmax)
xt_boundary = jnp.concatenate([jnp.concatenate([jnp.zeros_like(t_bc), t_bc], 1),
                               jnp.concatenate([jnp.ones_like(t_bc), t_bc], 1)], 0)
key, sub = jax.random.split(key)
x_ic = jax.random.uniform(sub, (args.nic, 1), minval=0.0, maxval=1.0)
xt_initial = jnp.concatenate([x_ic, jnp.zeros_like(x_ic)], 1)
u_initial = jnp.sin(jnp.pi * x_ic[:, 0])


def pde_loss(model):
    def u(x, t):
        return model(jnp.stack([x, t])[None, :])[0, 0]
    u_t = jax.vmap(jax.grad(u, argnums=1))(xt_domain[:, 0], xt_domain[:, 1])
    u_xx = jax.vmap(jax.grad(jax.grad(u, argnums=0), argnums=0))(xt_domain[:, 0], xt_domain[:, 1])
    return jnp.mean((u_t - args.diff * u_xx) ** 2)


def bc_loss(model):
    return jnp.mean(model(xt_boundary) ** 2)


def ic_loss(model):
    return jnp.mean((model(xt_initial)[:, 0] - u_initial) ** 2)


loss_fns = [pde_loss, bc_loss, ic_loss]
losses_of = lambda m: jnp.array([f(m) for f in loss_fns])


def rms_error(model):
    x = jnp.linspace(0, 1, 50)
    t = jnp.linspace(0, args.tmax, 50)
    X, T = jnp.meshgrid(x, t)
    pts = jnp.stack([X.ravel(), T.ravel()], 1)
    exact = jnp.sin(jnp.pi * pts[:, 0]) * jnp.exp(-jnp.pi ** 2 * args.diff * pts[:, 1])
    return float(jnp.sqrt(jnp.mean((model(pts)[:, 0] - exact) ** 2)))


model = PINN(args.hidden, nnx.Rngs(args.seed))
initial_params = [{"kernel": l.kernel[...].tolist(), "bias": l.bias[...].tolist()} for l in model.layers]
fixed_model = PINN(args.hidden, nnx.Rngs(args.seed))
initial_losses = losses_of(model)


@nnx.jit
def gradnorm_step(model, optimizer, balancer, initial):
    losses = losses_of(model)
    norms = compute_gradient_norms(model, loss_fns)
    balancer.update_weights(norms, losses, initial)
    total, grads = nnx.value_and_grad(lambda m: balancer.compute_weighted_loss(losses_of(m)))(model)
    optimizer.update(model, grads)
    return losses, norms, balancer.weights, total


@nnx.jit
def fixed_step(model, optimizer):
    losses = losses_of(model)
    total, grads = nnx.value_and_grad(lambda m: jnp.sum(losses_of(m)))(model)
    optimizer.update(model, grads)
    return losses, total


balancer = GradNormBalancer(3, GradNormConfig(alpha=args.alpha, learning_rate=args.wlr), rngs=nnx.Rngs(args.seed))
balancer.set_initial_losses(initial_losses)
optimizer = nnx.Optimizer(model, optax.adam(args.lr), wrt=nnx.Param)
gradnorm, start = [], time.time()
for step in range(args.steps):
    losses, norms, weights, total = gradnorm_step(model, optimizer, balancer, initial_losses)
    gradnorm.append({"step": step, "losses": losses.tolist(), "grad_norms": norms.tolist(),
                     "weights": weights.tolist(), "total_loss": float(total)})
gradnorm_seconds = time.time() - start

fixed_optimizer = nnx.Optimizer(fixed_model, optax.adam(args.lr), wrt=nnx.Param)
fixed, start = [], time.time()
for step in range(args.steps):
    losses, total = fixed_step(fixed_model, fixed_optimizer)
    fixed.append({"step": step, "losses": losses.tolist(), "total_loss": float(total)})
fixed_seconds = time.time() - start

out = {
    "source": f"scripts/export-jax-experiment.py: jax {jax.__version__}, CPU",
    "config": {"seed": args.seed, "hidden": args.hidden, "alpha": args.alpha, "lr": args.lr, "wlr": args.wlr,
               "steps": args.steps, "ncol": args.ncol, "nbc": args.nbc, "nic": args.nic, "diff": args.diff,
               "tmax": args.tmax},
    "data": {"xt_domain": xt_domain.tolist(), "xt_boundary": xt_boundary.tolist(),
             "xt_initial": xt_initial.tolist(), "u_initial": u_initial.tolist()},
    "initial_params": initial_params,
    "initial_losses": initial_losses.tolist(),
    "gradnorm": gradnorm,
    "fixed": fixed,
    "final": {"l2_gradnorm": rms_error(model), "l2_fixed": rms_error(fixed_model), "weights": balancer.weights.tolist()},
    "seconds": {"gradnorm_loop": gradnorm_seconds, "fixed_loop": fixed_seconds},
}
with open(args.out, "w") as f:
    json.dump(out, f)
print(f"wrote {args.out}: L2 GradNorm {out['final']['l2_gradnorm']:.6e}, fixed {out['final']['l2_fixed']:.6e}, "
      f"loops {gradnorm_seconds:.1f} s + {fixed_seconds:.1f} s")
