// Port of timers_refresh.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> logLines;
bool called1 = false, called2 = false;
int called3 = 0;
int n = 0;
TimeoutPtr interval, rearmed;
const char* boolStr(bool b) { return b ? "true" : "false"; }
}  // namespace

NODECC_CONFORMANCE_CASE(timers_refresh) {
  {
    auto timer = setTimeout(
        [] {
          called1 = true;
          logLines.push_back("unref timer");
        },
        1);
    timer->unref();
    setTimeout(
        [] {
          logLines.push_back(std::string("check 1: unref timer not yet called ") +
                             boolStr(!called1));
        },
        1);
    console::log("refresh returns the timer", &timer->refresh() == timer.get());
  }
  {
    auto timer = setTimeout(
        [] {
          called2 = true;
          logLines.push_back("regular timer");
        },
        1);
    setTimeout(
        [] {
          logLines.push_back(std::string("check 2: regular timer not yet called ") +
                             boolStr(!called2));
        },
        1);
    console::log("refresh returns the timer", &timer->refresh() == timer.get());
  }
  {
    interval = setInterval(
        [] {
          called3 += 1;
          logLines.push_back("interval " + std::to_string(called3));
          if (called3 == 2) clearInterval(interval);
        },
        1);
    setTimeout(
        [] { logLines.push_back("check 3: interval calls so far " + std::to_string(called3)); }, 1);
    console::log("refresh returns the timer", &interval->refresh() == interval.get());
  }
  {
    // Refreshing a timer that already fired re-arms it.
    rearmed = setTimeout(
        [] {
          n++;
          logLines.push_back("re-armed timer run " + std::to_string(n));
          if (n == 1) rearmed->refresh();
        },
        50);
  }
  process::on("exit", [] {
    std::string s;
    for (const auto& l : logLines) s += (s.empty() ? "" : "\n") + l;
    console::log(s);
  });
}
