#include <chrono>

#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
double nowMs() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

NODECC_CONFORMANCE_CASE(keep_alive_timeout) {
  http::ServerOptions o;
  o.keepAliveTimeout = 100;
  auto server =
      http::createServer(o, [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        res->end("ok " + req->url);
      });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    auto got = std::make_shared<std::string>();
    auto start = std::make_shared<double>(0);
    c->setEncoding("latin1");
    c->on("connect", [c, start] {
      c->write("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n");
      setTimeout(
          [c, start] {
            c->write("GET /2 HTTP/1.1\r\nHost: a\r\n\r\n");
            *start = nowMs();
          },
          600);
    });
    c->on("data", [got](const std::string& d) { *got += d; });
    c->on("end", [] { console::log("client end"); });
    c->on("close", [got, start, server](bool) {
      double elapsed = nowMs() - *start;
      console::log(httptest::show(httptest::mask(*got)));
      console::log("closed by the server after the timeout", elapsed >= 1000, elapsed < 3000);
      server->close([] { console::log("closed"); });
    });
  });
}
