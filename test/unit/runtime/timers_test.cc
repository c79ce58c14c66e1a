// Timers and immediates: ordering, ref/unref/hasRef, refresh, clearing inside callbacks,
// lists keyed by duration, bad delays.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>

#include "helpers.h"

using namespace nodecc;
using nodecc_test::runScript;

namespace {
void busyWait(int ms) {
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(ms)) {
  }
}
}  // namespace

TEST(Timers, EqualDurationsFireInInsertionOrderAndListsByExpiry) {
  std::string order;
  EXPECT_EQ(runScript([&order] {
              setTimeout([&order] { order += "c"; }, 3);
              setTimeout([&order] { order += "a"; }, 1);
              setTimeout([&order] { order += "d"; }, 3);
              setTimeout([&order] { order += "b"; }, 1);
              setTimeout(
                  [&order] {
                    order += "e";
                    setTimeout([&order] { order += "g"; }, 0);  // never in the same pass
                  },
                  2);
              setTimeout([&order] { order += "f"; }, 2);
              busyWait(5);  // everything above is due in the first pass
            }),
            0);
  EXPECT_EQ(order, "abefcdg");
}

TEST(Timers, ZeroAndBadDelaysBecomeOneMillisecond) {
  std::vector<std::string> warnings;
  testing::internal::CaptureStderr();
  int fired = 0;
  auto start = std::chrono::steady_clock::now();
  runScript([&] {
    process::on("warning", [&](const Error& w) { warnings.push_back(w.name + ": " + w.message); });
    const double inf = std::numeric_limits<double>::infinity();
    for (double d : {0.0, -1.0, std::nan(""), inf, -inf, 0.5, std::pow(2, 31)})
      setTimeout([&] { ++fired; }, d);
  });
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(fired, 7);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(warnings.size(),
            2u);  // Infinity and 2^31 overflow; NaN and negatives are silent in v20
  EXPECT_EQ(warnings[0],
            "TimeoutOverflowWarning: Infinity does not fit into a 32-bit signed integer.\nTimeout "
            "duration was "
            "set to 1.");
  EXPECT_EQ(warnings[1].substr(0, 64),
            "TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit si");
  EXPECT_NE(err.find("TimeoutOverflowWarning: Infinity does not fit"), std::string::npos) << err;
}

TEST(Timers, RefUnrefHasRef) {
  bool unrefRan = false;
  bool refRan = false;
  int code = runScript([&] {
    auto t = setTimeout([&] { unrefRan = true; }, 30);
    EXPECT_TRUE(t->hasRef());
    EXPECT_EQ(&t->unref(), t.get());
    EXPECT_FALSE(t->hasRef());
    auto u = setTimeout([&] { refRan = true; }, 1);
    u->unref();
    u->ref();
    EXPECT_TRUE(u->hasRef());
    auto i = setImmediate([] {});
    EXPECT_TRUE(i->hasRef());
    i->unref();
    EXPECT_FALSE(i->hasRef());
  });
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(refRan);
  EXPECT_FALSE(unrefRan);  // the loop ended without waiting for it
}

