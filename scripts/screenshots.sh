#!/bin/sh
# Screenshots of the Belarus dossier and of Datasette's main pages in headless Chromium (Debian's
# package), for a person to look at: `make screenshots`, not part of `make test`.
# Usage: scripts/screenshots.sh KB_BINARY DATABASE OUTDIR
set -eu
kb=$1; db=$2; out=$3
port=${DATASETTE_PORT:-8011}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "error: chromium not found; run: sudo apt-get install chromium" >&2; exit 1; }
[ -x .venv/bin/datasette ] || { echo "error: no .venv/bin/datasette; run: make .venv/bin/datasette" >&2; exit 1; }

shot() { # shot FILE URL [WIDTH,HEIGHT]
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$1" \
    --window-size="${3:-1400,2000}" "$2" >/dev/null 2>&1
  echo "wrote $1"
}

"$kb" report --db "$db" BY -o "$out/dossier-BY.html"
shot "$out/dossier-BY.png" "file://$(cd "$out" && pwd)/dossier-BY.html" 1400,3200

.venv/bin/datasette serve "$db" -h 127.0.0.1 -p "$port" \
  --metadata datasette/metadata.json --static kb-static:datasette/static --setting truncate_cells_html 1000 \
  >"$out/datasette.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/-/versions.json')" 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 60 ] || { echo "error: Datasette did not start (see $out/datasette.log)" >&2; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$port/kb"
shot "$out/datasette-database.png" "$base"
shot "$out/datasette-visit_list.png" "$base/visit_list"
shot "$out/datasette-visit_facts.png" "$base/visit_facts"
shot "$out/datasette-articles.png" "$base/articles"
shot "$out/datasette-trade_list.png" "$base/trade_list"
shot "$out/datasette-search.png" "$base/search?q=coop%C3%A9rations"
