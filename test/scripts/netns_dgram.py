#!/usr/bin/env python3
"""dgram between two hosts: broadcast and multicast across two network namespaces.

The test makes two namespaces joined by a veth pair (10.77.0.1/24 and 10.77.0.2/24,
a route for 224.0.0.0/4 and a default route on the link), runs the samples of
samples/udp (the seed's broadcast sender, multicast sender and member, receiver) as
sender and receiver inside them, checks what arrived, and removes the namespaces
afterwards, also when a check fails or the test is interrupted.

  netns_dgram.py --bin-dir <build>/samples/udp

Needs root (CI runs as root); without root it prints why and exits 77 (skipped).
"""
import argparse
import atexit
import os
import re
import signal
import subprocess
import sys
import time

PREFIX = "nodecc_dgram_"
SUFFIX = str(os.getpid())
NS_A = PREFIX + "a_" + SUFFIX
NS_B = PREFIX + "b_" + SUFFIX
VETH_A = "ndA" + SUFFIX[-8:]
VETH_B = "ndB" + SUFFIX[-8:]
ADDR_A, ADDR_B, BCAST = "10.77.0.1", "10.77.0.2", "10.77.0.255"
GROUP, PORT = "224.0.1.100", 4000

failures = []
children = []


def sh(*args, check=True):
    r = subprocess.run(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr.strip()))
    return r


def cleanup():
    for p in children:
        if p.poll() is None:
            p.kill()
            p.wait()
    for ns in (NS_A, NS_B):
        sh("ip", "netns", "del", ns, check=False)
    sh("ip", "link", "del", VETH_A, check=False)


def remove_stale():
    """Namespaces left by a run that was killed with SIGKILL."""
    for line in sh("ip", "netns", "list", check=False).stdout.splitlines():
        name = line.split()[0] if line.split() else ""
        m = re.match(re.escape(PREFIX) + r"[ab]_(\d+)$", name)
        if m and not os.path.exists("/proc/" + m.group(1)):
            sh("ip", "netns", "del", name, check=False)


def setup():
    sh("ip", "netns", "add", NS_A)
    sh("ip", "netns", "add", NS_B)
    sh("ip", "link", "add", VETH_A, "type", "veth", "peer", "name", VETH_B)
    sh("ip", "link", "set", VETH_A, "netns", NS_A)
    sh("ip", "link", "set", VETH_B, "netns", NS_B)
    for ns, dev, addr in ((NS_A, VETH_A, ADDR_A), (NS_B, VETH_B, ADDR_B)):
        sh("ip", "-n", ns, "link", "set", "lo", "up")
        sh("ip", "-n", ns, "addr", "add", addr + "/24", "brd", BCAST, "dev", dev)
        sh("ip", "-n", ns, "link", "set", dev, "up")
        sh("ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", dev)
        sh("ip", "-n", ns, "route", "add", "default", "dev", dev)


