// Seed, cluster › 进程守护 (process guardian): the primary forks a new worker whenever one
// exits or loses its IPC channel.
//
//   if (cluster.isMaster) {
//     for (let i = 0; i < cpuNum; i++) cluster.fork();
//     cluster.on("exit", () => { cluster.fork(); })
//     cluster.on("disconnect", () => { cluster.fork(); })
//   } else {
//     // 出错后使用 disconnect 或者 exit 退出
//     process.disconnect()
//   }
//
// As in the seed each worker disconnects at once (then exits), so each death reports both
// 'disconnect' and 'exit' and the seed's guardian would fork forever. Not in the seed, so that
// the program ends by itself: it replaces workers at most kMaxRestarts times, then stops.
#include <nodecc/cluster.h>
#include <nodecc/nodecc.h>
#include <nodecc/os.h>

#include <algorithm>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    int cpuNum = std::clamp(static_cast<int>(os::cpus().size()), 1, 4);
    static constexpr int kMaxRestarts = 4;

    if (cluster::isMaster()) {  // 当前是否是主进程
      for (int i = 0; i < cpuNum; i++) {
        cluster::fork();
      }
      auto restarts = std::make_shared<int>(0);
      auto refork = [restarts](const char* why, const cluster::WorkerPtr& worker) {
        console::log("worker %d: %s", worker->id(), why);
        if (*restarts >= kMaxRestarts) return;
        ++*restarts;
        auto w = cluster::fork();
        console::log("forked worker %d in its place (%d/%d)", w->id(), *restarts, kMaxRestarts);
      };
      cluster::on("exit", [refork](cluster::WorkerPtr worker, std::optional<int> code,
                                   std::optional<std::string>) {
        console::log("worker %d exited with code %d", worker->id(), code.value_or(-1));
        refork("exit", worker);
      });
      cluster::on("disconnect",
                  [refork](cluster::WorkerPtr worker) { refork("disconnect", worker); });
    } else {
      // 出错后使用 disconnect 或者 exit 退出
      process::disconnect();
    }
  });
}
