#!/usr/bin/env bash
# Take docs/screenshot.png, docs/search.png and docs/compare.png from a real terminal: run
# report-tui in a 120x40 tmux pane, type keys, capture the pane with its colours and render
# it to PNG (scripts/ansi_to_png.py). Installs Pillow and a CJK font from Debian's packages
# if missing. `scripts/screenshot.sh compare` takes only the shots named; REPORT_TUI_BIN
# picks another build (default: a release build, made here).
set -euo pipefail
cd "$(dirname "$0")/.."
cols=120 rows=40

# Debian's python3 is the one that sees python3-pil.
py=/usr/bin/python3
if ! $py -c 'import PIL' 2>/dev/null || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  apt-get install -y -qq python3-pil fonts-wqy-microhei fonts-dejavu-core >/dev/null
fi
bin=${REPORT_TUI_BIN:-./target/release/report-tui}
[ -n "${REPORT_TUI_BIN:-}" ] || cargo build --release --quiet
wanted=" $* "
socket="report-tui-screenshot-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

# shoot NAME KEYS...: start the app afresh (with the options in $app_args), type KEYS
# (`-l TEXT` types TEXT literally), capture the pane with its colours and render
# docs/NAME.png. Skipped when shots were named and NAME is not one of them.
shoot() {
  local name=$1; shift
  if [ "$wanted" != "  " ] && [[ "$wanted" != *" $name "* ]]; then return; fi
  tmux -L "$socket" kill-server 2>/dev/null && sleep 0.3 || true
  tmux -L "$socket" -f /dev/null new-session -d -x "$cols" -y "$rows" -e LANG=C.UTF-8 \
    -e TERM=xterm-256color "$bin" ${app_args:-}
  sleep 0.5
  while [ $# -gt 0 ]; do
    if [ "$1" = -l ]; then tmux -L "$socket" send-keys -l "$2"; shift 2
    else tmux -L "$socket" send-keys "$1"; shift; fi
    sleep 0.05
  done
  sleep 0.3
  tmux -L "$socket" capture-pane -e -p > "${TMPDIR:-/tmp}/report-tui-screen.ansi"
  $py scripts/ansi_to_png.py "${TMPDIR:-/tmp}/report-tui-screen.ansi" "docs/$name.png" "$cols" "$rows"
  echo "wrote docs/$name.png"
}

# 一 open, down to (四), into the text, one step to its first figure.
shoot screenshot j l j j j j Tab j
# A pinyin query, 执法记录仪 by its initials, with the hit previewed in context.
shoot search / -l zfjly
# The comparison screen over the three-year fixture series, in reading order.
app_args="-r tests/fixtures/compare/qinghe" shoot compare C
