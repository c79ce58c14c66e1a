#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::mask;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe4_close_inflight) {
  auto slowRes = std::make_shared<http::ServerResponsePtr>();
  auto server = http::createServer();
  std::weak_ptr<http::Server> weak = server;
  auto addr = [weak]() -> std::string {
    auto a = weak.lock()->address();
    return a ? a->address : "null";
  };
  server->on(
      "request", [slowRes, weak, addr](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        auto server = weak.lock();
        console::log("request", req->url, "same socket", req->socket == res->socket);
        if (req->url == "/quick") {
          res->end("q");
          return;
        }
        *slowRes = res;
        std::weak_ptr<http::ServerResponse> wres = res;
        std::weak_ptr<http::IncomingMessage> wreq = req;
        res->on("finish", [wres, wreq] {
          console::log("res finish, socket null", wres.lock()->socket == nullptr, "req.socket kept",
                       wreq.lock()->socket != nullptr);
        });
        res->on("close",
                [wres] { console::log("res close, socket null", wres.lock()->socket == nullptr); });
        console::log("listening before close", server->listening());
        server->close([weak, addr](std::optional<Error> err) {
          console::log("server closed", !err.has_value());
          console::log("listening after closed", weak.lock()->listening(), "address", addr());
        });
        console::log("listening after close()", server->listening(), "address", addr());
      });
  console::log("listening before listen", server->listening(), "address", addr());
  server->listen(0, "127.0.0.1", [server, slowRes] {
    auto a = *server->address();
    console::log("listening", server->listening(), a.address, a.family, "number");
    int port = a.port;
    auto idle = net::connect(port, "127.0.0.1");
    idle->on("connect", [idle] { idle->write("GET /quick HTTP/1.1\r\nHost: a\r\n\r\n"); });
    auto idleGot = std::make_shared<std::string>();
    idle->setEncoding("latin1");
    idle->on("data", [idleGot, port, server](const std::string& d) {
      *idleGot += d;
      if (idleGot->size() < 5 || idleGot->compare(idleGot->size() - 5, 5, "\r\n\r\nq") != 0) return;
      auto busy = net::connect(port, "127.0.0.1");
      busy->on("connect", [busy] { busy->write("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"); });
      auto got = std::make_shared<std::string>();
      busy->setEncoding("latin1");
      std::weak_ptr<net::Socket> wbusy = busy;
      busy->on("data", [got, wbusy, server](const std::string& d) {
        *got += d;
        if (got->size() >= 9 && got->compare(got->size() - 9, 9, "slow-done") == 0) {
          console::log("busy got", show(mask(*got)));
          setTimeout(
              [wbusy, server] {
                console::log("busy still open", !wbusy.lock()->destroyed());
                server->closeIdleConnections();
              },
              50);
        }
      });
      busy->on("end", [] { console::log("busy end"); });
      busy->on("close", [] { console::log("busy close"); });
    });
    idle->on("close", [idleGot, slowRes] {
      console::log("idle close", show(mask(*idleGot).substr(0, 15)));
      console::log("writing response");
      (*slowRes)->end("slow-done");
    });
  });
}
