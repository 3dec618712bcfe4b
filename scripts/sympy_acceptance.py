#!/usr/bin/env python3
"""Generate calc's symbolic-differentiation acceptance set with SymPy.

Writes Tests/CalcCoreTests/golden/acceptance.tsv: one row per (expression,
variable) with a point, SymPy's value of the derivative there, and SymPy's
operation count of `diff(...)` exactly as `diff` returns it (unsimplified),
and the operation count of `simplify(diff(...))` (SIMPLIFY_SECONDS per row at
most: when SymPy's simplify takes longer the row records the diff count, and
the summary line says how many rows that was).
AcceptanceTests.swift reads the file; the project itself never runs Python.

    python3 scripts/sympy_acceptance.py          # needs sympy (1.14 used)

The expressions are written in calc syntax and translated to SymPy by
evaluating them with SymPy objects for calc's names (`^` becomes `**`).
calc built-ins that SymPy lacks are spelled out: sigmoid(u) = 1/(1 + exp(-u)),
softplus(u) = log(1 + exp(u)), relu(u) = Max(0, u), step = Heaviside,
log2/log10/log(b, x) = log(x)/log(b), cbrt(u) = u**(1/3) (points keep u > 0).
The set is deterministic (fixed seed): rerunning it rewrites the same file.
"""

import math
import os
import random
import signal
import sys

import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "CalcCoreTests", "golden", "acceptance.tsv")

NAMES = ["x", "y", "z", "w", "b", "a", "θ", "u", "v", "w1", "w2", "b1", "b2", "mu", "s"]
SYMBOLS = {n: sp.Symbol(n, real=True) for n in NAMES}


def _log(*args):
    if len(args) == 1:
        return sp.log(args[0])
    return sp.log(args[1]) / sp.log(args[0])


FUNCS = {
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "sec": sp.sec, "csc": sp.csc, "cot": sp.cot,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "atan2": sp.atan2,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh,
    "exp": sp.exp, "ln": sp.log, "log": _log,
    "log2": lambda u: sp.log(u) / sp.log(2), "log10": lambda u: sp.log(u) / sp.log(10),
    "sqrt": sp.sqrt, "cbrt": lambda u: u ** sp.Rational(1, 3),
    "abs": sp.Abs, "sign": sp.sign, "step": sp.Heaviside,
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)), "softplus": lambda u: sp.log(1 + sp.exp(u)),
    "relu": lambda u: sp.Max(0, u), "min": sp.Min, "max": sp.Max,
    "floor": sp.floor, "ceil": sp.ceiling,
    "pi": sp.pi, "e": sp.E,
}


def to_sympy(src):
    local = dict(SYMBOLS)
    local.update(FUNCS)
    return parse_expr(src.replace("^", "**"), local_dict=local, transformations=standard_transformations)


