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
    console::log(label, e.name, e.code, e.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(header_validation) {
  tryIt("name ok", [] { http::validateHeaderName("X-Foo"); });
  tryIt("name space", [] { http::validateHeaderName("X Foo"); });
  tryIt("name empty", [] { http::validateHeaderName(""); });
  tryIt("name colon", [] { http::validateHeaderName("X:Foo"); });
  tryIt("name utf8", [] { http::validateHeaderName("X-Föö"); });
  tryIt("value ok", [] { http::validateHeaderValue("X-Foo", "a b\tc"); });
  tryIt("value CR", [] { http::validateHeaderValue("X-Foo", "a\rb"); });
  tryIt("value LF", [] { http::validateHeaderValue("X-Foo", "a\nb"); });
  tryIt("value NUL", [] { http::validateHeaderValue("X-Foo", std::string("a\0b", 3)); });
  tryIt("value undefined", [] { http::validateHeaderValue("X-Foo", undefined); });
  tryIt("value high", [] { http::validateHeaderValue("X-Foo", "\u00ff"); });
  auto server = http::createServer([](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    tryIt("setHeader CRLF", [res] { res->setHeader("X-Inject", "a\r\nSet-Cookie: evil=1"); });
    tryIt("setHeader bad name", [res] { res->setHeader("Bad Name", "v"); });
    tryIt("setHeader array with LF", [res] { res->setHeader("X-Arr", Array{"ok", "b\nad"}); });
    tryIt("setHeader number", [res] { res->setHeader("X-Num", 42); });
    tryIt("appendHeader", [res] { res->appendHeader("X-Num", "more"); });
    tryIt("writeHead 99", [res] { res->writeHead(99); });
    tryIt("writeHead 1000", [res] { res->writeHead(1000); });
    tryIt("statusMessage CRLF", [res] { res->writeHead(200, "OK\r\nX: y"); });
    console::log("statusMessage kept", Value(res->statusMessage).stringify());
    res->statusMessage.clear();
    tryIt("addTrailers bad", [res] { res->addTrailers({{"X-T", "a\rb"}}); });
    tryIt("addTrailers bad name", [res] { res->addTrailers({{"X T", "v"}}); });
    res->end("ok");
    tryIt("setHeader after end", [res] { res->setHeader("X-Late", "1"); });
    tryIt("removeHeader after end", [res] { res->removeHeader("X-Num"); });
    tryIt("writeHead after end", [res] { res->writeHead(200); });
    console::log("headersSent", res->headersSent(), "writableEnded", res->writableEnded());
  });
  server->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.port = server->address()->port;
    o.host = "127.0.0.1";
    http::get(o, [server](http::IncomingMessagePtr res) {
      console::log("client", res->statusCode, res->headers()["x-num"], res->headers()["x-inject"]);
      res->resume();
      res->on("end", [server] { server->close([] { console::log("closed"); }); });
    });
  });
}
