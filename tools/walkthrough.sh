#!/bin/sh
# walkthrough.sh: writes every HTML summary a manager or department could receive, then checks
# them as e-mail (tools/email-check.mjs) and on a phone (tools/phone-width.mjs), and with --shots
# takes a screenshot of each at 400 and 1000 px to look at.
#
# The summaries: the sample months 2026-06, 2026-10 and 2026-12 and the year 2026 (--period 2026)
# in English, Traditional and Simplified Chinese; and a large synthetic company
# (examples/gen_large.rs, 100,000 rows: thousands of findings, every department past 50 errors)
# whose files have long names without spaces and whose name is long, in June and December, in
# English and Traditional Chinese.
#
# Needs: cargo, node (18 or later) and chromium (/usr/bin/chromium, or CHROMIUM=...).
# Run from the crate root:
#
#   npm ci --prefix tools          # once; installs into tools/node_modules (gitignored)
#   tools/walkthrough.sh [--shots] [OUT]      # OUT defaults to /tmp/clerk-walkthrough
#
# Exit status: 0 every page passed both checks, 1 a check failed, 2 something could not run.

set -eu
SHOTS=no
if [ "${1:-}" = "--shots" ]; then SHOTS=yes; shift; fi
OUT=${1:-/tmp/clerk-walkthrough}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -d tools/node_modules ] || { echo "walkthrough: run 'npm ci --prefix tools' first" >&2; exit 2; }

cargo build --release --quiet --bin clerk --example gen_large || exit 2
CLERK="$ROOT/target/release/clerk"
rm -rf "$OUT"
mkdir -p "$OUT/html"

# The sample company: each month and the year, in each language.
for lang in en zh-Hant zh-Hans; do
  for period in "--month 2026-06" "--month 2026-10" "--month 2026-12" "--period 2026"; do
    # shellcheck disable=SC2086
    "$CLERK" run sample-data $period --lang "$lang" --out "$OUT/sample-$lang" >/dev/null || exit 2
  done
done

# The large company: long file names and a long name of its own.
INBOX="$OUT/large-inbox"
"$ROOT/target/release/examples/gen_large" "$INBOX.tmp" 100000 >/dev/null || exit 2
mkdir -p "$INBOX/registers_of_the_northern_region_sales_and_hospitality_office"
for f in "$INBOX.tmp"/*; do
  mv "$f" "$INBOX/registers_of_the_northern_region_sales_and_hospitality_office/northern_region_2026_final_version_approved_by_the_office_manager_$(basename "$f")"
done
rmdir "$INBOX.tmp"
printf 'company = "Northern Region Industrial Products and Hospitality Holdings International Company Limited"\n' > "$INBOX/clerk.toml"
for lang in en zh-Hant; do
  for month in 2026-06 2026-12; do
    "$CLERK" run "$INBOX" --month "$month" --lang "$lang" --out "$OUT/large-$lang" >/dev/null || exit 2
  done
done

# The summaries, side by side.
find "$OUT" -name 'summary-*.html' | while read -r f; do
  rel=${f#"$OUT"/}
  cp "$f" "$OUT/html/$(printf '%s' "$rel" | tr '/' '_')"
done
echo "$(ls "$OUT/html" | wc -l) summaries in $OUT/html"

status=0
node tools/email-check.mjs "$OUT/html" > "$OUT/email-check.txt" || status=1
tail -n 1 "$OUT/email-check.txt"
node tools/phone-width.mjs --width 400 "$OUT/html" > "$OUT/phone-width.txt" || status=1
tail -n 1 "$OUT/phone-width.txt"
grep -v '^ok' "$OUT/email-check.txt" "$OUT/phone-width.txt" | grep -E 'FAIL|WIDE' || true

if [ "$SHOTS" = yes ]; then
  mkdir -p "$OUT/shots"
  for f in "$OUT"/html/*.html; do
    name=$(basename "$f" .html)
    for width in 400 1000; do
      "${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$(mktemp -d)" --window-size="$width,3000" \
        --screenshot="$OUT/shots/$name-$width.png" "$f" 2>/dev/null
    done
  done
  echo "screenshots in $OUT/shots"
fi
exit $status