# Hand-picked classics: (calc expression, variables to differentiate by, point).
CLASSICS = [
    # neurons and losses
    ("sigmoid(w*x + b)", "w b x", "w=0.7 b=-0.3 x=1.2"),
    ("tanh(w*x + b)", "w b", "w=0.7 b=-0.3 x=1.2"),
    ("relu(w*x + b)", "w b", "w=0.7 b=-0.3 x=1.2"),
    ("softplus(w*x + b)", "w b", "w=0.7 b=-0.3 x=1.2"),
    ("(sigmoid(w*x + b) - y)^2", "w b", "w=0.7 b=-0.3 x=1.2 y=1"),
    ("(tanh(w*x + b) - y)^2", "w b", "w=0.7 b=-0.3 x=1.2 y=0.5"),
    ("(w*x + b - y)^2", "w b", "w=0.7 b=-0.3 x=1.2 y=2"),
    ("(w*x + b - y)^2/2 + 0.01*w^2", "w b", "w=0.7 b=-0.3 x=1.2 y=2"),
    ("-(y*ln(sigmoid(w*x + b)) + (1 - y)*ln(1 - sigmoid(w*x + b)))", "w b", "w=0.7 b=-0.3 x=1.2 y=1"),
    ("-y*ln(sigmoid(w*x + b)) - (1 - y)*ln(1 - sigmoid(w*x + b))", "w b", "w=0.7 b=-0.3 x=1.2 y=0.3"),
    ("ln(1 + exp(-y*(w*x + b)))", "w b", "w=0.7 b=-0.3 x=1.2 y=1"),
    ("softplus(-y*(w*x + b))", "w b", "w=0.7 b=-0.3 x=1.2 y=1"),
    ("max(0, 1 - y*(w*x + b))", "w b", "w=0.2 b=-0.3 x=1.2 y=1"),
    ("relu(1 - y*(w*x + b))^2", "w b", "w=0.2 b=-0.3 x=1.2 y=1"),
    ("(w2*tanh(w1*x + b1) + b2 - y)^2", "w1 b1 w2 b2", "w1=0.5 b1=0.1 w2=-0.8 b2=0.2 x=1.5 y=0.4"),
    ("(w2*sigmoid(w1*x + b1) + b2 - y)^2", "w1 b1 w2 b2", "w1=0.5 b1=0.1 w2=-0.8 b2=0.2 x=1.5 y=0.4"),
    ("(w2*relu(w1*x + b1) + b2 - y)^2", "w1 b1 w2", "w1=0.5 b1=0.1 w2=-0.8 b2=0.2 x=1.5 y=0.4"),
    ("sigmoid(w2*sigmoid(w1*x + b1) + b2)", "w1 b1 w2 b2", "w1=0.5 b1=0.1 w2=-0.8 b2=0.2 x=1.5"),
    ("tanh(w2*tanh(w1*x + b1) + b2)", "w1 b1", "w1=0.5 b1=0.1 w2=-0.8 b2=0.2 x=1.5"),
    ("exp(a)/(exp(a) + exp(b))", "a b", "a=0.4 b=-0.6"),
    ("-ln(exp(a)/(exp(a) + exp(b)))", "a b", "a=0.4 b=-0.6"),
    ("ln(exp(a) + exp(b))", "a b", "a=0.4 b=-0.6"),
    ("ln(exp(a) + exp(b) + exp(u))", "a", "a=0.4 b=-0.6 u=0.1"),
    ("(x - mu)^2/(2*s^2) + ln(s)", "mu s", "x=1.3 mu=0.2 s=0.8"),
    ("exp(-(x - mu)^2/(2*s^2))/(s*sqrt(2*pi))", "mu s x", "x=1.3 mu=0.2 s=0.8"),
    ("sqrt((x - a)^2 + (y - b)^2)", "x y", "x=1.3 y=0.4 a=0.2 b=-0.5"),
    ("sqrt(x^2 + y^2 + z^2)", "x", "x=1.3 y=0.4 z=-0.5"),
    ("1/sqrt(x^2 + y^2)", "x", "x=1.3 y=0.4"),
    ("w*x/(1 + abs(w*x))", "w", "w=0.7 x=1.2"),
    ("x*sigmoid(x)", "x", "x=0.8"),
    ("x*sigmoid(1.702*x)", "x", "x=0.8"),
    ("x*tanh(softplus(x))", "x", "x=0.8"),
    ("ln(cosh(x - y))", "x", "x=0.8 y=0.3"),
    ("sqrt(1 + (x - y)^2) - 1", "x", "x=0.8 y=0.3"),
    ("(1 - x)^2 + 100*(y - x^2)^2", "x y", "x=-1.2 y=1"),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "x y", "x=1.1 y=2.3"),
    ("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", "x y", "x=1.1 y=0.3"),
    ("0.26*(x^2 + y^2) - 0.48*x*y", "x", "x=1.1 y=0.3"),
    ("x^2 + y^2 - 10*cos(2*pi*x) - 10*cos(2*pi*y) + 20", "x", "x=1.1 y=0.3"),
    ("-20*exp(-0.2*sqrt((x^2 + y^2)/2)) - exp((cos(2*pi*x) + cos(2*pi*y))/2) + e + 20", "x", "x=1.1 y=0.3"),
    ("sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1", "x y", "x=1.1 y=0.3"),
    # trigonometric, hyperbolic, log, exp compositions
    ("sin(x)^2", "x", "x=0.7"),
    ("sin(x)*cos(x)", "x", "x=0.7"),
    ("sin(x)^2 + cos(x)^2", "x", "x=0.7"),
    ("tan(x)", "x", "x=0.7"),
    ("sec(x)^2", "x", "x=0.7"),
    ("csc(x)*cot(x)", "x", "x=0.7"),
    ("sin(cos(x))", "x", "x=0.7"),
    ("cos(sin(x^2))", "x", "x=0.7"),
    ("sin(cos(exp(x)))", "x", "x=0.7"),
    ("sin(cos(exp(sin(cos(exp(x))))))", "x", "x=0.7"),
    ("exp(sin(x))", "x", "x=0.7"),
    ("exp(x^2)", "x", "x=0.7"),
    ("exp(-x^2/2)", "x", "x=0.7"),
    ("x*exp(-x)", "x", "x=0.7"),
    ("x^2*exp(-x)*sin(x)", "x", "x=0.7"),
    ("ln(x)", "x", "x=0.7"),
    ("ln(x^2 + 1)", "x", "x=0.7"),
    ("ln(sin(x))", "x", "x=0.7"),
    ("ln(ln(x))", "x", "x=2.7"),
    ("x*ln(x) - x", "x", "x=0.7"),
    ("ln(x)/x", "x", "x=0.7"),
    ("log(2, x)", "x", "x=0.7"),
    ("log2(x^2 + 1)", "x", "x=0.7"),
    ("log10(x)*x", "x", "x=0.7"),
    ("log(x, y)", "x y", "x=2.5 y=0.7"),
    ("sinh(x)*cosh(x)", "x", "x=0.7"),
    ("tanh(x)^2", "x", "x=0.7"),
    ("cosh(x)^2 - sinh(x)^2", "x", "x=0.7"),
    ("asinh(x^2)", "x", "x=0.7"),
    ("acosh(x^2 + 1)", "x", "x=0.7"),
    ("atanh(x/2)", "x", "x=0.7"),
    ("asin(x)", "x", "x=0.3"),
    ("acos(x^2)", "x", "x=0.3"),
    ("atan(x/y)", "x y", "x=0.3 y=1.4"),
    ("atan2(y, x)", "x y", "x=0.3 y=1.4"),
    ("atan(1/x)", "x", "x=0.3"),
    ("asin(sin(x))", "x", "x=0.3"),
    ("sin(x)*sin(y)*sin(z)", "x y z", "x=0.3 y=1.1 z=-0.4"),
    ("exp(x*y*z)", "x z", "x=0.3 y=1.1 z=-0.4"),
    ("cos(x*y) + sin(y*z)", "y", "x=0.3 y=1.1 z=-0.4"),
    # quotients
    ("x/(x + 1)", "x", "x=0.7"),
    ("(x + 1)/(x - 1)", "x", "x=0.3"),
    ("(x^2 - 1)/(x^2 + 1)", "x", "x=0.3"),
    ("1/(1 + x^2)", "x", "x=0.3"),
    ("1/(x*y)", "x", "x=0.3 y=1.2"),
    ("x*y/(x + y)", "x", "x=0.3 y=1.2"),
    ("sin(x)/x", "x", "x=0.3"),
    ("(sin(x) + cos(x))/(sin(x) - cos(x))", "x", "x=0.3"),
    ("x/sqrt(x^2 + 1)", "x", "x=0.3"),
    ("(x^3 + 2*x)/(x^2 - 4)", "x", "x=0.3"),
    ("exp(x)/(1 + exp(x))", "x", "x=0.3"),
    ("1/(1 + exp(-x))", "x", "x=0.3"),
    ("(a*x + b)/(u*x + v)", "x a", "x=0.3 a=1.2 b=-0.4 u=0.5 v=2"),
    # powers, roots, variable exponents
    ("x^10", "x", "x=0.7"),
    ("(x^2 + 1)^10", "x", "x=0.7"),
    ("(2*x + 3)^(-3)", "x", "x=0.7"),
    ("sqrt(x)", "x", "x=0.7"),
    ("x^(3/2)", "x", "x=0.7"),
    ("x^(-1/2)", "x", "x=0.7"),
    ("cbrt(x^2 + 1)", "x", "x=0.7"),
    ("sqrt(1 - x^2)", "x", "x=0.3"),
    ("sqrt(x + sqrt(x))", "x", "x=0.7"),
    ("x^0.5 + x^1.5", "x", "x=0.7"),
    ("2^x", "x", "x=0.7"),
    ("10^(x^2)", "x", "x=0.7"),
    ("x^x", "x", "x=0.7"),
    ("x^(x^2)", "x", "x=0.7"),
    ("x^y", "x y", "x=0.7 y=1.3"),
    ("(x^2 + 1)^sin(x)", "x", "x=0.7"),
    ("sin(x)^cos(x)", "x", "x=0.7"),
    ("(1 + 1/x)^x", "x", "x=0.7"),
    ("e^(2*x)", "x", "x=0.7"),
    ("pi*x^2 + e*x", "x", "x=0.7"),
    # piecewise pieces (points away from the kinks)
    ("abs(x)", "x", "x=0.7"),
    ("abs(x^2 - 1)", "x", "x=0.7"),
    ("abs(sin(x))", "x", "x=-0.7"),
    ("relu(x)^2", "x", "x=0.7"),
    ("min(x, y)^2", "x y", "x=0.7 y=0.2"),
    ("max(x^2, y)", "x y", "x=0.7 y=0.2"),
    ("min(sin(x), cos(x))", "x", "x=0.3"),
    ("x*abs(x)", "x", "x=-0.3"),
    ("abs(x)*x^2", "x", "x=-0.3"),
    ("relu(x - y)*x", "x y", "x=0.3 y=-0.4"),
    # polynomials
    ("3*x^4 - 2*x^3 + x - 7", "x", "x=0.7"),
    ("(x - 1)*(x - 2)*(x - 3)", "x", "x=0.7"),
    ("(x + y)^3", "x", "x=0.7 y=0.2"),
    ("x^2*y^3*z", "x y z", "x=0.7 y=0.2 z=1.5"),
    ("(x + 1)*(x + 2)^2*(x + 3)^3", "x", "x=0.7"),
]

