// Port of probe4_worker_failures.js.
#include <algorithm>

#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
void script();
void next(std::size_t i) {
  static const std::vector<std::string> runs = {"top", "rejection", "handler", "messages"};
  if (i == runs.size()) return;
  std::string name = runs[i];
  auto w = Worker::create(script, {.workerData = name});
  auto events = std::make_shared<std::vector<std::string>>();
  auto online = std::make_shared<bool>(false);
  w->on("online", [online] { *online = true; });
  w->on("message", [events](const Value& m) { events->push_back("message: " + m.asString()); });
  w->on("error", [events](const Error& e) {
    events->push_back("error: " + e.name + " " + (e.code.empty() ? "undefined" : e.code) + " " +
                      e.message);
  });
  w->on("exit", [events, online, name, i](int code) {
    std::sort(events->begin(), events->end());
    console::log(name + ": online " + (*online ? "true" : "false"));
    for (const std::string& e : *events) console::log(name + ": " + e);
    console::log(name + ": exit " + std::to_string(code));
    next(i + 1);
  });
  if (name == "messages") {
    for (int k = 1; k <= 4; k++) w->postMessage(k);
  }
}
void script() {
  if (!isMainThread()) {
    const std::string& which = workerData().asString();
    if (which == "top") {
      parentPort()->postMessage("top: started");
      Error e("top-level boom");
      e.name = "RangeError";
      e.code = "ERR_TOP";
      throw e;
    } else if (which == "rejection") {
      process::on("exit", [](int c) {
        parentPort()->postMessage("rejection exit listener " + std::to_string(c));
      });
      Promise<void>::rejected(Error("rejected boom"));
    } else if (which == "handler") {
      process::on("uncaughtException", [](const Error& err) {
        parentPort()->postMessage("handler caught " + err.message);
        process::exit(3);
      });
      setTimeout([] { throw Error("timer boom"); }, 1);
    } else if (which == "messages") {
      auto n = std::make_shared<int>(0);
      parentPort()->on("message", [n](const Value& m) {
        parentPort()->postMessage("got " + std::to_string(m.asInt()));
        if (++*n == 2) process::exit(4);
      });
    }
  } else {
    next(0);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_worker_failures) { script(); }
