#!/usr/bin/env bash
# Before and after, in the same sitting: runs `clerk run` of an earlier build (BASE) and of this
# checkout in turn, BENCH_RUNS times each (default 5), alternating so that a slow stretch of a
# shared machine falls on both; prints the median wall time, CPU time and peak memory of each.
# Usage: bench/ab.sh BASE [SETS...]
#   BASE: a clerk binary, or a commit (built as bench/compare.sh builds it, under target/compare/).
#   SETS: sample, or the sizes of bench/run.sh (default: sample 10000 100000 1000000 one-1000000);
#   their data is made under target/bench-data/ as bench/run.sh makes it.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/ab.sh BASE [SETS...]}
shift
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(sample 10000 100000 1000000 one-1000000)
runs=${BENCH_RUNS:-5}
if [ -x "$base" ] && [ -f "$base" ]; then
  base_bin=$(realpath "$base")
else
  rev=$(git rev-parse --verify "$base^{commit}")
  tree=target/compare/tree-$rev
  [ -d "$tree" ] || git worktree add --detach "$tree" "$rev" >/dev/null
  CARGO_TARGET_DIR=target/compare/target cargo build --release --quiet --manifest-path "$tree/Cargo.toml" --bin clerk
  base_bin=target/compare/clerk-$rev
  cp target/compare/target/release/clerk "$base_bin"
fi
cargo build --release --quiet --bin clerk --example gen_large
new_bin=target/release/clerk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One run: "wall cpu peak_MB" (wall to the millisecond: time's own is to 10 ms).
measure() {
  local out=$tmp/out start end
  rm -rf "$out"
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$1" run "$2" --month 2026-10 --out "$out" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v ns=$((end - start)) '{printf "%.3f %.2f %.0f\n", ns / 1e9, $1 + $2, $3 / 1024}' "$tmp/time"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

printf "%-11s %9s %9s %7s | %9s %9s %7s | %7s %7s\n" set base_s base_cpu base_MB new_s new_cpu new_MB wall mem
for set in "${sets[@]}"; do
  case $set in
    sample) data=sample-data ;;
    one-*) data=target/bench-data/$set
      [ -f "$data/contracts.xlsx" ] || { mkdir -p "$data"; target/release/examples/gen_large "$data" "${set#one-}" contracts; } ;;
    *) data=target/bench-data/$set
      [ -f "$data/visits.csv" ] || { mkdir -p "$data"; target/release/examples/gen_large "$data" "$set"; } ;;
  esac
  : >"$tmp/base" && : >"$tmp/new"
  for ((i = 0; i < runs; i++)); do
    measure "$base_bin" "$data" >>"$tmp/base"
    measure "$new_bin" "$data" >>"$tmp/new"
  done
  row=()
  for who in base new; do
    for col in 1 2 3; do
      row+=("$(awk -v c=$col '{print $c}' "$tmp/$who" | median)")
    done
  done
  awk -v s="$set" -v b="${row[0]}" -v bc="${row[1]}" -v bm="${row[2]}" -v n="${row[3]}" -v nc="${row[4]}" -v nm="${row[5]}" 'BEGIN {
    printf "%-11s %9.3f %9.2f %7d | %9.3f %9.2f %7d | %+6.1f%% %+6.1f%%\n", s, b, bc, bm, n, nc, nm, 100 * (n - b) / b, 100 * (nm - bm) / bm }'
done
