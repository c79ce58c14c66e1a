// EventEmitter (Node's lib/events.js semantics).
#include "nodecc/events.h"

#include <algorithm>
#include <span>

#include "nodecc/process.h"
#include "nodecc/util.h"

namespace nodecc {

std::atomic<int> EventEmitter::defaultMaxListeners{10};

namespace detail {
std::string SigInfo::describe() const {
  std::string s = "(";
  for (std::size_t i = 0; i < arity; ++i) {
    if (i) s += ", ";
    s += util::typeName(*types[i]);
  }
  return s + ")";
}
}  // namespace detail

EventEmitter::~EventEmitter() { releaseTable(table_); }

void EventEmitter::releaseTable(EventTable* t) noexcept {
  if (!t || --t->refs > 0) return;
  for (auto& e : t->events) {
    if (--e.arr->refs == 0) delete e.arr;
  }
  delete t;
}

EventEmitter::EventTable& EventEmitter::ownTable() {
  if (!table_) {
    table_ = new EventTable;
    // Room for a few events at once: a socket gains five or more as it is set up, and
    // growing one slot at a time reallocated at 1, 2 and 4.
    table_->events.reserve(4);
  } else if (table_->refs > 1) {
    auto* copy = new EventTable;
    copy->events = table_->events;
    for (auto& e : copy->events) ++e.arr->refs;
    --table_->refs;
    table_ = copy;
  }
  return *table_;
}

std::shared_ptr<void> EventEmitter::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  dropListeners();
  return keep;
}

void EventEmitter::dropListeners() noexcept {
  EventTable* old = table_;
  table_ = nullptr;
  mayHaveNewListener_ = mayHaveRemoveListener_ = false;
  releaseTable(old);
}

std::string EventEmitter::className() const {
  std::string n = util::typeName(typeid(*this));
  // Keep the unqualified class name, as JS prints constructor names.
  auto tpl = n.find('<');
  std::string head = tpl == std::string::npos ? n : n.substr(0, tpl);
  auto colon = head.rfind("::");
  return colon == std::string::npos ? head : head.substr(colon + 2);
}

const detail::SigInfo* EventEmitter::declaredSignature(std::string_view) const { return nullptr; }
void EventEmitter::listenerAdded(std::string_view) {}
void EventEmitter::listenerRemoved(std::string_view) {}
void EventEmitter::allListenersRemoved(std::optional<std::string_view>) {}

EventEmitter::ListenerArray* EventEmitter::mutableArray(Event& e) {
  if (e.arr->refs > 1) {
    // An emit is iterating the current array: copy on write.
    auto* copy = new ListenerArray;
    copy->entries = e.arr->entries;
    copy->hasOnce = e.arr->hasOnce;
    --e.arr->refs;
    e.arr = copy;
  }
  e.arr->checked = nullptr;  // the caller changes the entries
  return e.arr;
}

void EventEmitter::throwMismatch(std::string_view event, const detail::SigInfo* listener,
                                 const detail::SigInfo* carried) {
  throw errors::typeError(
      "ERR_INVALID_ARG_TYPE",
      "The \"listener\" argument for event '" + std::string(event) + "' must take " +
          (listener->arity > carried->arity
               ? "at most " + std::to_string(carried->arity) + " argument(s) " + carried->describe()
               : carried->describe() + " or a prefix of it") +
          ". Received a listener taking " + listener->describe());
}

void EventEmitter::throwUnhandled(std::string inspected) {
  throw errors::error("ERR_UNHANDLED_ERROR", "Unhandled error. (" + inspected + ")");
}

namespace {
// once(): Node's onceWrapper. Each once() gets its own wrapper, so the entry that fires is
// the one removed (the same function may be added several times), and `fired` is shared
// by every snapshot that holds the entry: a nested emit cannot run it twice.
class OnceWrapper final : public detail::ListenerImpl {
 public:
  explicit OnceWrapper(Listener inner) : ListenerImpl(inner->params()), inner(std::move(inner)) {}
  void invoke(void* const* argv) override { inner->invoke(argv); }
  Listener inner;
  bool fired = false;
};
const Listener& unwrap(const Listener& fn, bool once) {
  return once ? static_cast<const OnceWrapper*>(fn.get())->inner : fn;
}
// The display name Node gives an event key (errorMonitor is a Symbol).
std::string displayName(std::string_view name) {
  return name == EventEmitter::kErrorMonitorName ? "Symbol(events.errorMonitor)"
                                                 : std::string(name);
}
// An array index as a property key: canonical decimal below 2^32 - 1 (those keys come first
// in Reflect.ownKeys, in numeric order).
bool arrayIndex(std::string_view s, std::uint64_t* value) {
  if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0')) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v >= 4294967295ULL) return false;
  *value = v;
  return true;
}
}  // namespace

