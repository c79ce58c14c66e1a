// Port of events_once.js: async functions are coroutines; `err === expected` compares
// the Error's message (errors are values in C++).
#include "conformance.h"

using namespace nodecc;

namespace {
Promise<void> onceAnEvent() {
  EventEmitter ee;
  process::nextTick([&ee] { ee.emit("myevent", 42); });
  auto [value] = co_await events::once<int>(ee, "myevent");
  console::log("onceAnEvent", value, ee.listenerCount("error"), ee.listenerCount("myevent"));
}
Promise<void> onceAnEventWithTwoArgs() {
  EventEmitter ee;
  process::nextTick([&ee] { ee.emit("myevent", 42, 24); });
  auto value = co_await events::once<int, int>(ee, "myevent");
  console::log("onceAnEventWithTwoArgs",
               std::to_string(std::get<0>(value)) + "," + std::to_string(std::get<1>(value)));
}
Promise<void> catchesErrors() {
  EventEmitter ee;
  Error expected("kaboom");
  std::optional<Error> err;
  process::nextTick([&ee, expected] { ee.emit("error", expected); });
  try {
    co_await events::once<int>(ee, "myevent");
  } catch (const Error& e) {
    err = e;
  }
  console::log("catchesErrors", err && err->message == expected.message, ee.listenerCount("error"),
               ee.listenerCount("myevent"));
}
Promise<void> stopListeningAfterCatchingError() {
  EventEmitter ee;
  Error expected("kaboom");
  std::optional<Error> err;
  process::nextTick([&ee, expected] {
    ee.emit("error", expected);
    ee.emit("myevent", 42, 24);
  });
  try {
    co_await events::once<int, int>(ee, "myevent");
  } catch (const Error& e) {
    err = e;
  }
  console::log("stopListening", err && err->message == expected.message, ee.listenerCount("error"),
               ee.listenerCount("myevent"));
}
Promise<void> onceError() {
  EventEmitter ee;
  Error expected("kaboom");
  process::nextTick([&ee, expected] { ee.emit("error", expected); });
  auto [err] = co_await events::once<Error>(ee, "error");
  console::log("onceError", err.message == expected.message, ee.listenerCount("error"),
               ee.listenerCount("myevent"));
}
}  // namespace

NODECC_CONFORMANCE_CASE(events_once) {
  Promise<>::all({onceAnEvent(), onceAnEventWithTwoArgs(), catchesErrors(),
                  stopListeningAfterCatchingError(), onceError()})
      .then([] { console::log("all done"); });
}
