#!/usr/bin/env bash
# Benchmark: clerk run vs. the floor (read every cell with calamine, nothing else).
# Usage: bench/run.sh [ROWS...]   (default: 10000 100000 1000000 one-1000000)
# ROWS rows in all over the six register kinds and several files; one-ROWS: ROWS contracts in
# one workbook (one sheet). Data is generated once per size under target/bench-data/ (deterministic).
# Each program runs BENCH_RUNS times (default 3); the fastest run counts (a shared machine is noisy).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000 one-1000000)
runs=${BENCH_RUNS:-3}
cargo build --release --quiet --bin clerk --example gen_large --example floor
bin=target/release
log=$(mktemp)
trap 'rm -f "$log" "$log.targets"' EXIT

# Runs "$@" $runs times; prints "wall_s peak_MB" of the fastest run and leaves its stderr in $log.
best() {
  local best_wall="" best_mem="" run
  for ((run = 0; run < runs; run++)); do
    CLERK_TIMINGS=1 /usr/bin/time -f "time %e %M" "$@" >/dev/null 2>"$log.$run" || true
    read -r wall mem < <(awk '/^time /{print $2, $3}' "$log.$run")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a < b)}'; then
      best_wall=$wall best_mem=$mem
      cp "$log.$run" "$log"
    fi
    rm -f "$log.$run"
  done
  awk -v w="$best_wall" -v m="$best_mem" 'BEGIN{printf "%s %.0f\n", w, m/1024}'
}
phase() { awk -v p="$1" '$1 == "timing" && $2 == p {print $3}' "$log"; }

printf "%-11s %8s %9s %8s %9s %6s | %6s %6s %6s %7s %7s\n" \
  rows floor_s floor_MB clerk_s clerk_MB ratio read_s rules_s model_s write_s report%
for n in "${sizes[@]}"; do
  data=target/bench-data/$n
  case $n in
    one-*) [ -f "$data/contracts.xlsx" ] || { mkdir -p "$data"; "$bin/examples/gen_large" "$data" "${n#one-}" contracts; } ;;
    *) [ -f "$data/visits.csv" ] || { mkdir -p "$data"; "$bin/examples/gen_large" "$data" "$n"; } ;;
  esac
  out=$(mktemp -d)
  read -r fs fm < <(best "$bin/examples/floor" "$data")
  read -r cs cm < <(best "$bin/clerk" run "$data" --month 2026-10 --out "$out")
  rm -rf "$out"
  read_s=$(phase read) rules_s=$(phase rules) model_s=$(phase model)
  awk -v n="$n" -v fs="$fs" -v fm="$fm" -v cs="$cs" -v cm="$cm" -v r="$read_s" -v u="$rules_s" -v m="$model_s" 'BEGIN {
    write = cs - r - u - m; if (write < 0) write = 0
    printf "%-11s %8.2f %9d %8.2f %9d %6.2f | %6.2f %6.2f %6.2f %7.2f %6.0f%%\n",
      n, fs, fm, cs, cm, cs / fs, r, u, m, write, 100 * (m + write) / cs
    printf "%s %.2f %d %d %.0f\n", n, cs / fs, cm, fm, 100 * (m + write) / cs >> "/dev/stderr" }' 2>>"$log.targets"
done
out=$(mktemp -d)
read -r ss sm < <(best "$bin/clerk" run sample-data --month 2026-10 --out "$out")
rm -rf "$out"
echo "sample month (sample-data/): ${ss} s wall, ${sm} MB peak"

# The performance issue's targets, for the sizes of a million rows measured above.
echo "targets:"
awk -v ss="$ss" '
  function verdict(ok) { return ok ? "met" : "not met" }
  $1 ~ /1000000$/ {
    printf "  %-11s run <= 1.2 x floor: %.2f x, %s; peak <= 1.2 x floor: %d vs %d MB, %s; report <= 20 %%: %d %%, %s\n",
      $1, $2, verdict($2 <= 1.2), $3, $4, verdict($3 <= 1.2 * $4), $5, verdict($5 <= 20) }
  END { printf "  sample month <= 0.3 s: %s s, %s\n", ss, verdict(ss <= 0.3) }' "$log.targets"
rm -f "$log.targets"
