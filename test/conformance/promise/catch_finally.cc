// Port of catch_finally.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(catch_finally) {
  Promise<int>::resolved(7)
      .finally([] { console::log("finally after fulfil"); })
      .then([](const int& v) { console::log("value passed through", v); });
  Promise<>::rejected(Error("r1"))
      .finally([] { console::log("finally after reject"); })
      .catch_([](const Error& e) { console::log("reason passed through", e.message); });
  Promise<>::resolved()
      .then([] { throw Error("thrown in then"); })
      .then([] { console::log("skipped"); })
      .catch_([](const Error& e) { console::log("caught", e.message); })
      .then([] { return std::string("recovered"); })
      .then([](const std::string& v) { console::log("after catch", v); });
  Promise<>::create([](auto, auto) { throw Error("executor throws"); }).catch_([](const Error& e) {
    console::log("executor rejection", e.message);
  });
}
