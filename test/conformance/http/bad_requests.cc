#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(bad_requests) {
  const std::string H = "Host: a\r\n";
  auto cases = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET / HTTP/1.1\r\n" + H + "\r\n",
      "GET / HTTP/1.1\r\n" + H + "X-A: 1\r\n  2\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + "X-A:\r\n\t2\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + "Bad Header: 1\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + "X-A : 1\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + ": empty\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H +
          "X-A: a\x01"
          "b\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H +
          "X\x7f"
          "A: 1\r\n\r\n",
      "GET / HTTP/1.1\nHost: a\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\n\n",
      "GET / HTTP/1.1\r\nHost: a\r\n\rX",
      "get / HTTP/1.1\r\n" + H + "\r\n",
      "GET / http/1.1\r\n" + H + "\r\n",
      "GET / HTTP/1.2\r\n" + H + "\r\n",
      "GET /a b HTTP/1.1\r\n" + H + "\r\n",
      "GET /a\tb HTTP/1.1\r\n" + H + "\r\n",
      "GET /\x80 HTTP/1.1\r\n" + H + "\r\n",
      "QUERY /q HTTP/1.1\r\n" + H + "\r\n",
      "POST / HTTP/1.1\r\n" + H +
          "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H +
          "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "POST / HTTP/1.1\r\n" + H + "Content-Length: 1x\r\n\r\na",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip\r\n\r\nabc",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3;a=b;c\r\nabc\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3;" + std::string(17000, 'e') +
          "\r\nabc\r\n0\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + "X: " + std::string(17000, 'x') + "\r\n\r\n",
      "GET / HTTP/1.1\r\n" + H + "Connection: close\r\n\r\nGET /2 HTTP/1.1\r\n" + H + "\r\n",
      "Oopsie-doopsie\r\n",
  });
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    auto body = std::make_shared<std::string>();
    req->setEncoding("latin1");
    req->on("data", [body](const std::string& d) { *body += d; });
    req->on("end",
            [req, res, body] { res->end(req->method + " " + req->url + " " + show(*body)); });
  });
  server->listen(0, "127.0.0.1", [server, cases] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, cases, i, next] {
      if (*i == cases->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      std::string c = (*cases)[(*i)++];
      raw(server->address()->port, c, [c, next](std::string r) {
        console::log(show(c.size() > 70 ? c.substr(0, 70) + "..." : c));
        console::log("  ->", show(r));
        (*next)();
      });
    };
    (*next)();
  });
}
