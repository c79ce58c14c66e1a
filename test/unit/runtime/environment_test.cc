// Environment: the run sequence, exit codes, teardown (every handle closed, no callback
// after process.exit), nextTick/microtask draining.
#include <gtest/gtest.h>

#include <nodecc/fs.h>

#include <array>
#include <memory>

#include "helpers.h"

using namespace nodecc;
using nodecc_test::runScript;

TEST(Environment, RunSequenceBeforeExitThenExit) {
  std::vector<std::string> log;
  int code = runScript([&log] {
    log.push_back("main");
    process::nextTick([&log] { log.push_back("tick"); });
    Promise<>::resolved().then([&log] { log.push_back("microtask"); });
    setTimeout([&log] { log.push_back("timer"); }, 1);
    int revivals = 0;
    process::on("beforeExit", [&log, revivals](int code) mutable {
      log.push_back("beforeExit " + std::to_string(code));
      if (revivals++ == 0) setImmediate([&log] { log.push_back("revived"); });
    });
    process::on("exit", [&log](int code) { log.push_back("exit " + std::to_string(code)); });
    log.push_back("main end");
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(log, (std::vector<std::string>{"main", "main end", "tick", "microtask", "timer",
                                           "beforeExit 0", "revived", "beforeExit 0", "exit 0"}));
  EXPECT_EQ(Environment::current(), nullptr);
}

TEST(Environment, ExitCodes) {
  EXPECT_EQ(runScript([] { process::exitCode = 3; }), 3);
  EXPECT_EQ(runScript([] { process::exit(4); }), 4);
  testing::internal::CaptureStderr();
  EXPECT_EQ(runScript([] { throw Error("boom"); }), 1);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.rfind("Error: boom\n", 0), 0u) << err;
  EXPECT_NE(err.find("Node.js v20"), std::string::npos);
  testing::internal::CaptureStderr();
  EXPECT_EQ(runScript([] {
              process::on("uncaughtException", [] { throw Error("again"); });
              throw Error("first");
            }),
            7);
  err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.rfind("Error: again\n", 0), 0u) << err;
  testing::internal::CaptureStderr();
  EXPECT_EQ(runScript([] { Promise<>::rejected(Error("unhandled")); }), 1);
  err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.rfind("Error: unhandled\n", 0), 0u) << err;
}

TEST(Environment, NoCallbackAfterProcessExit) {
  std::vector<std::string> log;
  int code = runScript([&log] {
    process::on("exit", [&log](int code) {
      log.push_back("exit " + std::to_string(code));
      process::nextTick([&log] { log.push_back("tick after exit"); });
      setImmediate([&log] { log.push_back("immediate after exit"); });
    });
    setTimeout([&log] { log.push_back("timer"); }, 1000);
    auto iv = setInterval([&log] { log.push_back("interval"); }, 50);
    setImmediate([&log] {
      log.push_back("immediate");
      process::nextTick([&log] { log.push_back("tick"); });
      Promise<>::resolved().then([&log] { log.push_back("microtask"); });
      fs::readFile("/proc/self/stat", [&log] { log.push_back("readFile"); });
      process::exit(6);
    });
  });
  EXPECT_EQ(code, 6);
  EXPECT_EQ(log, (std::vector<std::string>{"immediate", "exit 6"}));
}

TEST(Environment, ExitInsideExitDoesNotRecurse) {
  int exits = 0;
  int code = runScript([&exits] {
    process::on("exit", [&exits] {
      ++exits;
      process::exit(9);
    });
    process::exit(2);
  });
  EXPECT_EQ(exits, 1);
  EXPECT_EQ(code, 9);
}

TEST(Environment, TeardownClosesTimersImmediatesAndPendingFsRequests) {
  // process.exit() with every kind of pending work: teardown must close all of it
  // (runScript checks that no handle is left) and call nothing back.
  bool called = false;
  runScript([&called] {
    for (int i = 0; i < 20; ++i) fs::readFile("/proc/self/status", [&called] { called = true; });
    setTimeout([&called] { called = true; }, 50);
    setInterval([&called] { called = true; }, 10)->unref();
    setImmediate([&called] { called = true; });
    process::on("SIGUSR2", [] {});
    process::exit(0);
  });
  EXPECT_FALSE(called);
}