TEST(Timers, UnrefdLoneTimerAndImmediateDoNotKeepTheLoopAlive) {
  bool ran = false;
  auto start = std::chrono::steady_clock::now();
  runScript([&ran] {
    setTimeout([&ran] { ran = true; }, 10000)->unref();
    setInterval([&ran] { ran = true; }, 5)->unref();
    setImmediate([&ran] { ran = true; })->unref();
  });
  EXPECT_FALSE(ran);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(Timers, RefreshRestartsAndRearms) {
  std::string order;
  runScript([&order] {
    auto a = setTimeout([&order] { order += "a"; }, 50);
    setTimeout([&order] { order += "b"; }, 50);
    EXPECT_EQ(&a->refresh(), a.get());  // a moves behind b
    int n = 0;
    std::shared_ptr<TimeoutPtr> self = std::make_shared<TimeoutPtr>();
    *self = setTimeout(
        [&order, n, self]() mutable {
          order += "r";
          if (++n < 3)
            (*self)->refresh();  // re-arm a timer that already fired
          else
            self->reset();
        },
        1);
  });
  EXPECT_EQ(order.substr(0, 3), "rrr");  // the 1 ms timer re-armed twice before 50 ms
  EXPECT_EQ(order, "rrrba");
}

TEST(Timers, ClearInsideCallbacks) {
  std::string order;
  runScript([&order] {
    auto b = std::make_shared<TimeoutPtr>();
    auto self = std::make_shared<TimeoutPtr>();
    *self = setTimeout(
        [&order, b, self] {
          order += "a";
          clearTimeout(*b);     // a due timer in the same list
          clearTimeout(*self);  // clearing itself is harmless
          clearTimeout(*self);
        },
        1);
    *b = setTimeout([&order] { order += "b"; }, 1);
    setTimeout([&order] { order += "c"; }, 1);
    auto iv = std::make_shared<TimeoutPtr>();
    int n = 0;
    *iv = setInterval(
        [&order, iv, n]() mutable {
          order += "i";
          if (++n == 3) clearInterval(*iv);
        },
        2);
    auto j = std::make_shared<ImmediatePtr>();
    setImmediate([&order, j] {
      order += "I";
      clearImmediate(*j);
    });
    *j = setImmediate([&order] { order += "J"; });
    busyWait(3);
  });
  // The first timers pass (the main script blocked 3 ms) runs a, c and the interval's first
  // call; then the immediates; then the interval twice more.
  EXPECT_EQ(order, "aciIii");
}

TEST(Timers, IntervalKeepsItsArgumentsAndPeriod) {
  std::vector<int> got;
  runScript([&got] {
    auto iv = std::make_shared<TimeoutPtr>();
    *iv = setInterval(
        [&got, iv](int step) {
          got.push_back(step);
          if (got.size() == 4) clearInterval(*iv);
        },
        1, 7);
  });
  EXPECT_EQ(got, (std::vector<int>{7, 7, 7, 7}));
}

TEST(Timers, ImmediatesQueuedDuringTheDrainRunNextTurn) {
  std::string order;
  runScript([&order] {
    setImmediate([&order] {
      order += "1";
      setImmediate([&order] { order += "3"; });
      process::nextTick([&order] { order += "t"; });
    });
    setImmediate([&order] { order += "2"; });
  });
  EXPECT_EQ(order, "1t23");
}

TEST(Timers, ThrowInATimerDoesNotStopTheOtherDueTimers) {
  std::vector<std::string> order;
  int code = runScript([&order] {
    process::on("uncaughtException",
                [&order](const Error& e) { order.push_back("caught " + e.message); });
    setTimeout(
        [&order] {
          order.push_back("t1");
          throw Error("t1");
        },
        1);
    setTimeout([&order] { order.push_back("t2"); }, 1);
    setTimeout([&order] { order.push_back("t3"); }, 2);
    busyWait(4);
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(order, (std::vector<std::string>{"t1", "caught t1", "t2", "t3"}));
}

TEST(Timers, TimerPromisesAndCoroutines) {
  std::vector<std::string> order;
  runScript([&order] {
    auto task = [](std::vector<std::string>& out) -> Promise<int> {
      out.push_back("start");
      co_await timers::promises::setTimeout(2);
      out.push_back("after timeout");
      co_await timers::promises::setImmediate();
      out.push_back("after immediate");
      co_await timers::promises::setTimeout(1);  // a timer created from a microtask
      out.push_back("after second timeout");
      co_return 5;
    };
    task(order).then([&order](const int& v) { order.push_back("result " + std::to_string(v)); });
  });
  EXPECT_EQ(order, (std::vector<std::string>{"start", "after timeout", "after immediate",
                                             "after second timeout", "result 5"}));
}

TEST(Timers, TimeoutFromAnotherEnvironmentIsInert) {
  TimeoutPtr leaked;
  runScript([&leaked] {
    leaked = setTimeout([] {}, 100000);
    leaked->unref();  // the script ends at once, leaving the timer behind
  });
  runScript([&leaked] {
    // Touching a timer whose Environment ended does nothing (and does not crash).
    leaked->ref();
    leaked->unref();
    leaked->refresh();
    clearTimeout(leaked);
  });
  SUCCEED();
}

// getNow() skips the clock read while the time-stamp counter says the millisecond has not
// ended: every timer's start must still be the libuv time of its own setTimeout call, also
// when the script blocks between calls, and in a tight batch that spans several
// milliseconds.
TEST(Timers, StartTimesFollowTheClockAcrossBlockingAndBatches) {
  struct Sample {
    TimeoutPtr t;
    std::uint64_t before, after;  // hrtime around the call, ns
  };
  std::vector<Sample> samples;
  EXPECT_EQ(runScript([&samples] {
              for (int i = 0; i < 60000; ++i) {
                if (i % 5000 == 4999) busyWait(3);  // blocked: the start must move on
                std::uint64_t before = process::hrtime.bigint();
                TimeoutPtr t = setTimeout([] {}, 10);
                samples.push_back({t, before, process::hrtime.bigint()});
              }
              for (auto& s : samples) clearTimeout(s.t);
            }),
            0);
  ASSERT_EQ(samples.size(), 60000u);
  // Each start, measured from the first one, lies within the hrtime window of its call
  // (a millisecond of slack each side for the clocks' own rounding).
  const Sample& first = samples.front();
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const Sample& s = samples[i];
    std::int64_t d = s.t->idleStart - first.t->idleStart;
    auto lo = static_cast<std::int64_t>((s.before - first.after) / 1'000'000) - 1;
    auto hi = static_cast<std::int64_t>((s.after - first.before) / 1'000'000) + 1;
    ASSERT_GE(d, lo) << "timer " << i;
    ASSERT_LE(d, hi) << "timer " << i;
    ASSERT_GE(s.t->idleStart, samples[i - 1].t->idleStart) << "timer " << i;
  }
  // The blocking waits moved the start by at least their length.
  EXPECT_GE(samples.back().t->idleStart - first.t->idleStart, 11 * 3);
}

// Node keys lists by the truncated duration: 2.9 ms shares the 2 ms list (fires in
// insertion order with it), and an interval of 1.5 ms repeats as 1 ms.
TEST(Timers, FractionalDurationsShareTheTruncatedList) {
  std::string order;
  int ticks = 0;
  TimeoutPtr iv;
  EXPECT_EQ(runScript([&] {
              setTimeout([&order] { order += "a"; }, 2.9);
              setTimeout([&order] { order += "b"; }, 2);
              setTimeout([&order] { order += "c"; }, 2.5);
              iv = setInterval(
                  [&ticks, &iv] {
                    if (++ticks == 3) clearInterval(iv);
                  },
                  1.5);
              EXPECT_EQ(iv->idleTimeout, 1);
            }),
            0);
  EXPECT_EQ(order, "abc");
  EXPECT_EQ(ticks, 3);
}
