// HTTP client throughput: N GETs through a keep-alive Agent (maxSockets 64) against a Node
// "hello world" server started as a child (the same server for both twins, so only the
// client differs). 64 requests are in flight, each socket carrying its requests one after
// another (the next GET starts when a response ends); reports requests per second.
// Twin: node/http_client.js. The server is `node` from PATH, or $NODECC_BENCH_NODE.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "bench.h"
#include "nodecc/child_process.h"
#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

static const char* kServer =
    "require('http').createServer((req, res) => res.end('hello world'))"
    ".listen(0, '127.0.0.1', function () { console.log(this.address().port); });";

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t n = bench::count(50000, 2000);
    const int inFlight = 64;
    child_process::SpawnOptions so;
    so.stdio = child_process::Stdio{"ignore", "pipe", "inherit"};
    auto server = child_process::spawn(process::env["NODECC_BENCH_NODE"].valueOr("node"),
                                       {"-e", kServer}, std::move(so));
    server->on("error", [](const Error& e) { throw e; });
    auto line = std::make_shared<std::string>();
    std::weak_ptr<child_process::ChildProcess> weakServer = server;
    server->stdout()->on("data", [=](const Buffer& d) {
      if (line->find('\n') != std::string::npos) return;
      *line += d.toString();
      if (line->find('\n') == std::string::npos) return;
      http::AgentOptions ao;
      ao.keepAlive = true;
      ao.maxSockets = inFlight;
      auto agent = std::make_shared<http::Agent>(ao);
      http::RequestOptions o;
      o.host = "127.0.0.1";
      o.port = std::stoi(*line);
      o.path = "/";
      o.agent = agent;
      auto sent = std::make_shared<std::int64_t>(0);
      auto done = std::make_shared<std::int64_t>(0);
      auto bytes = std::make_shared<std::int64_t>(0);
      auto start = process::hrtime.bigint();
      auto next = std::make_shared<std::function<void()>>();
      *next = [=] {
        if (*sent == n) return;
        ++*sent;
        http::get(o, [=](http::IncomingMessagePtr res) {
          res->on("data",
                  [bytes](const Buffer& b) { *bytes += static_cast<std::int64_t>(b.length()); });
          res->on("end", [=] {
            if (++*done < n) return (*next)();
            double secs = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
            if (*bytes != n * 11) throw Error("short bodies");
            bench::report("http_client", "req/s", static_cast<double>(n) / secs, true);
            agent->destroy();
            if (auto s = weakServer.lock()) s->kill();
            *next = nullptr;
          });
        });
      };
      for (int i = 0; i < inFlight; ++i) (*next)();
    });
  });
}