namespace {
// The names each stream constructor presets in `this._events`, in Node's order.
constexpr std::string_view kReadablePreset[] = {"close", "error", "data", "end", "readable"};
constexpr std::string_view kWritablePreset[] = {"close", "error", "prefinish", "finish", "drain"};
constexpr std::string_view kDuplexPreset[] = {"close", "error", "prefinish", "finish",
                                              "drain", "data",  "end",       "readable"};
// Indexed by EventEmitter::PresetEvents.
constexpr std::span<const std::string_view> kPresets[] = {
    {}, kReadablePreset, kWritablePreset, kDuplexPreset};
}  // namespace

void EventEmitter::presetEvents(PresetEvents kind) noexcept {
  preset_ = kind;
  presetGone_ = 0;
  shapeMode_ = kind != PresetEvents::kNone;
}

int EventEmitter::presetSlot(std::string_view name) const noexcept {
  if (preset_ == PresetEvents::kNone) return -1;
  auto names = kPresets[static_cast<std::size_t>(preset_)];
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return (presetGone_ >> i) & 1 ? -1 : static_cast<int>(i);
  return -1;
}

bool EventEmitter::hasListeners() const noexcept {
  if (table_)
    for (const auto& e : table_->events)
      if (!e.arr->entries.empty()) return true;
  return false;
}

void EventEmitter::deleteKey(std::string_view name) {
  if (int slot = presetSlot(name); slot >= 0) presetGone_ |= static_cast<std::uint8_t>(1 << slot);
  eraseEvent(name);
  if (!hasListeners()) resetKeys();  // _eventsCount reached 0
}

void EventEmitter::resetKeys() noexcept {
  presetGone_ = 0xff;
  auto empty = [](const Event& e) { return e.arr->entries.empty(); };
  if (!table_ || std::none_of(table_->events.begin(), table_->events.end(), empty)) return;
  EventTable& table = ownTable();
  std::erase_if(table.events, [](const Event& e) {
    if (!e.arr->entries.empty()) return false;
    if (--e.arr->refs == 0) delete e.arr;
    return true;
  });
  mayHaveNewListener_ = mayHaveNewListener_ && find("newListener");
  mayHaveRemoveListener_ = mayHaveRemoveListener_ && find("removeListener");
}

std::vector<std::string> EventEmitter::ownKeys(bool withEmpty) const {
  // Reflect.ownKeys order: array indices ascending, then strings in insertion order (the
  // preset names still in place first, as the stream constructors made them), then
  // symbols.
  std::vector<std::pair<std::uint64_t, std::string>> indices;
  std::vector<std::string> out;
  bool monitor = false;
  auto preset = kPresets[static_cast<std::size_t>(preset_)];
  for (std::size_t i = 0; i < preset.size(); ++i) {
    if ((presetGone_ >> i) & 1) continue;
    const Event* e = find(preset[i]);
    if (withEmpty || (e && !e->arr->entries.empty())) out.emplace_back(preset[i]);
  }
  const PoolVector<Event> none;
  for (const auto& e : table_ ? table_->events : none) {
    if ((!withEmpty && e.arr->entries.empty()) || presetSlot(e.name) >= 0) continue;
    std::uint64_t v;
    if (e.name == kErrorMonitorName)
      monitor = true;
    else if (arrayIndex(e.name, &v))
      indices.emplace_back(v, e.name);
    else
      out.push_back(e.name);
  }
  std::sort(indices.begin(), indices.end());
  std::vector<std::string> keys;
  keys.reserve(indices.size() + out.size() + 1);
  for (auto& [v, n] : indices) keys.push_back(std::move(n));
  for (auto& n : out) keys.push_back(std::move(n));
  if (monitor) keys.emplace_back(kErrorMonitorName);
  return keys;
}

