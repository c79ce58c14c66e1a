// nodecc/events.h — Node's EventEmitter.
//
// Same semantics as Node's `events` module: many listeners per event,
// on/once/prepend*/off/removeAllListeners/listenerCount/eventNames/
// listeners/rawListeners/setMaxListeners, 'newListener' before insertion,
// 'removeListener' after removal, listeners run over a snapshot taken when
// emit() starts, 'error' without a listener throws, the max-listeners warning.
//
// Typed listeners. A listener is any callable with explicit parameter types
// (not `auto`). An event carries the decayed types of the arguments passed to
// emit() (a string literal is carried as std::string). A listener may take a
// prefix of those arguments, by value, `const&` or `&` — as a JS function may
// ignore trailing arguments. A listener whose parameters do not match fails
// with a TypeError (code ERR_INVALID_ARG_TYPE) naming the event and both
// signatures: at registration for events a class declares (net.Socket's
// 'data' carries `Buffer`, …), otherwise at the first emit.
//
// Differences from Node: JS compares listener functions by identity; in C++
// wrap a callable once with `makeListener()` and pass that same `Listener` to
// on() and off(). `on()` returns the emitter for chaining.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/pool.h"
#include "nodecc/promise.h"
#include "nodecc/util.h"

namespace nodecc {

class EventEmitter;

namespace detail {

/// The decayed argument types of an event or a listener.
struct SigInfo {
  const std::type_info* const* types;
  std::size_t arity;
  std::string describe() const;  // "(nodecc::Buffer, bool)"
};

template <class... A>
struct SigOf {
  static constexpr const std::type_info* types[sizeof...(A) + 1] = {&typeid(A)..., nullptr};
  static constexpr SigInfo info{types, sizeof...(A)};
};

template <class T>
struct FnTraits : FnTraits<decltype(&std::decay_t<T>::operator())> {};
template <class R, class... P>
struct FnTraits<R (*)(P...)> {
  using Params = std::tuple<P...>;
};
template <class R, class... P>
struct FnTraits<R(P...)> {
  using Params = std::tuple<P...>;
};
template <class C, class R, class... P>
struct FnTraits<R (C::*)(P...)> {
  using Params = std::tuple<P...>;
};
template <class C, class R, class... P>
struct FnTraits<R (C::*)(P...) const> {
  using Params = std::tuple<P...>;
};
template <class C, class R, class... P>
struct FnTraits<R (C::*)(P...) noexcept> {
  using Params = std::tuple<P...>;
};
template <class C, class R, class... P>
struct FnTraits<R (C::*)(P...) const noexcept> {
  using Params = std::tuple<P...>;
};

template <class T, class = void>
struct HasCallOperator : std::false_type {};
template <class T>
struct HasCallOperator<T, std::void_t<decltype(&T::operator())>> : std::true_type {};

/// A type-erased listener with a known parameter signature.
class ListenerImpl {
 public:
  explicit ListenerImpl(const SigInfo* params) : params_(params) {}
  virtual ~ListenerImpl() = default;
  /// argv[i] points at the i-th argument; when emit() calls, argv[-1] is the emitting
  /// EventEmitter (what a JS listener sees as `this`; see ThisListener).
  virtual void invoke(void* const* argv) = 0;
  const SigInfo* params() const noexcept { return params_; }
  /// True when this listener can take the event's arguments (cached).
  bool accepts(const SigInfo* event) noexcept {
    if (event == lastAccepted_) return true;
    if (params_->arity > event->arity) return false;
    for (std::size_t i = 0; i < params_->arity; ++i)
      if (*params_->types[i] != *event->types[i]) return false;
    lastAccepted_ = event;
    return true;
  }

 private:
  const SigInfo* params_;
  const SigInfo* lastAccepted_ = nullptr;
};

template <class F, class Tuple>
class ListenerOf;
template <class F, class... P>
class ListenerOf<F, std::tuple<P...>> final : public ListenerImpl {
  static_assert((!std::is_rvalue_reference_v<P> && ...),
                "nodecc: listener parameters must be values, const& or & (not &&)");

