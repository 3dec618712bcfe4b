#!/usr/bin/env bash
# bench_compare.sh — the benchmarks of two commits side by side, in one run.
#
#   scripts/bench_compare.sh BASE_REV [ROUNDS]
#
# Builds BASE_REV (in a temporary worktree, scratch path .build-bench-base)
# and the working tree (.build-bench) in release mode, then runs
# `Benchmarks symbolic`, `Benchmarks minimize` and `calc -e 1+1` for each,
# alternating base and new ROUNDS times (default 5), so that both see the
# same load. Prints, per workload, the median over the rounds of each
# round's median wall time and CPU time, and the ratio new/base. Raw output
# goes to bench-compare/ (ignored by git). Start-up is timed with hyperfine
# when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bench_compare.sh BASE_REV [ROUNDS]}
rounds=${2:-5}
out=bench-compare
rm -rf "$out"; mkdir -p "$out"

tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf "$tree-build"' EXIT
git worktree add -q --detach "$tree" "$base"
echo "building $base and the working tree (release)…"
(cd "$tree" && swift build -c release --scratch-path "$tree-build" --product Benchmarks >/dev/null \
  && swift build -c release --scratch-path "$tree-build" --product calc >/dev/null)
basebin="$tree-build/release"
swift build -c release --scratch-path .build-bench --product Benchmarks >/dev/null
swift build -c release --scratch-path .build-bench --product calc >/dev/null
newbin=.build-bench/release

for r in $(seq "$rounds"); do
  for side in base new; do
    bin=$basebin; [ $side = new ] && bin=$newbin
    "$bin/Benchmarks" symbolic >"$out/$side-symbolic-$r.txt"
    "$bin/Benchmarks" minimize >"$out/$side-minimize-$r.txt"
    if command -v hyperfine >/dev/null 2>&1; then
      hyperfine -N --warmup 20 --runs 100 --export-json "$out/$side-startup-$r.json" "$bin/calc -e 1+1" >/dev/null
    fi
  done
  echo "round $r of $rounds done"
done

# A number with its unit → microseconds.
to_us() { awk -v s="$1" 'BEGIN { v = s + 0; if (s ~ /ms/) v *= 1000; else if (s ~ /µs/) v *= 1; else if (s ~ / s/) v *= 1e6; print v }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo
echo "symbolic (µs; median over $rounds rounds of each round's median)"
printf '%-40s %12s %12s %7s %12s %12s %7s\n' workload "base wall" "new wall" ratio "base cpu" "new cpu" ratio
grep -h '^[A-Za-z].*  ' "$out/base-symbolic-1.txt" | grep -v '^workload\|^symbolic' | cut -c1-40 | sed 's/ *$//' | while read -r name; do
  row() { cat "$out"/$1-symbolic-*.txt | awk -v n="$name" -v c="$2" 'index($0, n "  ") == 1 { s = substr($0, length(n) + 1); sub(/^ +/, "", s); split(s, f, /  +/); print f[c] }'; }
  bw=$(row base 1 | while read -r v; do to_us "$v"; done | median); nw=$(row new 1 | while read -r v; do to_us "$v"; done | median)
  bc=$(row base 2 | while read -r v; do to_us "$v"; done | median); nc=$(row new 2 | while read -r v; do to_us "$v"; done | median)
  printf '%-40s %12.1f %12.1f %7.3f %12.1f %12.1f %7.3f\n' "$name" "$bw" "$nw" "$(awk -v a="$nw" -v b="$bw" 'BEGIN{print a/b}')" \
    "$bc" "$nc" "$(awk -v a="$nc" -v b="$bc" 'BEGIN{print a/b}')"
done

echo
echo "minimize (calc ns/step and ratio to the native loop; median over $rounds rounds)"
for w in "Rosenbrock 2-D" "Rosenbrock 100-D"; do
  for side in base new; do
    ns=$(grep -h "^$w" "$out"/$side-minimize-*.txt | awk '{ for (i = 1; i <= NF; i++) if ($i == "steps") { print $(i + 2); break } }' | median)
    ratio=$(grep -h "^$w" "$out"/$side-minimize-*.txt | awk '{ for (i = 1; i <= NF; i++) if ($i == "steps") { print $(i + 3); break } }' | median)
    printf '%-20s %-5s %10s ns/step  ratio %s\n' "$w" $side "$ns" "$ratio"
  done
done

if command -v hyperfine >/dev/null 2>&1; then
  echo
  echo "start-up, calc -e 1+1 (ms; median over rounds of hyperfine's median of 100 runs)"
  for side in base new; do
    m=$(for f in "$out"/$side-startup-*.json; do grep -o '"median": *[0-9.e-]*' "$f" | head -1 | awk '{ print $2 * 1000 }'; done | median)
    printf '%-5s %.2f ms\n' $side "$m"
  done
fi
