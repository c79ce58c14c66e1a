#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
std::string json(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.push_back(s);
  return Value(a).stringify();
}
}  // namespace

NODECC_CONFORMANCE_CASE(response_api) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/api") {
      res->setHeader("Content-Type", "text/plain");
      res->setHeader("X-Multi", Array{"a", "b"});
      res->setHeader("x-num", 7);
      res->appendHeader("X-Multi", "c");
      res->appendHeader("X-New", "n");
      console::log("getHeader", res->getHeader("content-type"),
                   res->getHeader("x-multi").stringify(), res->getHeader("X-NUM"),
                   res->getHeader("missing"));
      console::log("names", json(res->getHeaderNames()), json(res->getRawHeaderNames()));
      console::log("headers", res->getHeaders().stringify());
      console::log("has", res->hasHeader("X-Num"), res->hasHeader("nope"));
      res->removeHeader("x-num");
      res->removeHeader("Date");
      console::log("after remove", json(res->getHeaderNames()), "sendDate", res->sendDate);
      res->writeHead(202, {{"X-Head", "h"}, {"Content-Type", "text/html"}});
      console::log("statusMessage", res->statusMessage, "headersSent", res->headersSent());
      res->end("api");
    } else if (req->url == "/array") {
      res->writeHead(200,
                     http::headerArray({"Set-Cookie", "a=1", "Set-Cookie", "b=2", "X-Y", "z"}));
      res->end();
    } else if (req->url == "/unknown") {
      res->statusCode = 599;
      res->end();
    } else {
      res->statusMessage = "Custom";
      res->sendDate = false;
      res->writeHead(200, "Override", {{"Content-Length", 2}});
      res->end("ok");
    }
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    auto urls = std::make_shared<std::vector<std::string>>(
        std::vector<std::string>{"/api", "/array", "/unknown", "/other"});
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, port, urls, i, next] {
      if (*i == urls->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;  // destroys this closure: nothing captured is used after it
        return;
      }
      httptest::raw(port, "GET " + (*urls)[(*i)++] + " HTTP/1.1\r\nHost: a\r\n\r\n",
                    [next](std::string r) {
                      console::log(httptest::show(r));
                      (*next)();
                    });
    };
    (*next)();
  });
}
