// Port of beforeexit.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
int n = 0;
constexpr int N = 5;
void repeatedTimer() {
  logLines.push_back("repeated timer " + std::to_string(n));
  if (++n < N) setTimeout(repeatedTimer, 1);
}
void tryRepeatedTimer() {
  logLines.push_back("beforeExit 3");
  setTimeout(repeatedTimer, 1);
}
void tryTimer() {
  logLines.push_back("beforeExit 2");
  setTimeout(
      [] {
        logLines.push_back("timer");
        process::once("beforeExit", tryRepeatedTimer);
      },
      1);
}
void tryImmediate(int code) {
  logLines.push_back("beforeExit 1 code " + std::to_string(code));
  setImmediate([] {
    logLines.push_back("immediate");
    process::once("beforeExit", tryTimer);
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(beforeexit) {
  process::once("beforeExit", tryImmediate);
  process::on("exit", [](int code) {
    logLines.push_back("exit " + std::to_string(code));
    std::string s;
    for (const auto& l : logLines) s += (s.empty() ? "" : "\n") + l;
    console::log(s);
  });
}
