#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
std::string props(const cluster::WorkerPtr& w) {
  return util::format("id=%d state=%s connected=%s dead=%s ead=%s", w->id(), w->state(),
                      w->isConnected(), w->isDead(), w->exitedAfterDisconnect());
}
bool member(int id) { return cluster::workers().count(id) > 0; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_state_props) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto late = std::make_shared<std::vector<std::string>>();
    auto disconnecting = std::make_shared<bool>(false);
    auto log = [late, disconnecting](const std::string& line) {
      if (*disconnecting) {
        late->push_back(line);
      } else {
        console::log(line);
      }
    };
    auto w = cluster::fork();
    log(util::format("after fork: %s member %s", props(w), member(w->id())));
    cluster::on("fork", [log, w](cluster::WorkerPtr wk) {
      log(util::format("cluster fork: %s same %s", props(wk), wk == w));
    });
    w->on("online", [log, w] { log("online: " + props(w)); });
    cluster::on("online", [log](cluster::WorkerPtr wk) { log("cluster online: " + props(wk)); });
    w->on("message", [log](const Value& m) { log("worker says " + m.stringify()); });
    w->on("listening", [log, w, disconnecting](cluster::Address) {
      log("listening: " + props(w));
      w->disconnect();
      *disconnecting = true;
      log(util::format("after disconnect(): %s member %s", props(w), member(w->id())));
    });
    w->on("disconnect", [log, w] {
      log(util::format("disconnect: state %s connected %s ead %s member %s", w->state(),
                       w->isConnected(), w->exitedAfterDisconnect(), member(w->id())));
    });
    w->on("exit", [log, w](std::optional<int> code, std::optional<std::string> signal) {
      log(util::format("exit %s %s state %s dead %s ead %s member %s", code, signal, w->state(),
                       w->isDead(), w->exitedAfterDisconnect(), member(w->id())));
    });
    process::on("exit", [late, w] {
      std::sort(late->begin(), late->end());
      for (auto& l : *late) console::log(l);
      console::log("final: connected", w->isConnected(), "dead", w->isDead(), "ead",
                   w->exitedAfterDisconnect(), "workers", cluster::workers().size());
    });
  } else {
    auto w = cluster::worker();
    process::send(Object{{"at", "start"}, {"props", props(w)}});
    auto server = net::createServer();
    server->listen(0, [w] {
      process::send(Object{{"at", "listen callback"}, {"state", w->state()}});
      nextTick([w] { process::send(Object{{"at", "tick after listen"}, {"state", w->state()}}); });
    });
    w->on("disconnect", [w, server] {
      console::log("worker side disconnect:", props(w), "listening", server->listening());
      process::exitCode = 4;
      console::log("worker side after exitCode = 4: dead", w->isDead());
    });
  }
}
