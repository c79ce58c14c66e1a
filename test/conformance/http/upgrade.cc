#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(upgrade) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->url, req->headers()["upgrade"]);
    res->end("no upgrade here");
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    httptest::raw(
        port, "GET /plain HTTP/1.1\r\nHost: a\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n",
        [server, port](std::string r) {
          console::log(httptest::show(r));
          server->on("upgrade", [](http::IncomingMessagePtr req, net::SocketPtr socket,
                                   Buffer head) {
            console::log("server upgrade", req->method, req->url, req->headers()["upgrade"],
                         Value(head.toString()).stringify());
            socket->write(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"
                "first bytes");
            socket->on("data",
                       [socket](const Buffer& d) { socket->write("echo:" + d.toString()); });
            socket->on("end", [socket] { socket->end(); });
          });
          http::RequestOptions o;
          o.port = port;
          o.host = "127.0.0.1";
          o.path = "/ws";
          o.headers = {{"Connection", "Upgrade"}, {"Upgrade", "echo"}};
          auto req = http::request(o);
          req->on("response",
                  [](http::IncomingMessagePtr) { console::log("unexpected response"); });
          req->on("upgrade",
                  [server](http::IncomingMessagePtr res, net::SocketPtr socket, Buffer head) {
                    console::log("client upgrade", res->statusCode, res->headers()["upgrade"],
                                 Value(head.toString()).stringify());
                    auto got = std::make_shared<std::string>(head.toString());
                    socket->on("data", [socket, got](const Buffer& d) {
                      *got += d.toString();
                      if (*got == "first bytesecho:ping") socket->end();
                    });
                    socket->on("close", [got, server](bool) {
                      console::log("client got", Value(*got).stringify());
                      server->close([] { console::log("closed"); });
                    });
                    socket->write("ping");
                  });
          req->on("close", [] { console::log("request close"); });
          req->end();
        });
  });
}
