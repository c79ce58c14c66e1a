// cluster: round-robin and shared serving, worker death, the disconnect flow, bad input, and a
// Node worker under a nodecc primary.
//
// The binary is also its own worker: `unit_cluster --child=<role>` (run by cluster::fork with
// NODE_UNIQUE_ID set) runs one of the roles below as a nodecc program (see main() at the end).
#include "nodecc/cluster.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "nodecc/http.h"
#include "nodecc/net.h"
#include "nodecc/nodecc.h"

namespace nodecc {
namespace {

using Code = std::optional<int>;
using Sig = std::optional<std::string>;

const char* kNode = "/usr/bin/node";
bool haveNode() { return ::access(kNode, X_OK) == 0; }

bool noChildLeft() {
  errno = 0;
  return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// ---- the worker roles ----------------------------------------------------------------------

// An http server on a port shared through the primary; answers with the worker's id.
void roleHttp() {
  int id = cluster::worker()->id();
  http::createServer([id](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    res->setHeader("Connection", "close");
    res->end("worker " + std::to_string(id));
  })->listen(0);
}

// A net server answering with the worker's id.
void roleNet() {
  int id = cluster::worker()->id();
  net::createServer([id](net::SocketPtr s) { s->end("worker " + std::to_string(id)); })->listen(0);
}

void roleIdle() {
  setInterval([] {}, 1000);
}

void roleExit7() { process::exit(7); }

// Listens, then disconnects itself once listening.
void roleSelfDisconnect() {
  auto server = net::createServer();
  server->listen(0, [server] { cluster::worker()->disconnect(); });
  server->on("close", [] { process::send("server closed"); });
}

// Reports what the primary-only functions do in a worker, then what a send after the
// disconnect gives.
void roleBadInput() {
  std::vector<std::string> errors;
  auto attempt = [&](std::function<void()> f) {
    try {
      f();
      errors.push_back("no throw");
    } catch (const Error& e) {
      errors.push_back(e.name + ": " + e.message);
    }
  };
  attempt([] { cluster::fork(); });
  attempt([] { cluster::setupPrimary(); });
  attempt([] { cluster::disconnect(); });
  Array list;
  for (auto& e : errors) list.push_back(e);
  process::send(Object{{"errors", list}, {"isWorker", cluster::isWorker()}});
  process::on("disconnect", [] {
    cluster::worker()->send("after", [](std::optional<Error> err) {
      console::log(err ? err->code : std::string("no error"));
    });
  });
  cluster::worker()->disconnect();
}

// listen() on the port in BLOCKED_PORT: reports the server's 'error'.
void roleListenBlocked() {
  int port = std::stoi(process::env.get("BLOCKED_PORT").value_or("0"));
  auto server = net::createServer();
  server->on("error", [server](const Error& e) {
    process::send(Object{{"code", e.code},
                         {"syscall", e.syscall},
                         {"message", e.message},
                         {"listening", server->listening()}});
    cluster::worker()->disconnect();
  });
  server->listen(port);
}

std::map<std::string, void (*)()>& roles() {
  static std::map<std::string, void (*)()> r{
      {"http", roleHttp},
      {"net", roleNet},
      {"idle", roleIdle},
      {"exit7", roleExit7},
      {"self-disconnect", roleSelfDisconnect},
      {"bad-input", roleBadInput},
      {"listen-blocked", roleListenBlocked},
  };
  return r;
}

void useRole(const std::string& role) { cluster::settings().args = {{"--child=" + role}}; }

// `n` requests one after another to 127.0.0.1:port; then `done(answers)`.
void sequentialRequests(bool useHttp, int port, int n,
                        std::function<void(std::vector<std::string>)> done) {
  auto answers = std::make_shared<std::vector<std::string>>();
  auto next = std::make_shared<std::function<void()>>();
  *next = [=] {
    if (static_cast<int>(answers->size()) == n) {
      auto d = done;
      auto got = *answers;
      auto self = next;  // the next line destroys this lambda
      *next = nullptr;
      d(std::move(got));
      return;
    }
    if (useHttp) {
      http::get("http://127.0.0.1:" + std::to_string(port) + "/",
                [answers, next](http::IncomingMessagePtr res) {
                  res->setEncoding("utf8");
                  auto body = std::make_shared<std::string>();
                  res->on("data", [body](const std::string& d) { *body += d; });
                  res->on("end", [answers, next, body] {
                    answers->push_back(*body);
                    (*next)();
                  });
                });
    } else {
      auto s = net::connect(port, "127.0.0.1");
      auto body = std::make_shared<std::string>();
      s->setEncoding("utf8");
      s->on("data", [body](const std::string& d) { *body += d; });
      s->on("close", [answers, next, body](bool) {
        answers->push_back(*body);
        (*next)();
      });
    }
  };
  (*next)();
}

// ---- tests ---------------------------------------------------------------------------------

void roundRobin(bool useHttp, int workers) {
  std::vector<std::string> answers;
  std::vector<std::string> exits;
  bool disconnected = false;
  int rc = nodecc::run([&] {
    ASSERT_TRUE(cluster::isPrimary());
    cluster::schedulingPolicy = cluster::SCHED_ROUND_ROBIN;
    useRole(useHttp ? "http" : "net");
    for (int i = 0; i < workers; i++) cluster::fork();
    auto listening = std::make_shared<int>(0);
    cluster::on(
        "listening", [&, listening, workers, useHttp](cluster::WorkerPtr, cluster::Address a) {
          if (++*listening < workers) return;
          sequentialRequests(useHttp, a.port, 3 * workers, [&](std::vector<std::string> got) {
            answers = std::move(got);
            cluster::disconnect([&] { disconnected = true; });
          });
        });
    cluster::on("exit", [&](cluster::WorkerPtr w, Code code, Sig sig) {
      exits.push_back(util::format("%d %s %s %s", w->id(), code, sig, w->exitedAfterDisconnect()));
    });
  });
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(answers.size(), static_cast<std::size_t>(3 * workers));
  // Each connection answered; the workers take turns.
  std::set<std::string> first(answers.begin(), answers.begin() + workers);
  EXPECT_EQ(first.size(), static_cast<std::size_t>(workers));
  for (std::size_t i = workers; i < answers.size(); ++i)
    EXPECT_EQ(answers[i], answers[i - workers]);
  EXPECT_TRUE(disconnected);
  std::sort(exits.begin(), exits.end());
  std::vector<std::string> expected;
  for (int i = 1; i <= workers; i++) expected.push_back(std::to_string(i) + " 0 null true");
  EXPECT_EQ(exits, expected);
  EXPECT_TRUE(noChildLeft());
}

TEST(ClusterRoundRobin, HttpThreeWorkersTakeTurns) { roundRobin(true, 3); }
TEST(ClusterRoundRobin, NetTwoWorkersTakeTurns) { roundRobin(false, 2); }

TEST(ClusterShared, SchedNoneServesEveryConnection) {
  std::vector<std::string> answers;
  int rc = nodecc::run([&] {
    cluster::schedulingPolicy = cluster::SCHED_NONE;
    useRole("net");
    cluster::fork();
    cluster::fork();
    auto listening = std::make_shared<int>(0);
    cluster::on("listening", [&, listening](cluster::WorkerPtr, cluster::Address a) {
      if (++*listening < 2) return;
      sequentialRequests(false, a.port, 6, [&](std::vector<std::string> got) {
        answers = std::move(got);
        cluster::disconnect();
      });
    });
  });
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(answers.size(), 6u);
  for (auto& a : answers) EXPECT_TRUE(a == "worker 1" || a == "worker 2") << a;
  EXPECT_TRUE(noChildLeft());
}

TEST(ClusterDeath, ExitCarriesCodeOrSignal) {
  std::map<int, std::string> exits;
  std::vector<std::string> order;
  std::size_t left = 99;
  int rc = nodecc::run([&] {
    useRole("idle");
    auto a = cluster::fork();
    cluster::settings().args = {{"--child=exit7"}};
    auto b = cluster::fork();
    a->on("online", [a] { a->kill("SIGKILL"); });
    for (auto w : {a, b}) {
      w->on("exit", [&, w](Code code, Sig sig) {
        exits[w->id()] = util::format("%s %s dead=%s eAD=%s", code, sig, w->isDead(),
                                      w->exitedAfterDisconnect());
      });
    }
    cluster::on("exit", [&](cluster::WorkerPtr, Code, Sig) {
      if (exits.size() == 2) left = cluster::workers().size();
    });
    cluster::on("disconnect", [&](cluster::WorkerPtr w) {
      order.push_back("disconnect " + std::to_string(w->id()));
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(exits[1], "null SIGKILL dead=true eAD=false");
  EXPECT_EQ(exits[2], "7 null dead=true eAD=false");
  std::sort(order.begin(), order.end());
  EXPECT_EQ(order, (std::vector<std::string>{"disconnect 1", "disconnect 2"}));
  EXPECT_TRUE(noChildLeft());
  (void)left;
}

TEST(ClusterDisconnect, PrimaryInitiated) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    useRole("net");
    auto w = cluster::fork();
    w->on("listening", [&, w](cluster::Address) {
      w->disconnect();
      events.push_back(util::format("disconnect() eAD=%s workers=%d", w->exitedAfterDisconnect(),
                                    cluster::workers().size()));
    });
    w->on("disconnect", [&, w] { events.push_back("disconnect"); });
    w->on("exit",
          [&, w](Code code, Sig sig) { events.push_back(util::format("exit %s %s", code, sig)); });
  });
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0], "disconnect() eAD=true workers=0");
  std::sort(events.begin() + 1, events.end());
  EXPECT_EQ(events[1], "disconnect");
  EXPECT_EQ(events[2], "exit 0 null");
  EXPECT_TRUE(noChildLeft());
}

TEST(ClusterDisconnect, WorkerInitiatedClosesItsServersFirst) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    useRole("self-disconnect");
    auto w = cluster::fork();
    w->on("message", [&](const Value& m) { events.push_back(m.asString()); });
    w->on("exit", [&, w](Code code, Sig) {
      events.push_back(util::format("exit %s eAD=%s", code, w->exitedAfterDisconnect()));
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"server closed", "exit 0 eAD=true"}));
  EXPECT_TRUE(noChildLeft());
}

