#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
std::string flags(http::IncomingMessage* req) {
  auto b = [](bool v) { return v ? std::string("true") : std::string("false"); };
  return "complete=" + b(req->complete) + " aborted=" + b(req->aborted) +
         " ended=" + b(req->readableEnded()) + " destroyed=" + b(req->destroyed());
}
int pending = 0;
std::function<void()> onDone;
void done() {
  if (--pending == 0) {
    auto f = onDone;
    f();
  }
}
struct Case {
  std::string method, path;
  std::optional<std::string> body;
  http::OutgoingHttpHeaders headers;
};
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_request_flags) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    const std::string tag = req->method + " " + req->url;
    http::IncomingMessage* r = req.get();
    console::log(tag, "handler", flags(r), "cl", req->headers()["content-length"], "te",
                 req->headers()["transfer-encoding"]);
    req->on("end", [tag, r] { console::log(tag, "req end", flags(r)); });
    req->on("aborted", [tag] { console::log(tag, "req aborted"); });
    // Holds the response as the JS closure does (a request's listeners go after its 'close').
    req->on("close", [tag, r, res] {
      console::log(tag, "req close", flags(r), "res ended", res->writableEnded());
      done();
    });
    res->on("finish", [tag, r] { console::log(tag, "res finish", flags(r)); });
    res->on("close", [tag, r] {
      console::log(tag, "res close", flags(r));
      done();
    });
    if (req->url == "/read") {
      auto body = std::make_shared<std::string>();
      req->on("data", [tag, r, body](const Buffer& d) {
        *body += d.toString();
        console::log(tag, "data", Value(d.toString()).stringify(), flags(r));
      });
      req->on("end", [res, body] { res->end("got " + *body); });
    } else if (req->url == "/ignore") {
      res->end("ignored");
      console::log(tag, "after end", flags(r));
    } else {
      setImmediate([tag, req, res] {
        console::log(tag, "immediate", flags(req.get()));
        res->end("ok");
      });
    }
  });
  auto cases = std::make_shared<std::vector<Case>>(std::vector<Case>{
      {"GET", "/get", std::nullopt, {}},
      {"POST", "/zero", "", {{"Content-Length", 0}}},
      {"POST", "/read", "hello", {{"Content-Length", 5}}},
      {"POST", "/ignore", "hello", {{"Content-Length", 5}}},
      {"POST", "/chunked-empty", "", {{"Transfer-Encoding", "chunked"}}},
  });
  server->listen(0, "127.0.0.1", [server, cases] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, cases, i, next] {
      if (*i == cases->size()) {
        server->close([] { console::log("closed"); });
        onDone = nullptr;
        *next = nullptr;
        return;
      }
      const Case& c = (*cases)[(*i)++];
      pending = 3;
      onDone = *next;
      http::RequestOptions o;
      o.port = server->address()->port;
      o.host = "127.0.0.1";
      o.method = c.method;
      o.path = c.path;
      o.headers = c.headers;
      o.agent = false;
      auto creq = http::request(o, [](http::IncomingMessagePtr cres) {
        auto got = std::make_shared<std::string>();
        cres->setEncoding("utf8");
        cres->on("data", [got](const std::string& d) { *got += d; });
        http::IncomingMessage* cr = cres.get();
        cres->on("end", [cr, got] {
          console::log("client got", cr->statusCode, Value(*got).stringify());
          done();
        });
      });
      if (!c.body)
        creq->end();
      else
        creq->end(*c.body);
    };
    (*next)();
  });
}
