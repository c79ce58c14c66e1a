// Port of max_duration_warning.js.
#include <chrono>
#include <cmath>

#include "conformance.h"

using namespace nodecc;

namespace {
int warnings = 0;
std::chrono::steady_clock::time_point start;
void TimerNotCanceled() { console::log("timer should be canceled"); }
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out{""};
  for (char c : s) {
    if (c == '\n')
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}
}  // namespace

NODECC_CONFORMANCE_CASE(max_duration_warning) {
  const double OVERFLOW = std::pow(2, 31);
  process::on("warning", [](const Error& warning) {
    auto lines = split(warning.message);
    warnings++;
    console::log(warning.name, "|", lines[0], "|", lines[1], "|", lines.size());
  });
  {
    auto timeout = setTimeout(TimerNotCanceled, OVERFLOW);
    clearTimeout(timeout);
  }
  {
    auto interval = setInterval(TimerNotCanceled, OVERFLOW);
    clearInterval(interval);
  }
  console::log("warnings so far", warnings);
  start = std::chrono::steady_clock::now();
  setTimeout(
      [] {
        console::log("overflowed timer ran early",
                     std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
      },
      std::pow(2, 40));
  process::on("exit", [] { console::log("warnings", warnings); });
}
