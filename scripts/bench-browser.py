#!/usr/bin/env python3
"""Time the browser in a real terminal: first full frame, then every keystroke.

A tmux control-mode client (`tmux -C attach`) receives each write the app makes as a
`%output` line the moment tmux reads it, so each write is timestamped here without polling
the screen. The app is started from an idle shell by a keystroke (t0); the first frame is
done at the last write once the hint bar (its last word, `quit`) has appeared and the output has
gone quiet; a keystroke is done at the last write after it before the output goes quiet.

    scripts/bench-browser.py BIN [--report DIR] [--runs N] [--quiet-ms MS] [--no-cache] [--size 120x40]
                             [--keys "s j Escape"] [--pause S]

Prints one Markdown row per run: first frame, then `/`, each of `zfjly`, Escape, j, k
(ms from the key being sent to the frame done); `--keys` sends other keys (tmux key names),
`--pause` waits that many seconds after the first frame before the first key. Needs tmux.
"""
import argparse
import os
import queue
import re
import subprocess
import sys
import threading
import time

KEYS = ["/", "z", "f", "j", "l", "y", "Escape", "j", "k", "j", "k"]
MARKER = b"quit"  # the hint bar's last word: the loading line has none


def unescape(data: str) -> bytes:
    """tmux writes bytes outside printable ASCII, and backslash, as \\ooo."""
    return re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), data.encode("latin-1"))


class Client:
    def __init__(self, socket: str, session: str):
        self.proc = subprocess.Popen(
            ["tmux", "-L", socket, "-C", "attach", "-t", session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self.events: "queue.Queue[tuple[float, bytes]]" = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        assert self.proc.stdout
        for line in self.proc.stdout:
            now = time.perf_counter()
            if line.startswith(b"%output "):
                _, _, data = line.decode("latin-1").rstrip("\n").split(" ", 2)
                self.events.put((now, unescape(data)))

    def command(self, text: str) -> float:
        assert self.proc.stdin
        sent = time.perf_counter()
        self.proc.stdin.write((text + "\n").encode())
        self.proc.stdin.flush()
        return sent

    def until_quiet(self, quiet: float, need: bytes = b"", limit: float = 60.0):
        """Writes until `need` has been seen and then nothing came for `quiet` seconds;
        returns (time of the last write, everything written)."""
        seen, last, start = b"", None, time.perf_counter()
        while time.perf_counter() - start < limit:
            try:
                at, data = self.events.get(timeout=quiet)
            except queue.Empty:
                if last is not None and need in seen:
                    return last, seen
                continue
            seen += data
            last = at
        if last is not None and need in seen:
            return last, seen
        raise SystemExit(f"bench-browser: no quiet frame within {limit} s")

    def drain(self):
        while not self.events.empty():
            self.events.get()


def run_once(bin_path: str, args: list[str], quiet: float, env: dict, size, keys, pause) -> list[float]:
    socket = f"bench-browser-{os.getpid()}"
    session = "b"
    # An idle shell that starts the app when Enter arrives: t0 is that keystroke.
    command = " ".join(["exec", bin_path, "--lang", "en", *args])
    subprocess.run(
        ["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
         f"read _; {command}"],
        check=True, env=env,
    )
    client = Client(socket, session)
    try:
        time.sleep(0.3)
        client.drain()
        t0 = client.command(f"send-keys -t {session} Enter")
        done, _ = client.until_quiet(quiet, MARKER)
        times = [(done - t0) * 1000]
        time.sleep(pause)
        for key in keys:
            client.drain()
            sent = client.command(f"send-keys -t {session} {key}")
            done, _ = client.until_quiet(quiet)
            times.append((done - sent) * 1000)
        return times
    finally:
        client.command(f"send-keys -t {session} q")
        time.sleep(0.2)
        subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)
        client.proc.kill()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("bin")
    p.add_argument("--report")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--quiet-ms", type=float, default=400)
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--label", default="")
    # What tmux must parse per frame grows with the area: on a busy machine that, not the
    # app, is most of a keystroke's time, so the size is fixed and said.
    p.add_argument("--size", default="120x40")
    p.add_argument("--keys", default=" ".join(KEYS))
    p.add_argument("--pause", type=float, default=0.0)
    a = p.parse_args()
    keys = a.keys.split()
    args = (["--report", a.report] if a.report else []) + (["--no-cache"] if a.no_cache else [])
    env = dict(os.environ)
    names = ["first frame", *["Esc" if k == "Escape" else k for k in keys]]
    print(f"| {a.label} run | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for n in range(a.runs):
        size = tuple(int(n) for n in a.size.split("x"))
        times = run_once(os.path.abspath(a.bin), args, a.quiet_ms / 1000, env, size, keys, a.pause)
        print(f"| {a.label} {n + 1} | " + " | ".join(f"{t:.1f}" for t in times) + " |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
