// Port of throw_in_timer.js.
#include <chrono>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> order;
}

NODECC_CONFORMANCE_CASE(throw_in_timer) {
  process::on("uncaughtException", [](const Error& err, const std::string& origin) {
    order.push_back("caught " + err.message + " (" + origin + ")");
  });
  setTimeout(
      [] {
        order.push_back("a1");
        throw Error("a1");
      },
      1);
  setTimeout([] { order.push_back("a2"); }, 1);
  setTimeout(
      [] {
        order.push_back("a3");
        throw Error("a3");
      },
      1);
  setTimeout([] { order.push_back("a4"); }, 1);
  setTimeout([] { order.push_back("b1"); }, 2);
  setImmediate([] {
    order.push_back("i1");
    throw Error("i1");
  });
  setImmediate([] { order.push_back("i2"); });
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(5)) {
  }
  process::on("exit", [] {
    std::string s;
    for (const auto& o : order) s += (s.empty() ? "" : "\n") + o;
    console::log(s);
  });
}
