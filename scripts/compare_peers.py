#!/usr/bin/env python3
"""Run SymPy and SymEngine on calc's symbolic benchmark workloads, beside calc.

    pip install sympy symengine
    swift build -c release --scratch-path .build-bench --product Benchmarks
    python3 scripts/compare_peers.py [--runs 5] [--timeout 60] [--calc .build-bench/release/Benchmarks]

Every measurement is its own process (no warm caches shared between runs);
inside it the input is built untimed and only the operation is timed, as in
Benchmarks/Symbolic.swift. The table shows the median wall time over the
runs and, in brackets, the median CPU time of the timed thread (on a shared
machine wall time includes waiting for a core); a run past the time limit is
shown as "> limit" and the remaining runs are skipped.
The workloads are exactly calc's (the parse text comes from the same
generator, with `**` for `^`):

  parse       sum of 10,000 terms c*x^a*y^b plus 100 sin/exp terms, from text
  rosenbrock  all n partials of sum_{i<n} 100*(x_{i+1} - x_i^2)^2 + (1 - x_i)^2
  nested      d/dx of sin(cos(exp(...x...))) with d calls
  product     d/dx of prod_{i=1}^{n} (x + i)^i
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

WORKLOADS = [
    ("parse", 10000, "parse 10,000 terms"),
    ("rosenbrock", 10, "Rosenbrock gradient n = 10"),
    ("rosenbrock", 100, "Rosenbrock gradient n = 100"),
    ("rosenbrock", 1000, "Rosenbrock gradient n = 1,000"),
    ("nested", 10, "depth-10 composition d/dx"),
    ("nested", 20, "depth-20 composition d/dx"),
    ("nested", 50, "depth-50 composition d/dx"),
    ("nested", 60, "depth-60 composition d/dx"),
    ("nested", 100, "depth-100 composition d/dx"),
    ("product", 10, "product of 10 factors (x+i)^i d/dx"),
    ("product", 50, "product of 50 factors (x+i)^i d/dx"),
    ("product", 200, "product of 200 factors (x+i)^i d/dx"),
]


def parse_text():
    """The same text as Benchmarks/Symbolic.swift's parseWorkload, in Python syntax."""
    rng = 12345
    mask = (1 << 64) - 1

    def nxt(n):
        nonlocal rng
        rng = (rng * 6364136223846793005 + 1442695040888963407) & mask
        return (rng >> 33) % n

    terms = [f"{nxt(9) + 1}*x**{nxt(6) + 1}*y**{nxt(6) + 1}" for _ in range(10000)]
    terms += [f"sin({i}*x + y)" if i % 2 == 0 else f"exp(x - {i}*y)" for i in range(1, 101)]
    return " + ".join(terms)


def one(tool, workload, n):
    """Runs one measurement in this process and prints the seconds."""
    if tool == "sympy":
        import sympy as m
        from sympy import sympify as parse
    else:
        import symengine as m
        from symengine import sympify as parse
    if workload == "parse":
        text = parse_text()
        sys.setrecursionlimit(1_000_000)   # SymPy's parser evals a 10,100-deep Python expression
        t, c = time.perf_counter(), time.thread_time()
        parse(text)
        return time.perf_counter() - t, time.thread_time() - c
    if workload == "rosenbrock":
        xs = m.symbols(" ".join(f"x{i}" for i in range(1, n + 1)))
        f = m.Add(*[100 * (xs[i + 1] - xs[i] ** 2) ** 2 + (1 - xs[i]) ** 2 for i in range(n - 1)])
        t, c = time.perf_counter(), time.thread_time()
        for x in xs:
            m.diff(f, x)
        return time.perf_counter() - t, time.thread_time() - c
    x = m.Symbol("x")
    if workload == "nested":
        e = x
        fs = [m.exp, m.cos, m.sin]
        for k in range(n):
            e = fs[k % 3](e)
        t, c = time.perf_counter(), time.thread_time()
        m.diff(e, x)
        return time.perf_counter() - t, time.thread_time() - c
    if workload == "product":
        e = m.Mul(*[(x + i) ** i for i in range(1, n + 1)])
        t, c = time.perf_counter(), time.thread_time()
        m.diff(e, x)
        return time.perf_counter() - t, time.thread_time() - c
    raise SystemExit(f"unknown workload {workload}")


def fmt(s):
    if s is None:
        return "n/a"
    if isinstance(s, str):
        return s
    if isinstance(s, tuple):
        return f"{fmt(s[0])} ({fmt(s[1])})"
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def measure(tool, workload, n, runs, timeout):
    times = []
    for _ in range(runs):
        try:
            out = subprocess.run([sys.executable, __file__, "--one", tool, workload, str(n)],
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return f"> {timeout:g} s"
        if out.returncode != 0:
            return "error"
        wall, cpu = out.stdout.split()
        times.append((float(wall), float(cpu)))
    return (statistics.median(t for t, _ in times), statistics.median(c for _, c in times))


def calc_times(path):
    """Runs calc's benchmark executable and reads its table."""
    if not path or not os.path.exists(path):
        return {}
    out = subprocess.run([path, "symbolic"], capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        for _, _, label in WORKLOADS:
            if line.startswith(label + " "):
                result[label] = f"{line[40:52].strip()} ({line[52:64].strip()})"
    return result


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        wall, cpu = one(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        print(wall, cpu)
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="processes per measurement (median reported)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds before a run is given up")
    ap.add_argument("--calc", default=os.path.join(os.path.dirname(__file__), "..", ".build-bench", "release", "Benchmarks"),
                    help="calc's release-built Benchmarks executable")
    ap.add_argument("--only", default=None, help="run only workloads whose label contains this text")
    args = ap.parse_args()
    import sympy
    import symengine
    calc = calc_times(args.calc)
    print(f"SymPy {sympy.__version__}, SymEngine {symengine.__version__}; median of {args.runs} processes, "
          f"operation only, wall time (CPU time); limit {args.timeout:g} s per run")
    header = f"| {'workload':<38} | {'calc':>22} | {'SymPy':>22} | {'SymEngine':>22} |"
    print(header)
    print("|" + "-" * 40 + "|" + "-" * 24 + "|" + "-" * 24 + "|" + "-" * 24 + "|")
    for workload, n, label in WORKLOADS:
        if args.only and args.only not in label:
            continue
        s = measure("sympy", workload, n, args.runs, args.timeout)
        g = measure("symengine", workload, n, args.runs, args.timeout)
        print(f"| {label:<38} | {calc.get(label, 'n/a'):>22} | {fmt(s):>22} | {fmt(g):>22} |", flush=True)


if __name__ == "__main__":
    main()
