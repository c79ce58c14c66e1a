// Port of async_await.js: async functions are coroutines returning Promise<T>.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
void push(const std::string& s) { logLines.push_back(s); }

Promise<std::string> a() {
  push("a start");
  co_await Promise<>::resolved();  // JS: await null
  push("a after await 1");
  co_await Promise<>::resolved();
  push("a after await 2");
  co_return "a result";
}
Promise<void> b() {
  push("b start");
  try {
    co_await Promise<>::rejected(Error("nope"));
  } catch (const Error& e) {
    push("b caught " + e.message);
  }
  throw Error("b failed");
}
}  // namespace

NODECC_CONFORMANCE_CASE(async_await) {
  a().then([](const std::string& v) { push("a resolved " + v); });
  b().catch_([](const Error& e) { push("b rejected " + e.message); });
  Promise<>::resolved().then([] { push("plain then 1"); }).then([] { push("plain then 2"); });
  push("sync end");
  setTimeout(
      [] {
        std::string s;
        for (const auto& l : logLines) s += (s.empty() ? "" : "\n") + l;
        console::log(s);
      },
      0);
}