TEST(ClusterDisconnect, NoWorkersCallsBackOnNextTick) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    cluster::disconnect([&] { events.push_back("callback"); });
    events.push_back("sync");
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"sync", "callback"}));
}

TEST(ClusterBadInput, PrimaryOnlyFunctionsThrowInAWorker) {
  Value report;
  std::string stdoutText;
  int rc = nodecc::run([&] {
    useRole("bad-input");
    cluster::setupPrimary({.silent = true});
    auto w = cluster::fork();
    w->process()->stdout()->setEncoding("utf8");
    w->process()->stdout()->on("data", [&](const std::string& d) { stdoutText += d; });
    w->on("message", [&](const Value& m) { report = m; });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(report["errors"], Value(Array{"TypeError: cluster.fork is not a function",
                                          "TypeError: cluster.setupPrimary is not a function",
                                          "TypeError: cluster.disconnect is not a function"}));
  EXPECT_EQ(report["isWorker"], Value(true));
  // A send once disconnected: ERR_IPC_CHANNEL_CLOSED to the callback.
  EXPECT_EQ(stdoutText, "ERR_IPC_CHANNEL_CLOSED\n");
}

TEST(ClusterBadInput, ListenEaddrinuseReachesTheWorkersServer) {
  Value report;
  Code exitCode;
  int port = 0;
  int rc = nodecc::run([&] {
    useRole("listen-blocked");
    auto blocker = net::createServer();
    blocker->listen(0, [&, blocker] {
      port = blocker->address()->port;
      auto w = cluster::fork({{"BLOCKED_PORT", std::to_string(port)}});
      w->on("message", [&](const Value& m) { report = m; });
      w->on("exit", [&, blocker](Code code) {
        exitCode = code;
        blocker->close();
      });
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(report["code"], Value("EADDRINUSE"));
  EXPECT_EQ(report["syscall"], Value("bind"));
  EXPECT_EQ(report["message"], Value("bind EADDRINUSE null:" + std::to_string(port)));
  EXPECT_EQ(report["listening"], Value(false));
  EXPECT_EQ(exitCode, Code(0));
}

TEST(ClusterBadInput, SettingsAndSetupEvent) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    EXPECT_FALSE(cluster::settings().exec.has_value());  // Node: {} before setupPrimary
    cluster::on("setup", [&](const cluster::Settings& s) {
      events.push_back(util::inspect(s.silent) + " " + std::to_string(s.args->size()));
    });
    cluster::setupPrimary({.args = std::vector<std::string>{"a", "b"}, .silent = true});
    cluster::setupPrimary({.silent = false});
    events.push_back("sync");
    EXPECT_EQ(cluster::settings().exec, process::execPath());
    EXPECT_EQ(cluster::workers().size(), 0u);
    EXPECT_EQ(cluster::worker(), nullptr);
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"sync", "true 2", "false 2"}));
}

// The wire protocol against Node: a Node worker under a nodecc primary comes online, listens
// through the primary, and disconnects when asked.
TEST(ClusterInterop, NodeWorkerUnderNodeccPrimary) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  std::string script =
      ::testing::TempDir() + "/nodecc_cluster_worker_" + std::to_string(::getpid()) + ".js";
  std::ofstream(script) << "const cluster = require('cluster');\n"
                           "process.send({ isWorker: cluster.isWorker, id: cluster.worker.id });\n"
                           "require('net').createServer().listen(0);\n";
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    cluster::setupPrimary({.args = std::vector<std::string>{},
                           .exec = script,
                           .execArgv = std::vector<std::string>{},
                           .execPath = std::string(kNode)});
    auto w = cluster::fork();
    w->on("online", [&] { events.push_back("online"); });
    w->on("message", [&](const Value& m) { events.push_back(m.stringify()); });
    w->on("listening", [&, w](cluster::Address a) {
      events.push_back(util::format("listening %d %s %s", a.addressType, a.address, a.port > 0));
      w->disconnect();
    });
    w->on("exit", [&, w](Code code, Sig) {
      events.push_back(util::format("exit %s eAD=%s", code, w->exitedAfterDisconnect()));
    });
  });
  ::unlink(script.c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"online", "{\"isWorker\":true,\"id\":1}",
                                              "listening 4 null true", "exit 0 eAD=true"}));
}

}  // namespace
}  // namespace nodecc

int main(int argc, char** argv) {
  // `--child=<role>`: run as one of the workers the tests start.
  if (argc >= 2 && std::strncmp(argv[1], "--child=", 8) == 0) {
    auto it = nodecc::roles().find(argv[1] + 8);
    if (it == nodecc::roles().end()) return 2;
    auto role = it->second;
    // Node sets a worker up before its main script; here the first use of cluster does.
    return nodecc::main(argc, argv, [role] {
      nodecc::cluster::isWorker();
      role();
    });
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
