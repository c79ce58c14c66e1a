#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe3_conn_headers) {
  http::ServerOptions o;
  o.uniqueHeaders = {"X-Uniq"};
  auto server =
      http::createServer(o, [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        res->sendDate = false;
        const std::string u = req->url;
        if (u == "/user-ka") {
          res->setHeader("Keep-Alive", "timeout=9");
          res->end("1");
        } else if (u == "/no-conn") {
          res->removeHeader("Connection");
          res->end("2");
        } else if (u == "/close") {
          res->setHeader("Connection", "Close");
          res->end("3");
        } else if (u == "/ten-ka") {
          res->setHeader("Connection", "keep-alive");
          res->setHeader("Content-Length", 2);
          res->end("10");
        } else if (u == "/trailers") {
          res->setHeader("X-Uniq", Array{"u1", "u2"});
          res->setHeader("x-multi", Array{"m1", "m2"});
          res->setHeader("Trailer", "X-T");
          res->write("t");
          res->addTrailers({{"X-T", Array{"a", "b"}},
                            {"X-One", Array{"solo"}},
                            {"x-uniq", Array{"v1", "v2"}},
                            {"X-N", 5},
                            {"X-U", undefined}});
          res->end();
        } else if (u == "/te") {
          res->write("chunk");
          res->end();
        } else {
          res->end("plain");
        }
      });
  auto conns = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET /user-ka HTTP/1.1\r\nHost: a\r\n\r\nGET /no-conn HTTP/1.1\r\nHost: a\r\n\r\n"
      "GET /close HTTP/1.1\r\nHost: a\r\n\r\nGET /never HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET /ten-ka HTTP/1.0\r\n\r\nGET /ten-next HTTP/1.0\r\n\r\nGET /ten-never HTTP/1.0\r\n\r\n",
      "GET /te HTTP/1.0\r\nTE: chunked\r\n\r\n",
      "GET /trailers HTTP/1.1\r\nHost: a\r\n\r\n",
  });
  server->listen(0, "127.0.0.1", [server, conns] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, conns, i, next] {
      if (*i == conns->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      raw(server->address()->port, (*conns)[(*i)++], [next](std::string r) {
        console::log(show(r));
        (*next)();
      });
    };
    (*next)();
  });
}
