#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    Value r = fn();
    console::log(label, "ok", r);
  } catch (const Error& e) {
    console::log(label, "throws", e.code, e.message);
  }
}
int port = 0;
std::string P(std::string s) {
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
http::ServerPtr server;
using Fn = std::function<void()>;

void show(const std::string& label, const http::ClientRequestPtr& req) {
  console::log(label, req->method, req->path, req->host, req->protocol,
               P(req->getHeader("host").toString()), req->headersSent(), req->reusedSocket);
}
void step1(Fn next) {
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::get("http://127.0.0.1:" + std::to_string(port) + "/a/b?c=d#frag",
                       [holder, next](http::IncomingMessagePtr res) {
                         tryIt("1 setHeader in response", [&] {
                           (*holder)->setHeader("X-Late", "1");
                           return Value(undefined);
                         });
                         res->resume();
                         res->on("end", next);
                       });
  *holder = req;
  show("1", req);
}
void step2(Fn next) {
  http::RequestOptions o;
  o.path = "/override";
  o.headers = {{"X-A", "a"}};
  auto req = http::get("http://u%20x:p%40@127.0.0.1:" + std::to_string(port) + "/auth?q", o,
                       [next](http::IncomingMessagePtr res) {
                         res->resume();
                         res->on("end", next);
                       });
  show("2", req);
}
void step3(Fn next) {
  http::RequestOptions o;
  o.hostname = "127.0.0.1";
  o.host = "ignored.invalid";
  o.port = port;
  o.method = "post";
  o.path = "/p";
  auto req = http::request(o, [next](http::IncomingMessagePtr res) {
    res->resume();
    res->on("end", next);
  });
  show("3", req);
  req->setHeader("X-Foo", "a");
  req->appendHeader("x-foo", "b");
  req->setHeader("X-Num", 7);
  console::log("3 headers", P(req->getHeaders().stringify()),
               strings(req->getHeaderNames()).stringify(),
               strings(req->getRawHeaderNames()).stringify());
  req->flushHeaders();
  console::log("3 headersSent", req->headersSent());
  tryIt("3 setHeader", [&] {
    req->setHeader("X-B", "1");
    return Value(undefined);
  });
  tryIt("3 removeHeader", [&] {
    req->removeHeader("x-foo");
    return Value(undefined);
  });
  tryIt("3 appendHeader", [&] {
    req->appendHeader("x-foo", "c");
    return Value(undefined);
  });
  tryIt("3 getHeader", [&] { return Value(req->getHeader("x-foo").stringify()); });
  req->write("ab");
  req->end("c");
}
void step4(Fn next) {
  http::RequestOptions o;
  o.host = "127.0.0.1";
  o.defaultPort = port;
  o.path = "/dp";
  auto req = http::get(o, [next](http::IncomingMessagePtr res) {
    res->resume();
    res->on("end", next);
  });
  show("4", req);
}
void step5(Fn next) {
  http::RequestOptions o;
  o.host = "::1";
  o.port = 1;
  o.agent = false;
  o.path = "/v6";
  auto req = http::get(o);
  show("5", req);
  req->on("error", [](const Error& e) { console::log("5 error", e.code, e.message); });
  req->on("close", next);
  req->destroy();
}
void throws() {
  tryIt("no scheme", [] { return Value(http::get("127.0.0.1/x") != nullptr); });
  tryIt("https", [] { return Value(http::get("https://127.0.0.1/x") != nullptr); });
  tryIt("protocol option", [] {
    http::RequestOptions o;
    o.protocol = "ftp:";
    o.host = "127.0.0.1";
    return Value(http::request(o) != nullptr);
  });
  tryIt("space in path", [] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.path = "/a b";
    return Value(http::request(o) != nullptr);
  });
  tryIt("bad method", [] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.method = "BAD METHOD";
    return Value(http::request(o) != nullptr);
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_request_props) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    auto body = std::make_shared<std::string>();
    req->setEncoding("utf8");
    req->on("data", [body](const std::string& d) { *body += d; });
    req->on("end", [req, res, body] {
      const Value& h = req->headers();
      console::log("S", req->method, req->url, P(h["host"].toString()), h["authorization"],
                   h["x-a"], h["x-foo"], h["transfer-encoding"], h["content-length"],
                   Value(*body).stringify());
      res->end();
    });
  });
  server->listen(0, "127.0.0.1", [] {
    port = server->address()->port;
    throws();
    step1([] {
      step2([] {
        step3([] {
          step4([] {
            step5([] {
              server->close([] { console::log("closed"); });
              server = nullptr;
            });
          });
        });
      });
    });
  });
}
