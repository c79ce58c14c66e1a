// nodecc/timers.h — setTimeout, setInterval, setImmediate as in Node 20.
//
// One native timer per Environment drives lists keyed by duration (Node's
// lib/internal/timers.js): `setTimeout(f, 0)` is 1 ms, timers of one duration
// fire in insertion order, ticks and microtasks drain after each callback, a
// timer created in a callback never fires in the same pass, and a throw in one
// callback does not stop the other due timers. Delays that are not in
// [1, 2^31-1] become 1 ms; above the range a TimeoutOverflowWarning is emitted.
//
// Differences from Node: timers return counted pointers (a `Timeout` or an
// `Immediate` stays valid while you hold it; `TimeoutPtr` and `ImmediatePtr` are
// intrusive counts with shared_ptr's operations, see RefPtr); extra arguments are bound at the call
// (`setTimeout(f, 10, a, b)` calls `f(a, b)`); there is no numeric `[Symbol.toPrimitive]` id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "nodecc/environment.h"
#include "nodecc/function.h"
#include "nodecc/pool.h"
#include "nodecc/promise.h"

namespace nodecc {

namespace detail {
struct TimerList;
/// An immediate's callback. Each setImmediate allocates its object, so its size is what a
/// batch of them costs: 24 bytes inline (a lambda capturing three pointers),
/// pointer-aligned.
using TimerTask = UniqueFunction<void(), 24>;
/// A timeout's callback: 16 bytes inline (two pointers, or a shared_ptr/weak_ptr), which
/// keeps a Timeout in a 64-byte block; a larger capture is moved to the heap.
using TimeoutTask = UniqueFunction<void(), 16>;
}  // namespace detail

/// A counted reference to a Timeout or an Immediate (TimeoutPtr, ImmediatePtr): what
/// setTimeout/setImmediate return, with the shared_ptr operations user code needs (copy,
/// `->`, comparison with nullptr, reset). The count lives in the object (no control
/// block, no atomics): like the Environment it belongs to, a timer is used on its thread.
template <class T>
class RefPtr {
 public:
  RefPtr() noexcept = default;
  RefPtr(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  /// A new reference to `p` (or null).
  explicit RefPtr(T* p) noexcept : p_(p) {
    if (p_) ++p_->refs;
  }
  RefPtr(const RefPtr& o) noexcept : RefPtr(o.p_) {}
  RefPtr(RefPtr&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  RefPtr& operator=(RefPtr o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~RefPtr() { reset(); }
  /// Takes over a reference already counted in `p->refs` (a timer list's or a queue's).
  static RefPtr adopt(T* p) noexcept {
    RefPtr r;
    r.p_ = p;
    return r;
  }
  void reset() noexcept {
    if (T* p = std::exchange(p_, nullptr)) {
      if (--p->refs == 0) T::release(p);
    }
  }
  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  friend bool operator==(const RefPtr& a, const RefPtr& b) noexcept { return a.p_ == b.p_; }
  friend bool operator==(const RefPtr& a, std::nullptr_t) noexcept { return !a.p_; }

 private:
  T* p_ = nullptr;
};

/// Node's Timeout object (returned by setTimeout and setInterval).
class Timeout {
 public:
  Timeout(Environment& env, detail::TimeoutTask cb, double after, bool repeat);
  ~Timeout();
  Timeout(const Timeout&) = delete;
  Timeout& operator=(const Timeout&) = delete;

  /// `timeout.ref()`: keeps the loop alive while scheduled (the default).
  Timeout& ref();
  /// `timeout.unref()`.
  Timeout& unref();
  /// `timeout.hasRef()`.
  bool hasRef() const noexcept { return refed_; }
  /// `timeout.refresh()`: restarts the countdown (re-arms a timer that already fired).
  Timeout& refresh();
  /// `timeout.close()`: same as clearTimeout(timeout).
  Timeout& close();

  // ---- internal (timers.cc); 64 bytes, one pool block: a million pending timeouts are
  // 64 MB of fresh pages, which is most of what a batch of them costs (88 bytes in a
  // 96-byte block before; 136 with a shared_ptr control block and self-reference) ----
  Timeout* idlePrev = nullptr;
  Timeout* idleNext = nullptr;
  std::int64_t idleStart = 0;
  detail::TimeoutTask onTimeout;
  // Node's _idleTimeout, truncated: only its integer part is ever used (lists are keyed
  // by it); -1 once cleared. An interval repeats with it (Node's _repeat is the same
  // number until clearInterval, which ends the interval).
  std::int32_t idleTimeout;
  std::uint32_t refs = 0;  // TimeoutPtrs, plus one while enrolled in a list (listRef)
  // The owning Environment's id() (its low 32 bits; ids are unique for 2^32 Environments);
  // 0 once it ended.
  std::uint32_t envId;
  bool destroyed : 1 = false;
  bool refed_ : 1 = true;
  bool hasCallback : 1 = true;  // Node's `_onTimeout !== null`
  bool running : 1 = false;     // the callback is executing
  bool listRef : 1 = false;     // a timer list holds a reference
  bool repeat : 1 = false;      // an interval (Node: `_repeat !== null`)

 private:
  friend class RefPtr<Timeout>;
  static void release(Timeout* t) noexcept;
};
using TimeoutPtr = RefPtr<Timeout>;

/// Node's Immediate object (returned by setImmediate).
class Immediate {
 public:
  Immediate(Environment& env, detail::TimerTask cb);
  Immediate(const Immediate&) = delete;
  Immediate& operator=(const Immediate&) = delete;
  /// `immediate.ref()`.
  Immediate& ref();
  /// `immediate.unref()`: an unref'd immediate does not keep the loop alive.
  Immediate& unref();
  /// `immediate.hasRef()`.
  bool hasRef() const noexcept { return refed_; }

  // ---- internal (timers.cc); 64 bytes, the pool's 64-byte class: a million queued
  // immediates are 64 MB (with a shared_ptr control block and self-reference, 112) ----
  Immediate* idlePrev = nullptr;
  Immediate* idleNext = nullptr;
  detail::TimerTask onImmediate;
  std::uint32_t envId;     // the owning Environment's id() (low 32 bits); 0 once it ended
  std::uint32_t refs = 0;  // ImmediatePtrs, plus one while queued
  bool destroyed = false;
  bool refed_ = false;
  bool queued = false;  // the queue holds a reference (Node: in immediateQueue)

 private:
  friend class RefPtr<Immediate>;
  static void release(Immediate* i) noexcept;
};

using ImmediatePtr = RefPtr<Immediate>;

namespace detail {
TimeoutPtr scheduleTimeout(TimeoutTask cb, double after, bool repeat);
ImmediatePtr scheduleImmediate(TimerTask cb);
template <class Task, class F, class... Args>
Task bindTask(F&& f, Args&&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return Task(std::forward<F>(f));
  } else {
    return Task([f = std::forward<F>(f), ... a = std::forward<Args>(args)]() mutable { f(a...); });
  }
}
}  // namespace detail

/// `setTimeout(callback[, delay[, ...args]])`. An empty callback throws ERR_INVALID_ARG_TYPE
/// (so do setInterval's and setImmediate's).
template <class F, class... Args>
TimeoutPtr setTimeout(F&& callback, double delay = 1, Args&&... args) {
  detail::validateCallback(callback);
  return detail::scheduleTimeout(
      detail::bindTask<detail::TimeoutTask>(std::forward<F>(callback), std::forward<Args>(args)...),
      delay, false);
}
/// `setInterval(callback[, delay[, ...args]])`.
template <class F, class... Args>
TimeoutPtr setInterval(F&& callback, double delay = 1, Args&&... args) {
  detail::validateCallback(callback);
  return detail::scheduleTimeout(
      detail::bindTask<detail::TimeoutTask>(std::forward<F>(callback), std::forward<Args>(args)...),
      delay, true);
}
/// `setImmediate(callback[, ...args])`.
template <class F, class... Args>
ImmediatePtr setImmediate(F&& callback, Args&&... args) {
  detail::validateCallback(callback);
  return detail::scheduleImmediate(
      detail::bindTask<detail::TimerTask>(std::forward<F>(callback), std::forward<Args>(args)...));
}
/// `clearTimeout(timeout)`: safe with nullptr and with a timer that already fired.
void clearTimeout(const TimeoutPtr& t);
/// `clearInterval(timeout)`.
inline void clearInterval(const TimeoutPtr& t) { clearTimeout(t); }
/// `clearImmediate(immediate)`.
void clearImmediate(const ImmediatePtr& i);

namespace timers {
using nodecc::clearImmediate;
using nodecc::clearInterval;
using nodecc::clearTimeout;
using nodecc::setImmediate;
using nodecc::setInterval;
using nodecc::setTimeout;
/// `timers/promises`: `co_await timers::promises::setTimeout(ms)`.
namespace promises {
Promise<void> setTimeout(double delay = 1);
Promise<void> setImmediate();
}  // namespace promises
}  // namespace timers

}  // namespace nodecc
