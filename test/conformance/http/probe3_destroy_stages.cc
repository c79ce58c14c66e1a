#include <tuple>
#include <vector>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using ReqFn = std::function<void(http::ClientRequestPtr)>;
struct Setup {
  ReqFn sync, socket, finish;
  std::function<void(http::ClientRequestPtr, http::IncomingMessagePtr)> response;
};
http::ServerPtr server;
http::AgentPtr agent;
template <class M>
std::size_t count(const M& o) {
  std::size_t n = 0;
  for (auto& [k, v] : o) n += v.size();
  return n;
}
std::string state() {
  return "busy " + std::to_string(count(agent->sockets)) + " free " +
         std::to_string(count(agent->freeSockets)) + " total " +
         std::to_string(agent->totalSocketCount);
}
Value code(const Error& e) { return e.code.empty() ? Value(undefined) : Value(e.code); }

void run(std::string label, std::string path, Setup setup, std::function<void()> next) {
  auto pending = std::make_shared<int>(1);
  auto done = [=] {
    if (--*pending == 0)
      setImmediate([=] {
        console::log(label, "after", state());
        next();
      });
  };
  http::RequestOptions o;
  o.agent = agent;
  o.host = "127.0.0.1";
  o.port = server->address()->port;
  o.path = path;
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::get(o, [=](http::IncomingMessagePtr res) {
    ++*pending;
    console::log(label, "response", res->statusCode);
    res->on("aborted", [=] { console::log(label, "res aborted", res->aborted, res->complete); });
    res->on("error", [=](const Error& e) { console::log(label, "res error", code(e), e.message); });
    res->on("data", [=](const Buffer& d) { console::log(label, "res data", d.toString()); });
    res->on("end", [=] { console::log(label, "res end"); });
    res->on("close", [=] {
      console::log(label, "res close", res->destroyed(), res->aborted, res->complete);
      done();
    });
    if (setup.response) setup.response(*holder, res);
  });
  *holder = req;
  req->on("socket", [=](net::SocketPtr s) {
    console::log(label, "socket", s->connecting());
    if (setup.socket) setup.socket(req);
  });
  req->on("finish", [=] {
    console::log(label, "finish");
    if (setup.finish) setup.finish(req);
  });
  req->on("abort", [=] { console::log(label, "abort event"); });
  req->on("error", [=](const Error& e) {
    console::log(label, "error", code(e), e.message, req->destroyed);
  });
  req->on("close", [=] {
    console::log(label, "close", req->destroyed, req->aborted, req->res != nullptr);
    done();
  });
  if (setup.sync) setup.sync(req);
}
using Case = std::tuple<std::string, std::string, Setup>;
void nextCase(std::shared_ptr<std::vector<Case>> cases, std::size_t i) {
  if (i < cases->size()) {
    auto& [label, path, setup] = (*cases)[i];
    run(label, path, setup, [cases, i] { nextCase(cases, i + 1); });
  } else {
    agent->destroy();
    agent = nullptr;
    server->close([] { console::log("closed"); });
    server = nullptr;
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_destroy_stages) {
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/full") {
      res->end("full");
      return;
    }
    if (req->url == "/part") {
      res->writeHead(200, {{"Content-Type", "text/plain"}});
      res->write("part");
    }
    req->on("close", [res] { res->end(); });
  });
  http::AgentOptions ao;
  ao.keepAlive = true;
  agent = std::make_shared<http::Agent>(ao);
  auto cases = std::make_shared<std::vector<Case>>();
  {
    Setup s;
    s.sync = [](http::ClientRequestPtr req) {
      req->destroy(Error("boom"));
      console::log("sync-err destroyed", req->destroyed);
    };
    cases->push_back({"sync-err", "/hold", s});
  }
  {
    Setup s;
    s.sync = [](http::ClientRequestPtr req) { req->destroy(); };
    cases->push_back({"sync-plain", "/hold", s});
  }
  {
    Setup s;
    s.sync = [](http::ClientRequestPtr req) {
      req->abort();
      console::log("sync-abort aborted", req->aborted);
    };
    cases->push_back({"sync-abort", "/hold", s});
  }
  {
    Setup s;
    s.socket = [](http::ClientRequestPtr req) { req->destroy(); };
    cases->push_back({"socket", "/hold", s});
  }
  {
    Setup s;
    s.socket = [](http::ClientRequestPtr req) { req->destroy(Error("mine", "EMINE")); };
    cases->push_back({"socket-err", "/hold", s});
  }
  {
    Setup s;
    s.finish = [](http::ClientRequestPtr req) { req->destroy(); };
    cases->push_back({"finish", "/hold", s});
  }
  {
    Setup s;
    s.response = [](http::ClientRequestPtr req, http::IncomingMessagePtr) {
      req->destroy();
      console::log("response destroyed", req->destroyed);
    };
    cases->push_back({"response", "/part", s});
  }
  {
    Setup s;
    s.response = [](http::ClientRequestPtr req, http::IncomingMessagePtr) { req->abort(); };
    cases->push_back({"response-abort", "/part", s});
  }
  {
    Setup s;
    s.response = [](http::ClientRequestPtr req, http::IncomingMessagePtr res) {
      res->destroy();
      console::log("res-destroy", res->destroyed(), req->destroyed);
    };
    cases->push_back({"res-destroy", "/part", s});
  }
  {
    Setup s;
    s.response = [](http::ClientRequestPtr req, http::IncomingMessagePtr res) {
      res->on("end", [req] {
        console::log("after-end before", req->destroyed, state());
        req->destroy();
        process::nextTick([] { console::log("after-end tick", state()); });
      });
    };
    cases->push_back({"after-end", "/full", s});
  }
  server->listen(0, "127.0.0.1", [cases] { nextCase(cases, 0); });
}
