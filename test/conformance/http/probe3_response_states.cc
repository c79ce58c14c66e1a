#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

namespace {
std::string st(const http::ServerResponsePtr& res) {
  auto b = [](bool v) { return v ? std::string("true") : std::string("false"); };
  return "sent=" + b(res->headersSent()) + " ended=" + b(res->writableEnded()) +
         " finished=" + b(res->writableFinished());
}
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    fn();
    console::log(label, "ok");
  } catch (const Error& e) {
    console::log(label, e.code, e.message);
  }
}
std::function<void()> resClosed;
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_response_states) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    http::ServerResponse* r0 = res.get();
    res->on("prefinish", [r0] {
      auto res = std::static_pointer_cast<http::ServerResponse>(r0->shared_from_this());
      console::log("prefinish", st(res));
    });
    res->on("finish", [r0] {
      auto res = std::static_pointer_cast<http::ServerResponse>(r0->shared_from_this());
      console::log("finish", st(res));
      res->end([](std::optional<Error> err) {
        if (err)
          console::log("end after finish cb", err->code, err->message);
        else
          console::log("end after finish cb", undefined, undefined);
      });
    });
    res->on("close", [r0] {
      auto res = std::static_pointer_cast<http::ServerResponse>(r0->shared_from_this());
      console::log("close", st(res));
      auto f = resClosed;  // next() replaces resClosed
      f();
    });
    res->on("error", [](const Error& e) { console::log("error event", e.code); });
    console::log(req->method, req->url, st(res));
    if (req->method == "HEAD") {
      res->setHeader("X-H", "h");
      bool ret = res->write("abc", "", [](std::optional<Error> e) {
        console::log("head write cb", e ? e->code : "none");
      });
      console::log("head write returned", ret, st(res));
      res->end("def", "", [] { console::log("head end cb"); });
      console::log("head after end", st(res));
      return;
    }
    res->setHeader("X-A", "a");
    res->flushHeaders();
    console::log("after flushHeaders", st(res));
    tryIt("setHeader", [&] { res->setHeader("X-B", "b"); });
    tryIt("appendHeader", [&] { res->appendHeader("X-A", "b"); });
    tryIt("removeHeader", [&] { res->removeHeader("X-A"); });
    tryIt("writeHead", [&] { res->writeHead(201); });
    console::log("getHeader still", res->getHeader("x-a"), res->hasHeader("X-A"));
    res->flushHeaders();
    console::log("write returned", res->write("abc", "", [](std::optional<Error> e) {
      console::log("write cb", e ? e->code : "none");
    }));
    auto& r = res->end([] { console::log("end cb 1"); });
    console::log("end returned res", &r == res.get(), st(res));
    res->end([](std::optional<Error> e) {
      if (e)
        console::log("end cb 2 (no chunk)", e->code);
      else
        console::log("end cb 2 (no chunk)", undefined);
    });
    res->end("", "", [](std::optional<Error> e) {
      if (e)
        console::log("end cb 3 (empty string)", e->code);
      else
        console::log("end cb 3 (empty string)", undefined);
    });
    res->end("late", "", [](std::optional<Error> e) {
      if (e)
        console::log("end cb 4", e->code);
      else
        console::log("end cb 4", undefined);
    });
    console::log("late write returned", res->write("x", "", [](std::optional<Error> e) {
      if (e)
        console::log("late write cb", e->code);
      else
        console::log("late write cb", undefined);
    }));
    console::log("sync done", st(res));
  });
  auto requests = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "GET /flush HTTP/1.1\r\nHost: a\r\n\r\n", "HEAD /head HTTP/1.1\r\nHost: a\r\n\r\n"});
  server->listen(0, "127.0.0.1", [server, requests] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, requests, i, next] {
      if (*i == requests->size()) {
        server->close([] { console::log("closed"); });
        resClosed = nullptr;
        *next = nullptr;
        return;
      }
      auto wire = std::make_shared<std::optional<std::string>>();
      auto closed = std::make_shared<bool>(false);
      auto both = [wire, closed, next] {
        if (*wire && *closed) {
          console::log(show(**wire));
          (*next)();
        }
      };
      resClosed = [closed, both] {
        *closed = true;
        both();
      };
      raw(server->address()->port, (*requests)[(*i)++], [wire, both](std::string r) {
        *wire = r;
        both();
      });
    };
    (*next)();
  });
}
