#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe2_client_error_listener) {
  const std::string H = "Host: a\r\n";
  auto cases = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET / HTTP/1.1\r\n" + H + "Bad Header: 1\r\n\r\n",
      "POST / HTTP/1.1\r\n" + H + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET / HTTP/1.1\r\n" + H + "X: " + std::string(17000, 'x') + "\r\n\r\n",
      "GET /ok HTTP/1.1\r\n" + H + "\r\nBROKEN\r\n\r\n",
      "POST /body HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3x\r\n",
  });
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->method, req->url);
    req->on("data", [](const Buffer& d) { console::log("body", Value(d.toString()).stringify()); });
    req->on("error", [](const Error& e) { console::log("req error", e.code); });
    req->on("aborted", [] { console::log("req aborted"); });
    res->end("ok " + req->url);
  });
  server->on("clientError", [](const Error& err, net::SocketPtr socket) {
    console::log("clientError", err.code, err.info["reason"], err.info["bytesParsed"],
                 err.info["rawPacket"].asBuffer().length(), "writable", socket->writable());
    socket->end("HTTP/1.1 400 Custom\r\nContent-Length: 0\r\n\r\n");
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
