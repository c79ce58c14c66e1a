// child_process: bad input, resource accounting, and interoperation with Node itself.
//
// The binary is also its own child: `unit_child_process --child=<role>` runs one of the
// roles below as a nodecc program (see main() at the end).
#include "nodecc/child_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bindings/ipc_channel.h"
#include "bindings/tcp_wrap.h"
#include "nodecc/nodecc.h"

namespace nodecc {
namespace {

namespace cp = child_process;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

std::string selfExe() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

const char* kNode = "/usr/bin/node";
bool haveNode() { return ::access(kNode, X_OK) == 0; }

int countFds() {
  int n = 0;
  DIR* d = ::opendir("/proc/self/fd");
  while (dirent* e = ::readdir(d)) {
    if (e->d_name[0] != '.') ++n;
  }
  ::closedir(d);
  return n - 1;  // the directory stream itself
}

// Every child of this process has been reaped.
bool noChildLeft() {
  errno = 0;
  return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// A file under the test's temporary directory, written now.
std::string writeTemp(const std::string& name, const std::string& text) {
  std::string dir = ::testing::TempDir();
  std::string path = dir + "/nodecc_cp_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

// ---- the child roles ---------------------------------------------------------------------

// Echoes each message back as {i, echo}; ends when the parent disconnects.
void roleEcho() {
  process::on("message", [](const Value& m) {
    process::send(Object{{"i", m["i"]}, {"echo", m["s"]}});
  });
}

// Writes a line that is not JSON, then a good one, then lives on for a while.
void roleMalformed() {
  const char text[] = "{\"before\":1}\nthis is not json\n";
  if (::write(3, text, sizeof text - 1) < 0) std::abort();
  setTimeout(
      [] {
        const char more[] = "{\"after\":2}\n";
        if (::write(3, more, sizeof more - 1) < 0) std::abort();
      },
      100);
  setTimeout([] {}, 300);
}

// Closes its end of the channel behind the library's back, then keeps running a while.
void roleCloseChannel() {
  ::shutdown(3, SHUT_RDWR);
  setTimeout([] {}, 300);
}

// Sends a message and exits at once: the message must still arrive.
void roleSendExit() {
  process::send(Object{{"last", "words"}});
  process::exit(3);
}

// Forks a grandchild that reports 'disconnect' on fd 1, then waits to be killed.
void roleMiddle() {
  auto g = cp::fork(process::execPath(), {"--child=grandchild"});
  g->on("message", [](const Value& m) {
    if (m == Value("up")) console::log("up");  // tells the test it may kill us now
  });
  setTimeout([] {}, 60000);
}

void roleGrandchild() {
  process::on("disconnect", [] { console::log("grandchild saw disconnect"); });
  process::send("up");
}

// Receives a listening server from its parent and answers the first connection on it.
void roleAcceptServer() {
  process::on("message", [](const Value& m, cp::SendHandle h) {
    if (m != Value("server")) return;
    net::ServerPtr server = h.server();
    if (!server) std::abort();
    server->on("connection", [server](net::SocketPtr s) {
      s->end("hello from nodecc");
      server->close();
      process::disconnect();
    });
    process::send("listening");
  });
  process::send("ready");
}

const std::map<std::string, void (*)()>& roles() {
  static const std::map<std::string, void (*)()> r = {
      {"echo", roleEcho},
      {"malformed", roleMalformed},
      {"close-channel", roleCloseChannel},
      {"send-exit", roleSendExit},
      {"middle", roleMiddle},
      {"grandchild", roleGrandchild},
      {"accept-server", roleAcceptServer},
  };
  return r;
}

// ---- option types ----------------------------------------------------------------------

TEST(ChildProcessOptions, SignalsByNameAndNumber) {
  EXPECT_EQ(cp::Signal("SIGKILL").number(), 9);
  EXPECT_EQ(cp::Signal(15).number(), 15);
  EXPECT_TRUE(cp::Signal(0).isZero());
  try {
    (void)cp::Signal("SIGNOPE").number();
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_UNKNOWN_SIGNAL");
    EXPECT_EQ(e.message, "Unknown signal: SIGNOPE");
  }
  EXPECT_THROW((void)cp::Signal(999).number(), Error);
}

TEST(ChildProcessOptions, EnvKeepsOrderAndReplaces) {
  cp::Env env{{"B", "1"}, {"A", "2"}};
  env["B"] = "3";
  env.set("C", "4");
  env.erase("A");
  ASSERT_EQ(env.entries().size(), 2u);
  EXPECT_EQ(env.entries()[0], (std::pair<std::string, std::string>{"B", "3"}));
  EXPECT_EQ(env.get("C"), "4");
  EXPECT_FALSE(env.has("A"));
  int rc = nodecc::run([] {
    process::env.set("NODECC_CP_TEST", "yes");
    EXPECT_EQ(cp::Env::fromProcess().get("NODECC_CP_TEST"), "yes");
    process::env.erase("NODECC_CP_TEST");
  });
  EXPECT_EQ(rc, 0);
}

TEST(ChildProcessOptions, StdioSlots) {
  EXPECT_EQ(cp::StdioSlot("pipe").kind(), cp::StdioSlot::Kind::kPipe);
  EXPECT_EQ(cp::StdioSlot(-1).kind(), cp::StdioSlot::Kind::kPipe);
  EXPECT_EQ(cp::StdioSlot(2).kind(), cp::StdioSlot::Kind::kFd);
  EXPECT_EQ(cp::StdioSlot(nullptr).kind(), cp::StdioSlot::Kind::kDefault);
  EXPECT_EQ(cp::StdioSlot("nope").kind(), cp::StdioSlot::Kind::kInvalid);
  cp::Stdio s = {"pipe", 1, nullptr, "ipc"};
  ASSERT_EQ(s.slots().size(), 4u);
  EXPECT_EQ(s.slots()[3].kind(), cp::StdioSlot::Kind::kIpc);
  cp::Stdio t = "inherit";
  EXPECT_TRUE(t.isString());
}

TEST(ChildProcessOptions, InternalMessages) {
  EXPECT_TRUE(bindings::isInternalMessage(Object{{"cmd", "NODE_HANDLE"}}));
  EXPECT_FALSE(bindings::isInternalMessage(Object{{"cmd", "NODE_"}}));
  EXPECT_FALSE(bindings::isInternalMessage(Object{{"cmd", 5}}));
  EXPECT_FALSE(bindings::isInternalMessage("NODE_HANDLE"));
}

// ---- the IPC framing, on a socketpair inside one process ----------------------------------

struct FramingDelegate final : bindings::IpcChannel::Delegate {
  EventEmitter emitter;
  std::vector<Value> messages;
  std::vector<Value> internal;
  int closed = 0;
  EventEmitter& target() override { return emitter; }
  std::shared_ptr<void> keepTarget() override { return nullptr; }
  void emitMessage(std::string_view event, const Value& m, const bindings::HandleObject&) override {
    (event == "message" ? messages : internal).push_back(m);
  }
  void convertReceived(const Value&, bindings::ReceivedHandle h,
                       UniqueFunction<void(bindings::HandleObject)> done) override {
    h.discard();
    done({});
  }
  void channelClosed() override { ++closed; }
  void channelReleased() override {}
};

TEST(IpcFraming, SplitsLinesAcrossReadsAndKeepsTheTail) {
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  FramingDelegate d;
  d.emitter.on("message", [](const Value&) {});
  // Raw bytes from the other end: a message split in three, two in one write,
  // multi-byte UTF-8 split between writes, an internal one, then EOF.
  const std::string parts[] = {"{\"a\":", "1}\n{\"b\":\"\xC3",
                               "\xA9\"}\n[1,2]\n{\"cmd\":\"NODE_X\"}\n"};
  int rc = nodecc::run([&] {
    auto* pipe = bindings::PipeWrap::create(Environment::require(), true);
    ASSERT_EQ(pipe->open(sv[0]), 0);
    auto ch = bindings::IpcChannel::create(pipe, &d);
    auto i = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [&, i, next] {
      if (*i == 3) {
        ::close(sv[1]);
        *next = nullptr;
        return;
      }
      const std::string& p = parts[(*i)++];
      ASSERT_EQ(::write(sv[1], p.data(), p.size()), static_cast<ssize_t>(p.size()));
      setTimeout([next] { (*next)(); }, 20);
    };
    (*next)();
    EXPECT_TRUE(ch->connected());
  });
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(d.messages.size(), 3u);
  EXPECT_EQ(d.messages[0], Value(Object{{"a", 1}}));
  EXPECT_EQ(d.messages[1], Value(Object{{"b", "\xC3\xA9"}}));
  EXPECT_EQ(d.messages[2], Value(Array{1, 2}));
  ASSERT_EQ(d.internal.size(), 1u);
  EXPECT_EQ(d.closed, 1);
}

TEST(IpcFraming, WritesJsonLinesInOrderAndReportsTheQueue) {
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  FramingDelegate d;
  std::vector<bool> returned;
  int callbacks = 0;
  int rc = nodecc::run([&] {
    auto* pipe = bindings::PipeWrap::create(Environment::require(), true);
    ASSERT_EQ(pipe->open(sv[0]), 0);
    auto ch = bindings::IpcChannel::create(pipe, &d);
    returned.push_back(ch->send("a\nb", std::nullopt, {}, [&](std::optional<Error> e) {
      EXPECT_FALSE(e);
      ++callbacks;
    }));
    returned.push_back(ch->send(Object{{"x", Array{1, nullptr}}}, std::nullopt, {}, {}));
    // 1 MiB that nobody reads: more than the socket takes, so the queue passes 128 KiB.
    returned.push_back(ch->send(std::string(1 << 20, 'z'), std::nullopt, {}, {}));
    EXPECT_THROW(ch->send(Value(), std::nullopt, {}, {}), Error);
    setTimeout([ch] { ch->disconnect(); }, 50);
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(returned, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(callbacks, 1);
  char buf[32] = {};
  ASSERT_GT(::read(sv[1], buf, 24), 0);
  EXPECT_EQ(std::string(buf, 24), "\"a\\nb\"\n{\"x\":[1,null]}\n\"z");
  ::close(sv[1]);
}

// ---- bad input -----------------------------------------------------------------------------

TEST(ChildProcessBadInput, MissingCommandIsAnErrorEventWithoutExit) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    auto child = cp::spawn("nosuchcmd");
    child->on("exit", [&] { events.push_back("exit"); });
    child->on("spawn", [&] { events.push_back("spawn"); });
    child->on("error", [&](const Error& e) {
      events.push_back("error " + e.message + " " + e.code + " " + e.syscall + " " + e.path);
    });
    child->on("close", [&](Code code, Sig) { events.push_back("close " + std::to_string(*code)); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events,
            (std::vector<std::string>{
                "error spawn nosuchcmd ENOENT ENOENT spawn nosuchcmd nosuchcmd", "close -2"}));
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessBadInput, KilledBySignal) {
  Sig signalCode;
  Code exitCode = 42;
  bool killed = false;
  std::optional<Error> execErr;
  int rc = nodecc::run([&] {
    auto child = cp::spawn("sleep", {"30"});
    child->on("spawn", [child] { child->kill("SIGKILL"); });
    child->on("exit", [&, child](Code code, Sig sig) {
      exitCode = code;
      signalCode = child->signalCode();
      killed = child->killed();
      EXPECT_EQ(sig, "SIGKILL");
    });
    cp::exec("kill -USR1 $$",
             [&](std::optional<Error> err, std::string, std::string) { execErr = err; });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(exitCode, std::nullopt);
  EXPECT_EQ(signalCode, "SIGKILL");
  EXPECT_TRUE(killed);
  ASSERT_TRUE(execErr);
  EXPECT_EQ(execErr->info["signal"], Value("SIGUSR1"));
  EXPECT_EQ(execErr->info["killed"], Value(false));
  EXPECT_EQ(execErr->info["code"], Value(nullptr));
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessBadInput, OutputAboveMaxBufferKillsTheChild) {
  std::optional<Error> err;
  std::size_t got = 0;
  cp::ChildProcess* raw = nullptr;
  bool killed = false;
  Sig signal;
  Code exitCode;
  int rc = nodecc::run([&] {
    // Not plain `yes`: exec() destroys the child's stdout before it sends SIGTERM (as
    // Node's does), and `yes` then ends on its own (the stdio pipe is a socketpair:
    // ECONNRESET makes it exit 1; or SIGPIPE), racing the SIGTERM; on a loaded machine
    // the shell often reported yes's exit code 1 first. Here the shell outlives yes
    // (`exec sleep`), so SIGTERM is always what ends the child.
    auto child = cp::exec("yes; exec sleep 30", {.maxBuffer = 100000},
                          [&](std::optional<Error> e, std::string out, std::string) {
                            err = e;
                            got = out.size();
                          });
    raw = child.get();
    child->on("exit", [&, child](Code code, Sig sig) {
      killed = child->killed();
      signal = sig;
      exitCode = code;
    });
  });
  EXPECT_EQ(rc, 0);
  (void)raw;
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, "ERR_CHILD_PROCESS_STDIO_MAXBUFFER");
  EXPECT_EQ(err->name, "RangeError");
  EXPECT_EQ(got, 100000u);
  EXPECT_TRUE(killed);
  EXPECT_EQ(signal, "SIGTERM") << "exit code " << (exitCode ? std::to_string(*exitCode) : "null");
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessBadInput, TimeoutKillsWithKillSignal) {
  std::optional<Error> err;
  Sig spawnSignal;
  std::uint64_t start = 0, end = 0;
  int rc = nodecc::run([&] {
    start = process::hrtime.bigint();
    cp::execFile("sleep", {"30"}, {.timeout = 50, .killSignal = "SIGINT"},
                 [&](std::optional<Error> e, std::string, std::string) {
                   err = e;
                   end = process::hrtime.bigint();
                 });
    auto c = cp::spawn("sleep", {"30"}, {.timeout = 50});
    c->on("exit", [&](Code, Sig sig) { spawnSignal = sig; });
  });
  EXPECT_EQ(rc, 0);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->info["killed"], Value(true));
  EXPECT_EQ(err->info["signal"], Value("SIGINT"));
  EXPECT_LT(end - start, 10'000'000'000ULL);
  EXPECT_EQ(spawnSignal, "SIGTERM");
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessBadInput, MalformedIpcLineIsAnUncaughtSyntaxErrorNotACrash) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    process::on("uncaughtException",
                [&](const Error& e, std::string) { events.push_back(e.name); });
    auto child = cp::fork(selfExe(), {"--child=malformed"});
    child->on("message", [&](const Value& m) { events.push_back(m.stringify()); });
    child->on("disconnect", [&] { events.push_back("disconnect"); });
    child->on("exit", [&](Code code, Sig) { events.push_back("exit " + std::to_string(*code)); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"SyntaxError", "{\"before\":1}", "{\"after\":2}",
                                              "disconnect", "exit 0"}));
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessBadInput, ChildClosingItsChannelDisconnects) {
  std::vector<std::string> events;
  int rc = nodecc::run([&] {
    auto child = cp::fork(selfExe(), {"--child=close-channel"});
    child->on("disconnect", [&, child] {
      events.push_back(std::string("disconnect connected=") + (child->connected() ? "1" : "0"));
    });
    child->on("exit", [&](Code code, Sig) { events.push_back("exit " + std::to_string(*code)); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"disconnect connected=0", "exit 0"}));
}

TEST(ChildProcessBadInput, ParentThatDiesDisconnectsItsChild) {
  // The middle process forks a grandchild, says "up", and is then killed with SIGKILL:
  // nothing of it runs, yet the grandchild sees 'disconnect'.
  std::string out;
  int rc = nodecc::run([&] {
    auto middle =
        cp::spawn(selfExe(), {"--child=middle"}, {.stdio = {"ignore", "pipe", "inherit"}});
    middle->stdout()->setEncoding("utf8");
    middle->stdout()->on("data", [&, middle](const std::string& d) {
      out += d;
      if (out == "up\n") middle->kill("SIGKILL");
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(out, "up\ngrandchild saw disconnect\n");
}

TEST(ChildProcessBadInput, MessageSentJustBeforeExitArrives) {
  Value got;
  Code code;
  int rc = nodecc::run([&] {
    auto child = cp::fork(selfExe(), {"--child=send-exit"});
    child->on("message", [&](const Value& m) { got = m; });
    child->on("exit", [&](Code c, Sig) { code = c; });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(got, Value(Object{{"last", "words"}}));
  EXPECT_EQ(code, 3);
}

TEST(ChildProcessResources, TwoHundredChildrenAreAllReapedWithoutLeaks) {
  // Warm up first: the first event loop of the process makes libuv open a pipe it keeps
  // for the life of the process (uv__signal_lock_pipefd, the lock of its signal
  // handling, made once by uv_loop_init), which would count as two leaked descriptors.
  // One child also opens whatever the spawn path creates on first use.
  nodecc::run([] { cp::spawn("true"); });
  ASSERT_TRUE(noChildLeft());
  int before = countFds();
  int exits = 0, closes = 0;
  int rc = nodecc::run([&] {
    for (int i = 0; i < 200; ++i) {
      auto c = cp::spawn("sh", {"-c", "echo $$"});
      c->stdout()->resume();
      c->on("exit", [&](Code code, Sig) {
        EXPECT_EQ(code, 0);
        ++exits;
      });
      c->on("close", [&](Code, Sig) { ++closes; });
    }
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(exits, 200);
  EXPECT_EQ(closes, 200);
  EXPECT_EQ(countFds(), before);
  EXPECT_TRUE(noChildLeft());
}

TEST(ChildProcessResources, UnrefLetsTheLoopEnd) {
  std::uint64_t start = 0, end = 0;
  int pid = 0;
  int rc = nodecc::run([&] {
    start = process::hrtime.bigint();
    auto c = cp::spawn("sleep", {"30"}, {.stdio = "ignore"});
    c->unref();
    pid = *c->pid();
  });
  end = process::hrtime.bigint();
  EXPECT_EQ(rc, 0);
  EXPECT_LT(end - start, 5'000'000'000ULL);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  EXPECT_TRUE(noChildLeft());
}

// ---- interoperation with Node --------------------------------------------------------------

// Runs `node <script> <this test binary>` to its end (a Node parent, nodecc children) and
// checks that it exited 0.
cp::SpawnSyncResult runNodeParent(const std::string& name, const char* source) {
  std::string script = writeTemp(name, source);
  cp::SpawnSyncResult r;
  int rc = nodecc::run([&] {
    r = cp::spawnSync(kNode, {script, selfExe()}, {.timeout = 60000, .encoding = "utf8"});
  });
  ::unlink(script.c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(r.status, 0) << r.stderr.toString();
  return r;
}

const char* kNodeEcho = R"JS(
let expect = 0;
process.on('message', (m) => {
  if (m.i !== expect) { console.error('out of order', m.i, expect); process.exit(1); }
  expect++;
  process.send({ i: m.i, echo: m.s });
});
)JS";

TEST(ChildProcessInterop, NodeccParentNodeChildTenThousandMessagesInOrder) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  std::string script = writeTemp("echo.js", kNodeEcho);
  const int N = 10000;
  int expect = 0;
  Code exitCode;
  int rc = nodecc::run([&] {
    auto child = cp::fork(script, {}, {.execPath = kNode});
    child->on("message", [&, child](const Value& m) {
      ASSERT_EQ(m["i"], Value(expect));
      ASSERT_EQ(m["echo"], Value("payload " + std::to_string(expect)));
      if (++expect == N) child->disconnect();
    });
    child->on("exit", [&](Code code, Sig) { exitCode = code; });
    for (int i = 0; i < N; ++i)
      child->send(Object{{"i", i}, {"s", "payload " + std::to_string(i)}});
  });
  ::unlink(script.c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(expect, N);
  EXPECT_EQ(exitCode, 0);
}

const char* kNodeParent = R"JS(
const { spawn } = require('child_process');
const N = 10000;
const child = spawn(process.argv[2], ['--child=echo'], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
let expect = 0;
child.on('message', (m) => {
  if (m.i !== expect || m.echo !== 'payload ' + expect) { console.log('bad', m, expect); process.exit(1); }
  if (++expect === N) child.disconnect();
});
child.on('exit', (code, signal) => console.log('child exit', code, signal, 'got', expect));
for (let i = 0; i < N; i++) child.send({ i, s: 'payload ' + i });
)JS";

TEST(ChildProcessInterop, NodeParentNodeccChildTenThousandMessagesInOrder) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  cp::SpawnSyncResult r = runNodeParent("parent.js", kNodeParent);
  EXPECT_EQ(r.stdout, Value("child exit 0 null got 10000\n"));
}

const char* kNodeAcceptServer = R"JS(
const net = require('net');
process.on('message', (m, server) => {
  if (m !== 'server') return;
  if (!(server instanceof net.Server)) { console.error('not a server'); process.exit(1); }
  server.on('connection', (s) => {
    s.end('hello from node');
    server.close();
    process.disconnect();
  });
  process.send('listening');
});
process.send('ready');
)JS";

TEST(ChildProcessInterop, NodeccPassesListeningServerToNode) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  std::string script = writeTemp("accept.js", kNodeAcceptServer);
  std::string answer;
  Code exitCode;
  int rc = nodecc::run([&] {
    auto server = net::createServer([](net::SocketPtr) { ADD_FAILURE() << "the parent accepted"; });
    server->listen(0, "127.0.0.1", [&, server] {
      int port = server->address()->port;
      auto child = cp::fork(script, {}, {.execPath = kNode});
      child->on("exit", [&](Code code, Sig) { exitCode = code; });
      child->on("message", [&, server, child, port](const Value& m) {
        if (m == Value("ready")) {
          child->send("server", server);
        } else if (m == Value("listening")) {
          server->close();  // only the child's copy accepts now
          auto client = net::connect(port, "127.0.0.1");
          client->setEncoding("utf8");
          client->on("data", [&](const std::string& d) { answer += d; });
        }
      });
    });
  });
  ::unlink(script.c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(answer, "hello from node");
  EXPECT_EQ(exitCode, 0);
}

const char* kNodePassServer = R"JS(
const net = require('net');
const { spawn } = require('child_process');
const server = net.createServer(() => { console.log('parent accepted'); process.exit(1); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const child = spawn(process.argv[2], ['--child=accept-server'],
                      { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  child.on('message', (m) => {
    if (m === 'ready') child.send('server', server);
    else if (m === 'listening') {
      server.close();
      let answer = '';
      net.connect(port, '127.0.0.1').setEncoding('utf8')
        .on('data', (d) => answer += d)
        .on('close', () => console.log('answer', answer));
    }
  });
  child.on('exit', (code, signal) => console.log('child exit', code, signal));
});
)JS";

TEST(ChildProcessInterop, NodePassesListeningServerToNodecc) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  cp::SpawnSyncResult r = runNodeParent("pass.js", kNodePassServer);
  std::string out = r.stdout.asString();
  EXPECT_NE(out.find("answer hello from nodecc\n"), std::string::npos) << out;
  EXPECT_NE(out.find("child exit 0 null\n"), std::string::npos) << out;
}

const char* kNodeSocketWriter = R"JS(
process.on('message', (m, socket) => {
  socket.end('written by node to a socket nodecc accepted');
  process.disconnect();
});
)JS";

TEST(ChildProcessInterop, NodeccPassesAcceptedSocketToNode) {
  if (!haveNode()) GTEST_SKIP() << "node is not installed";
  std::string script = writeTemp("socket.js", kNodeSocketWriter);
  std::string answer;
  int rc = nodecc::run([&] {
    auto child = cp::fork(script, {}, {.execPath = kNode});
    auto server = net::createServer();
    server->on("connection", [child, server](net::SocketPtr s) {
      child->send("socket", s);
      server->close();
    });
    server->listen(0, "127.0.0.1", [&, server] {
      auto client = net::connect(server->address()->port, "127.0.0.1");
      client->setEncoding("utf8");
      client->on("data", [&](const std::string& d) { answer += d; });
    });
  });
  ::unlink(script.c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(answer, "written by node to a socket nodecc accepted");
}

}  // namespace
}  // namespace nodecc

int main(int argc, char** argv) {
  // `--child=<role>`: run as one of the children the tests start.
  if (argc >= 2 && std::strncmp(argv[1], "--child=", 8) == 0) {
    auto it = nodecc::roles().find(argv[1] + 8);
    if (it == nodecc::roles().end()) return 2;
    return nodecc::main(argc, argv, it->second);
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
