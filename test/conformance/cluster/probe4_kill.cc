#include "conformance.h"
#include "nodecc/cluster.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe4_kill) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto lines = std::make_shared<std::vector<std::string>>();
    std::vector<std::string> roles{"kill", "processKill", "disconnectThenKill", "selfKill",
                                   "selfDisconnect"};
    for (const auto& role : roles) {
      auto w = cluster::fork({{"ROLE", role}});
      auto ends = std::make_shared<int>(0);
      std::weak_ptr<cluster::Worker> ww = w;
      auto second = [lines, role, ends, ww] {
        auto w = ww.lock();
        if (++*ends == 2) {
          lines->push_back(role + ": second end event: member " +
                           util::format("%s", cluster::workers().count(w->id()) > 0));
        }
      };
      w->on("message",
            [lines, role](const Value& m) { lines->push_back(role + ": says " + m.toString()); });
      w->on("online", [lines, role, ww] {
        auto w = ww.lock();
        if (role == "kill") {
          w->kill();
          lines->push_back(role + ": kill() returned undefined");
        } else if (role == "processKill") {
          lines->push_back(role + ": process.kill returned " +
                           util::format("%s", process::kill(*w->process()->pid())));
        } else if (role == "disconnectThenKill") {
          w->disconnect();
        }
      });
      w->on("disconnect", [lines, role, ww, second] {
        auto w = ww.lock();
        lines->push_back(role + util::format(": disconnect state=%s ead=%s", w->state(),
                                             w->exitedAfterDisconnect()));
        if (role == "disconnectThenKill") w->kill("SIGINT");
        second();
      });
      w->on("exit",
            [lines, role, ww, second](std::optional<int> code, std::optional<std::string> signal) {
              auto w = ww.lock();
              lines->push_back(
                  role + util::format(": exit code=%s signal=%s ead=%s state=%s dead=%s killed=%s",
                                      code, signal, w->exitedAfterDisconnect(), w->state(),
                                      w->isDead(), w->process()->killed()));
              second();
            });
    }
    process::on("exit", [lines] {
      std::sort(lines->begin(), lines->end());
      for (auto& l : *lines) console::log(l);
      console::log("workers left", cluster::workers().size());
    });
  } else {
    std::string role = process::env.get("ROLE").value_or("");
    if (role == "selfKill") {
      cluster::worker()->kill();
      process::send(util::format("after kill() state %s ead %s", cluster::worker()->state(),
                                 cluster::worker()->exitedAfterDisconnect()));
    } else if (role == "selfDisconnect") {
      cluster::worker()->disconnect();
      process::send(util::format("after disconnect() state %s ead %s", cluster::worker()->state(),
                                 cluster::worker()->exitedAfterDisconnect()));
    } else {
      setInterval([] {}, 1000);
    }
  }
}
