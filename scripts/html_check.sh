#!/usr/bin/env bash
# Renders `qamus xref --format html` of the seed corpus in headless Chromium (Debian's `chromium` package:
# apt-get install chromium) and checks the page as a browser sees it: every in-page link has its target, the heat
# map has a cell per entity and document, and the page loads nothing from the network. Writes a screenshot.
# Not part of CI (it needs a browser install); run by hand after changing src/xref/render.rs:
#   cargo build --release && scripts/html_check.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-target/xref.png}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "no chromium: apt-get install chromium" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/qamus xref --format html tests/corpus/seeds > "$dir/xref.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$dir/profile")
"$browser" "${flags[@]}" --dump-dom "file://$dir/xref.html" > "$dir/dom.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1400,1800 --screenshot="$shot" "file://$dir/xref.html" 2>/dev/null
python3 - "$dir/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
ids = set(re.findall(r'\sid="([^"]+)"', dom))
links = re.findall(r'href="#([^"]+)"', dom)
missing = sorted({l for l in links if l not in ids})
external = re.findall(r'(?:src|href)="(?:https?:)?//', dom)
cells = len(re.findall(r'<td class="n" style="background', dom))
print(f"links {len(links)}, targets missing {len(missing)}, external loads {len(external)}, heat cells {cells}")
if missing or external or cells == 0 or "<table" not in dom:
    print("FAIL", missing[:10]); sys.exit(1)
print("ok")
PY
echo "screenshot: $shot"
