// Port of timeout_args.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int n = 0;
TimeoutPtr iv;
}  // namespace

NODECC_CONFORMANCE_CASE(timeout_args) {
  setTimeout(
      [](const std::string& a, int b) {
        console::log("timeout", a, b);
        setImmediate(
            [](const std::string& c) {
              console::log("immediate", c);
              iv = setInterval(
                  [](const std::string& s) {
                    console::log("interval", s, ++n);
                    if (n == 2) clearInterval(iv);
                  },
                  1, std::string("z"));
            },
            std::string("y"));
      },
      1, std::string("x"), 42);
}
