#include "conformance.h"
#include "nodecc/cluster.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe4_setup) {
  if (cluster::isPrimary()) {
    console::log("initial settings", cluster::settings());
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    cluster::on("setup", [](const cluster::Settings& s) {
      cluster::Settings rest = s;  // const { args, exec, ...rest } = s;
      rest.args.reset();
      rest.exec.reset();
      console::log("setup", rest, "args array", s.args.has_value(), "exec",
                   s.exec ? "string" : "undefined");
    });
    cluster::setupPrimary({.windowsHide = true});
    cluster::settings().cwd = "/";
    console::log("after first: silent", cluster::settings().silent, "cwd", cluster::settings().cwd);
    cluster::setupPrimary({.silent = true, .serialization = "json"});
    console::log("after second: silent", cluster::settings().silent, "cwd",
                 cluster::settings().cwd);
    nextTick([] { console::log("tick queued after the second call"); });
    auto w = cluster::fork();
    auto out = std::make_shared<std::string>();
    w->process()->stdout()->setEncoding("utf8");
    w->process()->stdout()->on("data", [out](const std::string& d) { *out += d; });
    w->on("exit", [out](std::optional<int> code, std::optional<std::string> signal) {
      console::log("worker exit", code, signal, "stdout", Value(*out).stringify());
    });
  } else {
    console::log("worker cwd", process::cwd());
    cluster::worker()->disconnect();
  }
}
