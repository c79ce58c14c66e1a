#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

NODECC_CONFORMANCE_CASE(fork) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    console::log("CHILD: connected", process::connected(), "channel", process::channel() != nullptr);
    auto onmessage = std::make_shared<Listener>();
    *onmessage = makeListener([onmessage](const Value& m) {
      console::log("CHILD got message:", m);
      process::off("message", *onmessage);
      onmessage->reset();
    });
    process::on("message", *onmessage);
    process::send(Object{{"foo", "bar"}});
    return;
  }
  auto n = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  console::log("connected", n->connected(), "channel", n->channel() != nullptr, "pid",
               n->pid() ? "number" : "undefined");
  n->on("message", [n](const Value& m) {
    console::log("PARENT got message:", m);
    n->send(Object{{"hello", "world"}});
  });
  try {
    n->send(Value());
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
  n->on("exit", [](Code code, Sig signal) { console::log("exit", code, signal); });
  n->on("disconnect", [n] { console::log("disconnect", n->connected()); });
  n->on("close", [](Code code, Sig signal) { console::log("close", code, signal); });
}