TEST(Environment, PendingFsRequestKeepsTheLoopAlive) {
  bool called = false;
  runScript([&called] { fs::readFile("/proc/self/status", [&called] { called = true; }); });
  EXPECT_TRUE(called);
}

TEST(Environment, TicksThenMicrotasksUntilBothEmpty) {
  std::string order;
  runScript([&order] {
    Promise<>::resolved().then([&order] {
      order += "m1";
      process::nextTick([&order] { order += "t3"; });
    });
    process::nextTick([&order] {
      order += "t1";
      queueMicrotask([&order] { order += "m2"; });
      process::nextTick([&order] { order += "t2"; });
    });
  });
  EXPECT_EQ(order, "t1t2m1m2t3");
}

TEST(Environment, ThrowingTickLeavesTheRestForLater) {
  std::string order;
  int code = runScript([&order] {
    process::on("uncaughtException", [&order](const Error& e) { order += "[" + e.message + "]"; });
    process::nextTick([&order] {
      order += "a";
      throw Error("x");
    });
    process::nextTick([&order] { order += "b"; });
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(order, "a[x]b");
}

// The queue runs each callable where it lies: ticks pushed while one runs (across several
// 32 KiB chunks, inline, heap-held and over-aligned callables) run in order, and every
// callable, a throwing one too, is destroyed exactly once.
TEST(Environment, TicksPushedWhileOneRunsRunInOrderAndAreDestroyedOnce) {
  struct Counted {
    int* alive;
    explicit Counted(int* a) : alive(a) { ++*alive; }
    Counted(const Counted& o) : alive(o.alive) { ++*alive; }
    ~Counted() { --*alive; }
  };
  struct alignas(32) Wide {
    char bytes[32];
  };
  int alive = 0;
  std::vector<int> order;
  int code = runScript([&] {
    process::on("uncaughtException", [&](const Error&) { order.push_back(-1); });
    process::nextTick([&, c = Counted(&alive)] {
      for (int i = 0; i < 3000; ++i) {
        char pad[24] = {};
        process::nextTick([&, i, pad, c2 = Counted(&alive)] { order.push_back(i + pad[0]); });
      }
      std::array<char, 200> big{};  // beyond a Task's inline bytes: held on the heap
      process::nextTick([&, big, c3 = Counted(&alive)] { order.push_back(3000 + big[0]); });
      process::nextTick(
          [&, w = Wide{}, c4 = Counted(&alive)] { order.push_back(3001 + w.bytes[0]); });
      process::nextTick([&, c5 = Counted(&alive)] {
        order.push_back(3002);
        throw Error("x");
      });
      process::nextTick([&, c6 = Counted(&alive)] { order.push_back(3003); });
    });
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(alive, 0);
  ASSERT_EQ(order.size(), 3005u);
  for (int i = 0; i <= 3002; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i) << i;
  EXPECT_EQ(order[3003], -1);
  EXPECT_EQ(order[3004], 3003);
}

TEST(Environment, NextTickIsANoOpOnceExiting) {
  bool ran = false;
  runScript([&ran] { process::on("exit", [&ran] { process::nextTick([&ran] { ran = true; }); }); });
  EXPECT_FALSE(ran);
}

TEST(Environment, CurrentIsPerEnvironmentAndRestored) {
  EXPECT_EQ(Environment::current(), nullptr);
  {
    Environment outer;
    EXPECT_EQ(Environment::current(), &outer);
    {
      Environment inner;
      EXPECT_EQ(Environment::current(), &inner);
      EXPECT_NE(inner.id(), outer.id());
    }
    EXPECT_EQ(Environment::current(), &outer);
  }
  EXPECT_EQ(Environment::current(), nullptr);
  try {
    Environment::require();
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_NO_ENVIRONMENT");
  }
}

TEST(Environment, MainStyleArgv) {
  std::vector<std::string> argv;
  char a0[] = "prog";
  char a1[] = "x";
  char* args[] = {a0, a1};
  int code = nodecc::main(2, args, [&argv] { argv = process::argv(); });
  EXPECT_EQ(code, 0);
  ASSERT_EQ(argv.size(), 3u);
  EXPECT_EQ(argv[1], "prog");
  EXPECT_EQ(argv[2], "x");
}

// UniqueFunction copies a trivially copyable callable's bytes instead of calling its move
// and destructor; anything else keeps its own move and destructor.
TEST(UniqueFunction, TrivialAndNonTrivialCallablesMoveAndDie) {
  int a = 0, b = 0;
  UniqueFunction<void(), 16> f([&a, &b] { a += 1, b += 2; });
  UniqueFunction<void(), 16> g(std::move(f));
  EXPECT_FALSE(f);
  g();
  UniqueFunction<void(), 16> h;
  h = std::move(g);
  h();
  EXPECT_EQ(a, 2);
  EXPECT_EQ(b, 4);

  auto owned = std::make_shared<int>(7);
  std::weak_ptr<int> watch = owned;
  {
    UniqueFunction<int(), 16> k([p = std::move(owned)] { return *p; });
    UniqueFunction<int(), 16> m(std::move(k));
    EXPECT_EQ(watch.use_count(), 1);  // moved, not copied
    UniqueFunction<int(), 16> n;
    n = std::move(m);
    EXPECT_EQ(n(), 7);
    EXPECT_FALSE(watch.expired());
    n.reset();
    EXPECT_TRUE(watch.expired());  // the capture's destructor ran
  }
  // Too big to fit: kept on the heap, moved as a pointer, destroyed once.
  auto big = std::make_shared<int>(9);
  std::weak_ptr<int> watchBig = big;
  {
    UniqueFunction<int(), 16> k(
        [p = std::move(big), pad = std::array<char, 40>{}] { return *p + pad[0]; });
    UniqueFunction<int(), 16> m(std::move(k));
    EXPECT_EQ(m(), 9);
  }
  EXPECT_TRUE(watchBig.expired());
}

// Node's validateFunction(callback, 'callback'): process.nextTick(undefined),
// queueMicrotask(undefined), setTimeout(undefined) ... throw, and nothing is queued.
TEST(Environment, EmptyCallbacksThrowInvalidArgType) {
  std::vector<std::string> got;
  auto expectThrow = [&](const char* what, auto&& call) {
    try {
      call();
      got.push_back(std::string(what) + ": no throw");
    } catch (const Error& e) {
      got.push_back(std::string(what) + ": " + e.name + " " + e.code + " " + e.message);
    }
  };
  int ran = 0;
  int code = runScript([&] {
    expectThrow("nextTick(Task)", [] { nextTick(Task{}); });
    expectThrow("nextTick(std::function)", [] { nextTick(std::function<void()>{}); });
    expectThrow("nextTick(fn*, arg)", [] {
      void (*fp)(int) = nullptr;
      nextTick(fp, 1);
    });
    expectThrow("queueMicrotask", [] { queueMicrotask(Task{}); });
    expectThrow("Environment::nextTick", [] { Environment::require().nextTick(Task{}); });
    expectThrow("Environment::queueMicrotask",
                [] { Environment::require().queueMicrotask(Task{}); });
    expectThrow("setTimeout", [] { setTimeout(Task{}, 1); });
    expectThrow("setInterval", [] { setInterval(std::function<void()>{}, 1); });
    expectThrow("setImmediate", [] { setImmediate(Task{}); });
    nextTick([&] { ++ran; });  // a real callback still runs
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(ran, 1);
  const std::string msg =
      "TypeError ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. "
      "Received "
      "undefined";
  ASSERT_EQ(got.size(), 9u);
  for (const std::string& g : got) EXPECT_EQ(g.substr(g.find(": ") + 2), msg) << g;
}
