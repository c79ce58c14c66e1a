#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(large_response_head) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    for (int i = 0; i < 24; ++i) {
      std::string v;
      for (int k = 0; k < 60 + i; ++k) v += std::to_string(i);
      res->setHeader("X-Long-" + std::to_string(i), v);
    }
    res->setHeader("Set-Cookie", Array{"a=" + std::string(300, 'x'), "b=" + std::string(300, 'y')});
    if (req->url == "/head") res->writeHead(200, "Fine", {{"X-Extra", std::string(500, 'z')}});
    res->end("ok");
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    httptest::raw(port, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                  [server, port](std::string r) {
                    console::log(r.size(), httptest::show(r));
                    httptest::raw(port,
                                  "GET /head HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                                  [server](std::string r2) {
                                    console::log(r2.size(), httptest::show(r2));
                                    server->close([] { console::log("closed"); });
                                  });
                  });
  });
}
