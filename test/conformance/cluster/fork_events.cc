#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(fork_events) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    console::log("isPrimary", cluster::isPrimary(), "isMaster", cluster::isMaster(), "isWorker",
                 cluster::isWorker());
    auto w = cluster::fork();
    std::vector<std::string> keys;
    for (auto& [id, _] : cluster::workers()) keys.push_back(std::to_string(id));
    console::log("forked id", w->id(), "state", w->state(), "workers", keys);
    cluster::on("fork", [](cluster::WorkerPtr worker) {
      console::log("cluster fork", worker->id(), worker->state());
    });
    cluster::on("online", [](cluster::WorkerPtr worker) {
      console::log("cluster online", worker->id(), worker->state());
    });
    w->on("online", [w] { console::log("worker online", w->state()); });
    w->on("listening", [](cluster::Address address) {
      console::log("worker listening", address.addressType, address.address,
                   "number");  // typeof address.port
    });
    cluster::on("listening", [](cluster::WorkerPtr worker, cluster::Address address) {
      console::log("cluster listening", worker->id(), worker->state(), address.port > 0);
      worker->disconnect();
      std::vector<std::string> keys;
      for (auto& [id, _] : cluster::workers()) keys.push_back(std::to_string(id));
      console::log("after disconnect(): exitedAfterDisconnect", worker->exitedAfterDisconnect(),
                   "workers", keys);
    });
    auto ends = std::make_shared<std::vector<std::string>>();
    w->on("disconnect", [ends] { ends->push_back("worker disconnect"); });
    w->on("exit", [ends](std::optional<int> code, std::optional<std::string> signal) {
      ends->push_back("worker exit " + util::format("%s %s", code, signal));
    });
    cluster::on("disconnect", [ends](cluster::WorkerPtr worker) {
      ends->push_back("cluster disconnect " + std::to_string(worker->id()));
    });
    cluster::on("exit", [ends](cluster::WorkerPtr worker, std::optional<int> code,
                               std::optional<std::string> signal) {
      ends->push_back("cluster exit " + util::format("%d %s %s", worker->id(), code, signal));
    });
    process::on("exit", [ends, w] {
      std::sort(ends->begin(), ends->end());
      for (auto& e : *ends) console::log(e);
      console::log("exitedAfterDisconnect", w->exitedAfterDisconnect(), "isDead", w->isDead(),
                   "isConnected", w->isConnected());
    });
  } else {
    net::createServer()->listen(0);
  }
}
