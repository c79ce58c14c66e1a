#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::spawn;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

NODECC_CONFORMANCE_CASE(spawn_kill) {
  auto child = spawn("sleep", {"10"});
  child->on("spawn", [child] {
    console::log("spawn; pid is a number:", child->pid().has_value());
    bool probed = child->kill(0);
    console::log("kill(0)", probed, "killed", child->killed());
    try {
      child->kill("SIGNOPE");
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    try {
      child->kill(1234);
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    bool sent = child->kill("SIGKILL");
    console::log("kill(SIGKILL)", sent, "killed", child->killed());
  });
  child->on("exit", [child](Code code, Sig signal) {
    console::log("exit", code, signal, "exitCode", child->exitCode(), "signalCode",
                 child->signalCode());
    console::log("kill after exit", child->kill());
  });
  child->on("close", [](Code code, Sig signal) {
    console::log("close", code, signal);
    auto c2 = spawn("sh", {"-c", "kill -TERM $$"});
    c2->on("exit", [c2](Code code, Sig signal) {
      console::log("self-terminated: exit", code, signal, "killed", c2->killed());
    });
    c2->on("close", [](Code code, Sig signal) {
      console::log("self-terminated: close", code, signal);
      auto c3 = spawn("sh", {"-c", "exit 7"});
      c3->on("exit", [](Code code, Sig signal) { console::log("exit 7: exit", code, signal); });
    });
  });
}