void EventEmitter::checkListener(std::string_view event, const Listener& l) const {
  if (!l) throw errors::invalidArgType("listener", "of type function", "null");
  if (const detail::SigInfo* sig = declaredSignature(event)) {
    if (!l->accepts(sig)) throwMismatch(event, l->params(), sig);
  }
}

EventEmitter& EventEmitter::add(std::string_view event, Listener l, bool once, bool prepend) {
  checkListener(event, l);
  // 'newListener' is emitted before the listener is added (with the unwrapped listener).
  if (const Event* nl = mayHaveNewListener_ ? find("newListener") : nullptr;
      nl && !nl->arr->entries.empty()) {
    emit("newListener", std::string(event), l);
  }
  EventTable& table = ownTable();
  Event* e = find(event);
  if (!e) {
    table.events.push_back(Event{std::string(event), new ListenerArray, false});
    e = &table.events.back();
    if (event == "newListener") mayHaveNewListener_ = true;
    if (event == "removeListener") mayHaveRemoveListener_ = true;
  }
  ListenerArray* arr = mutableArray(*e);
  if (once)
    l = std::allocate_shared<OnceWrapper>(detail::PoolAllocator<OnceWrapper>(), std::move(l));
  if (prepend)
    arr->entries.insert(arr->entries.begin(), Entry{std::move(l), once});
  else
    arr->entries.push_back(Entry{std::move(l), once});
  arr->hasOnce = arr->hasOnce || once;
  int m = getMaxListeners();
  if (m > 0 && static_cast<int>(arr->entries.size()) > m && !e->warned) {
    e->warned = true;
    Error w("Possible EventEmitter memory leak detected. " + std::to_string(arr->entries.size()) +
            " " + displayName(event) + " listeners added to [" + className() +
            "]. MaxListeners is " + std::to_string(m) +
            ". Use emitter.setMaxListeners() to increase limit");
    w.name = "MaxListenersExceededWarning";
    // Node also sets warning.type and warning.count (and .emitter, which a Value cannot hold).
    w.info = Object{{"type", displayName(event)}, {"count", arr->entries.size()}};
    if (Environment::current()) process::emitWarning(std::move(w));
  }
  listenerAdded(event);
  return *this;
}

void EventEmitter::addSharedListener(std::string_view event, const Listener& l) {
  if (mayHaveNewListener_ || event == "newListener" || event == "removeListener" || find(event)) {
    add(event, l, false, false);
    return;
  }
  checkListener(event, l);
  // This thread's shared tables, one per (event, listener), each holding that one event.
  // The cache holds a reference to each; whoever drops the last one (the cache at thread
  // exit, or an emitter that outlives it) frees the table.
  struct Shared {
    std::string name;
    const detail::ListenerImpl* fn;
    EventTable* table;
  };
  struct Cache {
    std::vector<Shared> tables;
    ~Cache() {
      for (auto& s : tables) releaseTable(s.table);
    }
  };
  thread_local Cache cache;
  EventTable* shared = nullptr;
  for (auto& s : cache.tables)
    if (s.fn == l.get() && s.name == event) shared = s.table;
  if (!shared) {
    auto* arr = new ListenerArray;
    arr->entries.push_back(Entry{l, false});
    shared = new EventTable;
    shared->events.push_back(Event{std::string(event), arr, false});
    cache.tables.push_back(Shared{std::string(event), l.get(), shared});
  }
  if (!table_) {
    // The whole table is the shared one.
    ++shared->refs;
    table_ = shared;
  } else {
    // Other events first: a table of its own, sharing the one listener array.
    ListenerArray* arr = shared->events.front().arr;
    ++arr->refs;
    ownTable().events.push_back(Event{std::string(event), arr, false});
  }
  listenerAdded(event);
}

void EventEmitter::eraseEvent(std::string_view name) {
  if (name == "newListener") mayHaveNewListener_ = false;
  if (name == "removeListener") mayHaveRemoveListener_ = false;
  if (!find(name)) return;
  EventTable& table = ownTable();
  for (auto it = table.events.begin(); it != table.events.end(); ++it) {
    if (it->name == name) {
      if (--it->arr->refs == 0) delete it->arr;
      table.events.erase(it);  // an emptied table stays, as the vector's capacity did
      return;
    }
  }
}

