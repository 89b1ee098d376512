#!/usr/bin/env bash
# Take docs/screenshot.png from a real terminal: run report-tui in a 120x40 tmux pane, open
# 一 › (四) with a figure selected, capture the pane with its colours, and render that to PNG
# (scripts/ansi_to_png.py). Installs Pillow and a CJK font from Debian's packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
cols=120 rows=40 out=${1:-docs/screenshot.png}

# Debian's python3 is the one that sees python3-pil.
py=/usr/bin/python3
if ! $py -c 'import PIL' 2>/dev/null || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  apt-get install -y -qq python3-pil fonts-wqy-microhei fonts-dejavu-core >/dev/null
fi
cargo build --release --quiet
socket="report-tui-screenshot-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
tmux -L "$socket" -f /dev/null new-session -d -x "$cols" -y "$rows" -e LANG=C.UTF-8 \
  -e TERM=xterm-256color ./target/release/report-tui
sleep 0.5
# 一 (row 2) open, down to (四), into the text, two steps to the first figure.
for k in j l j j j j Tab j; do tmux -L "$socket" send-keys "$k"; sleep 0.05; done
sleep 0.3
tmux -L "$socket" capture-pane -e -p > "${TMPDIR:-/tmp}/report-tui-screen.ansi"
$py scripts/ansi_to_png.py "${TMPDIR:-/tmp}/report-tui-screen.ansi" "$out" "$cols" "$rows"
echo "wrote $out"
