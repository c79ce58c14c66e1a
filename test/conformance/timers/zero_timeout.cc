// Port of zero_timeout.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int ncalled = 0;
int icalled = 0;
TimeoutPtr iv;
void f(const std::string& a, const std::string& b, const std::string& c) {
  console::log("timeout args", a, b, c);
  ncalled++;
}
void g(const std::string& a, const std::string& b, const std::string& c) {
  console::log("interval args", a, b, c);
  if (++icalled == 3) clearTimeout(iv);
}
}  // namespace

NODECC_CONFORMANCE_CASE(zero_timeout) {
  setTimeout(f, 0, std::string("foo"), std::string("bar"), std::string("baz"));
  setTimeout([] {}, 0);
  iv = setInterval(g, 0, std::string("foo"), std::string("bar"), std::string("baz"));
  process::on("exit", [] { console::log("calls", ncalled, icalled); });
}
