#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_close_connections) {
  auto slowRes = std::make_shared<http::ServerResponsePtr>();
  auto server = http::createServer();
  std::weak_ptr<http::Server> weak = server;
  server->on("request", [slowRes, weak](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/slow") {
      *slowRes = res;
      console::log("slow request in progress");
      setImmediate([weak] {
        console::log("close the server");
        if (auto s = weak.lock()) s->close([] { console::log("server closed"); });
      });
      return;
    }
    res->end("quick");
  });
  server->listen(0, "127.0.0.1", [server, slowRes] {
    int port = server->address()->port;
    auto idle = net::connect(port, "127.0.0.1");
    idle->on("connect", [idle] { idle->write("GET /q HTTP/1.1\r\nHost: a\r\n\r\n"); });
    auto idleGot = std::make_shared<std::string>();
    idle->setEncoding("latin1");
    idle->on("data", [idleGot, port](const std::string& d) {
      *idleGot += d;
      if (idleGot->size() >= 5 && idleGot->compare(idleGot->size() - 5, 5, "quick") == 0) {
        auto busy = net::connect(port, "127.0.0.1");
        busy->on("connect", [busy] { busy->write("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"); });
        busy->on("close", [](bool) { console::log("busy connection closed"); });
      }
    });
    idle->on("close", [idleGot, server, slowRes](bool) {
      console::log("idle connection closed:",
                   httptest::show(httptest::mask(*idleGot).substr(0, 17)));
      console::log("slow response still open", !(*slowRes)->writableEnded());
      server->closeAllConnections();
    });
  });
}
