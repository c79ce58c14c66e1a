// Seed, 多进程 › 负载均衡: a hand-made round-robin cluster. The master listens and hands
// each connection to the next of 4 forked workers, which answer HTTP by hand.
//
//   var workers = [];
//   for (var i = 0; i < 4; i++) workers.push(fork('./worker'))
//   var handle = net._createServerHandle('0.0.0.0', 3000);
//   handle.listen();
//   handle.onconnection = function (err, handle) {
//     var worker = workers.pop();
//     worker.send({}, handle);
//     workers.unshift(worker);
//   }
//
// nodecc has no raw server handle: a net::Server with pauseOnConnect accepts, and the
// accepted socket is what goes to the worker (Node's docs recommend the same). The port
// is 3000 as in the seed unless given as the first argument (0 picks a free one). Not in
// the seed: the master then sends 8 requests to itself, prints the answers and stops.
#include <nodecc/child_process.h>
#include <nodecc/net.h>
#include <nodecc/nodecc.h>
#include <nodecc/path.h>

#include <deque>

using namespace nodecc;
using child_process::fork;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto workers = std::make_shared<std::deque<child_process::ChildProcessPtr>>();
    for (int i = 0; i < 4; i++) {
      workers->push_back(fork(path::resolve(path::dirname(process::execPath()), "./worker")));
    }
    auto server = net::createServer({.pauseOnConnect = true}, [workers](net::SocketPtr socket) {
      auto worker = workers->back();
      workers->pop_back();
      worker->send(Object{}, socket);
      workers->push_front(worker);
    });
    int port = process::argv().size() > 2 ? std::stoi(process::argv()[2]) : 3000;
    server->listen(port, "0.0.0.0", [server, workers] {
      int port = server->address()->port;
      auto pending = std::make_shared<int>(8);
      for (int i = 0; i < 8; i++) {
        auto client = net::connect(port, "127.0.0.1");
        client->setEncoding("utf8");
        auto answer = std::make_shared<std::string>();
        client->on("connect",
                   [client] { client->write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"); });
        client->on("data", [answer](const std::string& d) { *answer += d; });
        client->on("close", [answer, pending, server, workers](bool) {
          console::log("client got:", Value(*answer).stringify());
          if (--*pending == 0) {
            server->close();
            for (auto& w : *workers) w->disconnect();
            workers->clear();
          }
        });
      }
    });
  });
}
