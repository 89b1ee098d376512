#!/usr/bin/env bash
# `compare` over many reports, whole process, files read from disk: CPU (perf stat
# task-clock, median of N runs), wall time and peak RSS of each binary given, at each
# corpus size, with the load average beside every line (2 shared cores here: judge by
# CPU). A warm-up run per size fills the models cache first, so every timed run reads
# the reports the same way. `stats` over the same folder is the floor: opening the
# reports and printing every figure, without lining them up.
#
#   scripts/bench-compare.sh [-r RUNS] [-f FORMAT] SIZES BIN [BIN...]
#   scripts/bench-compare.sh -r 3 "200 1000" /tmp/cmp-base-bin target/release/report-tui
#
# Sizes above 2,000 are skipped for a binary whose name contains `base` (main's
# quadratic merge: hours). Needs perf and GNU time.
set -euo pipefail
runs=3 format=table
while getopts r:f: o; do
  case $o in r) runs=$OPTARG ;; f) format=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
sizes=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
first=$1
echo "| reports | binary | format | CPU (task-clock, median of $runs) | wall | peak RSS | load (1/5/15 min) |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  "$first" gen-corpus "$n" "$work/k$n" >/dev/null
  "$first" stats -r "$work/k$n" >/dev/null # fills the models cache
  for bin in "stats" "$@"; do
    if [ "$bin" = stats ]; then
      cmd=("$first" stats -r "$work/k$n") name="stats (floor)" fmt=-
    else
      case $(basename "$bin") in *base*) [ "$n" -le 2000 ] || continue ;; esac
      cmd=("$bin" compare -r "$work/k$n" --format "$format") name=$bin fmt=$format
    fi
    cpu=() wall=()
    for _ in $(seq "$runs"); do
      perf stat -x, -e task-clock -o "$work/perf" "${cmd[@]}" >/dev/null 2>&1
      cpu+=("$(awk -F, '/task-clock/ { printf "%.0f", $1 }' "$work/perf")")
    done
    /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" >/dev/null 2>&1
    read -r secs kb <"$work/time"
    median=$(printf '%s\n' "${cpu[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    printf '| %s | %s | %s | %s ms | %s s | %s MB | %s |\n' "$n" "$name" "$fmt" "$median" "$secs" \
      "$((kb / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
  rm -rf "$work/k$n"
done
