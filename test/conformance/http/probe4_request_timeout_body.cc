#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::mask;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe4_request_timeout_body) {
  http::ServerOptions opts;
  opts.headersTimeout = 100;
  opts.requestTimeout = 150;
  opts.connectionsCheckingInterval = 20;
  auto server = http::createServer(opts, [](http::IncomingMessagePtr req,
                                            http::ServerResponsePtr res) {
    console::log("request", req->url);
    std::weak_ptr<http::IncomingMessage> wreq = req;
    std::weak_ptr<http::ServerResponse> wres = res;
    std::string url = req->url;
    req->on("data",
            [](const Buffer& d) { console::log("req data", Value(d.toString()).stringify()); });
    req->on("aborted",
            [wreq, url] { console::log("req aborted", url, "complete", wreq.lock()->complete); });
    req->on("error", [](const Error& e) { console::log("req error", e.code, e.message); });
    req->on("close", [url] { console::log("req close", url); });
    res->on("close", [wres, url] {
      auto res = wres.lock();
      console::log("res close", url, "finished", res->finished, "headersSent", res->headersSent());
    });
    if (url == "/started") {
      res->writeHead(200, {{"Content-Length", "100"}});
      res->write("partial");
    }
  });
  std::weak_ptr<http::Server> weak = server;
  auto conn = [weak](std::string text, std::function<void(std::string)> cb) {
    auto c = net::connect(weak.lock()->address()->port, "127.0.0.1");
    c->on("connect", [c, text] { c->write(text); });
    auto got = std::make_shared<std::string>();
    c->setEncoding("latin1");
    c->on("data", [got](const std::string& d) { *got += d; });
    c->on("error", [got](const Error& e) { *got += "[" + e.code + "]"; });
    c->on("close", [got, cb] { cb(mask(*got)); });
  };
  auto body = [](std::string url) {
    return "POST " + url + " HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc";
  };
  server->listen(0, "127.0.0.1", [server, conn, body] {
    conn(body("/none"), [server, conn, body](std::string r1) {
      console::log("not started:", show(r1));
      conn(body("/started"), [server, conn, body](std::string r2) {
        console::log("started:", show(r2));
        server->on("clientError", [](const Error& err, net::SocketPtr socket) {
          console::log("clientError", err.code, err.message, "writable", socket->writable(),
                       "destroyed", socket->destroyed());
          socket->end("HTTP/1.1 418 Custom\r\nConnection: close\r\n\r\n");
        });
        conn(body("/listener"), [server](std::string r3) {
          console::log("listener:", show(r3));
          server->close([] { console::log("closed"); });
        });
      });
    });
  });
}
