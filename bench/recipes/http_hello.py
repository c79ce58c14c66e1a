# http "hello world" under wrk on loopback: one wrk thread, 64 keep-alive connections,
# against bench/http_hello (nodecc), bench/node/http_hello.js (Node 20) and nginx (one
# worker, `return 200`), alternating; then the same with `Connection: close` requests.
# The ratio printed is nodecc's over Node's; the nginx value is on the same line.


def run(ctx):
    ctx.require_tool("wrk")
    for close in (False, True):
        rps = {}
        extra = ["-H", "Connection: close"] if close else []
        for impl in ctx.alternate(["nodecc", "node", "nginx"]):
            port = ctx.free_port()
            if impl == "nginx":
                server = ctx.nginx('location / { return 200 "hello world"; }', port)
            else:
                server = ctx.server(ctx.command(impl, args=["--port", str(port)]), port)
            with server:
                r = ctx.wrk("http://127.0.0.1:%d/" % port, connections=64, threads=1, extra=extra)
            ctx.keep_best(rps, impl, r["requests_per_sec"], better="higher")
        yield ctx.result("http_hello_close" if close else "http_hello", "req/s", "higher", **rps)
