// Port of probe3_auto_end.js.
#include "conformance.h"
#include "nodecc/net.h"
#include "nodecc/util.h"

using namespace nodecc;

namespace {
auto serverLog = std::make_shared<std::vector<std::vector<std::string>>>();
int n = 0;

void client(int port, std::string mode, std::function<void()> done) {
  auto c = net::connect(port, "127.0.0.1");
  auto log = [mode](const auto&... a) { console::log(mode, a...); };
  c->setEncoding("utf8");
  c->on("data", [log](const std::string& d) { log("data", d); });
  c->on("end", [c, mode, log] {
    log("end", c->readyState(), "readable", c->readable(), "writable", c->writable(),
        "writableEnded", c->writableEnded());
    if (mode == "tick")
      nextTick([c, log] {
        log("tick write returns",
            c->write("tick", [log](std::optional<Error> e) { log("tick cb", e); }));
      });
    if (mode == "micro")
      queueMicrotask([c, log] {
        log("micro write returns", c->write("micro", [log](std::optional<Error> e) {
          log("micro cb", e->code, e->message);
        }));
      });
    if (mode == "immediate")
      setImmediate([c, log] {
        log("immediate write returns",
            c->write("imm", [log](std::optional<Error> e) { log("imm cb", e->code); }));
      });
    nextTick(
        [c, log] { log("tick after end: writableEnded", c->writableEnded(), c->readyState()); });
  });
  c->on("finish", [c, log] { log("finish", c->readyState(), c->destroyed()); });
  c->on("error", [log](const Error& e) { log("error", e.code, e.message); });
  c->on("close", [c, log, done](bool e) {
    log("close", e, c->readyState());
    done();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_auto_end) {
  auto server = net::createServer([](net::SocketPtr s) {
    const int id = ++n;
    serverLog->emplace_back();
    auto log = [id](const auto&... a) {
      (*serverLog)[id - 1].push_back("server " + std::to_string(id) + ": " + util::format(a...));
    };
    auto got = std::make_shared<std::string>();
    s->on("data", [got](const Buffer& d) { *got += d.toString(); });
    s->on("end", [s, got, log] {
      log("end", Value(*got).stringify(), s->readyState(), "writableEnded", s->writableEnded());
    });
    s->on("finish", [s, log] { log("finish", s->readyState()); });
    s->on("close", [s, log](bool e) { log("close", e, s->readyState()); });
    s->write("hello ");
    s->end("bye");
    log("after end()", s->readyState());
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    client(port, "plain", [port, server] {
      client(port, "tick", [port, server] {
        client(port, "micro", [port, server] {
          client(port, "immediate", [server] {
            server->close([] {
              setTimeout(
                  [] {
                    for (auto& ls : *serverLog)
                      for (auto& l : ls) console::log(l);
                  },
                  10);
            });
          });
        });
      });
    });
  });
}