ANY = ["sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "asinh", "exp", "abs", "sigmoid", "softplus", "relu",
       "sec", "csc", "cot", "cbrt"]
UNIT = ["asin", "acos", "atanh"]
POSITIVE = ["ln", "sqrt", "log2", "log10"]


class Gen:
    def __init__(self, rng, variables):
        self.rng = rng
        self.vars = variables

    def leaf(self):
        r = self.rng.random()
        if r < 0.65:
            return self.rng.choice(self.vars)
        if r < 0.85:
            return str(self.rng.randint(2, 5))
        if r < 0.92:
            return self.rng.choice(["1/2", "3/2", "2/3"])
        if r < 0.96:
            return self.rng.choice(["0.5", "1.5", "0.1"])
        return self.rng.choice(["pi", "e"])

    def positive(self, a):
        return self.rng.choice([f"(1 + ({a})^2)", f"exp({a})", f"(({a})^2 + 1/2)", f"(2 + sin({a}))"])

    def unit(self, a):
        return self.rng.choice([f"sin({a})/2", f"tanh({a})", f"({a})/(1 + ({a})^2)"])

    def gen(self, depth):
        if depth <= 0 or self.rng.random() < 0.12:
            return self.leaf()
        d = depth - 1
        k = self.rng.randrange(20)
        if k < 3:
            return f"({self.gen(d)} + {self.gen(d)})"
        if k < 5:
            return f"({self.gen(d)} - {self.gen(d)})"
        if k < 8:
            return f"{self.gen(d)}*{self.gen(d)}"
        if k < 10:
            return f"({self.gen(d)})/({self.gen(d)})"
        if k < 12:
            return f"({self.gen(d)})^{self.rng.choice(['2', '3', '(-1)', '(-2)', '(1/2)', '(3/2)'])}"
        if k == 12:
            return f"{self.positive(self.gen(d))}^({self.gen(d)})"
        if k == 13:
            return f"-({self.gen(d)})"
        if k == 14:
            return f"{self.rng.choice(UNIT)}({self.unit(self.gen(d))})"
        if k == 15:
            return f"{self.rng.choice(POSITIVE)}({self.positive(self.gen(d))})"
        if k == 16:
            return f"{self.rng.choice(['atan2', 'min', 'max'])}({self.gen(d)}, {self.gen(d)})"
        return f"{self.rng.choice(ANY)}({self.gen(d)})"


