// Port of prepend.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int m = 0;
}

NODECC_CONFORMANCE_CASE(prepend) {
  EventEmitter myEE;
  myEE.on("foo", [] { console::log("last", m); });
  myEE.prependListener("foo", [] { console::log("second", m++); });
  myEE.prependOnceListener("foo", [] { console::log("first", m++); });
  myEE.emit("foo");
  myEE.emit("foo");
  console::log("count", myEE.listenerCount("foo"));
}