 public:
  template <class G>
  explicit ListenerOf(G&& g)
      : ListenerImpl(&SigOf<std::decay_t<P>...>::info), f_(std::forward<G>(g)) {}
  void invoke(void* const* argv) override { call(argv, std::index_sequence_for<P...>{}); }

 private:
  template <std::size_t... I>
  void call(void* const* argv, std::index_sequence<I...>) {
    f_(*static_cast<std::decay_t<P>*>(argv[I])...);
  }
  F f_;
};

/// A listener taking no arguments that calls `F(emitter)` on the emitter that emits: one
/// object serves every emitter, as a JS function that reads `this` does (Node's
/// onReadableStreamEnd). Only emit() may call it (it reads argv[-1]).
template <void (*F)(EventEmitter&)>
class ThisListener final : public ListenerImpl {
 public:
  ThisListener() : ListenerImpl(&SigOf<>::info) {}
  void invoke(void* const* argv) override { F(*static_cast<EventEmitter*>(argv[-1])); }
};

template <class A>
decltype(auto) normalizeArg(A&& a) {
  using D = std::decay_t<A>;
  if constexpr (std::is_same_v<D, const char*> || std::is_same_v<D, char*>)
    return std::string(a);
  else
    return std::forward<A>(a);
}

template <class A>
using NormalizedT = std::conditional_t<std::is_same_v<std::decay_t<A>, const char*> ||
                                           std::is_same_v<std::decay_t<A>, char*>,
                                       std::string, std::decay_t<A>>;

}  // namespace detail

/// A listener with identity (JS function identity): pass the same Listener to on() and off().
using Listener = std::shared_ptr<detail::ListenerImpl>;

/// Wraps a callable as a Listener.
template <class F>
Listener makeListener(F&& f) {
  using D = std::decay_t<F>;
  if constexpr (std::is_same_v<D, Listener>) {
    return f;
  } else {
    static_assert(std::is_pointer_v<D> || std::is_function_v<std::remove_pointer_t<D>> ||
                      detail::HasCallOperator<D>::value,
                  "nodecc: a listener must be a callable with explicit parameter types (a "
                  "generic lambda with `auto` parameters cannot be typed)");
    using Params = typename detail::FnTraits<D>::Params;
    // From the small-object pool: a connection's listeners are a dozen of these.
    return std::allocate_shared<detail::ListenerOf<D, Params>>(
        detail::PoolAllocator<detail::ListenerOf<D, Params>>(), std::forward<F>(f));
  }
}

/// Node's EventEmitter.
///
/// An emitter made on a thread with an Environment is known to it until destroyed: when
/// the Environment ends, every emitter still alive drops its listeners (and a socket or
/// server its handle and self-reference) without user code, so cycles made by listeners
/// that capture their emitter are freed (Node's garbage collector does that for JS).
/// Destroy an emitter on the thread that made it.
class EventEmitter : public std::enable_shared_from_this<EventEmitter>,
                     private Environment::ResourceEntry {
 public:
  /// `EventEmitter.defaultMaxListeners` (10).
  static std::atomic<int> defaultMaxListeners;

  EventEmitter() { Environment::trackResource(this); }
  EventEmitter(const EventEmitter&) = delete;
  EventEmitter& operator=(const EventEmitter&) = delete;
  virtual ~EventEmitter();

  /// `emitter.on(event, listener)` / `addListener`.
  template <class F>
  EventEmitter& on(std::string_view event, F&& listener) {
    return add(event, makeListener(std::forward<F>(listener)), false, false);
  }
  template <class F>
  EventEmitter& addListener(std::string_view event, F&& listener) {
    return on(event, std::forward<F>(listener));
  }
  /// `emitter.once(event, listener)`.
  template <class F>
  EventEmitter& once(std::string_view event, F&& listener) {
    return add(event, makeListener(std::forward<F>(listener)), true, false);
  }
  /// `emitter.prependListener(event, listener)`.
  template <class F>
  EventEmitter& prependListener(std::string_view event, F&& listener) {
    return add(event, makeListener(std::forward<F>(listener)), false, true);
  }
  /// `emitter.prependOnceListener(event, listener)`.
  template <class F>
  EventEmitter& prependOnceListener(std::string_view event, F&& listener) {
    return add(event, makeListener(std::forward<F>(listener)), true, true);
  }
  /// `emitter.off(event, listener)` / `removeListener`: removes the most recently added match.
  EventEmitter& off(std::string_view event, const Listener& listener);
  EventEmitter& removeListener(std::string_view event, const Listener& listener) {
    return off(event, listener);
  }
  /// `emitter.removeAllListeners([event])`.
  EventEmitter& removeAllListeners();
  EventEmitter& removeAllListeners(std::string_view event);
  /// `emitter.setMaxListeners(n)`; 0 means unlimited.
  EventEmitter& setMaxListeners(int n);
  int getMaxListeners() const noexcept;
  /// `emitter.listenerCount(event)`.
  std::size_t listenerCount(std::string_view event) const noexcept;
  /// `emitter.eventNames()` in insertion order.
  std::vector<std::string> eventNames() const;
  /// `emitter.listeners(event)`: the listeners (once wrappers unwrapped).
  std::vector<Listener> listeners(std::string_view event) const;
  /// `emitter.rawListeners(event)`: same Listener objects; `isOnceListener()` tells the once ones.
  std::vector<Listener> rawListeners(std::string_view event) const { return listeners(event); }
  /// True when the i-th raw listener of `event` was added with once().
  bool isOnceListener(std::string_view event, std::size_t i) const noexcept;

  /// `emitter.emit(event, ...args)`: synchronously calls each listener; returns whether
  /// the event had listeners. 'error' without a listener throws the Error (or
  /// ERR_UNHANDLED_ERROR for a non-Error argument).
  template <class... A>
  bool emit(std::string_view event, A&&... args) {
    return emitNormalized(event, detail::normalizeArg(std::forward<A>(args))...);
  }

  /// The class name Node would print (`[Socket]`, `[EventEmitter]`); defaults to the
  /// demangled dynamic type name.
  virtual std::string className() const;

 protected:
  /// Classes declare the argument types of their events so that a wrong listener fails
  /// at registration: return `&detail::SigOf<Args...>::info` or nullptr (undeclared).
  virtual const detail::SigInfo* declaredSignature(std::string_view event) const;
  /// Called after a listener for `event` was added (Node code does this with an
  /// internal 'newListener' listener: process signals, IPC channels, ports).
  virtual void listenerAdded(std::string_view event);
  /// Called after a listener for `event` was removed.
  virtual void listenerRemoved(std::string_view event);
  /// Called at the end of removeAllListeners(event) (`event` set) or removeAllListeners()
  /// (nullopt), whether or not anything was removed: where Node code overrides
  /// removeAllListeners (Readable).
  virtual void allListenersRemoved(std::optional<std::string_view> event);
  /// Adds `l` (a ThisListener, the same object for every emitter) as the only listener of
  /// `event`, which has none yet. Every emitter of this thread that did the same for this
  /// `event` and `l` shares one listener array (copied on the first change, as any array
  /// an emit holds), so the listener costs this emitter one event entry and nothing more:
  /// a socket's own 'end' listener on an idle connection.
  void addSharedListener(std::string_view event, const Listener& l);
  /// True during the listenerRemoved() calls of a removeAllListeners that drops listeners
  /// without announcing them (Node deletes them without calling removeListener).
  bool bulkRemoval() const noexcept { return bulkRemoval_; }
  /// The common event names a stream constructor presets (Node's Readable, Writable and
  /// Duplex set `this._events` before EventEmitter.init, which puts the emitter in
  /// "shape mode", events.js kShapeMode).
  enum class PresetEvents : std::uint8_t {
    kNone = 0,
    kReadable = 1,  ///< close, error, data, end, readable
    kWritable = 2,  ///< close, error, prefinish, finish, drain
    kDuplex = 3,    ///< close, error, prefinish, finish, drain, data, end, readable
  };
  /// Starts shape mode with `kind`'s preset names (before any listener is added), as
  /// Node's stream constructors do. In shape mode, removing an event's only listener keeps
  /// its key in place and emits no 'removeListener'; eventNames() lists the preset names
  /// first, in their order; removeAllListeners() when no 'removeListener' listener exists
  /// ends shape mode (and deletes the keys it empties).
  void presetEvents(PresetEvents kind) noexcept;
  /// Drops every listener at once, with no 'removeListener' events and no
  /// listenerRemoved() or allListenersRemoved() calls. For Environment teardown, and for
  /// the library's release of an emitter that has emitted 'close' and will emit nothing
  /// more (a socket, a request, a response): Node keeps those listeners, but none can run
  /// again, and dropping them breaks the cycles of listeners that capture the emitter.
  /// Unlike removeAllListeners(), nothing observable happens (a user 'removeListener'
  /// listener is not called, a 'readable' listener's removal schedules nothing).
  void dropListeners() noexcept;
  /// Environment teardown (no user code may run): drops the listeners and returns a
  /// strong reference to this emitter when it is shared-owned. Subclasses that hold a
  /// handle or a self-reference let go of them too, then call this.
  std::shared_ptr<void> releaseForTeardown() override;

 private:
  struct Entry {
    Listener fn;
    bool once;
  };
  // The tables, arrays and their vectors come from the small-object pool (a connection
  // makes and drops a dozen of them).
  template <class T>
  using PoolVector = detail::PoolVector<T>;
  struct ListenerArray : detail::Pooled {
    int refs = 1;
    bool hasOnce = false;                      // some entry was added with once()
    const detail::SigInfo* checked = nullptr;  // every entry accepts this signature
    PoolVector<Entry> entries;
  };
  struct Event {
    std::string name;
    ListenerArray* arr;
    bool warned = false;
  };
  // The emitter's events, shared copy-on-write (as the listener arrays are) between the
  // emitters of a thread that hold the same listeners by addSharedListener: an idle
  // socket's table costs it nothing. Null while there are no events.
  struct EventTable : detail::Pooled {
    int refs = 1;
    PoolVector<Event> events;
  };
  static void releaseTable(EventTable* t) noexcept;
  // The table this emitter may change: made, or copied when shared.
  EventTable& ownTable();
  // Holds a reference to a listener array for the duration of an emit.
  class Snapshot {
   public:
    explicit Snapshot(ListenerArray* a) : a_(a) { ++a_->refs; }
    ~Snapshot() {
      if (--a_->refs == 0) delete a_;
    }
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
    ListenerArray* get() const { return a_; }

   private:
    ListenerArray* a_;
  };

  EventEmitter& add(std::string_view event, Listener l, bool once, bool prepend);
  Event* find(std::string_view event) noexcept {
    if (!table_) return nullptr;
    for (auto& e : table_->events)
      if (sameName(e.name, event)) return &e;
    return nullptr;
  }
  // Event names are short: two overlapping word loads beat a call to memcmp.
  static bool sameName(const std::string& a, std::string_view b) noexcept {
    const std::size_t n = b.size();
    if (a.size() != n) return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n >= 8 && n <= 16)
      return load<std::uint64_t>(p) == load<std::uint64_t>(q) &&
             load<std::uint64_t>(p + n - 8) == load<std::uint64_t>(q + n - 8);
    if (n >= 4 && n < 8)
      return load<std::uint32_t>(p) == load<std::uint32_t>(q) &&
             load<std::uint32_t>(p + n - 4) == load<std::uint32_t>(q + n - 4);
    if (n > 16) return std::memcmp(p, q, n) == 0;
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }
  template <class W>
  static W load(const char* p) noexcept {
    W w;
    std::memcpy(&w, p, sizeof w);
    return w;
  }
  const Event* find(std::string_view event) const noexcept {
    return const_cast<EventEmitter*>(this)->find(event);
  }
  static ListenerArray* mutableArray(Event& e);
  void eraseEvent(std::string_view name);
  void checkListener(std::string_view event, const Listener& l) const;
  [[noreturn]] static void throwMismatch(std::string_view event, const detail::SigInfo* listener,
                                         const detail::SigInfo* carried);
  [[noreturn]] static void throwUnhandled(std::string inspected);
  bool emitTyped(std::string_view event, const detail::SigInfo* sig, void* const* argv);
  /// The event names in Reflect.ownKeys order (array indices, strings, then errorMonitor):
  /// with `withEmpty`, also the keys Node keeps without listeners (preset names whose key
  /// was never deleted, events emptied in shape mode).
  std::vector<std::string> ownKeys(bool withEmpty = false) const;
  // Shape mode: the index of `name` among the preset names still in place, or -1.
  int presetSlot(std::string_view name) const noexcept;
  // Whether some event has listeners (Node's _eventsCount > 0).
  bool hasListeners() const noexcept;
  // Node's `delete events[type]`: the event's entry goes, and a preset name's place too;
  // with no event left, resetKeys() (Node resets _events when _eventsCount reaches 0).
  void deleteKey(std::string_view name);
  // Node's `this._events = { __proto__: null }`: empty entries and preset places go (the
  // caller has removed the listeners).
  void resetKeys() noexcept;
  void emitFromOnce(std::string_view event, const detail::SigInfo* sig, void* const* argv,
                    const Entry* entries, std::size_t i, std::size_t n);
  void removeAllOf(std::string_view event);
  void removeEntry(std::string_view event, const Listener& fn, bool emitRemoved,
                   bool onlyOnce = false);

