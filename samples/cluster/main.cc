// Seed, cluster › main.js: the primary forks one worker per CPU; each worker runs this same
// program again (cluster.isMaster is then false) and sends the primary a message.
//
//   if (cluster.isMaster) {
//     for (let i = 0; i < cpuNum; i++) cluster.fork();
//     cluster.on("fork", () => { conosle.log("开启了一个worker进程") })
//     cluster.workers.forEach(worker => {
//       worker.on("message", (data) => { conosle.log(data) })
//     })
//   } else {
//     console.log("子进程走这里");
//     process.send({ msg: "发给主进程的信息", pid: process.pid })
//   }
//
// The seed's typos are ported as meant: `conosle` is console, and `cluster.workers` is an
// object keyed by id (it has no forEach). Not in the seed, so that the program ends by itself:
// every worker also serves http on one shared port (the primary hands the connections out in
// turn); once all are listening the primary sends one request per worker, prints the answers,
// then disconnects the workers (each closes its server and exits).
#include <nodecc/cluster.h>
#include <nodecc/http.h>
#include <nodecc/nodecc.h>
#include <nodecc/os.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    int cpuNum = static_cast<int>(os::cpus().size());  // cpu数
    if (cpuNum == 0) cpuNum = 1;

    if (cluster::isMaster()) {  // 当前是否是主进程
      for (int i = 0; i < cpuNum; i++) {
        cluster::fork();
      }
      // 其他代码
      cluster::on("fork", [](cluster::WorkerPtr) { console::log("开启了一个worker进程"); });
      for (auto& [id, worker] : cluster::workers()) {
        worker->on("message", [](const Value& data) { console::log(data); });
      }

      // Not in the seed: one request per worker once every worker listens.
      auto listening = std::make_shared<int>(0);
      cluster::on("listening", [cpuNum, listening](cluster::WorkerPtr, cluster::Address address) {
        if (++*listening < cpuNum) return;
        auto answered = std::make_shared<int>(0);
        for (int i = 0; i < cpuNum; i++) {
          http::get("http://127.0.0.1:" + std::to_string(address.port) + "/",
                    [cpuNum, answered](http::IncomingMessagePtr res) {
                      res->setEncoding("utf8");
                      auto body = std::make_shared<std::string>();
                      res->on("data", [body](const std::string& d) { *body += d; });
                      res->on("end", [cpuNum, answered, body] {
                        console::log("got:", *body);
                        if (++*answered == cpuNum) {
                          cluster::disconnect([] { console::log("all workers disconnected"); });
                        }
                      });
                    });
        }
      });
    } else {
      console::log("子进程走这里");
      process::send(Object{{"msg", "发给主进程的信息"}, {"pid", process::pid()}});
      int id = cluster::worker()->id();
      auto server = http::createServer([id](http::IncomingMessagePtr, http::ServerResponsePtr res) {
        res->setHeader("Connection", "close");
        res->end("hello from worker " + std::to_string(id) + "\n");
      });
      server->listen(0);
    }
  });
}
