#!/usr/bin/env python3
"""Drives `tapescript review` in a pseudo-terminal and measures what a person waits for.

Used by bench/review (not a test). Standard library only. For each of --runs sessions it:

  (a) spawns `tapescript review SLUG --library LIB` on a fresh pseudo-terminal of --cols x --rows and times,
      from just before the spawn, the last byte of the first full screen;
  (b) sends keys one at a time -- --keys presses of j, then PgDn, G, k, PgUp, g -- and times each from writing
      the key to the last byte of the redraw it causes;
  (c) reads the process's max RSS (VmHWM in /proc/PID/status) just before q, then sends q and checks that the
      process exits 0 within a second.

It also times `tapescript list` on the same library, the cost of start-up plus opening the library that the
first screen includes.

stdout: NAME=VALUE lines of summary figures (milliseconds, MB) for bench/review to print.
stderr: progress. --raw FILE: every sample, as JSON, for a closer look.

How the end of a frame is found: ScreenRenderer writes each frame with one write(2); the pseudo-terminal may
hand it to us in several reads. A frame is complete when the status line (the second-to-last row) showing the
expected position ("  42/3000 · ") has been read up to its closing SGR reset ESC[0m -- the status line is
the last row a cursor move rewrites, and the bottom row (key hints) follows it only on a full redraw, which is
looked for in the same way. After that, reading goes on until the output has been quiet for a while (--quiet-ms)
so that stray bytes, should there be any, count towards the frame; every read is time-stamped as it arrives, so
the quiet wait itself is never part of a figure (nothing to subtract).
"""

import argparse
import errno
import fcntl
import json
import math
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

now = time.perf_counter

# The keys, as a terminal sends them, and the row they move the cursor to (pos is 0-based; page is the number
# of rows the list shows, n the number of segments). Mirrors ReviewModel.handleBrowsing: a page key moves by
# page - 1 rows.
KEYS = {
    "j": (b"j", lambda pos, page, n: min(pos + 1, n - 1)),
    "k": (b"k", lambda pos, page, n: max(pos - 1, 0)),
    "PgDn": (b"\x1b[6~", lambda pos, page, n: min(pos + max(1, page - 1), n - 1)),
    "PgUp": (b"\x1b[5~", lambda pos, page, n: max(pos - max(1, page - 1), 0)),
    "G": (b"G", lambda pos, page, n: n - 1),
    "g": (b"g", lambda pos, page, n: 0),
}
SGR_RESET = b"\x1b[0m"
MIDDLE_DOT = "\u00b7".encode()


def log(message):
    print(f"review_latency: {message}", file=sys.stderr, flush=True)


class Closed(Exception):
    pass


class Session:
    """One `tapescript review` on its own pseudo-terminal; every byte read is time-stamped."""

    def __init__(self, argv, env, cols, rows):
        self.rows = rows
        self.spawned_at = now()
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty's slave is already stdin/stdout/stderr and the controlling terminal
            try:
                # Size the terminal before exec, so the program's first TIOCGWINSZ sees 120x40.
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.last_byte_at = None
        self.status = None

    def _read(self):
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError as error:  # EIO: the slave side is closed (the program exited)
            if error.errno == errno.EIO:
                raise Closed() from None
            raise
        if not data:
            raise Closed()
        self.last_byte_at = now()
        self.output += data

    def read_until(self, done, timeout):
        """Reads until done(output) holds; False when timeout seconds pass first."""
        deadline = now() + timeout
        while not done(self.output):
            remaining = deadline - now()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                self._read()
        return True

    def settle(self, quiet):
        """Reads until no byte arrives for `quiet` seconds; returns how many bytes came meanwhile."""
        before = len(self.output)
        while select.select([self.fd], [], [], quiet)[0]:
            self._read()
        return len(self.output) - before

    def frame_done(self, start, position, count, full):
        """A predicate: the frame written after offset `start` showing `position` (1-based) is all here."""
        status_row = f"\x1b[{self.rows - 1};1H".encode()
        bottom_row = f"\x1b[{self.rows};1H".encode()
        marker = f" {position}/{count} ".encode() + MIDDLE_DOT

        def done(output):
            at = output.find(marker, start)
            if at < 0 or output.rfind(status_row, start, at) < 0:
                return False
            end = output.find(SGR_RESET, at)
            if end < 0:
                return False
            if full:  # a full redraw goes on to the bottom row
                bottom = output.find(bottom_row, end)
                return bottom >= 0 and output.find(SGR_RESET, bottom) >= 0
            return True

        return done

    def peak_rss_kb(self):
        fields = {}
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                name, _, value = line.partition(":")
                fields[name] = value.split()
        return int(fields["VmHWM"][0]), int(fields["VmRSS"][0])

    def wait_exit(self, timeout):
        """Waits up to timeout seconds for the program to exit, draining its output; its exit code or None."""
        deadline = now() + timeout
        while now() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            try:
                if select.select([self.fd], [], [], 0.002)[0]:
                    self._read()
            except Closed:
                time.sleep(0.001)
        return None

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with at least `fraction` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def key_plan(presses):
    """The keys each session sends: j presses, then page keys, the ends, and back, each of which moves."""
    return ["j"] * presses + ["PgDn"] * 20 + ["G"] + ["k"] * 10 + ["PgUp"] * 10 + ["g"] + ["j"] * 10