def value_at(expr, point):
    v = expr.evalf(30, subs=point)
    if not v.is_number:
        return None
    try:
        c = complex(v)
    except (TypeError, ValueError):
        return None
    if abs(c.imag) > 1e-12 * max(1.0, abs(c.real)) or not math.isfinite(c.real):
        return None
    return c.real


SIMPLIFY_SECONDS = 20
timeouts = 0


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def simplified_ops(d):
    """count_ops(simplify(d)); d's own count when simplify takes too long."""
    global timeouts
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SIMPLIFY_SECONDS)
    try:
        s = sp.simplify(d)
        signal.alarm(0)
        return sp.count_ops(s)
    except _Timeout:
        timeouts += 1
        return sp.count_ops(d)
    finally:
        signal.alarm(0)


def row(src, var, point, f=None):
    f = f if f is not None else to_sympy(src)
    x = SYMBOLS[var]
    d = sp.diff(f, x)
    if d.has(sp.DiracDelta) or d.has(sp.Subs) or d.has(sp.Derivative):
        return None
    pt = {SYMBOLS[k]: sp.nsimplify(v) if isinstance(v, str) else v for k, v in point.items()}
    # every intermediate value must be real (calc has no complex numbers)
    for sub in sp.preorder_traversal(f):
        if sub.free_symbols and (sub.is_Pow or isinstance(sub, sp.Function)) and value_at(sub, pt) is None:
            return None
    fv = value_at(f, pt)
    dv = value_at(d, pt)
    if fv is None or dv is None or abs(dv) > 1e6 or abs(fv) > 1e8:
        return None
    return (src, var, point, dv, sp.count_ops(d), d)


