#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
std::map<std::string, http::ServerResponsePtr> held;
std::set<std::string> early;
std::vector<std::string> seen;
http::RequestListener handler(std::string tag) {
  return [tag](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    seen.push_back(tag + req->url + " " + req->headers()["connection"].toString());
    if (early.erase(req->url))
      res->end(req->url);
    else
      held[req->url] = res;
  };
}
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
http::ServerPtr srvA, srvB;
std::vector<net::SocketPtr> ids;
int sid(const net::SocketPtr& s) {
  for (std::size_t i = 0; i < ids.size(); i++)
    if (ids[i] == s) return static_cast<int>(i) + 1;
  ids.push_back(s);
  return static_cast<int>(ids.size());
}
template <class M>
std::string count(const M& o) {
  std::size_t n = 0;
  for (auto& [k, v] : o) n += v.size();
  return std::to_string(o.size()) + ":" + std::to_string(n);
}
std::string state(const http::AgentPtr& a) {
  return "busy " + count(a->sockets) + " free " + count(a->freeSockets) + " queued " +
         count(a->requests) + " total " + std::to_string(a->totalSocketCount);
}
using Fn = std::function<void()>;
http::ClientRequestPtr get(http::AgentPtr agent, http::ServerPtr srv, std::string path, Fn onEnd,
                           Fn onClose = {}) {
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = srv->address()->port;
  o.path = path;
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    res->setEncoding("utf8");
    auto body = std::make_shared<std::string>();
    res->on("data", [body](const std::string& d) { *body += d; });
    res->on("end", [=] {
      auto req = *holder;
      console::log(path, "end", *body, "socket", sid(req->socket), "reused", req->reusedSocket,
                   state(agent));
      if (onEnd) onEnd();
    });
  });
  *holder = req;
  req->on("close", [=] {
    console::log(path, "close", state(agent));
    if (onClose) onClose();
  });
  console::log(path, "queued?", state(agent));
  return req;
}
void partA(Fn next) {
  http::AgentOptions ao;
  ao.maxSockets = 2;
  auto agent = std::make_shared<http::Agent>(ao);
  auto closes = std::make_shared<int>(0);
  Fn done = [=] {
    if (++*closes == 4)
      setImmediate([=] {
        console::log("A done", state(agent));
        next();
      });
  };
  get(
      agent, srvA, "/a1", [] { rel("/a2"); }, done);
  get(
      agent, srvA, "/a2", [] { rel("/a3"); }, done);
  get(
      agent, srvA, "/a3", [] { rel("/a4"); }, done);
  get(agent, srvA, "/a4", {}, done);
  rel("/a1");
}
void partB(std::string scheduling, Fn next) {
  http::AgentOptions ao;
  ao.keepAlive = true;
  ao.scheduling = scheduling;
  auto agent = std::make_shared<http::Agent>(ao);
  get(agent, srvA, "/" + scheduling + "1",
      [=] { setImmediate([=] { rel("/" + scheduling + "2"); }); });
  get(agent, srvA, "/" + scheduling + "2", {}, [=] {
    setImmediate([=] {
      std::string pool;
      for (auto& s : agent->freeSockets.begin()->second)
        pool += (pool.empty() ? "" : ",") + std::to_string(sid(s));
      console::log(scheduling, "pool", pool);
      rel("/" + scheduling + "3");
      get(agent, srvA, "/" + scheduling + "3", {}, [=] {
        setImmediate([=] {
          agent->destroy();
          next();
        });
      });
    });
  });
  rel("/" + scheduling + "1");
}
void partC(Fn next) {
  http::AgentOptions ao;
  ao.maxTotalSockets = 2;
  auto agent = std::make_shared<http::Agent>(ao);
  auto closes = std::make_shared<int>(0);
  Fn done = [=] {
    if (++*closes == 3)
      setImmediate([=] {
        console::log("C done", state(agent));
        next();
      });
  };
  get(
      agent, srvA, "/c1", [] { rel("/c2"); }, done);
  get(
      agent, srvA, "/c2", [] { rel("/c3"); }, done);
  get(agent, srvB, "/c3", {}, done);
  rel("/c1");
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_agent_queue) {
  srvA = http::createServer(handler("A"));
  srvB = http::createServer(handler("B"));
  srvA->listen(0, "127.0.0.1", [] {
    srvB->listen(0, "127.0.0.1", [] {
      partA([] {
        partB("lifo", [] {
          partB("fifo", [] {
            partC([] {
              std::sort(seen.begin(), seen.end());
              std::string s;
              for (auto& x : seen) s += (s.empty() ? "" : " | ") + x;
              console::log("server saw", s);
              srvA->close([] {
                srvB->close([] { console::log("closed"); });
                srvB = nullptr;
              });
              srvA = nullptr;
              ids.clear();
            });
          });
        });
      });
    });
  });
}
