#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Fn = std::function<void()>;
http::ServerPtr server;
http::AgentPtr agent;
int port = 0;
std::function<void(std::optional<Error>)> cbLog(std::string label) {
  return [label](std::optional<Error> err) {
    console::log(label, err ? err->code : std::string("no error"),
                 err ? err->message : std::string(""));
  };
}
void watch(const std::string& label, const http::ClientRequestPtr& req) {
  req->on("error", [label](const Error& e) { console::log(label, "error", e.code, e.message); });
  req->on("abort", [label, r = req.get()] { console::log(label, "abort event", r->aborted); });
  req->on("finish", [label] { console::log(label, "finish"); });
  req->on("close", [label] { console::log(label, "close"); });
}
http::RequestOptions opts(std::string method, std::string path) {
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = port;
  o.method = method;
  o.path = path;
  return o;
}
void step1(Fn next) {
  auto r = http::request(opts("POST", "/1"));
  watch("1", r);
  r->destroy();
  console::log("1 write returned", r->write("x", {}, cbLog("1 write cb")));
  r->end("y", {}, cbLog("1 end cb (never)"));
  console::log("1 finished", r->finished, r->writableEnded(), r->headersSent());
  try {
    r->setHeader("X-A", "1");
    console::log("1 setHeader ok");
  } catch (const Error& e) {
    console::log("1 setHeader", e.code);
  }
  r->on("close", [r, next] {
    r->abort();
    console::log("1 aborted after close", r->aborted);
    r->destroy();
    setImmediate(next);
  });
}
void step2(Fn next) {
  auto r = http::request(opts("GET", "/2"), [](http::IncomingMessagePtr res) { res->resume(); });
  watch("2", r);
  r->on("finish", [] { console::log("2 finish (registered first)"); });
  r->end(cbLog("2 end cb1"));
  r->end(cbLog("2 end cb2"));
  r->end("chunk", {}, cbLog("2 end with chunk after end"));
  r->on("close", [r, next] {
    console::log("2 close", r->destroyed, r->writableFinished());
    r->end(cbLog("2 end after close"));
    console::log("2 write returned", r->write("late", {}, cbLog("2 write after close")));
    r->abort();
    console::log("2 aborted", r->aborted);
    setImmediate([next] { setImmediate(next); });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_after_close) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    req->resume();
    req->on("end", [res] { res->end("ok"); });
  });
  http::AgentOptions ao;
  ao.keepAlive = true;
  agent = std::make_shared<http::Agent>(ao);
  server->listen(0, "127.0.0.1", [] {
    port = server->address()->port;
    step1([] {
      step2([] {
        agent->destroy();
        agent = nullptr;
        server->close([] { console::log("closed"); });
        server = nullptr;
      });
    });
  });
}
