#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

namespace {
void printParts(const std::string& r) {
  std::size_t pos = r.find("HTTP/1.");
  while (pos != std::string::npos) {
    std::size_t next = r.find("HTTP/1.", pos + 7);
    console::log("  ",
                 show(r.substr(pos, next == std::string::npos ? std::string::npos : next - pos)));
    pos = next;
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_drop_pipelined) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->url, req->httpVersion);
    std::string url = req->url;
    res->on("finish", [url] { console::log("finish", url); });
    res->on("close", [url] { console::log("res close", url); });
    bool late = url.rfind("/late", 0) == 0;
    std::string body = (late ? "late " : "now ") + url;
    res->setHeader("Content-Length", static_cast<int>(body.size()));
    if (late)
      setImmediate([res, body] { res->end(body); });
    else
      res->end(body);
  });
  std::weak_ptr<http::Server> weak = server;
  server->on("dropRequest", [weak](http::IncomingMessagePtr req, net::SocketPtr socket) {
    console::log("dropRequest", req->method, req->url, "socket", socket == req->socket, "listeners",
                 weak.lock()->listenerCount("request"));
  });
  auto get = [](std::string url, std::string v = "1.1") {
    return "GET " + url + " HTTP/" + v + "\r\nHost: a\r\nConnection: keep-alive\r\n\r\n";
  };
  server->maxRequestsPerSocket = 2;
  server->listen(0, "127.0.0.1", [server, get] {
    int port = server->address()->port;
    raw(port, get("/ten", "1.0") + get("/a") + get("/late-b") + get("/c") + get("/d"),
        [server, get, port](std::string r1) {
          console::log("pipelined:");
          printParts(r1);
          server->maxRequestsPerSocket = 1;
          raw(port,
              get("/late-x") + "POST /y HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc" +
                  get("/z"),
              [server](std::string r2) {
                console::log("limit 1:");
                printParts(r2);
                server->close([] { console::log("closed"); });
              });
        });
  });
}
