#include <deque>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Fn = std::function<void()>;
std::deque<http::ServerResponsePtr> held;
http::ServerPtr server;
int port = 0;
template <class M>
std::size_t count(const M& o) {
  std::size_t n = 0;
  for (auto& [k, v] : o) n += v.size();
  return n;
}
std::string state(const http::AgentPtr& a) {
  return "busy " + std::to_string(count(a->sockets)) + " free " +
         std::to_string(count(a->freeSockets)) + " total " + std::to_string(a->totalSocketCount);
}
std::string b(bool v) { return v ? "true" : "false"; }
std::string flags(const http::ClientRequestPtr& r) {
  return "ended " + b(r->writableEnded()) + " finished " + b(r->writableFinished()) + " fin " +
         b(r->finished) + " len " + std::to_string(r->writableLength()) + " sent " +
         b(r->headersSent());
}
http::AgentPtr kaAgent(std::optional<double> maxFree = {}) {
  http::AgentOptions ao;
  ao.keepAlive = true;
  if (maxFree) ao.maxFreeSockets = *maxFree;
  return std::make_shared<http::Agent>(ao);
}
void partA(Fn next) {
  auto agent = kaAgent(1);
  auto n = std::make_shared<int>(0);
  agent->on("free", [agent, n, next] {
    console::log("A free", state(agent));
    if (++*n == 3) {
      setImmediate([agent, next] {
        console::log("A done", state(agent));
        agent->destroy();
        agent->removeAllListeners("free");
        next();
      });
    } else {
      setImmediate([] {
        auto r = held.front();
        held.pop_front();
        r->end("h");
      });
    }
  });
  for (int i = 0; i < 3; i++) {
    http::RequestOptions o;
    o.agent = agent;
    o.host = "127.0.0.1";
    o.port = port;
    o.path = "/h";
    http::get(o);
  }
}
void partB(Fn next) {
  auto agent = kaAgent();
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = port;
  o.method = "POST";
  o.path = "/b";
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::request(o, [=](http::IncomingMessagePtr res) {
    auto req = *holder;
    console::log("B response", flags(req));
    res->resume();
    res->on("end", [=] {
      console::log("B end", flags(req));
      res->destroy();
      console::log("B res destroyed", res->destroyed(), state(agent));
    });
    res->on("close", [=] {
      setImmediate([=] {
        console::log("B after", state(agent), "pooled destroyed",
                     agent->freeSockets.begin()->second[0]->destroyed());
        agent->destroy();
        next();
      });
    });
  });
  *holder = req;
  console::log("B start", flags(req));
  req->write("abc", {}, [req](std::optional<Error>) { console::log("B write cb", flags(req)); });
  console::log("B after write", flags(req));
  req->end("def", {}, [req](std::optional<Error>) { console::log("B end cb", flags(req)); });
  console::log("B after end", flags(req));
  req->on("socket", [req](net::SocketPtr) { console::log("B socket", flags(req)); });
  req->on("finish", [req] { console::log("B finish", flags(req)); });
  req->write("late", {}, [](std::optional<Error> err) {
    console::log("B late write cb", err->code, err->message);
  });
  req->on("error", [](const Error& e) { console::log("B error", e.code, e.message); });
  try {
    req->setHeader("X-Late", "1");
  } catch (const Error& e) {
    console::log("B setHeader after end", e.code);
  }
}
void partC(Fn next) {
  auto agent = kaAgent();
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = port;
  o.path = "/slowbody";
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    res->setEncoding("utf8");
    res->on("data", [](const std::string& d) { console::log("C data", d); });
    res->setTimeout(50, [] {
      console::log("C res timeout cb");
      auto r = held.back();
      held.pop_back();
      r->end("last");
    });
    res->on("timeout", [] { console::log("C res timeout event"); });
    res->on("end", [] { console::log("C end"); });
    res->on("close", [=] {
      setImmediate([=] {
        console::log("C after", state(agent));
        agent->destroy();
        next();
      });
    });
  });
  req->on("timeout", [] { console::log("C req timeout"); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_client_misc) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/h") {
      held.push_back(res);
      if (held.size() == 3) {
        auto r = held.front();
        held.pop_front();
        r->end("h");
      }
      return;
    }
    if (req->url == "/slowbody") {
      res->write("first");
      held.push_back(res);
      return;
    }
    res->end("body of " + req->url);
  });
  server->listen(0, "127.0.0.1", [] {
    port = server->address()->port;
    partA([] {
      partB([] {
        partC([] {
          server->close([] { console::log("closed"); });
          server = nullptr;
        });
      });
    });
  });
}
