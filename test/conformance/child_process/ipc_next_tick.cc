#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(ipc_next_tick) {
  const int NUM_MESSAGES = 10;
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    auto received = std::make_shared<std::vector<bool>>(NUM_MESSAGES, false);
    auto calls = std::make_shared<int>(0);
    process::on("uncaughtException", [received, calls](const Error& err, std::string) {
      ++*calls;
      (*received)[std::stoi(err.message)] = true;
      bool done = true;
      for (bool b : *received) done = done && b;
      if (done) {
        console::log("child: all", *calls, "messages thrown and caught");
        process::disconnect();
      }
    });
    process::on("message", [](const Value& msg) { throw Error(msg.toString()); });
    process::send("ready");
    return;
  }
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  child->on("message", [child, NUM_MESSAGES](const Value& msg) {
    console::log("parent got", msg);
    for (int i = 0; i < NUM_MESSAGES; ++i) child->send(i);
  });
  child->on("exit", [](std::optional<int> code) { console::log("child exit", code); });
}
