#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe2_upgrade_raw) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->method, req->url, "upgrade", req->upgrade,
                 req->headers()["upgrade"]);
    res->end("normal " + req->url);
  });
  auto onSwitch = [](std::string ev) {
    return [ev](http::IncomingMessagePtr req, net::SocketPtr socket, Buffer head) {
      console::log(ev, req->method, req->url, "upgrade", req->upgrade, "head",
                   show(head.toString("latin1")));
      socket->end(ev == "upgrade" ? "HTTP/1.1 101 Switching Protocols\r\n\r\nafter-101" : "TUNNEL");
    };
  };
  const std::string U = "Upgrade: x\r\nConnection: upgrade\r\n";
  auto cases = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET /u1 HTTP/1.1\r\nHost: a\r\n" + U + std::string("\r\nHELLO\x00\x01", 9),
      "GET /u2 HTTP/1.1\r\nHost: a\r\nUpgrade: x\r\n\r\n",
      "POST /u3 HTTP/1.1\r\nHost: a\r\n" + U + "Content-Length: 3\r\n\r\nabcREST",
      "GET /n HTTP/1.1\r\nHost: a\r\n\r\nGET /u4 HTTP/1.1\r\nHost: a\r\n" + U + "\r\nTAIL",
      "CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\nTLS-BYTES",
      "CONNECT b.example:443 HTTP/1.1\r\nHost: b.example:443\r\n\r\n",
  });
  server->on("upgrade", onSwitch("upgrade"));
  server->on("connect", onSwitch("connect"));
  server->listen(0, "127.0.0.1", [server, cases] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, cases, i, next] {
      if (*i == cases->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      if (*i == cases->size() - 1) server->removeAllListeners("connect");
      std::string c = (*cases)[(*i)++];
      raw(server->address()->port, c, [c, next](std::string r) {
        console::log(show(c));
        console::log("  ->", show(r));
        (*next)();
      });
    };
    (*next)();
  });
}
