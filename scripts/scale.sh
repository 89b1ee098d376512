#!/usr/bin/env bash
# Many reports, whole process: write N synthetic reports (default 1000) with `gen-corpus`,
# then time opening them with `--report DIR` and report the peak memory (RSS).
# Needs GNU time (/usr/bin/time, Debian package `time`).
#   scripts/scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --quiet
bin=target/release/report-tui
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" gen-corpus "$n" "$dir"
echo "corpus: $n reports, $(du -sh "$dir" | cut -f1) of plain text in $dir"
measure() {
  local what=$1; shift
  /usr/bin/time -f '%e %M' -o "$dir.time" "$bin" "$@" -r "$dir" >/dev/null || true
  read -r secs kb <"$dir.time"
  printf '| %s | %s s | %s MB |\n' "$what" "$secs" "$((kb / 1024))"
}
echo "| whole process, $n reports | wall time | peak RSS |"
echo "|---|---|---|"
measure "open all (\`outline\`)" outline
measure "open all, every figure as JSON (\`stats --format json\`)" stats --format json
measure "open all, build the search index, search (\`search zfjly\`)" search zfjly
rm -f "$dir.time"
