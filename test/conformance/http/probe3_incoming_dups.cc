#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
std::string arrayJson(const std::vector<std::string>& v, std::size_t from = 0) {
  Array a;
  for (std::size_t i = from; i < v.size(); i++) a.push_back(v[i]);
  return Value(a).stringify();
}
std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string makeHead() {
  const std::vector<std::string> dropped = {"Content-Type",
                                            "User-Agent",
                                            "Referer",
                                            "Authorization",
                                            "Proxy-Authorization",
                                            "If-Modified-Since",
                                            "If-Unmodified-Since",
                                            "From",
                                            "Location",
                                            "Max-Forwards",
                                            "Retry-After",
                                            "ETag",
                                            "Last-Modified",
                                            "Server",
                                            "Expires"};
  const std::vector<std::string> joined = {"Date",
                                           "Vary",
                                           "Origin",
                                           "Expect-Ct",
                                           "Accept",
                                           "If-Match",
                                           "Cache-Control",
                                           "If-None-Match",
                                           "Accept-Encoding",
                                           "Accept-Language",
                                           "X-Forwarded-For",
                                           "X-Forwarded-Host",
                                           "X-Forwarded-Proto",
                                           "Content-Encoding",
                                           "X-Other"};
  std::string head = "POST /p HTTP/1.1\r\nHost: h1\r\nHOST: h2\r\n";
  for (const auto& n : dropped) head += n + ": 1\r\n" + upper(n) + ": 2\r\n";
  for (const auto& n : joined) head += n + ": 1\r\n" + lower(n) + ": 2\r\n";
  head +=
      "X-Empty:\r\nX-Empty: e\r\nAge:\r\nage: 2\r\n"
      "Cookie: a=1\r\nCOOKIE: b=2\r\ncookie:\r\n"
      "Set-Cookie: s1\r\nSET-COOKIE: s2\r\n"
      "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\nConnection: close\r\n"
      "Trailer: X-T\r\n\r\n"
      "3\r\nabc\r\n0\r\nX-T: t1\r\nx-t: t2\r\nSet-Cookie: ts1\r\nset-cookie: ts2\r\n"
      "Content-Type: tc1\r\ncontent-type: tc2\r\nCookie: c1\r\ncookie: c2\r\n\r\n";
  return head;
}
void run(Value options, std::function<void()> cb) {
  http::ServerOptions o;
  if (options.contains("joinDuplicateHeaders")) o.joinDuplicateHeaders = true;
  auto server =
      http::createServer(o, [options](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        console::log(options.stringify(), req->method, req->url);
        console::log(" headers", req->headers().stringify());
        console::log(" distinct", req->headersDistinct().stringify());
        const auto& rh = req->rawHeaders();
        console::log(" raw count", rh.size(), arrayJson(rh, rh.size() - 12));
        console::log(" trailers before", req->trailers().stringify(), arrayJson(req->rawTrailers()),
                     "complete", req->complete);
        auto body = std::make_shared<std::string>();
        req->setEncoding("latin1");
        req->on("data", [body](const std::string& d) { *body += d; });
        http::IncomingMessage* r = req.get();
        req->on("end", [r, res, body] {
          console::log(" body", *body, "complete", r->complete);
          console::log(" trailers", r->trailers().stringify());
          console::log(" trailersDistinct", r->trailersDistinct().stringify());
          console::log(" rawTrailers", arrayJson(r->rawTrailers()));
          res->end();
        });
      });
  server->listen(0, "127.0.0.1", [server, cb] {
    httptest::raw(server->address()->port, makeHead(),
                  [server, cb](std::string) { server->close(cb); });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_incoming_dups) {
  run(Object{}, [] { run(Object{{"joinDuplicateHeaders", true}}, [] { console::log("done"); }); });
}
