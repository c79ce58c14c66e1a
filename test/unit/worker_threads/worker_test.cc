// Worker: its own thread and Environment, messages both ways, events and their order,
// exit codes, options, environment data, shared memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "bindings/message_port.h"
#include "nodecc/nodecc.h"
#include "nodecc/worker_threads.h"
#include "helpers.h"

namespace nodecc {
namespace {

using namespace worker_threads;  // NOLINT

TEST(Worker, RunsOnItsOwnThreadWithItsOwnLoop) {
  std::vector<std::string> log;
  Value seen;
  int workerThreadId = 0;
  static std::atomic<bool> ranOnMainThread{false};
  static std::thread::id mainThread;
  mainThread = std::this_thread::get_id();
  int rc = nodecc::run([&] {
    EXPECT_TRUE(isMainThread());
    EXPECT_EQ(threadId(), 0);
    EXPECT_TRUE(workerData().isNull());
    EXPECT_EQ(parentPort(), nullptr);
    EXPECT_EQ(resourceLimits(), Value(Object{}));
    auto w = Worker::create(
        [] {
          if (std::this_thread::get_id() == mainThread) ranOnMainThread = true;
          Value info = Object{{"isMainThread", isMainThread()},
                              {"threadId", threadId()},
                              {"workerData", workerData()},
                              {"argv", Array{process::argv()[2], process::argv()[3]}}};
          // Its own timers and ticks.
          setTimeout([info] { parentPort()->postMessage(info); }, 5);
        },
        {.argv = {"x", "y"}, .workerData = Object{{"n", 5}}});
    workerThreadId = w->threadId();
    w->on("online", [&] { log.push_back("online"); });
    w->on("message", [&](const Value& m) {
      seen = m;
      log.push_back("message");
    });
    w->on("exit", [&, w = w.get()](int code) {
      log.push_back("exit " + std::to_string(code));
      EXPECT_EQ(w->threadId(), -1);
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_FALSE(ranOnMainThread);
  EXPECT_GT(workerThreadId, 0);
  EXPECT_EQ(log, (std::vector<std::string>{"online", "message", "exit 0"}));
  EXPECT_EQ(seen, (Value(Object{{"isMainThread", false},
                                {"threadId", workerThreadId},
                                {"workerData", Object{{"n", 5}}},
                                {"argv", Array{"x", "y"}}})));
}

// test-worker-exit-code.js
void exitCodeChild() {
  parentPort()->once("message", [](const Value& msg) {
    std::string which = msg.asString();
    if (which == "child1") {
      process::exitCode = 42;
    } else if (which == "child2") {
      process::exitCode = 99;
      process::exit(42);
    } else if (which == "child3") {
      process::exitCode = 99;
      process::exit(0);
    } else if (which == "child4") {
      process::exitCode = 99;
      process::on("exit", [](int code) {
        if (code != 1) process::exit(99);
      });
      throw Error("ok");
    } else if (which == "child5") {
      process::exitCode = 95;
      process::on("exit", [](int) { process::exitCode = 99; });
    } else if (which == "child6") {
      process::on("uncaughtException", [](const Error&, std::string) {});
      throw Error("ok");
    } else if (which == "child7") {
      process::on("uncaughtException", [](const Error&, std::string) { process::exitCode = 97; });
      throw Error("ok");
    }
  });
}

TEST(Worker, ExitCodesAsNode) {
  std::map<std::string, int> codes;
  std::map<std::string, std::string> errors;
  nodecc::run([&] {
    for (std::string arg : {"child1", "child2", "child3", "child4", "child5", "child6", "child7"}) {
      auto w = Worker::create(exitCodeChild);
      w->on("exit", [&, arg](int code) { codes[arg] = code; });
      w->on("error", [&, arg](const Error& e) { errors[arg] = e.toString(); });
      w->postMessage(arg);
    }
  });
  EXPECT_EQ(codes, (std::map<std::string, int>{{"child1", 42},
                                               {"child2", 42},
                                               {"child3", 0},
                                               {"child4", 1},
                                               {"child5", 99},
                                               {"child6", 0},
                                               {"child7", 97}}));
  EXPECT_EQ(errors, (std::map<std::string, std::string>{{"child4", "Error: ok"}}));
}

TEST(Worker, UncaughtExceptionIsErrorThenExit1AndTheProcessStaysUp) {
  std::vector<std::string> log;
  Error got;
  int rc = nodecc::run([&] {
    auto w = Worker::create([] {
      parentPort()->postMessage("before");
      Error e = errors::typeError("ERR_X", "boom");
      e.info = Object{{"extra", 5}};
      throw e;
    });
    w->on("message", [&](const Value& m) { log.push_back("message " + m.asString()); });
    w->on("error", [&](const Error& e) {
      got = e;
      log.push_back("error");
    });
    w->on("exit", [&](int code) {
      log.push_back("exit " + std::to_string(code));
      setTimeout([&] { log.push_back("main still runs"); }, 1);
    });
  });
  EXPECT_EQ(rc, 0);
  // 'message' and 'error' travel on two ports: either may come first (in Node too),
  // both come before 'exit'.
  ASSERT_EQ(log.size(), 4u);
  std::sort(log.begin(), log.begin() + 2);
  EXPECT_EQ(log,
            (std::vector<std::string>{"error", "message before", "exit 1", "main still runs"}));
  EXPECT_EQ(got.name, "TypeError");
  EXPECT_EQ(got.code, "ERR_X");
  EXPECT_EQ(got.message, "boom");
  EXPECT_EQ(got.header(), "TypeError [ERR_X]: boom");
  EXPECT_EQ(got.info, (Value(Object{{"extra", 5}})));
}

TEST(Worker, AnUnhandledWorkerErrorIsFatalInTheParentAsInNode) {
  std::string uncaught;
  int rc = nodecc::run([&] {
    process::on("uncaughtException", [&](const Error& e, std::string) { uncaught = e.toString(); });
    Worker::create([] { throw Error("nobody listens"); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(uncaught, "Error: nobody listens");
}

TEST(Worker, TerminateGives1AndCanBeCalledTwice) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto w = Worker::create([] {
      setInterval([] {}, 1000);
      parentPort()->postMessage("up");
    });
    w->on("message", [&, w = w.get()](const Value&) {
      auto p1 = w->terminate();
      auto p2 = w->terminate();
      p1.then([&](int c) { log.push_back("p1 " + std::to_string(c)); });
      p2.then([&](int c) { log.push_back("p2 " + std::to_string(c)); });
    });
    w->on("exit", [&, w](int code) {
      log.push_back("exit " + std::to_string(code));
      // After 'exit': resolves at once (with the exit code; Node: undefined).
      w->terminate().then([&](int c) { log.push_back("p3 " + std::to_string(c)); });
    });
  });
  // The 'exit' listener added first runs first; its already-settled promise reacts
  // before those that 'exit' settles next (the same order as in Node).
  EXPECT_EQ(log, (std::vector<std::string>{"exit 1", "p3 1", "p1 1", "p2 1"}));
}

TEST(Worker, TerminateDuringTheLastCallbackStillGives1) {
  // terminate() arrives while the worker runs its last immediate; when that returns the
  // loop has nothing left and ends without polling again (so without seeing the stop
  // request). As in Node (Worker::Exit sets the exit code at once), the code is still 1.
  static std::atomic<bool> terminated{false};
  terminated = false;
  std::vector<std::string> log;
  nodecc::run([&] {
    auto w = Worker::create([] {
      setImmediate([] {
        parentPort()->postMessage("in the immediate");
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!terminated && std::chrono::steady_clock::now() < deadline)
          std::this_thread::yield();
      });
    });
    w->on("message", [&, w = w.get()](const Value&) {
      w->terminate().then([&](int c) { log.push_back("terminate " + std::to_string(c)); });
      terminated = true;
    });
    w->on("exit", [&](int code) { log.push_back("exit " + std::to_string(code)); });
  });
  EXPECT_TRUE(terminated);
  EXPECT_EQ(log, (std::vector<std::string>{"exit 1", "terminate 1"}));
}

TEST(Worker, ProcessExitEndsOnlyThatWorker) {
  std::vector<std::string> log;
  int rc = nodecc::run([&] {
    auto w = Worker::create([] {
      process::on("exit", [](int code) {
        parentPort()->postMessage("worker exit " + std::to_string(code));
      });
      process::exit(3);
    });
    w->on("message", [&](const Value& m) { log.push_back(m.asString()); });
    w->on("exit", [&](int code) { log.push_back("exit " + std::to_string(code)); });
    setTimeout([&] { log.push_back("main timer"); }, 30);
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(log, (std::vector<std::string>{"worker exit 3", "exit 3", "main timer"}));
}

TEST(Worker, ExitComesAfterEveryMessage) {
  int received = 0;
  int atExit = -1;
  nodecc::run([&] {
    auto w = Worker::create([] {
      for (int i = 0; i < 5000; ++i) parentPort()->postMessage(i);
    });
    w->on("message", [&](const Value& m) {
      EXPECT_EQ(m.asNumber(), received);
      ++received;
    });
    w->on("exit", [&](int) { atExit = received; });
  });
  EXPECT_EQ(atExit, 5000);
}

TEST(Worker, MessagesBothWaysThroughParentPort) {
  std::vector<double> results;
  nodecc::run([&] {
    auto w = Worker::create([] {
      parentPort()->on("message", [](const Value& task) {
        if (task.isString()) {
          parentPort()->close();
          return;
        }
        parentPort()->postMessage(task["a"].asNumber() + task["b"].asNumber());
      });
    });
    w->on("message", [&, w = w.get()](const Value& r) {
      results.push_back(r.asNumber());
      if (results.size() == 3) w->postMessage("done");
    });
    for (int i = 0; i < 3; ++i) w->postMessage(Object{{"a", 42}, {"b", i}});
  });
  EXPECT_EQ(results, (std::vector<double>{42, 43, 44}));
}

// Four threads post to the main thread at once, in bursts and with pauses, so the loop's
// waker keeps going between idle, pending and spinning: every message arrives, each
// sender's in order. The workers stay until told that all theirs arrived (so the drain at
// a worker's exit cannot hide a lost wake-up: one would hang here until the timeout).
TEST(Worker, ManySendersLoseNoWakeUp) {
  constexpr int kWorkers = 4, kPerWorker = 4000;
  std::vector<int> next(kWorkers, 0);
  int total = 0;
  bool ordered = true;
  nodecc::run([&] {
    for (int id = 0; id < kWorkers; ++id) {
      WorkerOptions o;
      o.workerData = id;
      auto w = Worker::create(
          [] {
            int me = static_cast<int>(workerData().asNumber());
            parentPort()->on("message", [](const Value&) { parentPort()->close(); });
            auto sent = std::make_shared<int>(0);
            auto burst = std::make_shared<std::function<void()>>();
            *burst = [me, sent, burst] {
              // Bursts of 1 to 64, then a turn of the loop (the receiver may go idle).
              int n = 1 + (*sent * 7) % 64;
              for (int k = 0; k < n && *sent < kPerWorker; ++k)
                parentPort()->postMessage(Object{{"w", me}, {"i", (*sent)++}});
              if (*sent < kPerWorker)
                setImmediate([burst] { (*burst)(); });
              else
                *burst = nullptr;
            };
            (*burst)();
          },
          o);
      w->on("message", [&, w = w.get()](const Value& m) {
        int from = static_cast<int>(m["w"].asNumber());
        int i = static_cast<int>(m["i"].asNumber());
        if (i != next[from]) ordered = false;
        next[from] = i + 1;
        ++total;
        if (next[from] == kPerWorker) w->postMessage("done");
      });
    }
  });
  EXPECT_TRUE(ordered);
  EXPECT_EQ(total, kWorkers * kPerWorker);
}

// Without a descriptor for its eventfd waker, a loop's ports are woken through their own
// uv_async handles (PortLoop's fallback): nothing is lost or reordered either way.
TEST(Worker, PortsWithoutTheEventfdWakerLoseNothing) {
#if defined(__SANITIZE_ADDRESS__)
  // UBSan's vptr check probes memory through a pipe: with no descriptor left it reports
  // every object as having an invalid vptr. (TSan runs this test.)
  GTEST_SKIP() << "descriptors cannot be exhausted under ASan+UBSan";
#endif
  constexpr int kMessages = 4000;
  int received = 0;
  bool ordered = true, fellBack = false;
  nodecc::run([&] {
    // Every descriptor taken: the first port of this loop cannot make the eventfd.
    std::vector<int> hog;
    while (true) {
      int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
      if (fd < 0) break;
      hog.push_back(fd);
    }
    auto [port1, port2] = MessageChannel();
    for (int fd : hog) ::close(fd);
    fellBack = !bindings::PortLoop::of(*Environment::current())->hasWaker();
    auto w = Worker::create(
        [] {
          MessagePortPtr port = workerData()["port"].host<MessagePort>();
          port->on("message", [port](const Value&) { port->close(); });
          auto sent = std::make_shared<int>(0);
          auto burst = std::make_shared<std::function<void()>>();
          *burst = [port, sent, burst] {
            int n = 1 + (*sent * 7) % 64;  // bursts, then a turn of the loop
            for (int k = 0; k < n && *sent < kMessages; ++k) port->postMessage((*sent)++);
            if (*sent < kMessages)
              setImmediate([burst] { (*burst)(); });
            else
              *burst = nullptr;
          };
          (*burst)();
        },
        {.workerData = Object{{"port", port2}}, .transferList = {port2}});
    port1->on("message", [&, p = port1.get()](const Value& m) {
      if (static_cast<int>(m.asNumber()) != received) ordered = false;
      if (++received == kMessages) p->postMessage("done");
    });
    port1->on("close", [p = port1.get()] { p->removeAllListeners(); });
  });
  EXPECT_TRUE(fellBack);
  EXPECT_TRUE(ordered);
  EXPECT_EQ(received, kMessages);
}

TEST(Worker, UnrefLetsTheParentEndAndTeardownJoinsTheWorker) {
  testing::warmUpThreads();
  std::size_t before = testing::threadCount();
  static std::atomic<int> started{0};
  auto t0 = std::chrono::steady_clock::now();
  int rc = nodecc::run([&] {
    auto w = Worker::create([] {
      ++started;
      parentPort()->on("message", [](const Value&) {});  // would run forever
    });
    w->on("online", [w = w.get()] { w->unref(); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(started, 1);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  EXPECT_EQ(testing::settleThreads(before), before);
}

TEST(Worker, ProcessExitInMainTerminatesRunningWorkers) {
  testing::warmUpThreads();
  std::size_t before = testing::threadCount();
  int rc = nodecc::run([&] {
    for (int i = 0; i < 3; ++i) {
      auto w = Worker::create([] { setInterval([] {}, 1000); });
      w->on("online", [] {});
    }
    setTimeout([] { process::exit(4); }, 20);
  });
  EXPECT_EQ(rc, 4);
  EXPECT_EQ(testing::settleThreads(before), before);
}

TEST(Worker, EnvironmentVariables) {
  std::vector<std::string> got;
  ::setenv("NODECC_WT_VAR", "parent", 1);
  nodecc::run([&] {
    auto report = [] {
      parentPort()->postMessage(process::env["NODECC_WT_VAR"].valueOr("unset"));
      process::env["NODECC_WT_VAR"] = "changed by worker";
    };
    auto copy = Worker::create(report);  // a copy taken now
    process::env["NODECC_WT_VAR"] = "changed later";
    copy->on("message", [&](const Value& m) { got.push_back("copy: " + m.asString()); });
    copy->on("exit", [&, report](int) {
      got.push_back("after copy: " + process::env["NODECC_WT_VAR"].valueOr("unset"));
      auto own = Worker::create(report, {.env = std::map<std::string, std::string>{{"A", "1"}}});
      own->on("message", [&](const Value& m) { got.push_back("own: " + m.asString()); });
      own->on("exit", [&, report](int) {
        auto shared = Worker::create(report, {.env = SHARE_ENV});
        shared->on("message", [&](const Value& m) { got.push_back("shared: " + m.asString()); });
        shared->on("exit", [&](int) {
          got.push_back("after shared: " + process::env["NODECC_WT_VAR"].valueOr("unset"));
        });
      });
    });
  });
  ::unsetenv("NODECC_WT_VAR");
  EXPECT_EQ(got,
            (std::vector<std::string>{"copy: parent", "after copy: changed later", "own: unset",
                                      "shared: changed later", "after shared: changed by worker"}));
}

TEST(Worker, ResourceLimitsAreReported) {
  Value inWorker, fromParent, afterExit;
  nodecc::run([&] {
    auto w = Worker::create([] { parentPort()->postMessage(resourceLimits()); },
                            {.resourceLimits = {.maxOldGenerationSizeMb = 64, .stackSizeMb = 8}});
    fromParent = w->resourceLimits();
    w->on("message", [&](const Value& m) { inWorker = m; });
    w->on("exit", [&, w = w.get()](int) { afterExit = w->resourceLimits(); });
  });
  Value expected = Object{{"maxYoungGenerationSizeMb", 0},
                          {"maxOldGenerationSizeMb", 64},
                          {"codeRangeSizeMb", 0},
                          {"stackSizeMb", 8}};
  EXPECT_EQ(inWorker, expected);
  EXPECT_EQ(fromParent, expected);
  EXPECT_EQ(afterExit, Value(Object{}));
}

TEST(Worker, CapturedStdout) {
  std::string out;
  bool ended = false;
  nodecc::run([&] {
    auto w = Worker::create([] { console::log("from the worker", 42); }, {.stdout = true});
    w->on("exit", [&, w = w.get()](int) {
      w->stdout()->on("data", [&](const Buffer& b) { out += b.toString(); });
      w->stdout()->on("end", [&] { ended = true; });
    });
  });
  EXPECT_EQ(out, "from the worker 42\n");
  EXPECT_TRUE(ended);
}

TEST(Worker, EnvironmentDataIsClonedAtCreationAndInherited) {
  // test-worker-environmentdata.js
  std::vector<Value> got;
  nodecc::run([&] {
    setEnvironmentData("foo", "bar");
    setEnvironmentData("hello", Object{{"value", "world"}});
    setEnvironmentData(1, 2);
    EXPECT_EQ(getEnvironmentData(1), Value(2));
    setEnvironmentData(1);  // deleted: not seen by the worker
    auto nested = [] {
      parentPort()->postMessage(Array{getEnvironmentData("foo"), getEnvironmentData("hello"),
                                      getEnvironmentData(1), threadId()});
    };
    auto w = Worker::create([nested] {
      nested();
      auto inner = Worker::create(nested);  // inherits
      inner->on("message", [](const Value& m) { parentPort()->postMessage(m); });
    });
    setEnvironmentData("hello");  // no effect on the running worker
    w->on("message", [&](const Value& m) { got.push_back(m); });
  });
  ASSERT_EQ(got.size(), 2u);
  for (const Value& m : got) {
    EXPECT_EQ(m[0], Value("bar"));
    EXPECT_EQ(m[1], (Value(Object{{"value", "world"}})));
    EXPECT_TRUE(m[2].isUndefined());
  }
  EXPECT_EQ(got[1][3].asNumber(), got[0][3].asNumber() + 1);
}

TEST(Worker, RegisteredScriptsAreFoundByName) {
  registerWorker("wt-task", [] { parentPort()->postMessage("task ran"); });
  std::vector<std::string> log;
  nodecc::run([&] {
    for (std::string name : {"wt-task", "/some/dir/wt-task.js", "./wt-task.mjs"}) {
      auto w = Worker::create(name);
      w->on("message", [&](const Value& m) { log.push_back(m.asString()); });
    }
    auto missing = Worker::create("./no-such-task.js");
    missing->on("error", [&](const Error& e) { log.push_back(e.code + " " + e.message); });
    missing->on("exit", [&](int code) { log.push_back("missing exit " + std::to_string(code)); });
  });
  std::sort(log.begin(), log.end());
  EXPECT_EQ(log,
            (std::vector<std::string>{"MODULE_NOT_FOUND Cannot find module './no-such-task.js'",
                                      "missing exit 1", "task ran", "task ran", "task ran"}));
}

TEST(Worker, WorkerDataCarriesPortsAndMovedBuffers) {
  // test-worker-workerdata-messageport.js
  std::vector<std::string> log;
  const std::uint8_t* sentBytes = nullptr;
  static std::atomic<const std::uint8_t*> receivedBytes{nullptr};
  nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    Buffer bytes = Buffer::from({1, 2, 3, 4});
    sentBytes = bytes.data();
    auto w = Worker::create(
        [] {
          MessagePortPtr port = workerData()["port"].host<MessagePort>();
          const Buffer& b = workerData()["bytes"].asBuffer();
          receivedBytes = b.data();
          port->postMessage(Array{b[0], b[1], b[2], b[3]});
          port->close();
        },
        {.workerData = Object{{"port", port2}, {"bytes", bytes}}, .transferList = {port2, bytes}});
    EXPECT_EQ(bytes.length(), 0u);
    port1->on("message", [&](const Value& m) { log.push_back(m.stringify()); });
    port1->on("close", [&] { log.push_back("close"); });

    auto [c1, c2] = MessageChannel();
    Error err;
    try {
      Worker::create([] {}, {.workerData = Object{{"message", c1}}, .transferList = {}});
    } catch (const Error& e) {
      err = e;
    }
    EXPECT_EQ(err.code, "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST");
    c1->close();
  });
  EXPECT_EQ(log, (std::vector<std::string>{"[1,2,3,4]", "close"}));
  EXPECT_EQ(receivedBytes.load(), sentBytes);  // moved, not copied
}

TEST(Worker, SharedMemoryWithAtomics) {
  constexpr int kAdds = 20000;
  std::int32_t total = 0;
  nodecc::run([&] {
    Buffer sab = Buffer::allocShared(2 * sizeof(std::int32_t));
    auto body = [] {
      const Buffer& mem = workerData().asBuffer();
      for (int i = 0; i < 20000; ++i) Atomics::add<std::int32_t>(mem, 0, 1);
      Atomics::store<std::int32_t>(mem, 1, 1);
      Atomics::notify(mem, 1);
    };
    auto w1 = Worker::create(body, {.workerData = sab});
    auto w2 = Worker::create(body, {.workerData = sab});
    auto exited = std::make_shared<int>(0);
    for (auto& w : {w1, w2}) {
      w->on("exit", [&, sab, exited](int) {
        if (++*exited < 2) return;
        total = Atomics::load<std::int32_t>(sab, 0);
      });
    }
    for (int i = 0; i < kAdds; ++i) Atomics::add<std::int32_t>(sab, 0, 1);
    // Atomics.wait on the main thread, as Node allows: returns once a worker stored 1.
    std::string_view r = Atomics::wait(sab, 1, 0, 10000);
    EXPECT_TRUE(r == "ok" || r == "not-equal") << r;
    EXPECT_EQ(Atomics::load<std::int32_t>(sab, 1), 1);
    EXPECT_EQ(Atomics::wait(sab, 1, 0, 10), "not-equal");
    EXPECT_EQ(Atomics::wait(sab, 0, -5, 0), "not-equal");
    Buffer other = Buffer::allocShared(4);
    EXPECT_EQ(Atomics::wait(other, 0, 0, 5), "timed-out");
    EXPECT_THROW(Atomics::load<std::int32_t>(sab, 2), Error);
  });
  EXPECT_EQ(total, 3 * kAdds);
}

TEST(Worker, BroadcastChannelAcrossThreads) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto bc = BroadcastChannel::create("wt-across");
    bc->on("message", [&, bc](const Value& m) {
      log.push_back(m.asString());
      bc->close();
    });
    Worker::create([] {
      auto mine = BroadcastChannel::create("wt-across");
      mine->postMessage("from worker " + std::to_string(threadId()));
      mine->close();
    });
  });
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].rfind("from worker ", 0), 0u);
}

TEST(Worker, ProcessWorkerEventAndNestedThreadIds) {
  std::vector<int> ids;
  int announced = 0;
  nodecc::run([&] {
    process::on("worker", [&](WorkerPtr) { ++announced; });
    auto w = Worker::create([] {
      auto inner = Worker::create([] { parentPort()->postMessage(threadId()); });
      inner->on("message", [](const Value& m) { parentPort()->postMessage(m); });
      parentPort()->postMessage(threadId());
    });
    w->on("message", [&](const Value& m) { ids.push_back(static_cast<int>(m.asNumber())); });
  });
  EXPECT_EQ(announced, 1);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], ids[0] + 1);
}

}  // namespace
}  // namespace nodecc
