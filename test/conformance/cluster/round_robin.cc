#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(round_robin) {
  cluster::schedulingPolicy = cluster::SCHED_ROUND_ROBIN;
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    console::log("policy is RR", cluster::schedulingPolicy == cluster::SCHED_ROUND_ROBIN);
    for (int i = 0; i < 3; i++) cluster::fork();
    auto listening = std::make_shared<int>(0);
    auto finish = [](const std::vector<std::string>& answers) {
      std::map<std::string, char> names;
      std::vector<std::string> letters;
      for (auto& a : answers) {
        if (!names.count(a)) names.emplace(a, "abc"[names.size()]);
        letters.push_back(std::string(1, names[a]));
      }
      std::string joined;
      for (auto& l : letters) joined += (joined.empty() ? "" : " ") + l;
      console::log("answered by", joined);
      cluster::disconnect([] { console::log("disconnected"); });
    };
    cluster::on("listening", [listening, finish](cluster::WorkerPtr, cluster::Address address) {
      if (++*listening < 3) return;
      console::log("all 3 listening on one port");
      auto answers = std::make_shared<std::vector<std::string>>();
      auto next = std::make_shared<std::function<void()>>();
      int port = address.port;
      *next = [answers, next, port, finish] {
        if (answers->size() == 6) {
          finish(*answers);
          *next = nullptr;
          return;
        }
        auto socket = net::connect(port, "127.0.0.1");
        auto data = std::make_shared<std::string>();
        socket->setEncoding("utf8");
        socket->on("data", [data](const std::string& d) { *data += d; });
        socket->on("close", [answers, data, next](bool) {
          answers->push_back(*data);
          (*next)();
        });
      };
      (*next)();
    });
  } else {
    int id = cluster::worker()->id();
    net::createServer([id](net::SocketPtr socket) {
      socket->end("worker " + std::to_string(id));
    })->listen(0);
  }
}
