#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(connect_method) {
  auto server = http::createServer(
      [](http::IncomingMessagePtr, http::ServerResponsePtr res) { res->end("not a tunnel"); });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    http::RequestOptions o;
    o.port = port;
    o.host = "127.0.0.1";
    o.method = "CONNECT";
    o.path = "example.org:443";
    auto req1 = http::request(o);
    req1->on("error", [](const Error& e) { console::log("no listener:", e.code, e.message); });
    req1->on("close", [server, o] {
      server->on("connect", [](http::IncomingMessagePtr req, net::SocketPtr socket, Buffer head) {
        console::log("server connect", req->method, req->url, Value(head.toString()).stringify());
        socket->end("HTTP/1.1 200 Connection Established\r\n\r\ntunnel-data");
      });
      auto req2 = http::request(o);
      req2->on("connect",
               [server](http::IncomingMessagePtr res, net::SocketPtr socket, Buffer head) {
                 console::log("client connect", res->statusCode, res->statusMessage,
                              Value(head.toString()).stringify());
                 socket->destroy();
                 server->close([] { console::log("closed"); });
               });
      req2->end("early");
    });
    req1->end();
  });
}