def run_session(args, env, number):
    argv = [args.binary, "review", args.slug, "--library", args.library]
    session = Session(argv, env, args.cols, args.rows)
    page = args.rows - 3  # ReviewScreen.listHeight: header above, status and key lines below
    n = args.segments
    result = {"keys": []}
    try:
        # (a) First full screen: the status line reads " 1/N · ", then the bottom row completes the frame.
        if not session.read_until(session.frame_done(0, 1, n, full=True), timeout=10):
            raise RuntimeError(f"no first screen within 10 s; output so far: {bytes(session.output[-400:])!r}")
        result["first_late_bytes"] = session.settle(args.first_quiet_ms / 1000)
        result["first_ms"] = (session.last_byte_at - session.spawned_at) * 1000
        result["first_frame_bytes"] = len(session.output)

        # (b) Keys, one at a time, each once the screen has been still for a while (as between keystrokes).
        position, top = 0, 0
        for name in key_plan(args.keys):
            sequence, move = KEYS[name]
            target = move(position, page, n)
            if target == position:
                continue  # nothing would change, so nothing would be drawn
            new_top = top
            if target < top:
                new_top = target
            elif target >= top + page:
                new_top = target - page + 1
            kind = ("row" if new_top == top else "scroll") if name in ("j", "k") else (
                "page" if name in ("PgDn", "PgUp") else "jump")
            start = len(session.output)
            sent_at = now()
            os.write(session.fd, sequence)
            if not session.read_until(session.frame_done(start, target + 1, n, full=False), timeout=5):
                raise RuntimeError(f"no redraw for {name} (to {target + 1}) within 5 s")
            late = session.settle(args.quiet_ms / 1000)
            result["keys"].append({
                "key": name, "kind": kind, "to": target + 1,
                "ms": (session.last_byte_at - sent_at) * 1000,
                "bytes": len(session.output) - start,
                "late_bytes": late,  # bytes after the detected end of the frame: should be 0
            })
            position, top = target, new_top

        # (c) Memory high-water mark while the screen is still up, then q.
        result["vmhwm_kb"], result["vmrss_kb"] = session.peak_rss_kb()
        quit_at = now()
        os.write(session.fd, b"q")
        code = session.wait_exit(1.0)
        result["exit"] = code
        result["quit_ms"] = (now() - quit_at) * 1000 if code is not None else None
        result["restored"] = b"\x1b[?1049l" in session.output
    finally:
        session.kill()
    keys = result["keys"]
    log(f"session {number}: first screen {result['first_ms']:.1f} ms, {len(keys)} keys, "
        f"median {statistics.median(k['ms'] for k in keys):.2f} ms, max {max(k['ms'] for k in keys):.2f} ms, "
        f"VmHWM {result['vmhwm_kb'] / 1024:.1f} MB, exit {result['exit']}")
    return result


def time_list(args, env):
    """`tapescript list`, output discarded: process start-up, argument parsing, opening the library."""
    started = now()
    subprocess.run([args.binary, "list", "--library", args.library], env=env,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (now() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--library", required=True)
    parser.add_argument("--slug", required=True)
    parser.add_argument("--segments", type=int, required=True, help="how many segments the interview has")
    parser.add_argument("--player", required=True, help="TAPESCRIPT_PLAYER: a command that makes no sound")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200, help="j presses per session, before the mix")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--quiet-ms", type=float, default=5, help="quiet that ends a redraw")
    parser.add_argument("--first-quiet-ms", type=float, default=20, help="quiet that ends the first screen")
    parser.add_argument("--raw", help="write every sample here as JSON")
    args = parser.parse_args()

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "TAPESCRIPT_PLAYER": args.player,
    }
    sessions, lists = [], []
    for number in range(1, args.runs + 1):
        # Interleaved with the sessions, so a slow patch of the machine hits both alike.
        lists.append(time_list(args, env))
        sessions.append(run_session(args, env, number))

    figures = {}

    def summarize(name, values, with_p95=True):
        figures[f"{name}_n"] = len(values)
        if not values:
            return
        figures[f"{name}_median"] = f"{statistics.median(values):.2f}"
        if with_p95:
            figures[f"{name}_p95"] = f"{percentile(values, 0.95):.2f}"
        figures[f"{name}_max"] = f"{max(values):.2f}"

    summarize("first", [s["first_ms"] for s in sessions], with_p95=False)
    summarize("list", lists, with_p95=False)
    keys = [k for s in sessions for k in s["keys"]]
    summarize("key_all", [k["ms"] for k in keys])
    for kind in ("row", "scroll", "page", "jump"):
        summarize(f"key_{kind}", [k["ms"] for k in keys if k["kind"] == kind])
        sizes = [k["bytes"] for k in keys if k["kind"] == kind]
        if sizes:
            figures[f"bytes_{kind}"] = int(statistics.median(sizes))
    figures["first_frame_bytes"] = sessions[0]["first_frame_bytes"]
    # Frames where bytes came after the detected end (counted in the figure anyway): 0 means the end detection
    # and the one-write-per-frame renderer agree.
    figures["late_frames"] = sum(1 for k in keys if k["late_bytes"]) + sum(1 for s in sessions if s["first_late_bytes"])
    hwm = [s["vmhwm_kb"] / 1024 for s in sessions]
    figures["rss_n"] = len(hwm)
    figures["rss_median_mb"] = f"{statistics.median(hwm):.1f}"
    figures["rss_max_mb"] = f"{max(hwm):.1f}"
    quits = [s["quit_ms"] for s in sessions if s["quit_ms"] is not None]
    summarize("quit", quits, with_p95=False)
    codes = [s["exit"] for s in sessions]
    figures["exit_codes"] = ",".join("timeout" if c is None else str(c) for c in codes)
    figures["exit_clean"] = "yes" if all(c == 0 for c in codes) and all(s["restored"] for s in sessions) else "no"

    if args.raw:
        with open(args.raw, "w") as raw:
            json.dump({"sessions": sessions, "list_ms": lists, "figures": figures}, raw, indent=1)
    for name, value in figures.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
