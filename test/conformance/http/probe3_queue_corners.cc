#include <map>
#include <set>
#include <vector>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Fn = std::function<void()>;
std::map<std::string, http::ServerResponsePtr> held;
std::set<std::string> early;
http::ServerPtr server;
void rel(const std::string& url) {
  auto it = held.find(url);
  if (it != held.end()) {
    auto res = it->second;
    held.erase(it);
    res->end(url);
  } else {
    early.insert(url);
  }
}
std::vector<net::SocketPtr> ids;
int sid(const net::SocketPtr& s) {
  for (std::size_t i = 0; i < ids.size(); i++)
    if (ids[i] == s) return static_cast<int>(i) + 1;
  ids.push_back(s);
  return static_cast<int>(ids.size());
}
template <class M>
std::size_t count(const M& o) {
  std::size_t n = 0;
  for (auto& [k, v] : o) n += v.size();
  return n;
}
std::string state(const http::AgentPtr& a) {
  return "busy " + std::to_string(count(a->sockets)) + " free " +
         std::to_string(count(a->freeSockets)) + " queued " + std::to_string(count(a->requests)) +
         " total " + std::to_string(a->totalSocketCount);
}
http::ClientRequestPtr get(http::AgentPtr agent, std::string path, http::RequestOptions o,
                           Fn onEnd = {}, Fn onClose = {}) {
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = server->address()->port;
  o.path = path;
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    res->setEncoding("utf8");
    auto body = std::make_shared<std::string>();
    res->on("data", [body](const std::string& d) { *body += d; });
    res->on("end", [=] {
      auto req = *holder;
      console::log(path, "end", *body, res->headers()["connection"], "socket", sid(req->socket),
                   "reused", req->reusedSocket, state(agent));
      if (onEnd) onEnd();
    });
  });
  *holder = req;
  req->on("socket", [=](net::SocketPtr s) { console::log(path, "socket", sid(s), state(agent)); });
  req->on("abort", [=] { console::log(path, "abort"); });
  req->on("error", [=](const Error& e) { console::log(path, "error", e.code, e.message); });
  req->on("close", [=] {
    console::log(path, "close", state(agent));
    if (onClose) onClose();
  });
  return req;
}
http::AgentPtr makeAgent() {
  http::AgentOptions ao;
  ao.keepAlive = true;
  ao.maxSockets = 1;
  return std::make_shared<http::Agent>(ao);
}
void partA(Fn next) {
  auto agent = makeAgent();
  get(agent, "/a1", {});
  auto r2 = get(agent, "/a2", {});
  auto r3 = get(agent, "/a3", {});
  get(agent, "/a4", {}, {}, [=] {
    setImmediate([=] {
      console::log("A done", state(agent));
      agent->destroy();
      next();
    });
  });
  r2->destroy();
  r3->abort();
  console::log("destroyed queued", r2->destroyed, r3->destroyed, r3->aborted, state(agent));
  setImmediate([=] {
    console::log("before release", state(agent));
    rel("/a1");
    rel("/a4");
  });
}
void partB(Fn next) {
  auto agent = makeAgent();
  get(agent, "/close1", {});
  http::RequestOptions o;
  o.headers = {{"Connection", "close"}};
  get(agent, "/b2", o);
  get(agent, "/b3", {}, {}, [=] {
    setImmediate([=] {
      console::log("B done", state(agent));
      agent->destroy();
      next();
    });
  });
  rel("/close1");
  rel("/b2");
  rel("/b3");
}
void partC(Fn next) {
  auto agent = makeAgent();
  get(agent, "/c1", {});
  get(agent, "/c2", {}, {}, [=] {
    setImmediate([=] {
      console::log("C done", state(agent));
      agent->destroy();
      next();
    });
  });
  setImmediate([=] {
    agent->destroy();
    console::log("C destroyed agent", state(agent));
    rel("/c2");
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_queue_corners) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url.rfind("/close", 0) == 0) res->setHeader("Connection", "close");
    if (early.erase(req->url))
      res->end(req->url);
    else
      held[req->url] = res;
  });
  server->listen(0, "127.0.0.1", [] {
    partA([] {
      partB([] {
        partC([] {
          server->close([] { console::log("closed"); });
          server = nullptr;
          held.clear();
          ids.clear();
        });
      });
    });
  });
}
