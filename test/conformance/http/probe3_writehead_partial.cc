#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

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
std::string state(const http::ServerResponsePtr& res) {
  Array names;
  for (const auto& n : res->getHeaderNames()) names.push_back(n);
  return "status=" + std::to_string(res->statusCode) +
         " message=" + Value(res->statusMessage).stringify() +
         " sent=" + (res->headersSent() ? "true" : "false") + " names=" + Value(names).stringify();
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_writehead_partial) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    const std::string u = req->url;
    if (u == "/fast-bad") {
      tryIt("fast writeHead", [&] { res->writeHead(201, {{"X-Ok", "1"}, {"X-Bad", "a\nb"}}); });
    } else if (u == "/slow-bad") {
      res->setHeader("X-Pre", "p");
      tryIt("slow writeHead", [&] {
        res->writeHead(202, {{"X-Ok", "1"}, {"X-Bad", "a\nb"}, {"X-After", "2"}});
      });
    } else if (u == "/bad-name") {
      tryIt("bad name writeHead", [&] { res->writeHead(203, {{"Bad Name", "v"}}); });
    } else if (u == "/bad-value-undefined") {
      res->setHeader("X-Pre", "p");
      tryIt("undefined value writeHead", [&] { res->writeHead(206, {{"X-U", undefined}}); });
    } else if (u == "/bad-reason") {
      tryIt("bad reason writeHead", [&] { res->writeHead(207, "a\rb"); });
      console::log(u, state(res));
      tryIt("end with bad reason", [&] { res->end("x"); });
      res->statusMessage = "";
    }
    console::log(u, state(res));
    res->end("x");
  });
  auto urls = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "/fast-bad", "/slow-bad", "/bad-name", "/bad-value-undefined", "/bad-reason"});
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
