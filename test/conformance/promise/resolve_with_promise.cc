// Port of resolve_with_promise.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
void push(const std::string& s) { logLines.push_back(s); }
}  // namespace

NODECC_CONFORMANCE_CASE(resolve_with_promise) {
  auto inner = Promise<std::string>::resolved("inner");
  // JS: new Promise((resolve) => resolve(inner)). The executor's resolve takes a T, so
  // the port resolves the promise object itself, which adopts `inner` the same way.
  Promise<std::string> outer;
  outer.resolve(inner);
  outer.then([](const std::string& v) { push("outer resolved with " + v); });
  Promise<>::resolved()
      .then([] { push("turn 1"); })
      .then([] { push("turn 2"); })
      .then([] { push("turn 3"); })
      .then([] { push("turn 4"); });
  // A then handler returning a promise also adopts it with two extra turns.
  Promise<>::resolved()
      .then([] { return Promise<std::string>::resolved("x"); })
      .then([](const std::string& v) { push("adopted " + v); });
  setTimeout(
      [] {
        std::string s;
        for (const auto& l : logLines) s += (s.empty() ? "" : "\n") + l;
        console::log(s);
      },
      0);
}