void EventEmitter::removeEntry(std::string_view event, const Listener& fn, bool emitRemoved,
                               bool onlyOnce) {
  Event* e = find(event);
  if (!e) return;
  auto& entries = e->arr->entries;
  // Node removes the most recently added match: the listener itself, or a once wrapper
  // (given itself, or holding it).
  for (std::size_t i = entries.size(); i-- > 0;) {
    const bool once = entries[i].once;
    if ((entries[i].fn == fn || (once && unwrap(entries[i].fn, true) == fn)) &&
        (!onlyOnce || once)) {
      // A shared table is copied first (`entries` stays valid: the old array is still
      // referenced) and the event found again in the copy. The name is copied only then,
      // or when the event goes with its last listener: the usual removal, from a table of
      // the emitter's own that keeps the event, needs neither.
      std::string copy;
      std::string_view name = event;
      if (table_->refs > 1 || (entries.size() == 1 && !shapeMode_)) {
        copy.assign(event);
        name = copy;
      }
      if (table_->refs > 1) {
        ownTable();
        e = find(name);
      }
      ListenerArray* arr = mutableArray(*e);
      // Node announces the original listener when it was alone, else the argument it was
      // given (a once wrapper when a once listener fires).
      const bool wasAlone = arr->entries.size() == 1;
      Listener removed = std::move(arr->entries[i].fn);  // alive until the end of this call
      arr->entries.erase(arr->entries.begin() + static_cast<std::ptrdiff_t>(i));
      if (once) {
        arr->hasOnce = std::any_of(arr->entries.begin(), arr->entries.end(),
                                   [](const Entry& en) { return en.once; });
      }
      // Down to one listener, Node stores it bare: a later add makes a new, unwarned array.
      if (arr->entries.size() <= 1) e->warned = false;
      // The only listener gone: in shape mode Node keeps the key (`events[type] =
      // undefined`) and announces nothing; else it deletes the key.
      if (arr->entries.empty() && !shapeMode_) deleteKey(name);
      listenerRemoved(name);
      if (emitRemoved && !(wasAlone && shapeMode_)) {
        if (const Event* rl = mayHaveRemoveListener_ ? find("removeListener") : nullptr;
            rl && !rl->arr->entries.empty())
          emit("removeListener", std::string(name), wasAlone ? unwrap(removed, once) : fn);
      }
      return;
    }
  }
}

EventEmitter& EventEmitter::off(std::string_view event, const Listener& listener) {
  removeEntry(event, listener, true);
  return *this;
}

EventEmitter& EventEmitter::removeAllListeners(std::string_view event) {
  removeAllOf(event);
  allListenersRemoved(event);
  return *this;
}

void EventEmitter::removeAllOf(std::string_view event) {
  if (!hasListeners()) return;  // Node: nothing to remove, shape mode stays
  Event* e = find(event);
  const Event* rl = mayHaveRemoveListener_ ? find("removeListener") : nullptr;
  if (!rl || rl->arr->entries.empty()) {
    // Node deletes the key (or resets the table with the last event) and ends shape mode,
    // even when `event` had no listeners.
    shapeMode_ = false;
    if (!e || e->arr->entries.empty()) return;
    std::string name(event);
    deleteKey(name);
    bulkRemoval_ = true;
    listenerRemoved(name);
    bulkRemoval_ = false;
    return;
  }
  if (!e) return;
  // With 'removeListener' listeners: the listeners there now, last first, each removed
  // and announced (listeners added meanwhile stay).
  std::string name(event);
  std::vector<Listener> current;
  for (const Entry& en : e->arr->entries) current.push_back(en.fn);
  for (std::size_t i = current.size(); i-- > 0;) removeEntry(name, current[i], true);
}

