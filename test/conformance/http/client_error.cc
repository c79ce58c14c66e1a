#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(client_error) {
  auto server = http::createServer(
      [](http::IncomingMessagePtr, http::ServerResponsePtr res) { res->end("ok"); });
  server->on("clientError", [server](const Error& err, net::SocketPtr socket) {
    console::log("clientError", true, err.code, err.message);
    console::log("bytesParsed", err.info["bytesParsed"], "rawPacket",
                 Value(err.info["rawPacket"].asBuffer().toString()).stringify());
    console::log("socket writable", socket->writable());
    socket->end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    server->close([] { console::log("server closed"); });
  });
  server->listen(0, [server] {
    auto next = [server] {
      auto client = net::connect(server->address()->port);
      client->end("Oopsie-doopsie\r\n");
      auto chunks = std::make_shared<std::string>();
      client->on("data", [chunks](const Buffer& chunk) { *chunks += chunk.toString(); });
      client->once("end", [chunks] { console::log("client got", Value(*chunks).stringify()); });
    };
    http::RequestOptions o;
    o.port = server->address()->port;
    o.path = "/";
    http::get(o, [next](http::IncomingMessagePtr res) {
      console::log("status", res->statusCode);
      res->resume();
      res->once("end", next);
    });
  });
}
