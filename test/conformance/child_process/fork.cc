#include <algorithm>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

NODECC_CONFORMANCE_CASE(fork) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    // Printed once the parent has spoken, so that the lines of the two processes come in
    // an order that does not depend on scheduling.
    auto onmessage = std::make_shared<Listener>();
    *onmessage = makeListener([onmessage](const Value& m) {
      console::log("CHILD: connected", process::connected(), "channel",
                   process::channel() != nullptr);
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
  // 'exit' (SIGCHLD) and 'disconnect' (EOF on the channel) race each other, in Node too:
  // both are printed, sorted, at 'close', which comes after both.
  auto seen = std::make_shared<std::vector<std::string>>();
  n->on("exit", [seen](Code code, Sig signal) {
    seen->push_back("exit " + (code ? std::to_string(*code) : std::string("null")) + " " +
                    (signal ? *signal : std::string("null")));
  });
  n->on("disconnect", [seen, n] {
    seen->push_back(std::string("disconnect ") + (n->connected() ? "true" : "false"));
  });
  n->on("close", [seen](Code code, Sig signal) {
    std::sort(seen->begin(), seen->end());
    std::string line;
    for (auto& s : *seen) line += (line.empty() ? "" : "; ") + s;
    console::log(line);
    console::log("close", code, signal);
  });
}
