// Bad input and abuse: what a terminated worker leaves behind, workers that never
// return to their loop, a thousand workers in a row, messages that cannot be cloned.
#include <gtest/gtest.h>
#include <malloc.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "nodecc/nodecc.h"
#include "nodecc/worker_threads.h"
#include "helpers.h"

namespace nodecc {
namespace {

using namespace worker_threads;  // NOLINT
using std::chrono::steady_clock;

std::atomic<int> gSentinelsDestroyed{0};
struct Sentinel {
  ~Sentinel() { ++gSentinelsDestroyed; }
};

void spinImmediates(std::shared_ptr<Sentinel> s) {
  setImmediate([s] { spinImmediates(s); });
}

TEST(WorkerBadInput, TerminateCleansUpTimersAndPendingHandles) {
  gSentinelsDestroyed = 0;
  // libuv opens a process-wide pipe for signal handling the first time any loop
  // watches a signal, and keeps it: open it before counting descriptors.
  nodecc::run(
      [] { process::on("SIGUSR2", [](std::string, int) {}).removeAllListeners("SIGUSR2"); });
  testing::warmUpThreads();
  std::size_t threads0 = testing::threadCount();
  std::size_t fds0 = testing::fdCount();
  int exitCode = -1;
  int destroyedAtExit = -1;
  nodecc::run([&] {
    auto w = Worker::create([] {
      auto s = [] { return std::make_shared<Sentinel>(); };
      setInterval([k = s()] {}, 5);
      setTimeout([k = s()] {}, 3600 * 1000);
      spinImmediates(s());  // the loop never idles
      auto [p1, p2] = MessageChannel();
      p1->on("message", [k = s(), p2 = p2](const Value&) {});  // a ref'd handle
      p2->postMessage("never read");
      auto bc = BroadcastChannel::create("terminated");
      bc->on("message", [k = s()](const Value&) {});
      process::on("SIGUSR2", [k = s()](std::string, int) {});         // a uv_signal_t
      auto inner = Worker::create([] { setInterval([] {}, 1000); });  // a nested worker
      inner->on("exit", [k = s()](int) {});
      parentPort()->postMessage("ready");
    });
    w->on("message", [w = w.get()](const Value&) { w->terminate(); });
    w->on("exit", [&](int code) {
      exitCode = code;
      destroyedAtExit = gSentinelsDestroyed;
    });
  });
  EXPECT_EQ(exitCode, 1);
  // The worker's Environment was torn down (every callback dropped, every handle
  // closed, the nested worker joined) before 'exit' was emitted.
  EXPECT_EQ(destroyedAtExit, 7);
  EXPECT_EQ(testing::settleThreads(threads0), threads0);
  EXPECT_EQ(testing::fdCount(), fds0);
}

std::atomic<bool> gRelease{false};

TEST(WorkerBadInput, TerminateWaitsForCodeThatDoesNotReturnToTheLoop) {
  // C++ cannot be interrupted as V8 interrupts JS: terminate() takes effect when the
  // busy code returns to the worker's loop, and its Promise resolves then.
  gRelease = false;
  std::vector<std::string> log;
  steady_clock::time_point releasedAt, resolvedAt;
  nodecc::run([&] {
    auto w = Worker::create([] {
      parentPort()->postMessage("busy");
      while (!gRelease) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      setInterval([] {}, 1000);  // would keep running
    });
    w->on("message", [&, w = w.get()](const Value&) {
      w->terminate().then([&](int code) {
        resolvedAt = steady_clock::now();
        log.push_back("terminated " + std::to_string(code));
      });
      setTimeout(
          [&] {
            log.push_back("released");
            releasedAt = steady_clock::now();
            gRelease = true;
          },
          100);
    });
  });
  EXPECT_EQ(log, (std::vector<std::string>{"released", "terminated 1"}));
  EXPECT_GE(resolvedAt, releasedAt);
}

TEST(WorkerDeathTest, ProcessExitWithAWorkerThatNeverReturnsToItsLoop) {
  // What a Node user expects from process.exit(): the process ends, even though the
  // worker cannot be stopped; it is reported on stderr after a one-second grace.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        int rc = nodecc::run([] {
          Worker::create([] {
            for (;;) std::this_thread::sleep_for(std::chrono::milliseconds(1));
          });
          setTimeout([] { process::exit(3); }, 50);
        });
        std::exit(rc);
      },
      ::testing::ExitedWithCode(3), "worker [0-9]+ did not return to its event loop");
}

