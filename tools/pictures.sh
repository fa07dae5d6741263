#!/usr/bin/env bash
# The walk-through of what a reader sees: every output of the sample months and periods, in the
# three languages, turned into pictures to look at.
#
# Usage: tools/pictures.sh [OUT_DIR] [CASES...]
#   OUT_DIR  default target/pictures
#   CASES    any of 2026-06 2026-10 2026-12 2026-Q4 2026 (default: all five)
#   CLERK    (environment) a clerk binary to use instead of building the release one
#
# For each case and language it runs clerk (release build) on sample-data/ and makes:
#   <case>/<lang>/book-N.png         the workbook printed by LibreOffice (PDF → PNG, one per page)
#   <case>/<lang>/<summary>-1000.png each HTML summary in headless Chromium at desktop width
#   <case>/<lang>/<summary>-400.png  the same at phone width
# and prints, for every summary at 400 px, its scroll width: a page wider than 400 scrolls
# sideways on a phone (the line says OVERFLOW and the script exits 1 at the end).
#
# Needs: chromium, LibreOffice Calc, poppler-utils (Debian: apt-get install chromium
# libreoffice-calc poppler-utils fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/pictures}
shift || true
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(2026-06 2026-10 2026-12 2026-Q4 2026)
for tool in chromium soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "needs $tool (see the header of $0)" >&2; exit 2; }
done

if [ -z "${CLERK:-}" ]; then
  cargo build --release --quiet
  CLERK=target/release/clerk
fi
bin=$(realpath "$CLERK")
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Headless Chromium as the machine allows it: no sandbox (root), no background connections.
chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --user-data-dir="$profile" \
    --hide-scrollbars "$@" 2>/dev/null
}

# Chromium will not make a window narrower than 500 px, so a phone is a 400 px frame inside a
# wider window: the page is laid out at 400 px within it.
phone_frame() {
  local page=$1 frame=$2
  cat >"$frame" <<HTML
<!doctype html><html><body style="margin:0;background:#888">
<iframe id="f" src="$(basename "$page")" style="width:400px;height:3000px;border:0;background:#fff"></iframe>
<script>document.getElementById("f").onload=function(){document.title="W="+
this.contentDocument.documentElement.scrollWidth}</script></body></html>
HTML
}

# The page's scroll width in the 400 px frame.
scroll_width() {
  chrome --allow-file-access-from-files --window-size=500,900 --virtual-time-budget=3000 \
    --dump-dom "file://$1" | grep -o '<title>W=[0-9]*' | cut -d= -f2
}

overflow=0
for case in "${cases[@]}"; do
  if [[ $case == ????-?? ]]; then when=(--month "$case"); else when=(--period "$case"); fi
  for lang in en zh-Hant zh-Hans; do
    dir=$out/$case/$lang
    mkdir -p "$dir"
    "$bin" run sample-data "${when[@]}" --lang "$lang" --out "$dir/report" >"$dir/terminal.txt" 2>&1 || true
    book=$(find "$dir/report" -maxdepth 2 -name 'clerk-*.xlsx' | head -n 1)
    if [ -n "$book" ]; then
      soffice --headless --convert-to pdf --outdir "$dir" "$book" >/dev/null 2>&1
      pdftoppm -png -r 70 "$dir/$(basename "${book%.xlsx}").pdf" "$dir/book"
    fi
    while IFS= read -r page; do
      name=$(basename "${page%.html}")
      chrome --window-size=1000,2400 --screenshot="$dir/$name-1000.png" "file://$page" >/dev/null
      frame=$(dirname "$page")/$name.phone.html
      phone_frame "$page" "$frame"
      chrome --allow-file-access-from-files --window-size=500,3000 --virtual-time-budget=3000 \
        --screenshot="$dir/$name-400.png" "file://$frame" >/dev/null
      width=$(scroll_width "$frame")
      rm -f "$frame"
      if [ "${width:-0}" -gt 400 ]; then
        echo "OVERFLOW $case $lang $name: $width px wide at 400"
        overflow=1
      else
        echo "ok       $case $lang $name: ${width:-?} px at 400"
      fi
    done < <(find "$dir/report" -maxdepth 2 -name '*.html' | sort)
  done
done
echo "pictures in $out"
exit $overflow
