#!/usr/bin/env bash
# Compares every output of this checkout's clerk with those of an earlier commit, byte for byte.
# Usage: bench/compare.sh [BASE] [SETS...]
#   BASE: a commit (default: HEAD), built in its own work tree under target/compare/ (or the path
#   of a clerk binary already built). SETS as for bench/outputs.sh (default: sample 10000 100000;
#   add 1000000 one-1000000 for the large sets).
# Prints each file that differs; for a workbook, which of its parts and cells differ
# (bench/xlsx_diff.py). Exit 0 when all are the same, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD}
shift || true
work=target/compare
mkdir -p "$work"
if [ -x "$base" ] && [ -f "$base" ]; then
  base_bin=$(realpath "$base")
else
  rev=$(git rev-parse --verify "$base^{commit}")
  tree=$work/tree-$rev
  [ -d "$tree" ] || git worktree add --detach "$tree" "$rev" >/dev/null
  CARGO_TARGET_DIR=$work/target cargo build --release --quiet --manifest-path "$tree/Cargo.toml" --bin clerk
  base_bin=$work/target/release/clerk
  cp "$base_bin" "$work/clerk-$rev"
  base_bin=$work/clerk-$rev
fi
cargo build --release --quiet --bin clerk
bench/outputs.sh "$base_bin" "$work/base" "$@"
bench/outputs.sh target/release/clerk "$work/new" "$@"

status=0
while IFS= read -r line; do
  case $line in
    "Files "*"/send-settings.toml and "*" differ")
      # It names its own folder's clerk.toml by absolute path: the same once the folders are.
      a=${line#Files }
      a=${a%% and *}
      b=${line#* and }
      b=${b% differ}
      base_dir=$(realpath "$work/base")
      new_dir=$(realpath "$work/new")
      if diff -q <(sed "s#$base_dir#OUT#g" "$a") <(sed "s#$new_dir#OUT#g" "$b") >/dev/null; then
        continue
      fi
      ;;
  esac
  status=1
  echo "$line"
  case $line in
    "Files "*.xlsx" and "*" differ")
      a=${line#Files }
      a=${a%% and *}
      b=${line#* and }
      b=${b% differ}
      python3 bench/xlsx_diff.py "$a" "$b"
      ;;
  esac
done < <(diff -rq "$work/base" "$work/new" || true)
[ $status -eq 0 ] && echo "all outputs identical"
exit $status
