#!/usr/bin/env python3
"""Whole process, file on disk: how fast the browser shows a JSON model of N sections
(default 100,000) and answers keys, read from a tmux control-mode client, which
timestamps every %output the app writes (no polling).

    cargo build --release && python3 scripts/big-model.py [N] [BIN]

Prints the time from start to the first frame that shows the tree, then for G (last
section), g (first), j (next) and `/`: the time from sending the key to the frame that
shows its effect; last, the CPU time (user + system) of the whole run, from GNU time, as
wall times on a loaded machine overstate the work. Needs tmux and /usr/bin/time.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
BIN = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "target", "release", "report-tui")


def model(n):
    sections = [
        {"id": str(i), "number": str(i), "title": f"第{i}节", "heading": f"{i}、第{i}节",
         "paragraphs": [], "subsections": []}
        for i in range(1, n + 1)
    ]
    return json.dumps({"title": "大模型", "sections": sections}, ensure_ascii=False)


def unescape(line):
    """%output data (octal escapes, \\ooo, for control bytes) as the text it draws: escape
    sequences removed, so `第1节` drawn with a cursor move after each wide character reads
    as one string."""
    raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), line)
    text = raw.decode("utf-8", "replace")
    return re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", "", text)


def main():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "big.json")
    with open(path, "w") as f:
        f.write(model(N))
    sock = f"report-tui-big-{os.getpid()}"
    cpu = os.path.join(work, "cpu")
    cmd = f"/usr/bin/time -f '%U %S' -o '{cpu}' '{os.path.abspath(BIN)}' -r '{path}'"
    started = time.monotonic()
    tmux = subprocess.Popen(
        ["tmux", "-L", sock, "-f", "/dev/null", "-C", "new-session", "-x", "120", "-y", "40",
         "-e", "LANG=C.UTF-8", cmd],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def wait_for(text, since):
        seen = ""
        while True:
            line = tmux.stdout.readline()
            if not line:
                raise SystemExit(f"tmux ended before {text!r} appeared")
            if line.startswith(b"%output"):
                # A frame may come in several %output chunks: look across the last few.
                seen = (seen + unescape(line.split(b" ", 2)[2].rstrip(b"\n")))[-4000:]
                if text in seen:
                    return (time.monotonic() - since) * 1000

    def key(k, text):
        t = time.monotonic()
        tmux.stdin.write(f"send-keys {k}\n".encode())
        tmux.stdin.flush()
        return wait_for(text, t)

    try:
        first = wait_for("第1节", started)
        print(f"| {N} sections: start to first frame | {first:.0f} ms |")
        print(f"| G (to 第{N}节) | {key('G', f'第{N}节'):.0f} ms |")
        print(f"| g (to 第1节) | {key('g', '第1节'):.0f} ms |")
        print(f"| j (to 第2节) | {key('j', '第2节'):.0f} ms |")
        print(f"| / (search line) | {key('/', '/ '):.0f} ms |")
        # Apart, or tmux reads Escape q as Alt-q.
        for k in ["Escape", "q"]:
            tmux.stdin.write(f"send-keys {k}\n".encode())
            tmux.stdin.flush()
            time.sleep(0.3)
        # Keep reading: a control client that is not read blocks the tmux server.
        while not (os.path.exists(cpu) and open(cpu).read().strip()):
            if not tmux.stdout.readline():
                time.sleep(0.05)
        user, system = map(float, open(cpu).read().split()[-2:])
        print(f"| CPU of the whole run (user + system) | {(user + system) * 1000:.0f} ms |")
    finally:
        # The client first: a server writing to a client nobody reads never exits.
        tmux.kill()
        tmux.wait()
        subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)


if __name__ == "__main__":
    main()
