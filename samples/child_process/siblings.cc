// Seed, 多进程 › 兄弟进程通信: siblings talk through their parent, which forwards every
// {type: "trans", target: pid} message to the worker with that pid.
//
//   cluster.on("message", (fromWorker, msg) => {
//     if (msg.type === "trans") {
//       let worker = workers.find(f => f.process.pid == msg.target);
//       if (worker) worker.send({ from: fromWorker.process.pid, msg: msg.data })
//     }
//   })
//   // worker: process.send({ target: 19834, data: {}, type: "trans" });
//
// With child_process.fork instead of cluster: this program is both the parent and, run
// with the argument "worker", each worker. The parent tells every worker the pid of the
// next one; each worker greets that sibling, prints the greeting it gets, and is done.
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>
#include <nodecc/os.h>

#include <algorithm>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    if (process::argv().size() > 2 && process::argv()[2] == "worker") {
      process::on("message", [](const Value& msg) {
        if (msg.contains("next")) {
          process::send(
              Object{{"target", msg["next"]},
                     {"data", Object{{"hello", "from " + std::to_string(process::pid())}}},
                     {"type", "trans"}});
        } else {
          console::log("worker", process::pid(), "got", msg["msg"], "from sibling", msg["from"]);
          process::disconnect();
        }
      });
      return;
    }
    int cpuNum = std::max<int>(2, std::min<int>(4, static_cast<int>(os::cpus().size())));
    auto workers = std::make_shared<std::vector<child_process::ChildProcessPtr>>();
    for (int i = 0; i < cpuNum; i++) {
      auto worker = child_process::fork(process::execPath(), {"worker"});
      std::weak_ptr<child_process::ChildProcess> from = worker;
      worker->on("message", [workers, from](const Value& msg) {
        if (msg["type"] == Value("trans")) {
          auto it = std::find_if(workers->begin(), workers->end(), [&](auto& w) {
            return w->pid() && Value(*w->pid()) == msg["target"];
          });
          if (it != workers->end()) {
            (*it)->send(Object{{"from", *from.lock()->pid()}, {"msg", msg["data"]}});
          }
        }
      });
      workers->push_back(worker);
    }
    for (std::size_t i = 0; i < workers->size(); ++i) {
      const auto& next = (*workers)[(i + 1) % workers->size()];
      (*workers)[i]->send(Object{{"next", *next->pid()}});
    }
    // Once every worker has disconnected, drop them (their listeners hold this vector).
    auto left = std::make_shared<std::size_t>(workers->size());
    for (auto& w : *workers) {
      w->on("disconnect", [workers, left] {
        if (--*left == 0) workers->clear();
      });
    }
  });
}
