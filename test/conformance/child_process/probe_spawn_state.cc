#include <algorithm>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::spawn;
using child_process::SpawnOptions;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

namespace {
// [c.exitCode, c.signalCode, c.killed, typeof c.pid, c.connected].join(',')
std::string st(const ChildProcessPtr& c) {
  std::string s = c->exitCode() ? std::to_string(*c->exitCode()) : "";
  s += ",";
  s += c->signalCode() ? *c->signalCode() : "";
  s += ",";
  s += c->killed() ? "true" : "false";
  s += ",";
  s += c->pid().has_value() ? "number" : "undefined";
  s += ",";
  s += c->connected() ? "true" : "false";
  return s;
}

void run(const std::string& label, const std::string& cmd, std::vector<std::string> args,
         SpawnOptions opts, std::function<void(ChildProcessPtr)> atSpawn,
         std::function<void()> next) {
  auto c = spawn(cmd, std::move(args), std::move(opts));
  auto seen = std::make_shared<std::vector<std::string>>();
  console::log(label, "sync", st(c), c->spawnfile(), c->spawnargs(), c->stdio().size());
  c->on("spawn", [label, c, atSpawn] {
    console::log(label, "spawn", st(c));
    if (atSpawn) atSpawn(c);
  });
  c->stdout()->on("end", [seen] { seen->push_back("end"); });
  c->on("exit", [label, c, seen](Code code, Sig signal) {
    seen->push_back("exit");
    console::log(label, "exit", code, signal, st(c), "stdin destroyed", c->stdin()->destroyed());
  });
  c->on("close", [label, c, seen, next](Code code, Sig signal) {
    auto has = [&](const char* e) {
      return std::find(seen->begin(), seen->end(), e) != seen->end();
    };
    console::log(label, "close", code, signal, st(c), has("exit"), has("end"));
    bool sent = c->kill();
    console::log(label, "kill after close", sent, c->killed());
    next();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_spawn_state) {
  run("A", "sh", {"-c", "echo hi; exit 2"}, {.argv0 = "zero"}, nullptr, [] {
    run(
        "B", "sleep", {"10"}, {},
        [](ChildProcessPtr c) {
          bool sent = c->kill();
          console::log("B kill()", sent, st(c));
        },
        [] {
          run(
              "C", "sleep", {"10"}, {},
              [](ChildProcessPtr c) {
                bool sent = c->kill(9);
                console::log("C kill(9)", sent, st(c));
                bool again = c->kill("SIGHUP");
                console::log("C kill(SIGHUP) again", again, st(c));
              },
              [] {
                run(
                    "D", "sh",
                    {"-c", "trap \"exit 5\" USR1; echo ready; while :; do sleep 0.05; done"}, {},
                    [](ChildProcessPtr c) {
                      c->stdout()->once("data", [c] {
                        bool sent = c->kill("SIGUSR1");
                        console::log("D kill(SIGUSR1)", sent, st(c));
                      });
                    },
                    [] { console::log("done"); });
              });
        });
  });
}
