#!/usr/bin/env bash
# Benchmark: clerk run vs. the floor (read every cell with calamine, nothing else).
# Usage: bench/run.sh [ROWS...]   (default: 10000 100000 1000000)
# Data is generated once per size under target/bench-data/ROWS (deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
cargo build --release --quiet --bin clerk --example gen_large --example floor
bin=target/release
measure() { # prints "wall_seconds peak_rss_mb"
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.0f\n", $1, $2/1024}'
}
printf "%-9s %10s %10s %10s %10s %7s\n" rows floor_s floor_MB clerk_s clerk_MB ratio
for n in "${sizes[@]}"; do
  data=target/bench-data/$n
  [ -f "$data/visits.csv" ] || { mkdir -p "$data"; "$bin/examples/gen_large" "$data" "$n"; }
  out=$(mktemp -d)
  read -r fs fm < <(measure "$bin/examples/floor" "$data")
  read -r cs cm < <(measure "$bin/clerk" run "$data" --month 2026-10 --out "$out")
  rm -rf "$out"
  ratio=$(awk -v a="$cs" -v b="$fs" 'BEGIN { printf "%.2f", a / b }')
  printf "%-9s %10s %10s %10s %10s %7s\n" "$n" "$fs" "$fm" "$cs" "$cm" "$ratio"
done
