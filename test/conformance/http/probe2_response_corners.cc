#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

namespace {
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    auto r = fn();
    console::log(label, "returned", r);
  } catch (const Error& e) {
    console::log(label, e.code, e.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe2_response_corners) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    http::OutgoingMessage* self = res.get();
    const std::string u = req->url;
    if (u == "/twice") {
      res->writeHead(201, {{"X-A", "1"}});
      tryIt("writeHead again", [res, self] {
        return &res->writeHead(202, {{"X-B", "2"}}) == self;
      });
      console::log("statusCode", res->statusCode, "headersSent", res->headersSent());
      res->end("t");
    } else if (u == "/after-write") {
      res->write("w");
      tryIt("writeHead after write", [res, self] { return &res->writeHead(500) == self; });
      tryIt("setHeader after write",
            [res, self] { return &res->setHeader("X-Late", "1") == self; });
      res->end();
    } else if (u == "/status") {
      res->statusCode = 1000;
      tryIt("end with 1000", [res, self] { return &res->end("x") == self; });
      console::log("headersSent", res->headersSent(), "writableEnded", res->writableEnded());
      res->statusCode = 99;
      tryIt("write with 99", [res] { return res->write("x"); });
      res->statusCode = 299;
      res->end("ok");
    } else if (u == "/short") {
      res->setHeader("Content-Length", 10);
      tryIt("end 3 of 10", [res, self] { return &res->end("abc") == self; });
    } else if (u == "/long") {
      res->writeHead(200, {{"Content-Length", "2"}});
      tryIt("write 3", [res] { return res->write("abc"); });
      tryIt("end 2 more", [res, self] { return &res->end("de") == self; });
    } else if (u == "/both") {
      res->setHeader("Content-Length", 3);
      res->setHeader("Transfer-Encoding", "chunked");
      res->end("xyz");
    } else {
      tryIt("write empty", [res] { return res->write(""); });
      console::log("headersSent", res->headersSent());
      res->end();
    }
  });
  auto urls = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "/twice", "/after-write", "/status", "/short", "/long", "/both", "/empty"});
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
