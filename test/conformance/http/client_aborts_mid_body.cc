#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(client_aborts_mid_body) {
  auto client = std::make_shared<net::SocketPtr>();
  auto server = std::make_shared<http::ServerPtr>();
  *server = http::createServer(
      [client, server](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        console::log("request", req->method, req->headers()["content-length"]);
        auto n = std::make_shared<std::size_t>(0);
        req->on("data", [n, client](const Buffer& d) {
          *n += d.length();
          if (*n == 5) {
            console::log("got 5 bytes; client goes away");
            (*client)->destroy();
          }
        });
        req->on("aborted", [req] { console::log("req aborted", req->aborted, req->complete); });
        req->on("error", [](const Error& e) { console::log("req error", e.code, e.message); });
        req->on("end", [] { console::log("req end (unexpected)"); });
        req->on("close", [req] { console::log("req close", req->destroyed()); });
        res->on("close", [res, server] {
          console::log("res close", res->writableEnded(), res->destroyed);
          (*server)->close([] { console::log("closed"); });
        });
      });
  (*server)->listen(0, "127.0.0.1", [client, server] {
    *client = net::connect((*server)->address()->port, "127.0.0.1", [client] {
      (*client)->write("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nhello");
    });
  });
}
