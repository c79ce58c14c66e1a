// Port of then_chain.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
void push(const std::string& s) { logLines.push_back(s); }
}  // namespace

NODECC_CONFORMANCE_CASE(then_chain) {
  Promise<int>::resolved(1)
      .then([](const int& v) {
        push("a" + std::to_string(v));
        return v + 1;
      })
      .then([](const int& v) {
        push("a" + std::to_string(v));
        return v + 1;
      })
      .then([](const int& v) { push("a" + std::to_string(v)); });
  Promise<int>::resolved(10)
      .then([](const int& v) {
        push("b" + std::to_string(v));
        return v + 1;
      })
      .then([](const int& v) { push("b" + std::to_string(v)); });
  push("sync");
  setTimeout(
      [] {
        std::string s;
        for (const auto& l : logLines) s += (s.empty() ? "" : " ") + l;
        console::log(s);
      },
      0);
}
