#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    fn();
    console::log(label, "ok");
  } catch (const Error& e) {
    console::log(label, e.code, e.message);
  }
}
int port = 0;
std::string replacePort(std::string s) {
  std::string p = std::to_string(port);
  std::size_t i = s.find(p);
  if (i != std::string::npos) s.replace(i, p.size(), "PORT");
  return s;
}
Value strings(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.push_back(s);
  return a;
}
void send(http::RequestOptions opts, std::function<void(http::ClientRequestPtr)> fn,
          std::function<void()> next) {
  opts.host = "127.0.0.1";
  opts.port = port;
  auto req = http::request(opts, [next](http::IncomingMessagePtr res) {
    console::log("C status", res->statusCode, res->headers()["connection"]);
    res->resume();
    res->on("end", [next] { next(); });
  });
  fn(req);
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_client_headers) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    auto body = std::make_shared<std::string>();
    req->setEncoding("utf8");
    req->on("data", [body](const std::string& d) { *body += d; });
    req->on("end", [req, res, body] {
      Array raw;
      for (const auto& h : req->rawHeaders()) raw.push_back(replacePort(h));
      console::log("S", req->method, req->url, req->httpVersion, Value(raw).stringify(),
                   Value(*body).stringify());
      console::log("S headers", replacePort(req->headers().stringify()));
      res->end();
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    port = server->address()->port;
    http::RequestOptions o1;
    o1.method = "PUT";
    o1.path = "/a/b?x=1&y=%20";
    o1.headers = {{"X-Dup", Array{"1", "2"}}, {"Content-Type", "text/plain"}, {"x-num", 5}};
    send(
        o1,
        [](http::ClientRequestPtr r) {
          r->setHeader("X-Late", "late");
          r->removeHeader("content-type");
          r->setHeader("Cookie", Array{"a=1", "b=2"});
          console::log("C1", r->getHeader("x-dup").stringify(), r->getHeader("X-NUM"),
                       r->hasHeader("Content-Type"), strings(r->getHeaderNames()).stringify(),
                       strings(r->getRawHeaderNames()).stringify(), r->headersSent());
          r->end("put body");
        },
        [server] {
          http::RequestOptions o2;
          o2.path = "/get";
          o2.setHost = false;
          o2.headers = {{"Connection", "close"}};
          send(
              o2, [](http::ClientRequestPtr r) { r->end(); },
              [server] {
                http::RequestOptions o3;
                o3.method = "POST";
                o3.path = "/arr";
                o3.headersArray =
                    std::vector<std::string>{"X-A", "1", "x-a", "2", "Host", "example.com"};
                send(
                    o3,
                    [](http::ClientRequestPtr r) {
                      console::log("C3 headersSent", r->headersSent(), "host",
                                   r->getHeader("host"));
                      tryIt("C3 setHeader", [r] { r->setHeader("X-Too-Late", "1"); });
                      r->write("ab");
                      r->end("cd");
                    },
                    [server] { server->close([] { console::log("closed"); }); });
              });
        });
  });
}
