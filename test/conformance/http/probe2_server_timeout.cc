#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::mask;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe2_server_timeout) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->method, req->url);
    std::weak_ptr<http::IncomingMessage> wreq = req;
    std::string url = req->url;
    req->on("timeout",
            [wreq, url] { console::log("req timeout", url, "complete", wreq.lock()->complete); });
    req->on("close",
            [wreq, url] { console::log("req close", url, "complete", wreq.lock()->complete); });
    if (req->url == "/slow") {
      std::weak_ptr<http::ServerResponse> wres = res;
      res->on("timeout", [wres](net::SocketPtr sock) {
        auto res = wres.lock();
        console::log("res timeout", sock == res->socket, "destroyed", sock->destroyed());
        res->setHeader("Connection", "close");
        res->writeHead(503);
        res->end("late");
      });
    }
  });
  auto conn = [server](std::string text, std::function<void(std::string)> cb) {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->on("connect", [c, text] {
      if (!text.empty()) c->write(text);
    });
    auto got = std::make_shared<std::string>();
    c->setEncoding("latin1");
    c->on("data", [got](const std::string& d) { *got += d; });
    c->on("end", [] { console::log("client end"); });
    c->on("close", [got, cb] { cb(mask(*got)); });
  };
  http::Server* ret = &server->setTimeout(80);
  console::log("returns server", ret == server.get(), "timeout", server->timeout);
  server->listen(0, "127.0.0.1", [server, conn] {
    conn("", [server, conn](std::string r1) {
      console::log("idle, no listener:", show(r1));
      conn("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n", [server, conn](std::string r2) {
        console::log("slow response:", show(r2));
        server->setTimeout(60, [](net::SocketPtr sock) {
          console::log("server timeout callback", "destroyed", sock->destroyed());
          sock->end("bye");
        });
        console::log("timeout", server->timeout, "listeners", server->listenerCount("timeout"));
        conn("", [server, conn](std::string r3) {
          console::log("idle, callback:", show(r3));
          conn("POST /part HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc",
               [server](std::string r4) {
                 console::log("partial body:", show(r4));
                 server->close([] { console::log("closed"); });
               });
        });
      });
    });
  });
}
