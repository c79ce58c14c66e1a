// Port of probe3_rejection_in_listener.js.
#include <memory>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_rejection_in_listener) {
  auto n = std::make_shared<int>(0);
  process::on("unhandledRejection", [n](const Error& reason) {
    console::log("unhandledRejection", reason.message);
    if (reason.message == "a") Promise<>::rejected(Error("b (made in listener)"));
    if (reason.message == "b (made in listener)") {
      (*n)++;
      throw Error("thrown by listener");
    }
  });
  process::on("uncaughtExceptionMonitor", [](const Error& err, const std::string& origin) {
    console::log("monitor", err.message, origin);
  });
  process::on("uncaughtException", [](const Error& err, const std::string& origin) {
    console::log("uncaughtException", err.message, origin);
  });
  Promise<>::rejected(Error("a"));
  setTimeout(
      [n] {
        console::log("timer 1, n =", *n);
        Promise<>::rejected(Error("c"));
        Promise<>::rejected(Error("b (made in listener)"));
        Promise<>::rejected(Error("d"));
        setTimeout([] { console::log("timer 2"); }, 1);
      },
      1);
  process::on("exit", [](int code) { console::log("exit", code); });
}
