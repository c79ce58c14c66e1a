#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

namespace {
std::string json(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.push_back(s);
  return Value(a).stringify();
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_index_header_names) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    console::log("req.headers", req->headers().stringify());
    console::log("req.headersDistinct", req->headersDistinct().stringify());
    console::log("req.rawHeaders", json(req->rawHeaders()));
    res->setHeader("X-A", "a");
    res->setHeader("10", "ten");
    res->setHeader("2", "two");
    res->setHeader("01", "zero-one");
    console::log("names", json(res->getHeaderNames()), json(res->getRawHeaderNames()));
    console::log("headers", res->getHeaders().stringify());
    res->end("n");
  });
  server->listen(0, "127.0.0.1", [server] {
    raw(server->address()->port, "GET / HTTP/1.1\r\nHost: a\r\n10: x\r\n2: y\r\n01: z\r\n\r\n",
        [server](std::string r) {
          console::log(show(r));
          server->close([] { console::log("closed"); });
        });
  });
}