  template <class... A>
  bool emitNormalized(std::string_view event, A&&... args) {
    using Sig = detail::SigOf<std::decay_t<A>...>;
    // slots[0] is the emitter (argv[-1], `this` for a ThisListener).
    void* slots[sizeof...(A) + 2] = {
        static_cast<void*>(this),
        const_cast<void*>(static_cast<const void*>(std::addressof(args)))..., nullptr};
    void* const* argv = slots + 1;
    if (event.size() == 5 && event == "error") {
      if (const Event* mon = find(kErrorMonitorName); mon && !mon->arr->entries.empty())
        emitTyped(kErrorMonitorName, &Sig::info, argv);
      if (listenerCount("error") == 0) {
        if constexpr (sizeof...(A) >= 1) {
          using First = std::decay_t<std::tuple_element_t<0, std::tuple<A...>>>;
          const auto& first = std::get<0>(std::forward_as_tuple(args...));
          if constexpr (std::is_same_v<First, Error>)
            throw first;
          else
            throwUnhandled(util::inspectOrName(first));
        } else {
          throwUnhandled("undefined");
        }
      }
    }
    return emitChecked(event, &Sig::info, argv);
  }
  // emit's common case, inline: every listener of the event already took this signature
  // and none is a once-listener. Anything else goes to emitTyped.
  bool emitChecked(std::string_view event, const detail::SigInfo* sig, void* const* argv) {
    Event* e = find(event);
    if (!e) return false;
    ListenerArray* arr = e->arr;
    if (arr->checked != sig) return emitTyped(event, sig, argv);
    Snapshot snap(arr);  // changes during the calls copy the array first
    for (const Entry& en : arr->entries) en.fn->invoke(argv);
    return true;
  }

