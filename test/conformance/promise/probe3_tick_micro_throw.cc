// Port of probe3_tick_micro_throw.js.
#include <optional>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_tick_micro_throw) {
  process::on("uncaughtException", [](const Error& err, const std::string& origin) {
    console::log("handler", err.message, origin);
    process::nextTick([m = err.message] { console::log("  tick from handler", m); });
    queueMicrotask([m = err.message] { console::log("  microtask from handler", m); });
  });
  process::nextTick([](int a, const std::string& b, bool c, std::nullptr_t d, Value e,
                       double f) { console::log("many args", a, b, c, d, e, f, "number"); },
                    1, std::string("two"), true, nullptr, Value(), 6.5);
  process::nextTick([] {
    console::log("tick 1 throws");
    queueMicrotask([] { console::log("microtask queued by tick 1"); });
    throw Error("tick1");
  });
  process::nextTick([] { console::log("tick 2"); });
  queueMicrotask([] {
    console::log("microtask A throws");
    process::nextTick([] { console::log("tick queued by microtask A"); });
    throw Error("microA");
  });
  queueMicrotask([] { console::log("microtask B"); });
  Promise<>::resolved().then([] { console::log("promise reaction C"); });
  setImmediate([] {
    console::log("user immediate");
    setTimeout(
        [] {
          console::log("timer");
          queueMicrotask([] { throw Error("micro in timer"); });
          queueMicrotask([] { console::log("micro after throw in timer"); });
          process::nextTick([] { console::log("tick in timer"); });
        },
        20);
    setTimeout([] { console::log("second timer"); }, 20);
  });
  console::log("main end");
}
