#!/usr/bin/env bash
# Whole process, side by side, files read from disk: `report-tui search Q -r DIR` (index
# cache warm, and with --no-cache) against `fzf --filter Q` over the same folder's lines,
# and `grep -rF` as the floor; on the embedded report, and on folders of 1,000 and 10,000
# generated reports (`report-tui gen-corpus N DIR`). Prints hyperfine's Markdown tables.
#
#   scripts/bench-vs-fzf.sh [COUNTS...]      # default: 1000 10000
#
# Needs hyperfine and fzf (Debian: apt-get install hyperfine fzf). The cache goes to a
# temporary XDG_CACHE_HOME, so the user's cache is untouched and "warm" means warmed here
# by hyperfine's warm-up runs. The OS page cache is warm for every command alike.
#
# What fzf is given: `cat DIR/*.txt | fzf --filter Q`, the folder's lines (paragraphs and
# headings), which is what fzf can search of a folder. report-tui searches its own items
# (headings, sentences, figures), so the hit lists differ; both print every hit, and
# hyperfine discards the output. fzf has no pinyin: the `zfjly` rows time report-tui alone.
#
# With `perf` installed, each table is followed by the CPU time (`perf stat -e task-clock`,
# children included) of the warm search and of fzf, which the load of a shared machine
# disturbs far less than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine fzf; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench-vs-fzf: $tool is not installed (Debian: apt-get install hyperfine fzf)" >&2
    exit 2
  fi
done
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)

cargo build --release --quiet
bin="$PWD/target/release/report-tui"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

echo "$(hyperfine --version), $(fzf --version | head -1 | sed 's/^/fzf /'), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

table() { # title, then hyperfine arguments
  local title="$1"; shift
  echo
  echo "### $title"
  echo
  hyperfine --style none --export-markdown "$work/t.md" "$@" >/dev/null
  cat "$work/t.md"
}

cpu() { # runs, then a command: its mean CPU time in ms (task-clock, children included)
  perf stat -r "$1" -x, -e task-clock "${@:2}" 2>&1 >/dev/null |
    awk -F, '/task-clock/ { printf "%.1f", $1 }'
}
cpu_rows() { # runs, report-tui's arguments, fzf's shell command
  command -v perf >/dev/null || return 0
  local ours fzf
  ours=$(cpu "$1" "$bin" search 执法记录仪 $2)
  fzf=$(cpu "$1" sh -c "$3")
  echo
  echo "CPU (perf stat -r $1): report-tui search 执法记录仪 $ours ms (cache warm where cached);" \
    "fzf $fzf ms (through sh -c); ratio $(awk -v a="$ours" -v b="$fzf" 'BEGIN { printf "%.3f", a / b }')"
}

"$bin" search --print-items >"$work/report.txt"
# 300 runs: each takes 1-4 ms, where 40 runs left the ratio swinging by 0.15 run to run.
table "embedded report ($(wc -l <"$work/report.txt") items)" --warmup 20 --runs 300 \
  -n "report-tui search 执法记录仪" "$bin search 执法记录仪" \
  -n "fzf --filter 执法记录仪 (the same items)" "fzf --filter 执法记录仪 <$work/report.txt" \
  -n "report-tui search zfjly" "$bin search zfjly"
cpu_rows 300 "" "fzf --filter 执法记录仪 <$work/report.txt"

for n in "${counts[@]}"; do
  dir="$work/c$n"
  "$bin" gen-corpus "$n" "$dir"
  # A file changed within 3 s before a cache entry's key was taken is read again on every
  # lookup (src/cache/key.rs); reports people open are older than that.
  sleep 4
  # The cache as it stands once a folder has been searched before: an entry is hashed on
  # each use until it has settled for 3 s, then noted as verified (src/cache/verified.rs).
  "$bin" search 执法记录仪 -r "$dir" >/dev/null
  sleep 4
  "$bin" search 执法记录仪 -r "$dir" >/dev/null
  size=$(du -sh --apparent-size "$dir" | cut -f1)
  runs=10 warmup=2
  [ "$n" -le 1000 ] || { runs=3; warmup=1; }
  table "$n reports, $size of text on disk" --warmup "$warmup" --runs "$runs" \
    -n "report-tui search 执法记录仪 (cache warm)" "$bin search 执法记录仪 -r $dir" \
    -n "report-tui search 执法记录仪 --no-cache" "$bin search 执法记录仪 --no-cache -r $dir" \
    -n "fzf --filter 执法记录仪" "cat $dir/*.txt | fzf --filter 执法记录仪" \
    -n "grep -rF 执法记录仪 (floor)" "grep -rF 执法记录仪 $dir" \
    -n "report-tui search zfjly (cache warm)" "$bin search zfjly -r $dir" \
    -n "report-tui search zfjly --no-cache" "$bin search zfjly --no-cache -r $dir"
  cpu_rows "$runs" "-r $dir" "cat $dir/*.txt | fzf --filter 执法记录仪"
  rm -rf "$dir" "$XDG_CACHE_HOME"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
