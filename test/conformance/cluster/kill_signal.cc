#include "conformance.h"
#include "nodecc/cluster.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(kill_signal) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto lines = std::make_shared<std::vector<std::string>>();
    auto a = cluster::fork();
    auto b = cluster::fork();
    auto c = cluster::fork();
    a->on("online", [a] { a->kill("SIGKILL"); });
    b->on("online", [b] { b->destroy(); });
    cluster::on("exit", [lines](cluster::WorkerPtr worker, std::optional<int> code,
                                std::optional<std::string> signal) {
      lines->push_back(util::format("exit %d code=%s signal=%s exitedAfterDisconnect=%s dead=%s",
                                    worker->id(), code, signal, worker->exitedAfterDisconnect(),
                                    worker->isDead()));
    });
    cluster::on("disconnect", [lines](cluster::WorkerPtr worker) {
      lines->push_back("disconnect " + std::to_string(worker->id()));
    });
    process::on("exit", [lines] {
      std::sort(lines->begin(), lines->end());
      for (auto& l : *lines) console::log(l);
      console::log("workers left", cluster::workers().size());
    });
  } else if (cluster::worker()->id() == 3) {
    process::exit(3);
  } else {
    setInterval([] {}, 1000);
  }
}
