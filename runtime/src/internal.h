// Internal state of the runtime shared between runtime/src files. Not installed.
#pragma once

#include <uv.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "nodecc/environment.h"
#include "nodecc/promise.h"
#include "nodecc/timers.h"

namespace nodecc {

namespace detail {
extern std::atomic<std::uint64_t> gArrayBufferBytes;

/// One list of timers of the same duration (Node's TimersList).
struct TimerList {
  Timeout* head = nullptr;
  Timeout* tail = nullptr;
  std::int64_t expiry = 0;
  std::int64_t id = 0;
  std::int64_t msecs = 0;
  std::size_t pqPos = 0;
};

/// Binary heap of TimerLists ordered by (expiry, id) (Node's PriorityQueue).
class TimerQueue {
 public:
  TimerList* peek() const noexcept { return heap_.empty() ? nullptr : heap_[0]; }
  void insert(TimerList* l);
  TimerList* shift();
  void removeAt(std::size_t pos);
  void percolateDown(std::size_t pos);
  std::size_t size() const noexcept { return heap_.size(); }

 private:
  static bool less(const TimerList* a, const TimerList* b) noexcept {
    return a->expiry < b->expiry || (a->expiry == b->expiry && a->id < b->id);
  }
  void percolateUp(std::size_t pos);
  void set(std::size_t pos, TimerList* l) noexcept {
    heap_[pos] = l;
    l->pqPos = pos;
  }
  std::vector<TimerList*> heap_;
};

/// Linked list of Immediates (Node's ImmediateList).
struct ImmediateList {
  Immediate* head = nullptr;
  Immediate* tail = nullptr;
  void append(Immediate* item) noexcept;
  void remove(Immediate* item) noexcept;
};
}  // namespace detail

struct Environment::Impl {
  explicit Impl(Environment& e) : env(e) {}
  Environment& env;

  // ---- timers (lib/internal/timers.js) ----
  uv_timer_t timerHandle{};
  std::int64_t timerBase = 0;
  // getNow()'s cache (timers.cc): getNow() is nowCached while the time-stamp counter is
  // in [nowTsc, nowTscEnd); tscCal* is the first reading, to measure the counter's rate.
  std::int64_t nowCached = 0;
  std::uint64_t nowTsc = 0;
  std::uint64_t nowTscEnd = 0;
  std::uint64_t tscCalNs = 0;
  std::uint64_t tscCalTsc = 0;
  using TimerListMap = std::unordered_map<std::int64_t, std::shared_ptr<detail::TimerList>>;
  TimerListMap timerListMap;
  // One-entry cache in front of timerListMap (most timers share a duration): when
  // lastList is set it is timerListMap[lastListMsecs]. Erase lists with eraseList().
  std::int64_t lastListMsecs = 0;
  detail::TimerList* lastList = nullptr;
  detail::TimerList* findList(std::int64_t msecs) {
    if (lastList && lastListMsecs == msecs) return lastList;
    auto it = timerListMap.find(msecs);
    if (it == timerListMap.end()) return nullptr;
    lastListMsecs = msecs;
    return lastList = it->second.get();
  }
  void eraseList(TimerListMap::iterator it) {
    if (lastList == it->second.get()) lastList = nullptr;
    timerListMap.erase(it);
  }
  detail::TimerQueue timerListQueue;
  double nextExpiry = INFINITY;
  int timerRefCount = 0;
  std::int64_t timerListId = INT64_MIN / 2;

  std::int64_t getNow();
  void scheduleTimer(std::int64_t duration);
  void toggleTimerRef(bool ref);
  void incRefCount() {
    if (timerRefCount++ == 0) toggleTimerRef(true);
  }
  void decRefCount() {
    if (--timerRefCount == 0) toggleTimerRef(false);
  }
  void insert(Timeout* item, std::int64_t msecs, std::int64_t start);
  void insertGuarded(Timeout* item, bool refed);
  void unenroll(Timeout* item);
  std::int64_t processTimers(std::int64_t now, bool& threw);
  void listOnTimeout(detail::TimerList* list, std::int64_t now, bool& threw);
  static void onTimer(uv_timer_t* h);

  // ---- immediates ----
  uv_check_t immediateCheck{};
  uv_idle_t immediateIdle{};
  detail::ImmediateList immediateQueue;
  detail::ImmediateList outstandingQueue;
  std::uint32_t immediateCount = 0;
  std::uint32_t immediateRefCount = 0;
  bool immediateHasOutstanding = false;
  void toggleImmediateRef(bool ref);
  void processImmediate(bool& threw);
  /// Whether env.runNextTicks() would run anything.
  bool hasTickWork() const noexcept {
    return !env.ticks_.empty() || !env.microtasks_.empty() || env.hasRejectionToWarn_;
  }
  static void onCheck(uv_check_t* h);

  // ---- promise rejections (processPromiseRejections) ----
  std::vector<std::shared_ptr<detail::PromiseStateBase>> pendingRejections;
  std::vector<std::uint32_t> asyncHandledRejections;  // ids of reported rejections handled later
  std::uint32_t lastPromiseId = 0;
  bool processPromiseRejections();

  // ---- process ----
  std::chrono::steady_clock::time_point startTime = std::chrono::steady_clock::now();
  bool traceWarningHintShown = false;
  std::map<std::string, std::string> envVars;  // worker copy of process.env
  bool ownEnv = false;
  std::map<std::string, std::chrono::steady_clock::time_point, std::less<>> consoleTimers;

  // ---- cross-thread stop (Worker.terminate) ----
  uv_async_t stopAsync{};
  std::atomic<bool> stopRequested{false};
  std::atomic<int> stopExitCode{1};
  bool stopAsyncInit = false;
};

/// Prints an error the way Node prints a fatal exception (to stderr).
void printFatalException(const Error& err);
/// Mutex guarding the real process environment (setenv/getenv across threads).
std::mutex& envMutex();

}  // namespace nodecc
