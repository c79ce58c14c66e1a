// Port of timers_promises.js: async functions are coroutines returning Promise.
#include "conformance.h"

using namespace nodecc;

namespace {
Promise<void> mainAsync() {
  console::log("start");
  co_await timers::promises::setTimeout(5);
  console::log("after sleep");
  co_await timers::promises::setImmediate();
  console::log("after immediate");
  std::vector<Promise<std::string>> both;
  both.push_back(timers::promises::setTimeout(10).then([] { return std::string("slow"); }));
  both.push_back(timers::promises::setTimeout(1).then([] { return std::string("fast"); }));
  auto results = co_await Promise<std::string>::all(both);
  console::log(results[0] + " " + results[1]);
}
}  // namespace

NODECC_CONFORMANCE_CASE(timers_promises) {
  mainAsync().then([] { console::log("done"); });
}