EventEmitter& EventEmitter::removeAllListeners() {
  if (!hasListeners()) {  // Node returns at once (Readable's override still runs)
    allListenersRemoved(std::nullopt);
    return *this;
  }
  const Event* rl = mayHaveRemoveListener_ ? find("removeListener") : nullptr;
  if (rl && !rl->arr->entries.empty()) {
    // Every key but 'removeListener' first (those without listeners too), then
    // 'removeListener' itself, each through removeAllListeners(key) as Node calls it.
    for (const std::string& n : ownKeys(true))
      if (n != "removeListener") removeAllListeners(n);
    removeAllListeners("removeListener");
  }
  // Then nothing is left (Node resets _events, dropping what listeners added meanwhile).
  PoolVector<std::string> names;
  if (table_) {
    names.reserve(table_->events.size());
    for (auto& e : table_->events) names.push_back(e.name);
  }
  bulkRemoval_ = true;
  for (auto& n : names) {
    const Event* e = find(n);
    const bool had = e && !e->arr->entries.empty();
    eraseEvent(n);
    if (had) listenerRemoved(n);
  }
  bulkRemoval_ = false;
  resetKeys();
  shapeMode_ = false;
  allListenersRemoved(std::nullopt);
  return *this;
}

EventEmitter& EventEmitter::setMaxListeners(int n) {
  if (n < 0) throw errors::outOfRange("setMaxListeners", ">= 0", std::to_string(n));
  maxListeners_ = n;
  return *this;
}

int EventEmitter::getMaxListeners() const noexcept {
  return maxListeners_ < 0 ? defaultMaxListeners.load() : maxListeners_;
}

std::size_t EventEmitter::listenerCount(std::string_view event) const noexcept {
  const Event* e = find(event);
  return e ? e->arr->entries.size() : 0;
}

std::vector<std::string> EventEmitter::eventNames() const {
  std::vector<std::string> out = ownKeys();
  for (std::string& n : out) n = displayName(n);
  return out;
}

std::vector<Listener> EventEmitter::listeners(std::string_view event) const {
  std::vector<Listener> out;
  if (const Event* e = find(event))
    for (const auto& en : e->arr->entries) out.push_back(unwrap(en.fn, en.once));
  return out;
}

bool EventEmitter::isOnceListener(std::string_view event, std::size_t i) const noexcept {
  const Event* e = find(event);
  return e && i < e->arr->entries.size() && e->arr->entries[i].once;
}

bool EventEmitter::emitTyped(std::string_view event, const detail::SigInfo* sig,
                             void* const* argv) {
  Event* e = find(event);
  if (!e) return false;
  ListenerArray* arr = e->arr;
  const std::size_t n = arr->entries.size();
  if (n == 0) return false;
  // While the snapshot holds a reference, add/remove copy the array (mutableArray), so
  // `entries` and `n` stay valid through the listener calls.
  Snapshot snap(arr);
  const Entry* entries = arr->entries.data();
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& en = entries[i];
    detail::ListenerImpl* l = en.fn.get();
    if (!l->accepts(sig)) [[unlikely]]
      throwMismatch(event, l->params(), sig);
    if (en.once) [[unlikely]] {
      emitFromOnce(event, sig, argv, entries, i, n);
      return true;
    }
    l->invoke(argv);
  }
  // The array cannot have changed under the snapshot (changes copy it first): later
  // emits with this signature take emitChecked's inline loop.
  if (!arr->hasOnce) arr->checked = sig;
  return true;
}

// The rest of emitTyped from the first once-listener on (kept out of its loop).
void EventEmitter::emitFromOnce(std::string_view event, const detail::SigInfo* sig,
                                void* const* argv, const Entry* entries, std::size_t i,
                                std::size_t n) {
  // Removing the last listener erases the event, and `event` may view its name.
  const std::string name(event);
  for (; i < n; ++i) {
    const Entry& en = entries[i];
    if (!en.fn->accepts(sig)) throwMismatch(name, en.fn->params(), sig);
    if (en.once) {
      // The once wrapper removes itself (this very entry), then calls the listener, unless
      // it already fired in an emit nested in this one.
      auto* w = static_cast<OnceWrapper*>(en.fn.get());
      if (w->fired) continue;
      Listener keep = en.fn;
      removeEntry(name, keep, true, true);
      w->fired = true;
      keep->invoke(argv);
    } else {
      en.fn->invoke(argv);
    }
  }
}

}  // namespace nodecc
