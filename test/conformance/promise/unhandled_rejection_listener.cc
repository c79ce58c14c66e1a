// Port of unhandled_rejection_listener.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(unhandled_rejection_listener) {
  process::on("unhandledRejection",
              [](const Error& reason) { console::log("unhandledRejection", reason.message); });
  process::on("rejectionHandled", [] { console::log("rejectionHandled"); });
  auto p = Promise<>::rejected(Error("late"));
  Promise<>::rejected(Error("handled in time")).catch_([](const Error&) {
    console::log("caught in time");
  });
  setTimeout([p] { p.catch_([](const Error& e) { console::log("caught late", e.message); }); }, 5);
  process::on("exit", [](int code) { console::log("exit", code); });
}
