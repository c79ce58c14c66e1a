// Port of interval_clear_self.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int n = 0;
int m = 0;
int seen = 0;
TimeoutPtr iv, iv2;
}  // namespace

NODECC_CONFORMANCE_CASE(interval_clear_self) {
  iv = setInterval(
      [] {
        n++;
        console::log("interval", n);
        if (n == 3) {
          clearInterval(iv);
          clearInterval(iv);
        }
      },
      1);
  iv2 = setInterval([] { m++; }, 1);
  setTimeout(
      [] {
        clearInterval(iv2);
        seen = m;
        setTimeout([] { console::log("iv2 stopped", m == seen); }, 10);
      },
      15);
  clearInterval(nullptr);
  clearTimeout(nullptr);
  process::on("exit", [] { console::log("done", n); });
}
