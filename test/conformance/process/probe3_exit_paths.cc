// Port of probe3_exit_paths.js.
#include <functional>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

namespace {
using Scenario = std::pair<const char*, std::function<void()>>;

std::vector<Scenario> scenarios() {
  return {
      {"code-natural",
       [] {
         process::exitCode = 3;
         process::on("beforeExit", [](int code) { console::log("beforeExit", code); });
         process::on("exit", [](int code) { console::log("exit", code); });
       }},
      {"exit-in-timer",
       [] {
         process::exitCode = 6;
         process::on("exit", [](int code) { console::log("exit", code); });
         setTimeout(
             [] {
               setImmediate([] { console::log("immediate (should not run)"); });
               process::nextTick([] { console::log("tick (should not run)"); });
               Promise<>::resolved().then([] { console::log("microtask (should not run)"); });
               process::exit();
             },
             1);
       }},
      {"exit-arg",
       [] {
         process::exitCode = 2;
         process::on("exit", [](int code) {
           console::log("exit", code);
           process::exitCode = 8;
         });
         process::on("exit", [](int code) { console::log("second exit listener", code); });
         process::exit(5);
       }},
      {"exit-zero",
       [] {
         process::exitCode = 4;
         process::on("exit", [](int code) { console::log("exit", code); });
         process::exit(0);
       }},
      {"uncaught-code",
       [] {
         process::on("uncaughtException", [](const Error& err) {
           console::log("caught", err.message);
           process::exitCode = 9;
         });
         process::on("exit", [](int code) { console::log("exit", code); });
         setTimeout([] { throw Error("in timer"); }, 1);
       }},
      {"fatal-throw",
       [] {
         process::exitCode = 3;
         process::on("uncaughtExceptionMonitor", [](const Error& err, const std::string& origin) {
           console::log("monitor", err.message, origin);
         });
         process::on("exit", [](int code) {
           console::log("exit", code);
           process::exitCode = 42;
         });
         throw Error("fatal from main");
       }},
      {"fatal-rejection",
       [] {
         process::exitCode = 3;
         process::on("uncaughtExceptionMonitor", [](const Error& err, const std::string& origin) {
           console::log("monitor", err.message, origin);
         });
         process::on("exit", [](int code) { console::log("exit", code); });
         Promise<>::rejected(Error("fatal rejection"));
       }},
      {"exit-listener-throws",
       [] {
         process::on("uncaughtException", [](const Error& err, const std::string& origin) {
           console::log("caught", err.message, origin);
         });
         process::on("exit", [](int code) {
           console::log("exit", code);
           throw Error("from exit listener");
         });
         setTimeout([] { process::exit(3); }, 1);
         setTimeout([] { console::log("later timer"); }, 30);
       }},
      {"exit-listener-throws-fatal",
       [] {
         process::on("exit", [](int code) {
           console::log("exit", code);
           throw Error("fatal in exit");
         });
         process::exit(3);
       }},
      {"natural-exit-listener-throws",
       [] {
         process::on("exit", [](int code) {
           console::log("exit", code);
           throw Error("thrown at natural exit");
         });
         setTimeout([] { console::log("timer"); }, 1);
       }},
  };
}

std::vector<std::string> lines(const Value& v) {
  std::vector<std::string> out;
  std::istringstream in(v.isString() ? v.asString() : std::string());
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_exit_paths) {
  auto all = scenarios();
  if (process::argv().size() > 2) {
    for (auto& [name, fn] : all)
      if (process::argv()[2] == name) fn();
    return;
  }
  const std::regex err(R"(^(?:[A-Za-z_$][\w$]*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?(?::|$))");
  for (auto& [name, fn] : all) {
    auto r = child_process::spawnSync(process::execPath(), conformance::selfArgs({name}),
                                      {.encoding = "utf8"});
    console::log(std::string("== ") + name + ": status " +
                 (r.status ? std::to_string(*r.status) : std::string("null")));
    for (auto& l : lines(r.stdout))
      if (!l.empty()) console::log("  " + l);
    for (auto& l : lines(r.stderr))
      if (std::regex_search(l, err)) console::log("  [stderr] " + l);
  }
}