struct Chain : std::enable_shared_from_this<Chain> {
  int left = 0;
  int exits = 0;
  int wrongCodes = 0;
  void startOne() {
    auto w = Worker::create([] { parentPort()->on("message", [](const Value&) {}); });
    w->on("online", [w = w.get()] { w->terminate(); });
    w->on("exit", [self = shared_from_this()](int code) {
      ++self->exits;
      if (code != 1) ++self->wrongCodes;
      if (--self->left > 0) self->startOne();
    });
  }
};

std::size_t heapInUse() {
  struct mallinfo2 mi = ::mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

int runChain(int n) {
  auto chain = std::make_shared<Chain>();
  chain->left = n;
  nodecc::run([&] { chain->startOne(); });
  EXPECT_EQ(chain->wrongCodes, 0);
  return chain->exits;
}

TEST(WorkerBadInput, AThousandWorkersInSequenceLeakNoThreadFdOrMemory) {
  EXPECT_EQ(runChain(10), 10);  // warm up (lazy statics, malloc arenas)
  std::size_t threads0 = testing::threadCount();
  std::size_t fds0 = testing::fdCount();
  std::size_t heap0 = heapInUse();
  auto t0 = steady_clock::now();
  EXPECT_EQ(runChain(1000), 1000);
  auto elapsed = steady_clock::now() - t0;
  EXPECT_EQ(testing::settleThreads(threads0), threads0);
  EXPECT_EQ(testing::fdCount(), fds0);
  // Live heap back where it was (ASan's leak checker covers this exactly).
  std::size_t heap1 = heapInUse();
  EXPECT_LT(heap1, heap0 + (1u << 20)) << "heap grew from " << heap0 << " to " << heap1;
  RecordProperty("ms", static_cast<int>(
                           std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
}

TEST(WorkerBadInput, AnUncloneableMessageInTheWorkerIsItsUncaughtDataCloneError) {
  Error got;
  int code = -1;
  nodecc::run([&] {
    auto w = Worker::create([] {
      parentPort()->postMessage(Object{{"socket", HostObject{std::make_shared<int>(3), "Socket"}}});
    });
    w->on("error", [&](const Error& e) { got = e; });
    w->on("exit", [&](int c) { code = c; });
  });
  EXPECT_EQ(got.name, "DataCloneError");
  EXPECT_EQ(got.message, "Socket could not be cloned.");
  EXPECT_EQ(code, 1);
}

TEST(WorkerBadInput, AnErrorThatCannotBeSerialized) {
  Error got;
  nodecc::run([&] {
    auto w = Worker::create([] {
      Error e("with a host object");
      e.info = Object{{"handle", HostObject{std::make_shared<int>(1), "Handle"}}};
      throw e;
    });
    w->on("error", [&](const Error& e) { got = e; });
  });
  EXPECT_EQ(got.code, "ERR_WORKER_UNSERIALIZABLE_ERROR");
  EXPECT_EQ(got.message, "Serializing an uncaught exception failed");
}

TEST(WorkerBadInput, PostingToAWorkerThatExitedIsDropped) {
  bool exited = false;
  nodecc::run([&] {
    auto w = Worker::create([] {});
    w->on("exit", [&, w](int) {
      exited = true;
      w->postMessage("nobody");  // dropped, no throw (Node: the port is gone)
      w->ref();
      w->unref();
    });
  });
  EXPECT_TRUE(exited);
}

}  // namespace

void testing::warmUpThreads() {
  nodecc::run([] { worker_threads::Worker::create([] {}); });
}

}  // namespace nodecc
