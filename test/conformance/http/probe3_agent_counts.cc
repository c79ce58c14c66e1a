#include <vector>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
std::vector<net::SocketPtr>& idList() {
  static std::vector<net::SocketPtr> ids;
  return ids;
}
int sid(const net::SocketPtr& s) {
  auto& ids = idList();
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
std::string state(const http::AgentPtr& agent) {
  return "busy " + count(agent->sockets) + " free " + count(agent->freeSockets) + " queued " +
         count(agent->requests) + " total " + std::to_string(agent->totalSocketCount);
}
http::ServerPtr server;

void one(http::AgentPtr agent, std::string label, std::function<void()> next) {
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = server->address()->port;
  o.path = "/" + label;
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    console::log(label, "response", state(agent), "res.socket", res->socket != nullptr);
    auto body = std::make_shared<std::string>();
    res->setEncoding("utf8");
    res->on("data", [body](const std::string& d) { *body += d; });
    res->on("end", [=] {
      auto req = *holder;
      console::log(label, "end", *body, state(agent), "req.destroyed", req->destroyed, "res.socket",
                   res->socket != nullptr, "req.socket", req->socket != nullptr);
      process::nextTick([=] { console::log(label, "tick after end", state(agent)); });
    });
    res->on("close", [=] { console::log(label, "res close", state(agent), res->destroyed()); });
  });
  *holder = req;
  console::log(label, "sync", state(agent), "shouldKeepAlive", req->shouldKeepAlive, "reused",
               req->reusedSocket, "socket", req->socket != nullptr);
  req->on("socket", [=](net::SocketPtr s) {
    console::log(label, "socket", sid(s), state(agent), "reused", req->reusedSocket);
  });
  req->on("finish", [=] { console::log(label, "finish", state(agent)); });
  req->on("close", [=] {
    console::log(label, "req close", state(agent), "destroyed", req->destroyed);
    setImmediate([=] {
      console::log(label, "after", state(agent));
      next();
    });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_agent_counts) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->end("ok " + req->headers()["connection"].toString());
  });
  server->listen(0, "127.0.0.1", [] {
    http::AgentOptions ao;
    ao.keepAlive = true;
    auto ka = std::make_shared<http::Agent>(ao);
    ka->on("free", [ka](net::SocketPtr s, http::RequestOptions opts) {
      console::log("ka free", sid(s), opts.host, state(ka), "destroyed", s->destroyed());
    });
    one(ka, "k1", [ka] {
      one(ka, "k2", [ka] {
        ka->destroy();
        console::log("ka destroyed", state(ka));
        setImmediate([ka] {
          console::log("ka after destroy", state(ka));
          auto plain = std::make_shared<http::Agent>();
          plain->on("free", [plain](net::SocketPtr s) {
            console::log("plain free", sid(s), state(plain));
          });
          one(plain, "p1", [plain] {
            one(plain, "p2", [] {
              server->close([] { console::log("closed"); });
              server = nullptr;
            });
          });
        });
      });
    });
  });
}
