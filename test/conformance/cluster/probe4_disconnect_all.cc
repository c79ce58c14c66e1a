#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe4_disconnect_all) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto racy = std::make_shared<std::vector<std::string>>();
    std::vector<cluster::WorkerPtr> workers{cluster::fork(), cluster::fork(), cluster::fork()};
    auto listening = std::make_shared<int>(0);
    auto exits = std::make_shared<int>(0);
    auto join = [workers](auto f) {
      std::string s;
      for (auto& w : workers) s += (s.empty() ? "" : " ") + util::format("%s", f(w));
      return s;
    };
    cluster::on("listening", [listening, workers, join](cluster::WorkerPtr, cluster::Address) {
      if (++*listening < 3) return;
      console::log("all listening; states", join([](auto& w) { return w->state(); }));
      cluster::disconnect([workers] {
        int dead = 0;
        for (auto& w : workers) dead += w->isDead();
        console::log("cb1: workers", cluster::workers().size(), "dead", dead);
      });
      console::log("after disconnect(cb1): workers", cluster::workers().size(), "ead",
                   join([](auto& w) { return w->exitedAfterDisconnect(); }), "connected",
                   join([](auto& w) { return w->isConnected(); }));
      cluster::disconnect([] { console::log("cb2"); });
      nextTick([] { console::log("tick after both calls"); });
    });
    cluster::on("disconnect", [racy](cluster::WorkerPtr w) {
      racy->push_back(util::format("disconnect %d state %s", w->id(), w->state()));
    });
    cluster::on("exit", [racy, exits](cluster::WorkerPtr w, std::optional<int> code,
                                      std::optional<std::string> signal) {
      racy->push_back(
          util::format("exit %d %s %s ead %s", w->id(), code, signal, w->exitedAfterDisconnect()));
      if (++*exits < 3) return;
      setImmediate([] {
        nextTick([] { console::log("tick before"); });
        cluster::disconnect([] { console::log("cb3: workers", cluster::workers().size()); });
        nextTick([] { console::log("tick after"); });
        console::log("sync after cb3 call");
      });
    });
    process::on("exit", [racy] {
      std::sort(racy->begin(), racy->end());
      for (auto& l : *racy) console::log(l);
    });
  } else {
    net::createServer()->listen(0);
    cluster::worker()->on("disconnect", [] { process::exitCode = 10 + cluster::worker()->id(); });
  }
}
