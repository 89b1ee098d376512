#!/usr/bin/env bash
# Same models: two builds of report-tui must write byte-for-byte the same JSON model (and
# the same error and exit code) for every input: each file under tests/fixtures, the
# embedded report's text, a generated corpus and a deterministic set of scrambled texts
# (random slices of the fixtures glued with digits, numerals, units and punctuation, so
# the figure, sentence and heading scanners meet edge cases the fixtures do not hold), and
# each sentence of tests/fixtures/holdout/label_sentences.tsv as a one-paragraph report
# (as tests/import_layouts.rs imports it), so no label may change either.
#
#   scripts/same-models.sh BASE_BIN NEW_BIN [REPORTS]
#
# REPORTS is the size of the generated corpus (default 200). Exit 0 when all agree,
# 1 listing the inputs that differ. Work files go under a temporary folder, removed after.
set -euo pipefail
base=${1:?usage: same-models.sh BASE_BIN NEW_BIN [REPORTS]}
new=${2:?usage: same-models.sh BASE_BIN NEW_BIN [REPORTS]}
reports=${3:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/same-models.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

inputs="$work/inputs"
mkdir -p "$inputs"
find "$root/tests/fixtures" -type f | sort > "$inputs/list"
echo "$root/assets/report.txt" >> "$inputs/list"
"$base" gen-corpus "$reports" "$work/corpus" > /dev/null
find "$work/corpus" -type f | sort >> "$inputs/list"
python3 - "$root/tests/fixtures" "$work/scrambled" <<'PY'
import os, random, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
lines = []
for d, _, fs in os.walk(src):
    for f in sorted(fs):
        if f.endswith(".txt"):
            try:
                lines += open(os.path.join(d, f), encoding="utf-8").read().splitlines()
            except UnicodeDecodeError:
                pass
bits = list("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两零〇余多近约超.．,，、。；;：:%％‰（）()《》“”—-~～至到由增长下降提高减少个件人次元万元亿元倍个百分点第部分章条")
rng = random.Random(13)
for n in range(400):
    parts = []
    for _ in range(rng.randint(3, 40)):
        r = rng.random()
        if r < 0.5 and lines:
            line = rng.choice(lines)
            a = rng.randint(0, len(line))
            parts.append(line[a:a + rng.randint(0, 60)])
        elif r < 0.85:
            parts.append("".join(rng.choice(bits) for _ in range(rng.randint(1, 12))))
        else:
            parts.append(rng.choice(["\n", "\n\n", "\r\n", "  ", "\t", "\u3000"]))
    open(os.path.join(out, f"s{n:03}.txt"), "w", encoding="utf-8").write("".join(parts))
PY
find "$work/scrambled" -type f | sort >> "$inputs/list"
mkdir -p "$work/sentences"
n=0
while IFS=$'\t' read -r sentence _; do
  case "$sentence" in '#'* | '') continue ;; esac
  n=$((n + 1))
  printf '某区2023年法治政府建设年度报告\n一、主要工作\n%s\n' "$sentence" \
    > "$work/sentences/$(printf '%03d' "$n").txt"
done < "$root/tests/fixtures/holdout/label_sentences.tsv"
find "$work/sentences" -type f | sort >> "$inputs/list"

differ=0 total=0
while IFS= read -r f; do
    total=$((total + 1))
    set +e
    "$base" import --no-cache "$f" > "$work/a.out" 2> "$work/a.err"; a=$?
    "$new" import --no-cache "$f" > "$work/b.out" 2> "$work/b.err"; b=$?
    set -e
    if [ "$a" != "$b" ] || ! cmp -s "$work/a.out" "$work/b.out" || ! cmp -s "$work/a.err" "$work/b.err"; then
        differ=$((differ + 1))
        echo "DIFFERS: $f (exit $a vs $b)"
        [ -n "${KEEP:-}" ] && cp "$f" "$KEEP/" 2>/dev/null || true
    fi
done < "$inputs/list"
echo "$total inputs, $differ differ"
[ "$differ" = 0 ]
