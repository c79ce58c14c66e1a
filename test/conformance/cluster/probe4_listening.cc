#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/fs.h"
#include "nodecc/net.h"
#include "nodecc/os.h"
#include "nodecc/path.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe4_listening) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    std::string sock =
        path::join(os::tmpdir(), "probe4_listening_" + std::to_string(process::pid()) + ".sock");
    auto lines = std::make_shared<std::vector<std::string>>();
    auto w = cluster::fork({{"SOCK", sock}});
    std::weak_ptr<cluster::Worker> ww = w;
    auto fromWorker = std::make_shared<std::vector<Value>>();  // a Map: insertion order
    auto infos = std::make_shared<std::vector<cluster::Address>>();
    w->on("message", [fromWorker](const Value& m) {
      for (auto& x : *fromWorker) {
        if (x["name"] == m["name"]) {
          x = m;
          return;
        }
      }
      fromWorker->push_back(m);
    });
    w->on("listening", [infos](cluster::Address a) { infos->push_back(a); });
    cluster::on("listening", [lines, sock, infos, ww](cluster::WorkerPtr wk, cluster::Address a) {
      std::string address = !a.address ? "null" : *a.address == sock ? "SOCK" : *a.address;
      lines->push_back(util::format(
          "cluster listening: keys addressType,address,port,fd addressType %d address %s port %s "
          "fd undefined state %s same as worker's %s",
          a.addressType, address, a.port > 0 ? "ephemeral" : std::to_string(a.port), wk->state(),
          infos->back() == a));
      if (infos->size() < 4) return;
      ww.lock()->send("report");
    });
    w->on("message", [lines, infos, fromWorker, sock, ww](const Value& m) {
      if (m["name"] != Value("done")) return;
      for (auto& a : *infos) {
        const Value* n = nullptr;
        for (auto& x : *fromWorker) {
          if (x["port"] == Value(a.port) && x["name"] != Value("done")) {
            n = &x;
            break;
          }
        }
        const Value& addr = (*n)["address"];
        lines->push_back(util::format("worker %s: address %s family %s port matches %s",
                                      (*n)["name"].toString(),
                                      addr == Value(sock) ? "SOCK" : addr.toString(),
                                      (*n)["family"].toString(), (*n)["port"] == Value(a.port)));
      }
      ww.lock()->disconnect();
    });
    w->on("exit", [lines, sock](std::optional<int> code) {
      std::sort(lines->begin(), lines->end());
      for (auto& l : *lines) console::log(l);
      console::log("exit", code, "socket file left", fs::existsSync(sock));
    });
  } else {
    std::string sock = process::env.get("SOCK").value_or("");
    std::vector<std::pair<std::string, net::ServerPtr>> servers{
        {"zero", net::createServer()},
        {"loopback", net::createServer()},
        {"options", net::createServer()},
        {"pipe", net::createServer()},
    };
    servers[0].second->listen(0);
    servers[1].second->listen(0, "127.0.0.1");
    servers[2].second->listen(net::ListenOptions{.port = 0, .host = "127.0.0.1"});
    servers[3].second->listen(std::string_view(sock));
    process::on("message", [servers] {
      for (auto& [name, s] : servers) {
        auto a = s->address();
        if (a && a->family.empty()) {
          process::send(Object{{"name", name}, {"address", a->address}, {"port", -1}});
        } else if (a) {
          process::send(Object{
              {"name", name}, {"address", a->address}, {"family", a->family}, {"port", a->port}});
        }
      }
      process::send(Object{{"name", "done"}, {"state", cluster::worker()->state()}});
    });
  }
}
