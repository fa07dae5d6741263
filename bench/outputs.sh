#!/usr/bin/env bash
# Writes every output clerk makes for a fixed set of inputs into one folder, so that two builds
# can be compared byte for byte (bench/compare.sh does that).
# Usage: bench/outputs.sh CLERK_BINARY OUT_DIR [SETS...]
#   SETS: "sample" (the sample months 2026-06, -10, -12 in en, zh-Hant and zh-Hans with --email,
#   the periods 2026 and 2026-Q4, check, rules, init, the bad-input fixtures) and any of the
#   benchmark sets (10000 100000 1000000 one-1000000; generated under target/bench-data/ as
#   bench/run.sh does). Default: sample 10000 100000.
# Besides the files each command writes, the terminal output (stdout, stderr, exit status) of
# every command is kept as <case>.out.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
out=$2
shift 2
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(sample 10000 100000)
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")

# Runs clerk with the given arguments from inside $out, keeping its terminal output as $case.out.
# The working folder is $out so that relative --out folders land there.
keep() {
  local case=$1
  shift
  local status=0
  (cd "$out" && "$bin" "$@" >"$case.out.stdout" 2>"$case.out.stderr") || status=$?
  {
    echo "status $status"
    echo "--- stdout"
    cat "$out/$case.out.stdout"
    echo "--- stderr"
    cat "$out/$case.out.stderr"
  } >"$out/$case.out"
  rm -f "$out/$case.out.stdout" "$out/$case.out.stderr"
}

sample=$(realpath sample-data)
# The sample's settings with an e-mail sender and recipients, so that --email and send have work
# (send --dry-run checks that the password's variable is set, as a real send does).
export CLERK_SMTP_PASSWORD=dry-run
settings=$out/clerk.toml
cat sample-data/clerk.toml - >"$settings" <<'TOML'
[email]
from = "Office <office@example.com>"
cc = ["Archive <archive@example.com>"]
smtp_host = "smtp.example.com"
smtp_user = "office"
[email.recipients]
manager = ["Manager <manager@example.com>"]
sales = ["Sales <sales@example.com>"]
customer-service = ["Service <service@example.com>"]
guest-relations = ["Guests <guests@example.com>"]
TOML
for set in "${sets[@]}"; do
  case $set in
    sample)
      for lang in en zh-Hant zh-Hans; do
        for month in 2026-06 2026-10 2026-12; do
          keep "run-$lang-$month" run "$sample" --month "$month" --lang "$lang" --email --config clerk.toml --out "sample-$lang"
        done
        keep "run-$lang-2026" run "$sample" --period 2026 --lang "$lang" --config clerk.toml --out "sample-$lang"
        keep "run-$lang-2026-Q4" run "$sample" --period 2026-Q4 --lang "$lang" --config clerk.toml --out "sample-$lang"
        keep "check-$lang-text" check "$sample" --month 2026-10 --lang "$lang"
        keep "check-$lang-json" check "$sample" --month 2026-10 --lang "$lang" --format json
        keep "check-$lang-all" check "$sample" --lang "$lang" --fail-on never
        keep "rules-$lang" rules --lang "$lang"
        for id in RG01 CR02 CP04 GH06; do
          keep "rules-$lang-$id" rules "$id" --lang "$lang"
        done
        keep "init-$lang" init "init-$lang" --lang "$lang"
        keep "send-$lang" send "sample-$lang/2026-10/clerk-2026-10.eml" --dry-run --lang "$lang" --config clerk.toml
      done
      keep "check-bad" check "$(realpath tests/fixtures/bad)" --fail-on never
      ;;
    *)
      data=target/bench-data/$set
      case $set in
        one-*) [ -f "$data/contracts.xlsx" ] || { mkdir -p "$data"; cargo run --release --quiet --example gen_large -- "$data" "${set#one-}" contracts; } ;;
        *) [ -f "$data/visits.csv" ] || { mkdir -p "$data"; cargo run --release --quiet --example gen_large -- "$data" "$set"; } ;;
      esac
      keep "run-$set" run "$(realpath "$data")" --month 2026-10 --out "bench-$set"
      keep "check-$set" check "$(realpath "$data")" --month 2026-10 --format json --fail-on never
      ;;
  esac
done
# Absolute paths of this machine appear in some messages: write them as placeholders.
grep -rlF --null "$out" "$out" --include='*.out' | xargs -0 -r sed -i "s#$out#<out>#g" || true
grep -rlF --null "$sample" "$out" --include='*.out' | xargs -0 -r sed -i "s#$sample#<sample-data>#g" || true
