#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(keep_alive_max_requests) {
  static const std::string bodySent = "This is my request";
  auto request = [](bool withBody) -> std::string {
    if (withBody) {
      return "POST / HTTP/1.1\r\nHost: a\r\n" + std::string("Connection: keep-alive\r\n") +
             "Content-Type: text/plain\r\n" + "Content-Length: " + std::to_string(bodySent.size()) +
             "\r\n\r\n" + bodySent;
    }
    return "GET / HTTP/1.1\r\nHost: a\r\n" + std::string("Connection: keep-alive\r\n") + "\r\n";
  };
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    auto body = std::make_shared<std::string>();
    req->on("data", [body](const Buffer& data) { *body += data.toString(); });
    req->on("end", [req, res, body] {
      console::log("request", req->method, Value(*body).stringify());
      res->writeHead(200, {{"Content-Type", "text/plain"}});
      res->write("Hello World!");
      res->end();
    });
  });
  server->on("dropRequest", [](http::IncomingMessagePtr req, net::SocketPtr socket) {
    console::log("dropRequest", req->method, req->url, socket->remoteAddress().has_value());
  });
  server->maxRequestsPerSocket = 3;
  server->listen(0, [server, request] {
    auto socket = std::make_shared<net::Socket>();
    auto buffer = std::make_shared<std::string>();
    socket->on("data", [buffer](const Buffer& data) { *buffer += data.toString(); });
    socket->on("end", [buffer, server] {
      std::string all = httptest::mask(*buffer);
      std::size_t pos = all.find("HTTP/1.1 ");
      while (pos != std::string::npos) {
        std::size_t next = all.find("HTTP/1.1 ", pos + 1);
        console::log(
            httptest::show(all.substr(pos, next == std::string::npos ? next : next - pos)));
        pos = next;
      }
      server->close([] { console::log("closed"); });
    });
    socket->on("ready", [socket, request] {
      // One write: the four requests are parsed together, in order.
      socket->write(request(false) + request(true) + request(false) + request(true));
    });
    socket->connect(server->address()->port);
  });
}
