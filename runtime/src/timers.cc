// Timers and immediates: Node 20's lib/internal/timers.js over one uv_timer_t
// and one uv_check_t (+ uv_idle_t) per Environment.
#include "nodecc/timers.h"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "nodecc/process.h"
#include "runtime/src/internal.h"

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

namespace nodecc {

using detail::TimerList;

namespace {
constexpr double kTimeoutMax = 2147483647.0;  // 2^31 - 1

// The calling thread's Environment when it is the live one with this id (ids are unique
// for the life of the process; an ended Environment's objects hold 0).
// Timeouts and Immediates keep the id's low 32 bits.
inline Environment* liveEnv(std::uint32_t id) {
  Environment* cur = Environment::current();
  return (cur && id != 0 && static_cast<std::uint32_t>(cur->id()) == id) ? cur : nullptr;
}
}  // namespace

// ---- priority queue -------------------------------------------------------------------

namespace detail {
void TimerQueue::percolateUp(std::size_t pos) {
  TimerList* item = heap_[pos];
  while (pos > 0) {
    std::size_t parent = (pos - 1) / 2;
    if (!less(item, heap_[parent])) break;
    set(pos, heap_[parent]);
    pos = parent;
  }
  set(pos, item);
}
void TimerQueue::percolateDown(std::size_t pos) {
  std::size_t n = heap_.size();
  if (pos >= n) return;
  TimerList* item = heap_[pos];
  for (;;) {
    std::size_t l = 2 * pos + 1;
    if (l >= n) break;
    std::size_t c = (l + 1 < n && less(heap_[l + 1], heap_[l])) ? l + 1 : l;
    if (!less(heap_[c], item)) break;
    set(pos, heap_[c]);
    pos = c;
  }
  set(pos, item);
}
void TimerQueue::insert(TimerList* l) {
  heap_.push_back(l);
  set(heap_.size() - 1, l);
  percolateUp(heap_.size() - 1);
}
TimerList* TimerQueue::shift() {
  if (heap_.empty()) return nullptr;
  TimerList* top = heap_[0];
  removeAt(0);
  return top;
}
void TimerQueue::removeAt(std::size_t pos) {
  std::size_t last = heap_.size() - 1;
  if (pos != last) {
    set(pos, heap_[last]);
    heap_.pop_back();
    if (pos > 0 && less(heap_[pos], heap_[(pos - 1) / 2]))
      percolateUp(pos);
    else
      percolateDown(pos);
  } else {
    heap_.pop_back();
  }
}

void ImmediateList::append(Immediate* item) noexcept {
  if (tail) {
    tail->idleNext = item;
    item->idlePrev = tail;
  } else {
    head = item;
  }
  tail = item;
}
void ImmediateList::remove(Immediate* item) noexcept {
  if (item->idleNext) item->idleNext->idlePrev = item->idlePrev;
  if (item->idlePrev) item->idlePrev->idleNext = item->idleNext;
  if (item == head) head = item->idleNext;
  if (item == tail) tail = item->idlePrev;
  item->idleNext = nullptr;
  item->idlePrev = nullptr;
}
}  // namespace detail

// ---- Timeout --------------------------------------------------------------------------------

Timeout::Timeout(Environment& e, detail::TimeoutTask cb, double after, bool isRepeat)
    : onTimeout(std::move(cb)), envId(static_cast<std::uint32_t>(e.id())) {
  // Node: after *= 1; outside [1, TIMEOUT_MAX] (or NaN) it becomes 1.
  if (!(after >= 1 && after <= kTimeoutMax)) {
    if (after > kTimeoutMax) {
      process::emitWarning(numberToString(after) +
                               " does not fit into a 32-bit signed integer.\nTimeout duration "
                               "was set to 1.",
                           "TimeoutOverflowWarning");
    }
    after = 1;
  }
  idleTimeout = static_cast<std::int32_t>(after);  // in [1, 2^31-1]: truncation
  repeat = isRepeat;
  e.impl().incRefCount();
}

Timeout::~Timeout() = default;

static_assert(sizeof(Timeout) <= 64, "a Timeout is one 64-byte pool block");

void Timeout::release(Timeout* t) noexcept {
  t->~Timeout();
  detail::PoolAllocator<Timeout>().deallocate(t, 1);
}

Timeout& Timeout::ref() {
  if (!refed_) {
    refed_ = true;
    if (!destroyed) {
      if (Environment* e = liveEnv(envId)) e->impl().incRefCount();
    }
  }
  return *this;
}

Timeout& Timeout::unref() {
  if (refed_) {
    refed_ = false;
    if (!destroyed) {
      if (Environment* e = liveEnv(envId)) e->impl().decRefCount();
    }
  }
  return *this;
}

Timeout& Timeout::refresh() {
  if (Environment* e = liveEnv(envId)) e->impl().insertGuarded(this, refed_);
  return *this;
}

Timeout& Timeout::close() {
  clearTimeout(TimeoutPtr(this));
  return *this;
}

// ---- the timer lists ----------------------------------------------------------------------------

// getNow() is Node's getLibuvNow(): uv_update_time, then uv_now, once per setTimeout. The
// clock read is ~30 ns here, a third of what a setTimeout costs, and libuv's clock only
// moves once a millisecond. So after each read the time-stamp counter value at which the
// current millisecond surely ends is noted (with a 10% margin on the counter's rate, which
// is measured against the clock over the first ~2 ms); until then uv_now() cannot have
// changed and getNow() returns it without asking (reading the counter is ~10 ns). Where
// the counter is not trusted, or libuv reads the coarse clock (cheap already), getNow()
// is uv_update_time + uv_now and nothing more.
namespace {
#if defined(__x86_64__) || defined(__i386__)
inline std::uint64_t readTsc() noexcept { return __rdtsc(); }
constexpr bool kHaveTsc = true;
#else
inline std::uint64_t readTsc() noexcept { return 0; }
constexpr bool kHaveTsc = false;
#endif
// Counter ticks per nanosecond, 0 until measured; shared by every Environment.
std::atomic<double> gTscPerNs{0};
// Whether to use the counter: only where the kernel keeps time with it (then it is
// invariant and synchronised across CPUs), and where libuv reads the precise clock (it
// takes CLOCK_MONOTONIC_COARSE when that ticks at least once a millisecond).
bool useTsc() {
  static const bool yes = [] {
    if (!kHaveTsc) return false;
    timespec res{};
    if (clock_getres(CLOCK_MONOTONIC_COARSE, &res) == 0 && res.tv_sec == 0 &&
        res.tv_nsec <= 1'000'000)
      return false;
    std::FILE* f =
        std::fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
    if (!f) return false;
    char name[16] = {};
    const bool ok = std::fgets(name, sizeof name, f) && std::strncmp(name, "tsc\n", 4) == 0;
    std::fclose(f);
    return ok;
  }();
  return yes;
}
}  // namespace

std::int64_t Environment::libuvNow() { return impl_->getNow(); }

std::int64_t Environment::Impl::getNow() {
  if (!useTsc()) {
    uv_update_time(env.loop());
    return static_cast<std::int64_t>(uv_now(env.loop())) - timerBase;
  }
  if (const std::uint64_t t = readTsc(); t >= nowTsc && t < nowTscEnd) return nowCached;
  uv_update_time(env.loop());
  const std::uint64_t loopMs = uv_now(env.loop());
  nowCached = static_cast<std::int64_t>(loopMs) - timerBase;
  const std::uint64_t ns = uv_hrtime();
  const std::uint64_t t = readTsc();
  nowTsc = t;
  nowTscEnd = 0;
  double rate = gTscPerNs.load(std::memory_order_relaxed);
  if (rate == 0) {
    if (tscCalNs == 0) {
      tscCalNs = ns;
      tscCalTsc = t;
    } else if (ns - tscCalNs >= 2'000'000 && t > tscCalTsc) {
      rate = static_cast<double>(t - tscCalTsc) / static_cast<double>(ns - tscCalNs);
      gTscPerNs.store(rate, std::memory_order_relaxed);
    }
  }
  // A read that straddled a millisecond boundary caches nothing.
  if (rate > 0 && ns / 1'000'000 == loopMs) {
    const std::uint64_t left = (loopMs + 1) * 1'000'000 - ns;
    nowTscEnd = t + static_cast<std::uint64_t>(static_cast<double>(left) * rate * 0.9);
  }
  return nowCached;
}

void Environment::Impl::scheduleTimer(std::int64_t duration) {
  uv_timer_start(&timerHandle, &Impl::onTimer, static_cast<std::uint64_t>(duration), 0);
}

void Environment::Impl::toggleTimerRef(bool ref) {
  auto* h = reinterpret_cast<uv_handle_t*>(&timerHandle);
  if (ref)
    uv_ref(h);
  else
    uv_unref(h);
}

namespace {
// The reference a timer list holds on an enrolled timer (Node: the list links it).
void takeListRef(Timeout* t) noexcept {
  if (!t->listRef) {
    t->listRef = true;
    ++t->refs;
  }
}
void dropListRef(Timeout* t) noexcept {
  if (t->listRef) {
    t->listRef = false;
    TimeoutPtr::adopt(t).reset();
  }
}
// The list's reference as a TimeoutPtr (empty when the list held none).
TimeoutPtr moveListRef(Timeout* t) noexcept {
  if (!t->listRef) return TimeoutPtr();
  t->listRef = false;
  return TimeoutPtr::adopt(t);
}
}  // namespace

void Environment::Impl::insert(Timeout* item, std::int64_t msecs, std::int64_t start) {
  item->idleStart = start;
  TimerList* list = findList(msecs);
  if (!list) {
    auto& slot = timerListMap[msecs];
    slot = std::make_shared<TimerList>();
    list = slot.get();
    list->expiry = start + msecs;
    list->msecs = msecs;
    list->id = timerListId++;
    timerListQueue.insert(list);
    if (nextExpiry > static_cast<double>(list->expiry)) {
      scheduleTimer(msecs);
      nextExpiry = static_cast<double>(list->expiry);
    }
  }
  item->idlePrev = list->tail;
  item->idleNext = nullptr;
  if (list->tail)
    list->tail->idleNext = item;
  else
    list->head = item;
  list->tail = item;
  takeListRef(item);
}

namespace {
TimerList* listOf(Environment::Impl& I, const Timeout* item) {
  if (item->idleTimeout < 0) return nullptr;
  return I.findList(item->idleTimeout);
}
bool isLinked(Environment::Impl& I, const Timeout* item) {
  if (item->idlePrev || item->idleNext) return true;
  TimerList* list = listOf(I, item);
  return list && list->head == item;
}
// Node's L.remove: unlinks `item` if it is in a list (keeps the list's reference).
void listRemove(Environment::Impl& I, Timeout* item) {
  TimerList* list = listOf(I, item);
  if (!(item->idlePrev || item->idleNext || (list && list->head == item))) return;
  if (item->idlePrev)
    item->idlePrev->idleNext = item->idleNext;
  else if (list && list->head == item)
    list->head = item->idleNext;
  if (item->idleNext)
    item->idleNext->idlePrev = item->idlePrev;
  else if (list && list->tail == item)
    list->tail = item->idlePrev;
  item->idlePrev = item->idleNext = nullptr;
}
}  // namespace

void Environment::Impl::insertGuarded(Timeout* item, bool refed) {
  std::int64_t msecs = item->idleTimeout;
  if (msecs < 0) return;
  listRemove(*this, item);  // refresh() of a linked timer moves it to the tail
  insert(item, msecs, getNow());
  bool wasDestroyed = item->destroyed;
  item->destroyed = false;
  if (wasDestroyed) {
    if (refed) incRefCount();
  } else if (refed != item->refed_) {
    if (refed)
      incRefCount();
    else
      decRefCount();
  }
  item->refed_ = refed;
}

void Environment::Impl::unenroll(Timeout* item) {
  if (item->destroyed) return;
  item->destroyed = true;
  if (item->refed_) decRefCount();
  listRemove(*this, item);
  TimerList* list = listOf(*this, item);
  if (list && list->head == nullptr) {
    timerListQueue.removeAt(list->pqPos);
    eraseList(timerListMap.find(list->msecs));  // listOnTimeout keeps its own reference
  }
  item->idleTimeout = -1;
  dropListRef(item);  // may free `item`: the caller holds a reference
}

std::int64_t Environment::Impl::processTimers(std::int64_t now, bool& threw) {
  nextExpiry = INFINITY;
  bool ranAtLeastOneList = false;
  while (TimerList* list = timerListQueue.peek()) {
    if (list->expiry > now) {
      nextExpiry = static_cast<double>(list->expiry);
      return timerRefCount > 0 ? list->expiry : -list->expiry;
    }
    if (ranAtLeastOneList)
      env.runNextTicks();
    else
      ranAtLeastOneList = true;
    if (env.stopping()) return 0;
    listOnTimeout(list, now, threw);
    if (threw || env.stopping()) return 0;
  }
  return 0;
}

void Environment::Impl::listOnTimeout(TimerList* listRaw, std::int64_t now, bool& threw) {
  std::shared_ptr<TimerList> list = timerListMap[listRaw->msecs];
  const std::int64_t msecs = list->msecs;
  bool ranAtLeastOneTimer = false;
  while (Timeout* timer = list->head) {
    if (timer->idleNext) __builtin_prefetch(timer->idleNext, 1);
    std::int64_t diff = now - timer->idleStart;
    if (diff < msecs) {
      list->expiry = std::max(timer->idleStart + msecs, now + 1);
      list->id = timerListId++;
      timerListQueue.percolateDown(0);
      return;
    }
    // The list's reference moves here for the call (it survives a clearTimeout in the
    // ticks); insert() takes a new one if the timer is enrolled again meanwhile.
    TimeoutPtr keep = moveListRef(timer);
    if (ranAtLeastOneTimer)
      env.runNextTicks();
    else
      ranAtLeastOneTimer = true;
    if (env.stopping()) {
      if (!timer->listRef && isLinked(*this, timer)) takeListRef(timer);
      return;
    }
    listRemove(*this, timer);
    if (!timer->hasCallback) {
      if (!timer->destroyed) {
        timer->destroyed = true;
        if (timer->refed_) --timerRefCount;
        dropListRef(timer);
      }
      continue;
    }
    std::int64_t start = 0;
    if (timer->repeat) start = getNow();
    timer->running = true;
    try {
      timer->onTimeout();
    } catch (...) {
      threw = true;
      env.handleException(std::current_exception());
    }
    timer->running = false;
    if (!timer->hasCallback) timer->onTimeout.reset();  // cleared during its own call
    if (timer->repeat && timer->idleTimeout != -1) {
      insert(timer, timer->idleTimeout, start);
    } else if (!isLinked(*this, timer) && !timer->destroyed) {
      timer->destroyed = true;
      if (timer->refed_) --timerRefCount;
      dropListRef(timer);
    }
    if (threw || env.stopping()) {
      // Node: the exception leaves processTimers; RunTimers calls it again.
      auto it = timerListMap.find(msecs);
      if (list->head == nullptr && it != timerListMap.end() && it->second == list) {
        timerListQueue.removeAt(list->pqPos);
        eraseList(it);
      }
      return;
    }
  }
  auto it = timerListMap.find(msecs);
  if (it != timerListMap.end() && it->second == list) {
    timerListQueue.removeAt(list->pqPos);
    eraseList(it);
  }
}

void Environment::Impl::onTimer(uv_timer_t* h) {
  auto* env = static_cast<Environment*>(h->data);
  Impl& I = *env->impl_;
  if (!env->canCallIntoUser()) return;
  std::int64_t now = I.getNow();
  std::int64_t ret;
  ++env->callbackDepth_;
  bool threw;
  do {
    threw = false;
    ret = I.processTimers(now, threw);
  } while (threw && env->canCallIntoUser());
  // Node's RunTimers schedules and (un)refs the handle from processTimers' result while
  // its InternalCallbackScope is still open, and only then (scope close) drains ticks and
  // microtasks. The order matters: a timer created by a tick or microtask must find the
  // handle already (un)ref'd and scheduled, so that its incRefCount() re-refs the handle
  // and its insert() can move the expiry earlier. Draining first lost both (a coroutine
  // awaiting a timer from a microtask let the loop exit).
  if (env->canCallIntoUser()) {
    if (ret != 0) {
      std::int64_t duration =
          std::llabs(ret) - (static_cast<std::int64_t>(uv_now(env->loop())) - I.timerBase);
      I.scheduleTimer(duration > 0 ? duration : 1);
      if (ret > 0)
        uv_ref(reinterpret_cast<uv_handle_t*>(h));
      else
        uv_unref(reinterpret_cast<uv_handle_t*>(h));
    } else {
      uv_unref(reinterpret_cast<uv_handle_t*>(h));
    }
  }
  if (--env->callbackDepth_ == 0 && env->canCallIntoUser()) env->runNextTicks();
}

// ---- Immediate
// ---------------------------------------------------------------------------------------

Immediate::Immediate(Environment& e, detail::TimerTask cb)
    : onImmediate(std::move(cb)), envId(static_cast<std::uint32_t>(e.id())) {}

static_assert(sizeof(Immediate) <= 64, "an Immediate is one 64-byte pool block");

void Immediate::release(Immediate* i) noexcept {
  i->~Immediate();
  detail::PoolAllocator<Immediate>().deallocate(i, 1);
}

Immediate& Immediate::ref() {
  if (!refed_ && !destroyed) {
    refed_ = true;
    if (Environment* e = liveEnv(envId)) {
      if (e->impl().immediateRefCount++ == 0) e->impl().toggleImmediateRef(true);
    }
  }
  return *this;
}

Immediate& Immediate::unref() {
  if (refed_ && !destroyed) {
    refed_ = false;
    if (Environment* e = liveEnv(envId)) {
      if (--e->impl().immediateRefCount == 0) e->impl().toggleImmediateRef(false);
    }
  }
  return *this;
}

void Environment::Impl::toggleImmediateRef(bool ref) {
  if (ref)
    uv_idle_start(&immediateIdle, [](uv_idle_t*) {});
  else
    uv_idle_stop(&immediateIdle);
}

void Environment::Impl::processImmediate(bool& threw) {
  detail::ImmediateList& queue = outstandingQueue.head ? outstandingQueue : immediateQueue;
  Immediate* immediate = queue.head;
  if (&queue != &outstandingQueue) {
    queue.head = queue.tail = nullptr;
    immediateHasOutstanding = true;
  }
  // The queue's reference to the immediate that ran last: its idleNext is where to go on
  // when the next one is cleared by a tick.
  ImmediatePtr prevKeep;
  Immediate* prev = nullptr;
  bool ranAtLeastOne = false;
  while (immediate) {
    if (!ranAtLeastOne) {
      ranAtLeastOne = true;
    } else if (hasTickWork()) {
      ImmediatePtr cur(immediate);  // survives a clearImmediate in the ticks
      env.runNextTicks();
      if (env.stopping()) return;
      if (immediate->destroyed) {
        // Cleared while ticks ran: continue from the previous one's successor.
        immediate = prev ? prev->idleNext : nullptr;
        outstandingQueue.head = immediate;
        continue;
      }
    }
    immediate->destroyed = true;
    --immediateCount;
    if (immediate->refed_) --immediateRefCount;
    immediate->refed_ = false;
    immediate->queued = false;
    prevKeep = ImmediatePtr::adopt(immediate);  // the queue's reference, through its call
    prev = immediate;
    try {
      immediate->onImmediate();  // clearImmediate() of a destroyed immediate does nothing
    } catch (...) {
      threw = true;
      env.handleException(std::current_exception());
    }
    immediate->onImmediate.reset();  // release what the callback captured
    outstandingQueue.head = immediate = immediate->idleNext;
    if (threw || env.stopping()) return;
  }
  if (&queue == &outstandingQueue) outstandingQueue.head = nullptr;
  outstandingQueue.tail = nullptr;
  immediateHasOutstanding = false;
}

void Environment::Impl::onCheck(uv_check_t* h) {
  auto* env = static_cast<Environment*>(h->data);
  Impl& I = *env->impl_;
  if (I.immediateCount == 0 || !env->canCallIntoUser()) return;
  // Node's RunAndClearNativeImmediates closes a callback scope first: ticks and microtasks
  // left queued by a throw run before the first immediate.
  if (env->callbackDepth_ == 0) {
    env->runNextTicks();
    if (I.immediateCount == 0 || !env->canCallIntoUser()) return;
  }
  do {
    bool threw = false;
    ++env->callbackDepth_;
    I.processImmediate(threw);
    if (--env->callbackDepth_ == 0 && !threw && env->canCallIntoUser()) env->runNextTicks();
  } while (I.immediateHasOutstanding && env->canCallIntoUser());
  if (I.immediateRefCount == 0) I.toggleImmediateRef(false);
}

// ---- public functions
// -----------------------------------------------------------------------------------

namespace detail {
TimeoutPtr scheduleTimeout(TimeoutTask cb, double after, bool repeat) {
  Environment& env = Environment::require();
  Timeout* raw = PoolAllocator<Timeout>().allocate(1);
  try {
    ::new (static_cast<void*>(raw)) Timeout(env, std::move(cb), after, repeat);
  } catch (...) {
    PoolAllocator<Timeout>().deallocate(raw, 1);
    throw;
  }
  TimeoutPtr t(raw);
  env.impl().insert(raw, raw->idleTimeout, env.impl().getNow());  // the list's reference
  return t;
}

ImmediatePtr scheduleImmediate(TimerTask cb) {
  Environment& env = Environment::require();
  Immediate* raw = PoolAllocator<Immediate>().allocate(1);
  try {
    ::new (static_cast<void*>(raw)) Immediate(env, std::move(cb));
  } catch (...) {
    PoolAllocator<Immediate>().deallocate(raw, 1);
    throw;
  }
  raw->refs = 1;  // the queue's
  raw->queued = true;
  ImmediatePtr i(raw);
  Environment::Impl& I = env.impl();
  i->refed_ = true;  // i->ref(), knowing the Environment is live
  if (I.immediateRefCount++ == 0) I.toggleImmediateRef(true);
  ++I.immediateCount;
  I.immediateQueue.append(i.get());
  return i;
}
}  // namespace detail

void clearTimeout(const TimeoutPtr& t) {
  if (!t || !t->hasCallback) return;
  Environment* env = liveEnv(t->envId);
  if (!env) return;
  auto keep = t;
  t->hasCallback = false;
  if (!t->running) t->onTimeout.reset();
  env->impl().unenroll(t.get());
}

void clearImmediate(const ImmediatePtr& i) {
  if (!i || i->destroyed) return;
  Environment* env = liveEnv(i->envId);
  if (!env) return;
  Environment::Impl& I = env->impl();
  auto keep = i;
  --I.immediateCount;
  i->destroyed = true;
  if (i->refed_ && --I.immediateRefCount == 0) I.toggleImmediateRef(false);
  i->refed_ = false;
  i->onImmediate.reset();
  I.immediateQueue.remove(i.get());
  if (i->queued) {
    i->queued = false;
    ImmediatePtr::adopt(i.get()).reset();  // the queue's reference (`keep` holds another)
  }
}

namespace timers::promises {
Promise<void> setTimeout(double delay) {
  Promise<void> p;
  nodecc::setTimeout([p] { p.resolve(); }, delay);
  return p;
}
Promise<void> setImmediate() {
  Promise<void> p;
  nodecc::setImmediate([p] { p.resolve(); });
  return p;
}
}  // namespace timers::promises

}  // namespace nodecc
