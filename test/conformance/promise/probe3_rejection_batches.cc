// Port of probe3_rejection_batches.js.
#include <memory>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_rejection_batches) {
  auto made = std::make_shared<int>(0);
  auto p2holder = std::make_shared<std::optional<Promise<>>>();
  process::on("unhandledRejection", [made, p2holder](const Error& reason) {
    console::log("unhandledRejection", reason.message);
    if (reason.message == "first" && *p2holder) {
      (*p2holder)->catch_([](const Error& e) { console::log("listener caught", e.message); });
    }
    if (reason.message == "first" && (*made)++ == 0) {
      Promise<>::rejected(Error("made in listener"));
      process::nextTick([] { console::log("tick queued by listener"); });
      queueMicrotask([] { console::log("microtask queued by listener"); });
    }
  });
  process::on("warning", [](const Error& w) { console::log("warning", w.name, w.message); });
  Promise<>::rejected(Error("first"));
  *p2holder = Promise<>::rejected(Error("second"));
  auto inTick = Promise<>::rejected(Error("handled in tick"));
  process::nextTick(
      [inTick] { inTick.catch_([](const Error&) { console::log("caught in tick"); }); });
  auto inMicro = Promise<>::rejected(Error("handled in microtask"));
  queueMicrotask(
      [inMicro] { inMicro.catch_([](const Error&) { console::log("caught in microtask"); }); });
  // A chain: the parent is handled by then(), the child is the unhandled one.
  auto parent = Promise<>::rejected(Error("parent"));
  parent.then([] { console::log("never"); });
  auto late = Promise<>::rejected(Error("late, no rejectionHandled listener"));
  console::log("script end");
  setImmediate([late] {
    console::log("immediate");
    late.catch_([](const Error& e) { console::log("caught late", e.message); });
    process::nextTick([] { console::log("tick after late catch"); });
    setImmediate([] {
      process::on("rejectionHandled", [] { console::log("rejectionHandled"); });
      auto again = Promise<>::rejected(Error("again"));
      setTimeout(
          [again] {
            console::log("timer");
            again.catch_([](const Error&) { console::log("caught again"); });
          },
          1);
    });
  });
  process::on("exit", [](int code) { console::log("exit", code); });
}
