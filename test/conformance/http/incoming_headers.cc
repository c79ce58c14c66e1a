#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
int servers = 0;
std::string arrayJson(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.push_back(s);
  return Value(a).stringify();
}
void run(Value options, std::function<void()> cb) {
  http::ServerOptions o;
  if (options.contains("joinDuplicateHeaders")) o.joinDuplicateHeaders = true;
  const std::string head =
      "GET /h?x=1 HTTP/1.1\r\n"
      "Host: one\r\nhost: two\r\n"
      "Accept: a\r\nACCEPT: b\r\n"
      "Cookie: c1=1\r\ncookie: c2=2\r\n"
      "Set-Cookie: s1\r\nset-cookie: s2\r\n"
      "Content-Type: text/a\r\nContent-Type: text/b\r\n"
      "Authorization: x\r\nAuthorization: y\r\n"
      "X-Custom: 1\r\nx-custom: 2\r\n"
      "Empty:\r\n"
      "Spaces:   padded value  \r\n\r\n";
  auto server =
      http::createServer(o, [options](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        console::log(options.stringify(), req->method, req->url, req->httpVersion);
        console::log(" headers", req->headers().stringify());
        console::log(" distinct", req->headersDistinct().stringify());
        console::log(" raw", arrayJson(req->rawHeaders()));
        res->end();
      });
  if (options.contains("maxHeadersCount"))
    server->maxHeadersCount = options["maxHeadersCount"].get<int>();
  servers++;
  server->listen(0, "127.0.0.1", [server, head, cb] {
    httptest::raw(server->address()->port, head, [server, cb](std::string) { server->close(cb); });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(incoming_headers) {
  run(Object{}, [] {
    run(Object{{"joinDuplicateHeaders", true}}, [] {
      run(Object{{"maxHeadersCount", 3}}, [] { console::log("servers", servers); });
    });
  });
}
