#include <vector>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Fn = std::function<void()>;
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
void handler(http::IncomingMessagePtr req, http::ServerResponsePtr res) {
  if (req->url == "/slow")
    req->on("close", [res] { res->end(); });
  else
    res->end("ok");
}
http::ServerPtr s1, s2;
http::ClientRequestPtr get(http::AgentPtr agent, http::ServerPtr srv, std::string path,
                           std::optional<double> timeout,
                           std::function<void(http::IncomingMessagePtr)> onRes = {}) {
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = srv->address()->port;
  o.path = path;
  o.timeout = timeout;
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    console::log(path, "response", res->headers()["keep-alive"]);
    res->resume();
    if (onRes) onRes(res);
  });
  req->on("socket", [=](net::SocketPtr s) { console::log(path, "socket timeout", s->timeout()); });
  req->on("timeout", [=] {
    console::log(path, "req timeout", state(agent));
    req->destroy();
  });
  req->on("error", [=](const Error& e) { console::log(path, "error", e.code, e.message); });
  return req;
}
void partA(Fn next) {
  http::AgentOptions ao;
  ao.keepAlive = true;
  ao.timeout = 150;
  auto agent = std::make_shared<http::Agent>(ao);
  agent->on("free", [agent, next](net::SocketPtr s) {
    console::log("A free, socket timeout", s->timeout(), state(agent));
    s->once("timeout", [] { console::log("A pooled socket timeout"); });
    s->once("close", [agent, next] {
      console::log("A pooled socket closed", state(agent));
      get(agent, s1, "/slow", {})->on("close", [agent, next] {
        console::log("A slow closed", state(agent));
        get(agent, s1, "/slow", 60)->on("close", [agent, next] {
          setImmediate([agent, next] {
            console::log("A done", state(agent));
            next();
          });
        });
      });
    });
  });
  get(agent, s1, "/fast", {});
}
void partB(Fn next) {
  http::AgentOptions ao;
  ao.keepAlive = true;
  auto agent = std::make_shared<http::Agent>(ao);
  agent->on("free", [agent](net::SocketPtr s) {
    console::log("B free, socket timeout", s->timeout(), state(agent));
    process::nextTick(
        [agent, s] { console::log("B after free", state(agent), "destroyed", s->destroyed()); });
  });
  get(agent, s1, "/b1", {}, [=](http::IncomingMessagePtr res) {
    res->on("end", [=] {
      setImmediate([=] {
        get(agent, s2, "/b2", {}, [=](http::IncomingMessagePtr res2) {
          res2->on("end", [=] {
            setImmediate([=] {
              setImmediate([=] {
                console::log("B done", state(agent));
                agent->destroy();
                agent->removeAllListeners("free");
                next();
              });
            });
          });
        });
      });
    });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_agent_timeout) {
  s1 = http::createServer(handler);
  http::ServerOptions so;
  so.keepAliveTimeout = 1000;
  s2 = http::createServer(so, handler);
  s1->listen(0, "127.0.0.1", [] {
    s2->listen(0, "127.0.0.1", [] {
      partA([] {
        partB([] {
          s1->close([] {
            s2->close([] { console::log("closed"); });
            s2 = nullptr;
          });
          s1 = nullptr;
        });
      });
    });
  });
}
