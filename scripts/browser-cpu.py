#!/usr/bin/env python3
"""CPU of a whole browser session (start, first frame, optional keys, q), split into the
idle-priority threads that prepare the first search's letter summaries and the rest.

The session's `perf stat` total varies with the load: the summaries run at SCHED_IDLE and
finish only when a core is idle, so on a quiet machine they take more of a short session.
The rest is what the first frame and the keys cost.

    scripts/browser-cpu.py BIN --report DIR [--wait S] [--keys "s j"] [--hz 2000]

Runs BIN in a tmux session of its own under `perf record`, sends the keys after `--wait`
seconds, then `q`, and prints the CPU of all threads, of the summary threads (any thread
that ran `search::letters` or `search::score` code) and of the rest. Needs tmux and perf.
"""
import argparse
import collections
import os
import re
import subprocess
import tempfile
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("bin")
    p.add_argument("--report", required=True)
    p.add_argument("--wait", type=float, default=4.0)
    p.add_argument("--keys", default="")
    p.add_argument("--hz", type=int, default=2000)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data, done = os.path.join(tmp, "perf.data"), os.path.join(tmp, "done")
        socket = f"browser-cpu-{os.getpid()}"
        command = (f"perf record -q -F {a.hz} -o {data} {os.path.abspath(a.bin)} --report {a.report}"
                   f" 2>/dev/null; touch {done}")
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", command],
                       check=True)
        try:
            time.sleep(a.wait)
            for key in a.keys.split():
                subprocess.run(["tmux", "-L", socket, "send-keys", key], check=True)
                time.sleep(a.wait)
            subprocess.run(["tmux", "-L", socket, "send-keys", "q"], check=True)
            for _ in range(300):
                if os.path.exists(done):
                    break
                time.sleep(0.1)
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)
        out = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym"],
                             capture_output=True, text=True).stdout
    samples, idle = collections.Counter(), set()
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+\S+\s*(.*)", line)
        if not m:
            continue
        samples[m.group(1)] += 1
        if "search::letters" in m.group(2) or "search::score" in m.group(2):
            idle.add(m.group(1))
    ms = lambda n: n / a.hz * 1000
    total = sum(samples.values())
    summaries = sum(n for t, n in samples.items() if t in idle)
    print(f"all threads {ms(total):.0f} ms; summary threads (idle priority) {ms(summaries):.0f} ms; "
          f"the rest {ms(total - summaries):.0f} ms")


if __name__ == "__main__":
    main()
