#!/usr/bin/env bash
# Whole-process timing, side by side: `report-tui search Q` against `fzf --filter Q` over
# the same texts (every searchable item, one a line), on the embedded report and on the
# 1,000-report synthetic corpus. Prints hyperfine's Markdown tables for README.md.
#
# Needs hyperfine and fzf on PATH; installs nothing. On Debian:
#   apt-get install hyperfine fzf
#
# What is compared: report-tui searches its own index, built at start-up; fzf reads the
# same item texts from a file (written by `report-tui search --print-items`). For the
# corpus, report-tui generates the 1,000 reports in-process (`--corpus 1000`, ~0.1 s of
# its time) while fzf reads a ready file: a handicap for report-tui, kept for simplicity.
# Both print every match to stdout (hyperfine discards it).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine fzf; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench-vs-fzf: $tool is not installed (Debian: apt-get install hyperfine fzf)" >&2
    exit 2
  fi
done

cargo build --release --quiet
bin="$PWD/target/release/report-tui"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" search --print-items >"$work/report.txt"
"$bin" search --print-items --corpus 1000 >"$work/corpus.txt"
echo "items: $(wc -l <"$work/report.txt") in the report, $(wc -l <"$work/corpus.txt") in the corpus ($(du -h "$work/corpus.txt" | cut -f1))"
echo "$(hyperfine --version), $(fzf --version | head -1 | sed 's/^/fzf /'), $(nproc) cores"

# Queries fzf understands too: hanzi and a figure. Pinyin is report-tui's alone, so its
# rows time report-tui only.
compare() { # name, report-tui flags, fzf input, runs
  local name="$1" flags="$2" input="$3" runs="$4"
  echo
  echo "### $name"
  echo
  echo "| Command | Mean [ms] | Min [ms] | Max [ms] | Relative |"
  echo "|:---|---:|---:|---:|---:|"
  for q in 法律意见 718; do
    hyperfine --warmup 3 --runs "$runs" --style none --export-markdown "$work/t.md" \
      -n "report-tui search $q$flags" "$bin search $q$flags" \
      -n "fzf --filter $q" "fzf --filter $q <$input" >/dev/null
    tail -n +3 "$work/t.md"
  done
  for q in zfjly zhifajiluyi; do
    hyperfine --warmup 3 --runs "$runs" --style none --export-markdown "$work/t.md" \
      -n "report-tui search $q$flags" "$bin search $q$flags" >/dev/null
    tail -n +3 "$work/t.md"
  done
}

compare "embedded report" "" "$work/report.txt" 50
compare "1,000-report corpus" " --corpus 1000" "$work/corpus.txt" 10
