#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(setup_primary) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    console::log("default policy RR", cluster::schedulingPolicy == cluster::SCHED_ROUND_ROBIN);
    cluster::schedulingPolicy = cluster::SCHED_NONE;
    cluster::on("setup", [](const cluster::Settings& s) {
      console::log("setup: silent", s.silent, "execArgv", s.execArgv, "exec is a string",
                   s.exec.has_value());
    });
    cluster::setupPrimary({.silent = true});
    console::log("after setupPrimary: silent", cluster::settings().silent, "args is an array",
                 cluster::settings().args.has_value());
    cluster::schedulingPolicy = cluster::SCHED_ROUND_ROBIN;  // too late: frozen
    cluster::setupMaster({.execArgv = std::vector<std::string>{}});
    console::log("still silent", cluster::settings().silent);
    auto w = cluster::fork({{"CLUSTER_TEST_VAR", "bar"}});
    auto out = std::make_shared<std::string>();
    w->process()->stdout()->setEncoding("utf8");
    w->process()->stdout()->on("data", [out](const std::string& d) { *out += d; });
    w->on("message", [](const Value& m) { console::log("worker env:", m.stringify()); });
    w->on("listening", [w](cluster::Address address) {
      auto socket = net::connect(address.port, "127.0.0.1");
      auto data = std::make_shared<std::string>();
      socket->setEncoding("utf8");
      socket->on("data", [data](const std::string& d) { *data += d; });
      socket->on("close", [w, data](bool) {
        console::log("shared server answered:", *data);
        w->disconnect();
      });
    });
    w->on("exit", [out](std::optional<int> code) {
      console::log("worker stdout:", Value(*out).stringify(), "exit", code);
    });
  } else {
    console::log("hello from a silent worker");
    Object m{{"var", process::env.get("CLUSTER_TEST_VAR").value_or("")}};
    if (auto id = process::env.get("NODE_UNIQUE_ID")) m["uniqueId"] = *id;
    process::send(m);
    net::createServer([](net::SocketPtr socket) { socket->end("shared"); })->listen(0);
  }
}
