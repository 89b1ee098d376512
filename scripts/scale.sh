#!/usr/bin/env bash
# Many reports, whole process, files read from disk: write N synthetic reports (default
# 1000) with `gen-corpus`, then report each command's wall time and peak memory (RSS)
# against the size of the folder. The index cache goes to a temporary XDG_CACHE_HOME.
# Needs GNU time (/usr/bin/time, Debian package `time`); fzf is measured when present.
#   scripts/scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --quiet
bin=$PWD/target/release/report-tui
dir=$(mktemp -d)
trap 'rm -rf "$dir" "$dir.time"' EXIT
export XDG_CACHE_HOME="$dir/cache"
"$bin" gen-corpus "$n" "$dir/reports"
input=$(du -sb "$dir/reports" | cut -f1)
echo "corpus: $n reports, $((input / 1024 / 1024)) MB ($input bytes) of plain text; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # what, then the command (run through sh so pipes work)
  local what=$1; shift
  /usr/bin/time -f '%e %M' -o "$dir.time" sh -c "$*" >/dev/null 2>&1 || true
  read -r secs kb <"$dir.time"
  printf '| %s | %s s | %s MB | %s× |\n' "$what" "$secs" "$((kb / 1024))" \
    "$(awk "BEGIN { printf \"%.1f\", $kb * 1024 / $input }")"
}
echo "| whole process, $n reports | wall time | peak RSS | RSS / input |"
echo "|---|---|---|---|"
measure "open all (\`outline\`)" "$bin" outline -r "$dir/reports"
measure "open all, every figure as JSON (\`stats --format json\`)" "$bin" stats --format json -r "$dir/reports"
measure "\`search 执法记录仪 --no-cache\` (import, index, search)" "$bin" search 执法记录仪 --no-cache -r "$dir/reports"
measure "\`search 执法记录仪\`, cache cold (import, index, write the cache)" "$bin" search 执法记录仪 -r "$dir/reports"
measure "\`search 执法记录仪\`, cache warm" "$bin" search 执法记录仪 -r "$dir/reports"
measure "\`search zfjly\`, cache warm" "$bin" search zfjly -r "$dir/reports"
echo "cache entry: $(du -sh "$XDG_CACHE_HOME" | cut -f1)"
if command -v fzf >/dev/null; then
  measure "\`cat *.txt | fzf --filter 执法记录仪\` (fzf's process)" "cat $dir/reports/*.txt | fzf --filter 执法记录仪"
fi
