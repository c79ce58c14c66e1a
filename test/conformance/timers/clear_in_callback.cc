// Port of clear_in_callback.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> timerLog, immediates;
TimeoutPtr a, b;
ImmediatePtr j;
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(clear_in_callback) {
  a = setTimeout(
      [] {
        timerLog.push_back("a");
        clearTimeout(b);
        clearTimeout(a);
      },
      1);
  b = setTimeout([] { timerLog.push_back("b"); }, 1);
  setTimeout([] { timerLog.push_back("c"); }, 1);
  setImmediate([] {
    immediates.push_back("i");
    clearImmediate(j);
    auto k = setImmediate([] { immediates.push_back("k"); });
    clearImmediate(k);
    setImmediate([] { immediates.push_back("l (next turn)"); });
  });
  j = setImmediate([] { immediates.push_back("j"); });
  setImmediate([] { immediates.push_back("m"); });
  process::on("exit", [] { console::log(join(timerLog), "|", join(immediates)); });
}
