#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(ipc_buffered) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    process::send(Object{{"n", 1}});
    process::send(Object{{"cmd", "NODE_CUSTOM"}, {"n", 2}});
    process::send(Object{{"n", 3}});
    process::send(Object{{"cmd", "NODE_"}, {"n", 4}});
    process::send("NODE_X");
    process::send(Array{1, "two", Object{{"three", 3}}, nullptr, true});
    process::send(3.25);
    process::send(Object{{"cmd", "NODE_DONE"}}, [] { process::disconnect(); });
    return;
  }
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  std::weak_ptr<child_process::ChildProcess> weak = child;
  child->on("internalMessage", [weak](const Value& m) {
    console::log("internalMessage", m);
    if (m["cmd"] == Value("NODE_DONE")) {
      console::log("adding a message listener");
      weak.lock()->on("message", [](const Value& m) { console::log("message", m); });
    }
  });
  child->on("disconnect", [] { console::log("disconnect"); });
  child->on("exit", [](std::optional<int> code) { console::log("exit", code); });
}