  EventTable* table_ = nullptr;
  int maxListeners_ = -1;  // -1: use defaultMaxListeners
  // Set when a 'newListener' / 'removeListener' event entry is made, cleared when it is
  // erased: add() and removal skip looking them up on the (usual) emitters without them.
  bool mayHaveNewListener_ = false;
  bool mayHaveRemoveListener_ = false;
  bool bulkRemoval_ = false;
  bool shapeMode_ = false;  // Node's kShapeMode (presetEvents() until it ends)
  PresetEvents preset_ = PresetEvents::kNone;
  std::uint8_t presetGone_ = 0;  // bit i: the i-th preset name's key was deleted

 public:
  /// `events.errorMonitor`: listeners for this name see 'error' events before the
  /// regular listeners, without counting as handlers.
  static constexpr std::string_view kErrorMonitorName{
      "\x01"
      "errorMonitor",
      13};
};

/// Node's `events` module functions.
namespace events {
inline constexpr std::string_view errorMonitor = EventEmitter::kErrorMonitorName;

/// `events.once(emitter, name)`: a Promise of the event's arguments as a tuple;
/// rejects if 'error' is emitted first. The argument types must be given:
/// `co_await events::once<Buffer>(socket, "data")`.
template <class... A>
Promise<std::tuple<A...>> once(EventEmitter& emitter, std::string_view name) {
  Promise<std::tuple<A...>> p;
  // The listeners find each other through weak_ptrs: the emitter owns both while they
  // are registered; strong captures both ways would be a cycle that is never freed.
  struct Peers {
    bool done = false;
    std::weak_ptr<detail::ListenerImpl> ok, err;
  };
  auto peers = std::make_shared<Peers>();
  Listener okL = makeListener([p, peers, &emitter](const std::decay_t<A>&... a) {
    if (peers->done) return;
    peers->done = true;
    if (auto errL = peers->err.lock()) emitter.off("error", errL);
    p.resolve(std::tuple<A...>(a...));
  });
  peers->ok = okL;
  if (name != "error") {
    Listener errL = makeListener([p, peers, ev = std::string(name), &emitter](const Error& e) {
      if (peers->done) return;
      peers->done = true;
      if (auto okL = peers->ok.lock()) emitter.off(ev, okL);
      p.reject(e);
    });
    peers->err = errL;
    emitter.once("error", errL);
  }
  emitter.once(name, okL);
  return p;
}
template <class... A, class E, std::enable_if_t<std::is_base_of_v<EventEmitter, E>, int> = 0>
Promise<std::tuple<A...>> once(const std::shared_ptr<E>& emitter, std::string_view name) {
  return once<A...>(static_cast<EventEmitter&>(*emitter), name);
}
/// `events.getEventListeners(emitter, name)`.
inline std::vector<Listener> getEventListeners(const EventEmitter& e, std::string_view name) {
  return e.listeners(name);
}
}  // namespace events

