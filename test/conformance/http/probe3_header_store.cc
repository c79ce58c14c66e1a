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

NODECC_CONFORMANCE_CASE(probe3_header_store) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    const std::string u = req->url;
    if (u == "/types") {
      res->setHeader("X-Arr", Array{"a", "b"});
      res->setHeader("X-Num", 42);
      res->setHeader("X-Float", 1.5);
      res->setHeader("X-Big", 1e21);
      res->setHeader("X-Bool", true);
      res->setHeader("X-Empty", Array{});
      res->setHeader("X-One", Array{"solo"});
      res->setHeader("Cookie", Array{"c1=1", "c2=2"});
      res->setHeader("Set-Cookie", Array{"s1", "s2"});
      res->setHeader("x-ARR", Array{"A", "B", "C"});
      console::log("types", conformance::typeOf(res->getHeader("x-num")),
                   conformance::typeOf(res->getHeader("X-BOOL")), res->getHeader("x-arr").isArray(),
                   res->getHeader("x-empty").stringify());
      res->appendHeader("X-Num", "more");
      res->appendHeader("X-Fresh", Array{"f1", "f2"});
      res->appendHeader("x-one", Array{"two", "three"});
      console::log("has", res->hasHeader("X-ARR"), res->hasHeader("x-arr"),
                   res->hasHeader("X-Missing"));
      res->removeHeader("X-Nope");
      res->removeHeader("x-num");
      res->setHeader("X-Num", 7);
      console::log("names", json(res->getHeaderNames()));
      console::log("raw", json(res->getRawHeaderNames()));
      console::log("headers", res->getHeaders().stringify());
      res->writeHead(201, {{"x-num", "over"}, {"X-New", "n"}, {"x-arr", "single"}});
      console::log("after writeHead", json(res->getRawHeaderNames()), res->getHeader("X-Num"));
      res->end();
    } else if (u == "/array-merge") {
      res->setHeader("X-Pre", "p");
      res->writeHead(200, http::headerArray({"Set-Cookie", "a", "Set-Cookie", "b", "X-Pre", "q",
                                             "x-dup", "1", "X-DUP", "2"}));
      console::log("array-merge", res->getHeaders().stringify(), json(res->getRawHeaderNames()));
      res->end("m");
    } else if (u == "/array-fast") {
      res->writeHead(
          200, http::headerArray({"X-D", "1", "x-d", "2", "Set-Cookie", "a", "set-cookie", "b"}));
      console::log("array-fast names", json(res->getHeaderNames()));
      res->end("f");
    } else if (u == "/removed-slow") {
      res->setHeader("X-T", "t");
      res->removeHeader("X-T");
      console::log("removed names", json(res->getHeaderNames()));
      res->writeHead(200, {{"X-W", "w"}});
      console::log("slow names", json(res->getHeaderNames()));
      res->end();
    } else if (u == "/fast") {
      res->writeHead(200, {{"X-W", "w"}});
      console::log("fast names", json(res->getHeaderNames()), res->hasHeader("x-w"));
      res->end();
    } else if (u == "/no-cl") {
      res->removeHeader("Content-Length");
      res->end("abc");
    } else if (u == "/no-te") {
      res->removeHeader("Transfer-Encoding");
      res->end("abc");
    } else {
      res->removeHeader("Content-Length");
      res->removeHeader("transfer-encoding");
      res->write("a");
      res->end("b");
    }
  });
  auto urls = std::make_shared<std::vector<std::string>>(
      std::vector<std::string>{"/types", "/array-merge", "/array-fast", "/removed-slow", "/fast",
                               "/no-cl", "/no-te", "/neither"});
  server->listen(0, "127.0.0.1", [server, urls] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, urls, i, next] {
      if (*i == urls->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      std::string url = (*urls)[(*i)++];
      raw(server->address()->port, "GET " + url + " HTTP/1.1\r\nHost: a\r\n\r\n",
          [next](std::string r) {
            console::log(show(r));
            (*next)();
          });
    };
    (*next)();
  });
}
