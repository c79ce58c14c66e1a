// Port of nexttick_vs_microtask.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
void push(const std::string& s) { logLines.push_back(s); }
}  // namespace

NODECC_CONFORMANCE_CASE(nexttick_vs_microtask) {
  Promise<>::resolved()
      .then([] {
        push("micro 1");
        process::nextTick([] { push("tick from micro 1"); });
      })
      .then([] { push("micro 1b"); });
  queueMicrotask([] { push("micro 2"); });
  process::nextTick([] {
    push("tick 1");
    Promise<>::resolved().then([] { push("micro from tick 1"); });
    process::nextTick([] { push("tick from tick 1"); });
  });
  process::nextTick([] { push("tick 2"); });
  setImmediate([] {
    std::string s;
    for (const auto& l : logLines) s += (s.empty() ? "" : "\n") + l;
    console::log(s);
  });
}
