#!/usr/bin/env bash
# Same answers from `compare` in two binaries: every format, with and without each filter
# and an aliases file (pins and splits), over the given folders (default: the compare
# fixtures, the holdout series and the two-report fixture). Prints one line per folder
# and the first differing case; exits 1 if any output differs.
#
#   bash scripts/compare-same.sh BASE NEW [FOLDER...]
set -u
base=$1 new=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
folders=("$@")
if [ ${#folders[@]} -eq 0 ]; then
  folders=("$root"/tests/fixtures/compare/{meiling,places,qinghe}
           "$root"/tests/fixtures/holdout/{districts,fresh_pair,meilin}
           "$root"/tests/fixtures/two_reports)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Labels of the embedded report (and so of generated corpora) and of the fixtures.
cat > "$work/aliases.txt" <<'RULES'
群众咨询 = 法律意见书 = 法治讲座   # pins across indicators
村居 != 社区
解决率 = 人大代表建议
实际出庭数量 != 一审行政诉讼案件应出庭数量
办结 = 受理
RULES
export XDG_CACHE_HOME="$work/cache"
fail=0
for dir in "${folders[@]}"; do
  cases=0 differ=0
  for format in table tsv csv md json; do
    for opts in "" "--changed" "--section 行政复议" "--section 1" "--aliases $work/aliases.txt" \
                "--changed --aliases $work/aliases.txt"; do
      # shellcheck disable=SC2086
      "$base" compare --report "$dir" --format "$format" $opts >"$work/a" 2>"$work/ea"; ra=$?
      # shellcheck disable=SC2086
      "$new" compare --report "$dir" --format "$format" $opts >"$work/b" 2>"$work/eb"; rb=$?
      cases=$((cases + 1))
      if [ $ra -ne $rb ] || ! cmp -s "$work/a" "$work/b" || ! cmp -s "$work/ea" "$work/eb"; then
        [ $differ -eq 0 ] && echo "DIFFERS: $dir --format $format $opts (exit $ra vs $rb)"
        differ=$((differ + 1))
      fi
    done
  done
  echo "$dir: $cases cases, $differ differ ($(wc -c <"$work/b") bytes last)"
  [ $differ -eq 0 ] || fail=1
done
exit $fail
