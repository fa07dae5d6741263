#!/usr/bin/env bash
# The walk-through of what a reader sees, and the checks of the HTML summaries as e-mail.
#
# Usage: tools/walkthrough.sh [--checks-only] [OUT_DIR] [CASES...]
#   OUT_DIR        default target/walkthrough
#   CASES          any of 2026-06 2026-10 2026-12 2026-Q4 2026 large (default: all six)
#   --checks-only  no pictures: only the e-mail and phone-width checks
#   CLERK          (environment) a clerk binary to use instead of building the release one
#
# The cases: the sample company (sample-data/) for each month and period named, in English,
# Traditional and Simplified Chinese; and `large`, a synthetic company (examples/gen_large.rs,
# 100,000 rows: thousands of findings, every department past 50 errors) whose files have long
# names without spaces and whose own name is long, in June and December, in English and
# Traditional Chinese.
#
# What it makes, under OUT_DIR:
#   <case>/<lang>/report/           clerk's outputs, and terminal.txt what clerk printed
#   <case>/<lang>/book-N.png        the workbook printed by LibreOffice (PDF → PNG, one per page;
#                                   not for `large`, whose workbook runs to thousands of pages)
#   shots/<summary>-1000.png        each HTML summary in headless Chromium at desktop width
#   shots/<summary>-400.png         the same at phone width
#   email-check.txt                 tools/email-check.mjs over every summary: the features Gmail,
#                                   Outlook, Apple Mail and Yahoo lack, outside the known fallbacks
#   phone-width.txt                 tools/phone-width.mjs: every summary's width at 400 px
#
# Needs: cargo; node 18 or later with `npm ci --prefix tools` run once; chromium; and for the
# pictures LibreOffice Calc and poppler (Debian: apt-get install chromium libreoffice-calc
# poppler-utils fonts-noto-cjk).
#
# Exit status: 0 every summary passed both checks, 1 a check failed, 2 something could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
pictures=yes
if [ "${1:-}" = "--checks-only" ]; then pictures=no; shift; fi
out=${1:-target/walkthrough}
shift || true
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(2026-06 2026-10 2026-12 2026-Q4 2026 large)
needs=(node chromium)
[ $pictures = yes ] && needs+=(soffice pdftoppm)
for tool in "${needs[@]}"; do
  command -v "$tool" >/dev/null || { echo "walkthrough: needs $tool (see the header of $0)" >&2; exit 2; }
done
[ -d tools/node_modules ] || { echo "walkthrough: run 'npm ci --prefix tools' first" >&2; exit 2; }

if [ -z "${CLERK:-}" ]; then
  cargo build --release --quiet --bin clerk || exit 2
  CLERK=target/release/clerk
fi
bin=$(realpath "$CLERK")
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")

# One run: clerk's outputs and what it printed in <dir>, and the workbook's pages as pictures.
run() {
  local dir=$1 inbox=$2 book=$3
  shift 3
  mkdir -p "$dir"
  "$bin" run "$inbox" "$@" --out "$dir/report" >>"$dir/terminal.txt" 2>&1 || {
    echo "walkthrough: clerk run $inbox $* failed; see $dir/terminal.txt" >&2
    exit 2
  }
  [ $pictures = yes ] && [ "$book" = book ] || return 0
  local xlsx
  xlsx=$(find "$dir/report" -maxdepth 2 -name 'clerk-*.xlsx' | head -n 1)
  soffice --headless --convert-to pdf --outdir "$dir" "$xlsx" >/dev/null 2>&1
  pdftoppm -png -r 70 "$dir/$(basename "${xlsx%.xlsx}").pdf" "$dir/book"
}

for case in "${cases[@]}"; do
  case $case in
    ????-??) when=(--month "$case") ;;
    large)
      inbox=$out/large/inbox
      folder=$inbox/registers_of_the_northern_region_sales_and_hospitality_office
      cargo build --release --quiet --example gen_large || exit 2
      target/release/examples/gen_large "$out/large/generated" 100000 >/dev/null || exit 2
      mkdir -p "$folder"
      for f in "$out/large/generated"/*; do
        mv "$f" "$folder/northern_region_2026_final_version_approved_by_the_office_manager_$(basename "$f")"
      done
      rmdir "$out/large/generated"
      printf 'company = "Northern Region Industrial Products and Hospitality Holdings International Company Limited"\n' >"$inbox/clerk.toml"
      for lang in en zh-Hant; do
        for month in 2026-06 2026-12; do
          run "$out/large/$lang" "$inbox" no-book --month "$month" --lang "$lang"
        done
      done
      continue
      ;;
    *) when=(--period "$case") ;;
  esac
  for lang in en zh-Hant zh-Hans; do
    run "$out/$case/$lang" sample-data book "${when[@]}" --lang "$lang"
  done
done

# The checks, over every summary; with the pictures, each one shot at phone and desktop width.
status=0
shots=()
[ $pictures = yes ] && shots=(--shots "$out/shots")
node tools/email-check.mjs "$out" >"$out/email-check.txt" || status=1
node tools/phone-width.mjs --width 400 "${shots[@]}" "$out" >"$out/phone-width.txt" || status=1
if [ $pictures = yes ]; then
  node tools/phone-width.mjs --width 1000 "${shots[@]}" "$out" >/dev/null || status=1
fi
tail -n 1 "$out/email-check.txt"
tail -n 1 "$out/phone-width.txt"
grep -hE '^(FAIL|WIDE)' "$out/email-check.txt" "$out/phone-width.txt" || true
echo "walk-through in $out"
exit $status
