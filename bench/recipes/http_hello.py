# http "hello world" under wrk on loopback: one wrk thread, 64 keep-alive connections,
# against bench/http_hello (nodecc), bench/node/http_hello.js (Node 20) and nginx (one
# worker, `return 200`), alternating; then the same with `Connection: close` requests.
# The ratio printed is nodecc's over Node's; the nginx value is on the same line.
#
# Each req/s line is followed by the servers' CPU time per request in the same runs
# (<metric>_cpu, lower is better). When wrk itself uses a whole core (the wrk_cpu note,
# min..max over the nodecc and nginx runs, near 1.00), the req/s of the fastest servers
# is wrk's ceiling on this host, not theirs, and the CPU line is the one that ranks them.
#
# The keep-alive round also runs bench/floor/http_hello_floor.c (`floor=`): epoll and a
# canned response per request head, no parsing and no library, the most any server can reach
# under the same wrk on this host. `floor_ratio` is its req/s over Node's: the highest ratio
# any implementation could print here.

BUILD_TARGETS = ["bench_http_hello_floor"]  # besides bench_http_hello, for bench/run --build


def run(ctx):
    ctx.require_tool("wrk")
    for close in (False, True):
        rps, cpu, client = {}, {}, []
        extra = ["-H", "Connection: close"] if close else []
        impls = ["nodecc", "node", "nginx"] + ([] if close else ["floor"])
        for impl in ctx.alternate(impls):
            port = ctx.free_port()
            if impl == "nginx":
                server = ctx.nginx('location / { return 200 "hello world"; }', port)
            elif impl == "floor":
                server = ctx.server(ctx.command("nodecc", name="http_hello_floor",
                                                args=["--port", str(port)]), port)
            else:
                server = ctx.server(ctx.command(impl, args=["--port", str(port)]), port)
            with server as proc:
                r = ctx.wrk("http://127.0.0.1:%d/" % port, connections=64, threads=1, extra=extra,
                            server=proc)
            ctx.keep_best(rps, impl, r["requests_per_sec"], better="higher")
            if "server_us_per_req" in r:
                ctx.keep_best(cpu, impl, r["server_us_per_req"], better="lower")
            if impl != "node":
                client.append(r["client_cpu"])
        name = "http_hello_close" if close else "http_hello"
        notes = {"wrk_cpu": "%.2f..%.2f" % (min(client), max(client))}
        if rps.get("floor") and rps.get("node"):
            notes["floor_ratio"] = "%.2f" % (rps["floor"] / rps["node"])
        yield ctx.result(name, "req/s", "higher", notes=notes, **rps)
        yield ctx.result(name + "_cpu", "us/req", "lower", **cpu)
