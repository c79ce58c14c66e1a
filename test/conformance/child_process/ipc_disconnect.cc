#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(ipc_disconnect) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    process::on("disconnect", [] {
      console::log("child: disconnect, connected", process::connected(), "channel",
                   process::channel() ? "set" : nullptr);
      process::send("late", [](std::optional<Error> err) {
        console::log("child: late send", err->name, err->code, err->message);
      });
    });
    process::on("message", [](const Value& m) { console::log("child: message", m); });
    process::send("hello");
    return;
  }
  // The child's lines come back through a pipe and are printed after its exit, so the
  // transcript does not depend on how the two processes are scheduled.
  auto child =
      child_process::fork(process::execPath(), conformance::selfArgs({"child"}), {.silent = true});
  auto childOut = std::make_shared<std::string>();
  auto pending = std::make_shared<int>(2);
  auto flush = [childOut, pending] {
    if (--*pending == 0) console::detail::writeOut(*childOut);
  };
  child->stdout()->setEncoding("utf8");
  child->stdout()->on("data", [childOut](const std::string& d) { *childOut += d; });
  child->stdout()->on("end", flush);
  std::weak_ptr<child_process::ChildProcess> weak = child;
  child->on("error", [](const Error& err) {
    console::log("parent: error", err.name, err.code, err.message);
  });
  child->on("message", [weak](const Value& m) {
    auto child = weak.lock();
    console::log("parent: message", m, "connected", child->connected());
    child->disconnect();
    console::log("parent: after disconnect(), connected", child->connected(), "channel",
                 child->channel() ? "set" : nullptr);
    bool ok = child->send("after", [](std::optional<Error> err) {
      console::log("parent: send callback", err->code, err->message);
    });
    console::log("parent: send returned", ok);
    child->send("after again");
  });
  child->on("disconnect", [weak] {
    console::log("parent: disconnect");
    weak.lock()->disconnect();
  });
  child->on("exit", [flush](std::optional<int> code, std::optional<std::string> signal) {
    console::log("parent: child exit", code, signal);
    flush();
  });
  child->on("close",
            [] { console::log("parent: close (Node never emits it after disconnect())"); });
}
