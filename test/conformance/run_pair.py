#!/usr/bin/env python3
"""Runs one side of a conformance pair and compares its transcript with <case>.out.

A transcript is what a test can observe of a program from outside:
  * stdout, verbatim;
  * from stderr, only the lines that name an error or a warning
    ("TypeError [ERR_X]: ...", "(node:PID) Warning: ..."), prefixed "[stderr] ",
    with the pid replaced by PID (stack frames and source excerpts differ by design);
  * the exit code, as a last line "[exit N]" when it is not 0 (or "[signal NAME]").

Usage:
  run_pair.py --cc <binary> --case <name> --expected <file.out> [--cwd DIR]
  run_pair.py --node <node> --js <file.js> --expected <file.out> [--cwd DIR]
  run_pair.py --node <node> --js <file.js> --update <file.out>     (write Node's transcript)
Exit status 0 = same, 1 = different, 77 = skipped (node absent).
"""
import argparse
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys

ERROR_LINE = re.compile(r"^(?:[A-Za-z_$][\w$]*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?(?::|$)")
WARNING_LINE = re.compile(r"^\(node:\d+\) ")


def transcript(cmd, cwd, timeout, env):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return out + "[timeout after %ss]\n" % timeout, err
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    lines = []
    for line in err.splitlines():
        if WARNING_LINE.match(line):
            lines.append("[stderr] " + re.sub(r"^\(node:\d+\)", "(node:PID)", line))
        elif ERROR_LINE.match(line):
            lines.append("[stderr] " + line)
    t = out
    if lines:
        if t and not t.endswith("\n"):
            t += "\n"
        t += "\n".join(lines) + "\n"
    if p.returncode < 0:
        t += "[signal %s]\n" % signal.Signals(-p.returncode).name
    elif p.returncode != 0:
        t += "[exit %d]\n" % p.returncode
    return t, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc")
    ap.add_argument("--case")
    ap.add_argument("--node")
    ap.add_argument("--js")
    ap.add_argument("--expected")
    ap.add_argument("--update")
    ap.add_argument("--cwd")
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    env["NODE_DISABLE_COLORS"] = "1"
    if a.cc:
        cmd = [a.cc, a.case]
        cwd = a.cwd or os.getcwd()
    else:
        node = a.node if a.node and (os.path.exists(a.node) or shutil.which(a.node)) else None
        if not node:
            print("SKIP: node is not installed; the C++ side is still checked against %s" % a.expected)
            return 77
        cmd = [node, os.path.basename(a.js)]
        cwd = a.cwd or os.path.dirname(os.path.abspath(a.js))
    got, rawerr = transcript(cmd, cwd, a.timeout, env)
    if a.update:
        with open(a.update, "w", encoding="utf-8") as f:
            f.write(got)
        print("wrote", a.update)
        return 0
    with open(a.expected, encoding="utf-8") as f:
        want = f.read()
    if got == want:
        return 0
    sys.stdout.write("".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                  "expected (Node 20)", "got")))
    if rawerr:
        sys.stdout.write("\n--- raw stderr ---\n" + rawerr[-4000:])
    return 1


if __name__ == "__main__":
    sys.exit(main())
