// Port of timers_uncaught_exception.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int exceptions = 0;
int timer1 = 0;
int timer2 = 0;
bool exited = false;
Listener uncaughtException;
}  // namespace

NODECC_CONFORMANCE_CASE(timers_uncaught_exception) {
  console::log("set first timer");
  setTimeout(
      [] {
        console::log("first timer");
        timer1++;
        throw Error("BAM!");
      },
      100);

  console::log("set second timer");
  setTimeout(
      [] {
        console::log("second timer, first ran:", timer1);
        timer2++;
      },
      100);

  uncaughtException = makeListener([](const Error& err) {
    console::log("uncaught handler", err.message);
    exceptions++;
  });
  process::on("uncaughtException", uncaughtException);

  process::on("exit", [] {
    console::log("exit once", !exited);
    exited = true;
    process::off("uncaughtException", uncaughtException);
    console::log("counts", exceptions, timer1, timer2);
  });
}