def start(ns, argv):
    p = subprocess.Popen(["ip", "netns", "exec", ns] + argv, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    children.append(p)
    return p


def wait_ready(p, pattern, timeout=10):
    """Reads p's stdout until a line matches `pattern`; returns the lines read."""
    lines = []
    deadline = time.time() + timeout
    os.set_blocking(p.stdout.fileno(), True)
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(p.stdout, selectors.EVENT_READ)
    while time.time() < deadline:
        if not sel.select(timeout=max(0.0, deadline - time.time())):
            break
        line = p.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if re.search(pattern, line):
            return lines
    raise RuntimeError("no line matching %r within %ss; got %r; stderr %r" %
                       (pattern, timeout, lines, p.stderr.read() if p.poll() is not None else ""))


def finish(p, timeout=15, kill=False):
    """Waits for p (or stops it when kill), returns (rc, stdout lines, stderr)."""
    if kill:
        p.send_signal(signal.SIGTERM)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, out.splitlines(), err
    return p.returncode, out.splitlines(), err


def check(name, cond, detail):
    if cond:
        print("ok   " + name)
    else:
        print("FAIL " + name + ": " + detail)
        failures.append(name)


def data_lines(lines, word="hello"):
    return [l for l in lines if "来自发送方的数据" in l and (word in l or "68 65 6c 6c 6f" in l)]


def run_broadcast(bins, name, target):
    recv = start(NS_B, [bins + "/receiver", "3", str(PORT)])
    ready = wait_ready(recv, r"socket running 0\.0\.0\.0:%d" % PORT)
    send = start(NS_A, [bins + "/broadcast_sender", "3", str(PORT), target, "100"])
    src, sout, serr = finish(send)
    rc, out, err = finish(recv)
    got = data_lines(ready + out)
    senders = [l for l in ready + out if l.startswith("发送方的信息 " + ADDR_A + " ")]
    check(name, src == 0 and rc == 0 and len(got) == 3 and len(senders) == 3,
          "sender rc=%s out=%r err=%r; receiver rc=%s out=%r err=%r" %
          (src, sout, serr, rc, ready + out, err))


def run_multicast(bins, name, count, ttl, loopback, expect_remote, expect_local=None,
                  leave_after=0):
    """Sender in A (count datagrams); a member in B and, when expect_local is set, one
    in A. Members run until stopped; their datagram counts are compared."""
    members = {"remote": start(NS_B, [bins + "/multicast_member", "0", str(PORT), GROUP,
                                      str(leave_after)])}
    if expect_local is not None:
        members["local"] = start(NS_A, [bins + "/multicast_member", "0", str(PORT), GROUP])
    ready = {k: wait_ready(p, r"member of " + re.escape(GROUP)) for k, p in members.items()}
    send = start(NS_A, [bins + "/multicast_sender", str(count), str(PORT), GROUP, "100",
                        str(ttl), str(loopback)])
    src, sout, serr = finish(send)
    time.sleep(0.5)  # let the last datagram land before stopping the members
    results = {k: finish(p, kill=True) for k, p in members.items()}
    got = {k: len(data_lines(ready[k] + results[k][1])) for k in members}
    detail = "sender rc=%s out=%r err=%r; members %r" % (
        src, sout, serr, {k: (ready[k] + v[1], v[2]) for k, v in results.items()})
    ok = src == 0 and got["remote"] == expect_remote
    if expect_local is not None:
        ok = ok and got["local"] == expect_local
    if leave_after:
        ok = ok and any(l == "left " + GROUP for l in results["remote"][1])
    check(name, ok, "got %r; %s" % (got, detail))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin-dir", required=True)
    a = ap.parse_args()
    if os.geteuid() != 0:
        print("SKIP: network namespaces need root (CI runs this test as root)")
        return 77
    bins = os.path.abspath(a.bin_dir)
    for exe in ("receiver", "broadcast_sender", "multicast_sender", "multicast_member"):
        if not os.access(os.path.join(bins, exe), os.X_OK):
            print("FAIL: %s/%s is not built" % (bins, exe))
            return 1
    atexit.register(cleanup)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, lambda *_: sys.exit(1))
    remove_stale()
    try:
        setup()
        run_broadcast(bins, "broadcast.directed", BCAST)
        run_broadcast(bins, "broadcast.limited", "255.255.255.255")
        run_multicast(bins, "multicast.join_receive", 3, -1, -1, expect_remote=3)
        run_multicast(bins, "multicast.leave", 6, -1, -1, expect_remote=2, leave_after=2)
        run_multicast(bins, "multicast.ttl0_stays_local", 3, 0, 1, expect_remote=0,
                      expect_local=3)
        run_multicast(bins, "multicast.ttl1_crosses", 3, 1, 1, expect_remote=3,
                      expect_local=3)
        run_multicast(bins, "multicast.loopback_off", 3, 1, 0, expect_remote=3,
                      expect_local=0)
    except Exception as e:  # noqa: BLE001 - report and fail, cleanup runs anyway
        print("FAIL: %s" % e)
        failures.append("setup/run")
    finally:
        cleanup()
    left = [l for l in sh("ip", "netns", "list", check=False).stdout.splitlines()
            if NS_A in l or NS_B in l]
    check("cleanup", not left, "namespaces left: %r" % left)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