def main():
    rows = []
    for src, vars_, pt in CLASSICS:
        point = {k: v for k, v in (kv.split("=") for kv in pt.split())}
        f = to_sympy(src)
        for v in vars_.split():
            r = row(src, v, point, f)
            if r is None:
                sys.exit(f"classic {src!r} by {v} has no real value at {pt}")
            rows.append(("classic",) + r)
    rng = random.Random(20261123)
    seen = set()
    random_rows = 0
    while random_rows < 300:
        variables = rng.choice([["x"], ["x"], ["x", "y"], ["x", "y", "z"]])
        src = Gen(rng, variables).gen(rng.randint(2, 4))
        if src in seen:
            continue
        seen.add(src)
        try:
            f = to_sympy(src)
        except Exception:
            continue
        free = sorted(str(s) for s in f.free_symbols)
        if not free:
            continue
        var = rng.choice(free)
        for _ in range(6):
            point = {v: repr(round(rng.uniform(-2, 2), 3)) for v in variables}
            try:
                r = row(src, var, point, f)
            except Exception:
                r = None
            if r is not None:
                rows.append(("random",) + r)
                random_rows += 1
                break
    with open(OUT + ".part", "w") as out:
        out.write("# calc acceptance set: written by scripts/sympy_acceptance.py with SymPy "
                  f"{sp.__version__}; do not edit by hand\n")
        out.write("# kind\texpression (calc syntax)\tvariable\tpoint\td/dvariable at the point (SymPy)\t"
                  "count_ops(sympy.diff(...))\tcount_ops(sympy.simplify(sympy.diff(...)))\n")
        for kind, src, var, point, dv, ops, d in rows:
            pt = ";".join(f"{k}={v}" for k, v in point.items())
            out.write(f"{kind}\t{src}\t{var}\t{pt}\t{dv!r}\t{ops}\t{simplified_ops(d)}\n")
            out.flush()
    os.replace(OUT + ".part", OUT)
    print(f"wrote {len(rows)} rows to {os.path.normpath(OUT)}; "
          f"simplify took over {SIMPLIFY_SECONDS} s (diff's count kept) in {timeouts}")


if __name__ == "__main__":
    main()
