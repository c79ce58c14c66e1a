// Port of lists_by_duration.js.
#include <chrono>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> order;
}

NODECC_CONFORMANCE_CASE(lists_by_duration) {
  setTimeout([] { order.push_back("10a"); }, 10);
  setTimeout([] { order.push_back("5a"); }, 5);
  setTimeout(
      [] {
        order.push_back("1a");
        setTimeout([] { order.push_back("1c (made by 1a)"); }, 0);
      },
      1);
  setTimeout([] { order.push_back("5b"); }, 5);
  setTimeout([] { order.push_back("1b"); }, 1);
  setTimeout([] { order.push_back("10b"); }, 10);
  setTimeout([] { order.push_back("20"); }, 20);
  setTimeout([] { order.push_back("100"); }, 100);
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(25)) {
  }
  process::on("exit", [] {
    std::string s;
    for (const auto& o : order) s += (s.empty() ? "" : " ") + o;
    console::log(s);
  });
}
