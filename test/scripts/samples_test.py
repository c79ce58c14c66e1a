#!/usr/bin/env python3
"""Runs every ported seed sample (samples/) and checks that it works: programs that exit by
themselves must exit 0 and print what the seed's example prints; servers are started on a
free port and driven by their client samples. Usage: samples_test.py --bin-dir build/x/samples
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import time

failures = []


def free_port(kind=socket.SOCK_STREAM):  # noqa: E302
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else "\n" + detail))
    if not ok:
        failures.append(name)


def run(bindir, rel, args=(), expect=(), code=0, cwd=None, timeout=30):
    exe = os.path.join(bindir, rel)
    try:
        p = subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        check(rel, False, "timed out; output: %r" % (e.stdout,))
        return ""
    out = p.stdout + p.stderr
    missing = [e for e in expect if not re.search(e, out)]
    check(rel + " " + " ".join(args), p.returncode == code and not missing,
          "exit %d (want %d), missing %r\n%s" % (p.returncode, code, missing, out))
    return out


def start(bindir, rel, args=()):
    return subprocess.Popen([os.path.join(bindir, rel), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish(name, proc, expect=(), code=0, timeout=20):
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        check(name, False, "did not exit; output:\n" + out)
        return
    missing = [e for e in expect if not re.search(e, out)]
    check(name, proc.returncode == code and not missing,
          "exit %d (want %d), missing %r\n%s" % (proc.returncode, code, missing, out))


def listening(port):
    """True when something listens on TCP `port` (read from /proc, without connecting:
    a probe connection would count as one of the server's clients)."""
    for f in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(f).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                return True
    return False


def wait_port(port, tries=400):
    for _ in range(tries):
        if listening(port):
            return
        time.sleep(0.025)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    a = ap.parse_args()
    b = os.path.abspath(a.bin_dir)
    cp_dir = os.path.join(a.source_dir, "samples", "child_process")

    run(b, "demo/demo", expect=[r"script end\nprocess.nextTick\npromise.then\nqueueMicrotask",
                                r"client: got 'ping'", r"client: body 'hello from nodecc\\n'",
                                r"main: worker says 2 \+ 40 = 42", r"process: exit 0"])

    # The event loop chapter.
    run(b, "event_loop/macro_micro_tasks", expect=[r"script start\nscript end\nnextTick 1"])
    run(b, "event_loop/io_immediate_first", expect=[r"setImmediate\nsetTimeout"])
    run(b, "event_loop/timeout_vs_immediate", expect=[r"setImmediate", r"setTimeout"])
    run(b, "event_loop/timer_behind_read", expect=[r"setTimeout:\d+ms have passed", r"fileReaderTime"])
    run(b, "event_loop/nexttick_async_callback", expect=[r"nextTick callback: client is set"])
    run(b, "event_loop/nexttick_between_phases", expect=[r"setImmediate"])
    run(b, "event_loop/nexttick_compute", expect=[r"nextTick computation done"])
    run(b, "event_loop/nexttick_emit_in_constructor", expect=[r"emit on next tick: received"])

    # worker_threads.
    run(b, "worker_threads/environment_data", expect=[r"Node.js!", r"hello world"])
    run(b, "worker_threads/message_channel", expect=[r"personality: 'Brave'", r"carName: 'BYD'"])
    run(b, "worker_threads/receive_message_on_port", expect=[r"\{ message: \{ Name: 'freePHP' \} \}\nundefined"])
    run(b, "worker_threads/worker_pool", expect=[r"null 142"])

    # child_process (run where the seed's files are, for ls/exec).
    run(b, "child_process/exec", cwd=cp_dir, expect=[r"child process stdout"])
    run(b, "child_process/exec_file", cwd=cp_dir, expect=[r"execFile stdout"])
    run(b, "child_process/exec_stream", cwd=cp_dir, expect=[r"data "])
    run(b, "child_process/spawn", cwd=cp_dir, expect=[r"data child"])
    run(b, "child_process/fork", cwd=cp_dir, expect=[r"foo: 'bar'", r"hello: 'world'"])
    run(b, "child_process/master", cwd=cp_dir, expect=[r"got a connection on worker"])
    run(b, "child_process/siblings", cwd=cp_dir, expect=[r"from sibling"])

    # tcp: the seed's server and client, then the pipe() echo server.
    port = free_port()
    srv = start(b, "tcp/server", [str(port), "--exit-after", "2"])
    wait_port(port)
    for _ in range(2):
        run(b, "tcp/client", [str(port), "--end"], expect=[r"hello"])
    finish("tcp/server", srv, expect=[r"当前连接数", r"来自客户端的信息 world"])
    port = free_port()
    srv = start(b, "tcp/echo_pipe", [str(port), "--exit-after", "1"])
    wait_port(port)
    with socket.create_connection(("127.0.0.1", port)) as c:
        payload = os.urandom(1 << 20)
        c.sendall(payload)
        c.shutdown(socket.SHUT_WR)
        got = b""
        while True:
            d = c.recv(65536)
            if not d:
                break
            got += d
    check("tcp/echo_pipe echoes 1 MiB", got == payload, "got %d bytes" % len(got))
    finish("tcp/echo_pipe", srv)

    # http: the seed's server (exits 1 after the first request, as Node: `txt` is undefined).
    port = free_port()
    srv = start(b, "http/server", [str(port), "--exit-after", "10000"])
    wait_port(port)
    run(b, "http/client", ["http://127.0.0.1:%d/a" % port], expect=[r"200 OK", r"you get a"])
    finish("http/server", srv, code=1, expect=[r"ReferenceError"])
    port = free_port()
    srv = start(b, "http/server", [str(port), "--exit-after", "300"])
    time.sleep(0.1)
    finish("http/server --exit-after", srv, code=0)

    # udp: receiver and the unicast sender (reply through rinfo).
    port = free_port(socket.SOCK_DGRAM)
    rcv = start(b, "udp/reply", ["1", str(port), "127.0.0.1"])
    time.sleep(0.3)
    run(b, "udp/unicast_sender", ["1", str(port), "127.0.0.1"])
    finish("udp/reply", rcv)

    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
