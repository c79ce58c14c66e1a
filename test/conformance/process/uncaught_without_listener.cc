// Port of uncaught_without_listener.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(uncaught_without_listener) {
  process::on("exit", [](int code) { console::log("exit", code); });
  setTimeout([] { console::log("never runs"); }, 5);
  setTimeout(
      [] {
        console::log("about to throw");
        Error e("bad thing");
        e.name = "TypeError";
        throw e;
      },
      1);
}
