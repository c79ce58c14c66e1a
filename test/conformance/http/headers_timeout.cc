#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(headers_timeout) {
  http::ServerOptions o;
  o.headersTimeout = 200;
  o.requestTimeout = 400;
  o.connectionsCheckingInterval = 25;
  auto server = http::createServer(o, [](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    console::log("request (unexpected)");
    res->end();
  });
  console::log("timeouts", server->headersTimeout, server->requestTimeout, server->keepAliveTimeout,
               server->connectionsCheckingInterval);
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    auto text = std::make_shared<std::string>(
        "GET / HTTP/1.1\r\nHost: a\r\nX-Slow: " + std::string(100, 'x') + "\r\n\r\n");
    auto i = std::make_shared<std::size_t>(0);
    auto got = std::make_shared<std::string>();
    auto timer = std::make_shared<TimeoutPtr>();
    auto send = std::make_shared<std::function<void()>>();
    *send = [c, text, i, timer, send] {
      if (*i < text->size() && !c->destroyed()) {
        c->write(text->substr((*i)++, 1));
        *timer = setTimeout([send] { (*send)(); }, 10);
      }
    };
    c->on("connect", [send] { (*send)(); });
    c->setEncoding("latin1");
    c->on("data", [got](const std::string& d) { *got += d; });
    c->on("error", [](const Error&) {});
    c->on("close", [timer, got, i, text, server, send](bool) {
      clearTimeout(*timer);
      *send = nullptr;
      console::log("client got", httptest::show(*got));
      console::log("sent fewer bytes than the headers", *i < text->size());
      server->close([] { console::log("closed"); });
    });
  });
}
