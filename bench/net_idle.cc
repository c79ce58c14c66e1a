// 10,000 idle TCP connections: the server's RSS growth per connection. The clients
// run in a second process (this program re-executed with --client) so that only
// the server side is measured. Twin: node/net_idle.js.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "bench.h"
#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

namespace {
void runClients(int port, int n) {
  auto sockets = std::make_shared<std::vector<net::SocketPtr>>();
  auto connected = std::make_shared<int>(0);
  // Connect in waves so the listen backlog never overflows.
  auto next = std::make_shared<std::function<void(int)>>();
  std::weak_ptr<std::function<void(int)>> weak = next;
  *next = [=](int from) {
    int to = std::min(n, from + 500);
    for (int i = from; i < to; ++i) {
      auto c = net::connect(port, "127.0.0.1");
      c->on("connect", [=] {
        if (++*connected == to && to < n) {
          if (auto f = weak.lock()) (*f)(to);
        }
      });
      c->on("error", [](const Error& e) {
        console::error("client:", e.message);
        process::exit(2);
      });
      sockets->push_back(c);
    }
  };
  (*next)(0);
  // Stay until the parent kills us.
  setInterval([next] {}, 1000000);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::string(argv[1]) == "--client") {
    int port = std::atoi(argv[2]), n = std::atoi(argv[3]);
    return nodecc::main(argc, argv, [port, n] { runClients(port, n); });
  }
  return nodecc::main(argc, argv, [] {
    const int n = bench::quick() ? 200 : 10000;
    auto accepted = std::make_shared<int>(0);
    auto sockets = std::make_shared<std::vector<net::SocketPtr>>();
    auto childPid = std::make_shared<pid_t>(0);
    auto server = net::createServer();
    auto base = std::make_shared<std::uint64_t>(0);
    server->on("connection", [=](net::SocketPtr s) {
      sockets->push_back(s);
      if (++*accepted == n) {
        // Let allocations settle, then measure.
        setTimeout(
            [=] {
              double perConn = static_cast<double>(process::memory::rss() - *base) / n / 1024.0;
              bench::report("net_idle_rss_per_conn", "KiB/conn", perConn, false);
              kill(*childPid, SIGKILL);
              waitpid(*childPid, nullptr, 0);
              for (auto& x : *sockets) x->destroy();
              sockets->clear();
              server->close();
            },
            200);
      }
    });
    server->listen(0, "127.0.0.1", 4096, [=] {
      *base = process::memory::rss();
      std::string port = std::to_string(server->address()->port);
      std::string count = std::to_string(n);
      std::string exe = process::execPath();
      pid_t pid = fork();
      if (pid == 0) {
        execl(exe.c_str(), exe.c_str(), "--client", port.c_str(), count.c_str(), nullptr);
        _exit(127);
      }
      *childPid = pid;
    });
  });
}
