#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_defaults) {
  auto handler = [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->end(req->method + " " + req->url + " " + req->httpVersion);
  };
  auto server = http::createServer(handler);
  console::log("defaults", server->timeout,
               server->maxHeadersCount ? Value(*server->maxHeadersCount) : Value(nullptr),
               server->maxRequestsPerSocket, server->headersTimeout, server->requestTimeout,
               server->keepAliveTimeout, server->requireHostHeader, server->httpAllowHalfOpen);
  auto cases = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET /nohost HTTP/1.1\r\n\r\n",
      "GET /ten HTTP/1.0\r\n\r\n",
      "GET /ten-ka HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
      "GET /close HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
      "POST /len HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody",
  });
  server->listen(0, "127.0.0.1", [server, cases, handler] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, cases, i, next, handler] {
      if (*i == cases->size()) {
        server->close([cases, handler] {
          http::ServerOptions o;
          o.requireHostHeader = false;
          auto lax = http::createServer(o, handler);
          lax->listen(0, "127.0.0.1", [lax, cases] {
            httptest::raw(lax->address()->port, (*cases)[0], [lax](std::string r) {
              console::log("lax", httptest::show(r));
              lax->close([] { console::log("closed"); });
            });
          });
        });
        *next = nullptr;  // destroys this closure: nothing captured is used after it
        return;
      }
      httptest::raw(server->address()->port, (*cases)[(*i)++], [next](std::string r) {
        console::log(httptest::show(r));
        (*next)();
      });
    };
    (*next)();
  });
}