/// Re-declares the EventEmitter methods in a subclass so that chaining keeps the
/// subclass type (`server->on(...).listen(...)` works). Use inside the class body.
#define NODECC_EMITTER_METHODS(Self)                                      \
  template <class F>                                                      \
  Self& on(std::string_view e, F&& f) {                                   \
    ::nodecc::EventEmitter::on(e, std::forward<F>(f));                    \
    return *this;                                                         \
  }                                                                       \
  template <class F>                                                      \
  Self& addListener(std::string_view e, F&& f) {                          \
    ::nodecc::EventEmitter::on(e, std::forward<F>(f));                    \
    return *this;                                                         \
  }                                                                       \
  template <class F>                                                      \
  Self& once(std::string_view e, F&& f) {                                 \
    ::nodecc::EventEmitter::once(e, std::forward<F>(f));                  \
    return *this;                                                         \
  }                                                                       \
  template <class F>                                                      \
  Self& prependListener(std::string_view e, F&& f) {                      \
    ::nodecc::EventEmitter::prependListener(e, std::forward<F>(f));       \
    return *this;                                                         \
  }                                                                       \
  template <class F>                                                      \
  Self& prependOnceListener(std::string_view e, F&& f) {                  \
    ::nodecc::EventEmitter::prependOnceListener(e, std::forward<F>(f));   \
    return *this;                                                         \
  }                                                                       \
  Self& off(std::string_view e, const ::nodecc::Listener& l) {            \
    ::nodecc::EventEmitter::off(e, l);                                    \
    return *this;                                                         \
  }                                                                       \
  Self& removeListener(std::string_view e, const ::nodecc::Listener& l) { \
    ::nodecc::EventEmitter::off(e, l);                                    \
    return *this;                                                         \
  }                                                                       \
  Self& removeAllListeners() {                                            \
    ::nodecc::EventEmitter::removeAllListeners();                         \
    return *this;                                                         \
  }                                                                       \
  Self& removeAllListeners(std::string_view e) {                          \
    ::nodecc::EventEmitter::removeAllListeners(e);                        \
    return *this;                                                         \
  }                                                                       \
  Self& setMaxListeners(int n) {                                          \
    ::nodecc::EventEmitter::setMaxListeners(n);                           \
    return *this;                                                         \
  }

}  // namespace nodecc
