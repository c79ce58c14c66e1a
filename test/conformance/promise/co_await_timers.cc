// Port of co_await_timers.js.
#include "conformance.h"

using namespace nodecc;

namespace {
Promise<void> sleep(double ms) {
  return Promise<void>::create([ms](auto resolve, auto) { setTimeout(resolve, ms); });
}
Promise<std::string> worker(std::string name, double ms, int n) {
  for (int i = 0; i < n; i++) {
    co_await sleep(ms);
    console::log(name, i);
  }
  co_return name + " done";
}
Promise<void> mainAsync() {
  auto r = co_await worker("w", 2, 3);
  console::log(r);
  std::vector<Promise<std::string>> ws;
  ws.push_back(worker("x", 10, 1));
  ws.push_back(worker("y", 1, 1));
  auto both = co_await Promise<std::string>::all(ws);
  console::log(both[0] + ", " + both[1]);
}
}  // namespace

NODECC_CONFORMANCE_CASE(co_await_timers) { mainAsync(); }
