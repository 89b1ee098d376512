#!/usr/bin/env bash
# CPU time of two builds importing the same files, measured side by side (alternating
# rounds, so both see the same load on a shared machine): whole processes, files on disk.
#
#   scripts/import-cpu-ab.sh BASE_BIN NEW_BIN [ROUNDS]
#
# Two workloads: `search --no-cache` over a generated corpus of 200 reports (one process
# imports them all: the per-report cost), and `import --no-cache` of one report that holds
# a character jieba's dictionary lacks (碁 in 石碁: the per-process cost of labelling,
# dictionary loads included). Prints each round's task-clock (ms of CPU) and the load.
set -euo pipefail

base=${1:?usage: import-cpu-ab.sh BASE_BIN NEW_BIN [ROUNDS]}
new=${2:?usage: import-cpu-ab.sh BASE_BIN NEW_BIN [ROUNDS]}
rounds=${3:-3}
work=$(mktemp -d /tmp/import-cpu-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
"$base" gen-corpus 200 "$work/corpus" >/dev/null
one=$(find "$work/corpus" -name '*石碁*' | head -1)

cpu() { # ms of CPU, mean of 10 runs
    perf stat -x, -e task-clock -r 10 "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {printf "%.1f", $1}'
}
uptime
printf '%-6s %-8s %12s %12s\n' round build corpus-ms one-file-ms
for r in $(seq "$rounds"); do
    for b in base new; do
        bin=$base
        [ "$b" = new ] && bin=$new
        c=$(cpu "$bin" --no-cache -r "$work/corpus" search 执法记录仪)
        o=$(cpu "$bin" import --no-cache "$one")
        printf '%-6s %-8s %12s %12s\n' "$r" "$b" "$c" "$o"
    done
done
uptime
