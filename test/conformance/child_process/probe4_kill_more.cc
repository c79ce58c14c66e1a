#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::Signal;
using child_process::spawn;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;
using conformance::Next;

namespace {
// [c.exitCode, c.signalCode, c.killed].join(',')
std::string st(const ChildProcessPtr& c) {
  std::string s = c->exitCode() ? std::to_string(*c->exitCode()) : "";
  s += ",";
  s += c->signalCode() ? *c->signalCode() : "";
  s += ",";
  s += c->killed() ? "true" : "false";
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_kill_more) {
  auto steps = std::make_shared<std::vector<std::function<void(Next)>>>();
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "trap \"\" TERM; echo ready; exec sleep 10"});
    c->stdout()->once("data", [c] {
      bool k = c->kill();
      console::log("1: kill()", k, st(c));
      setTimeout(
          [c] {
            bool k0 = c->kill(0);
            console::log("1: after 100ms", st(c), "kill(0)", k0);
            bool k9 = c->kill("SIGKILL");
            console::log("1: kill(SIGKILL)", k9, st(c));
          },
          100);
    });
    c->on("exit", [c](Code code, Sig sig) { console::log("1: exit", code, sig, st(c)); });
    c->on("close", [next](Code code, Sig sig) {
      console::log("1: close", code, sig);
      next();
    });
  });
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "echo ready; read x; echo \"got $x\"; exit 3"});
    auto out = std::make_shared<std::string>();
    c->stdout()->on("data", [c, out](const Buffer& d) {
      *out += d.toString();
      if (*out == "ready\n") {
        bool k = c->kill("SIGSTOP");
        console::log("2: SIGSTOP", k, st(c));
        setTimeout(
            [c] {
              std::string before = st(c);
              bool k2 = c->kill("SIGCONT");
              console::log("2: stopped", before, "SIGCONT", k2, st(c));
              c->stdin()->end("line\n");
            },
            100);
      }
    });
    c->on("exit", [c](Code code, Sig sig) { console::log("2: exit", code, sig, st(c)); });
    c->on("close", [out, next](Code code) {
      console::log("2: close", code, Value(*out).stringify());
      next();
    });
  });
  steps->push_back([](Next next) {
    auto c = spawn("sleep", {"10"});
    std::vector<std::pair<std::string, Signal>> tries = {{"\"\"", ""},
                                                         {"\"TERM\"", "TERM"},
                                                         {"-1", -1},
                                                         {"\"SIGRTMIN\"", "SIGRTMIN"},
                                                         {"\"SIGCLD\"", "SIGCLD"},
                                                         {"\"sigterm\"", "sigterm"}};
    for (auto& [label, s] : tries) {
      try {
        bool k = c->kill(s);
        console::log("3:", label, k);
      } catch (const Error& e) {
        console::log("3:", label, e.name, e.code, e.message);
      }
    }
    console::log("3: killed", c->killed());
    bool k15 = c->kill(15);
    console::log("3: kill(15)", k15, st(c));
    c->on("exit", [c](Code code, Sig sig) { console::log("3: exit", code, sig, st(c)); });
    c->on("close", [next] { next(); });
  });
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "sleep 0.3 & exit 0"});
    c->on("exit", [c](Code code, Sig sig) {
      bool k = c->kill();
      bool k0 = c->kill(0);
      console::log("4: exit", code, sig, "kill()", k, "kill(0)", k0, st(c), "pid",
                   c->pid().has_value() ? "number" : "undefined");
      setTimeout(
          [c] {
            bool k9 = c->kill("SIGKILL");
            console::log("4: later kill", k9, st(c));
          },
          20);
    });
    c->on("close", [c, next](Code code, Sig sig) {
      console::log("4: close", code, sig, st(c));
      next();
    });
  });
  steps->push_back([](Next) {
    auto c = spawn("sh", {"-c", "exit 0"}, {.stdio = "ignore"});
    c->on("exit", [c] {
      bool k0 = c->kill(0);
      console::log("5: exit", "kill(0)", k0, st(c));
    });
    c->on("close", [c] {
      bool k = c->kill();
      console::log("5: close", "kill()", k, st(c));
    });
  });
  conformance::runSteps(steps);
}
