// worker_threads: Worker, MessagePort, MessageChannel, BroadcastChannel, structured
// clone (Node's lib/internal/worker.js, lib/internal/worker/io.js and the message
// serialisation of src/node_messaging.cc).
#include "nodecc/worker_threads.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "bindings/message_port.h"
#include "bindings/worker_thread.h"
#include "nodecc/console.h"
#include "nodecc/process.h"

namespace nodecc::worker_threads {

using bindings::MessagePortData;
using bindings::MessagePortWrap;
using bindings::PortMessage;
using bindings::SiblingGroup;

namespace {

// How long an ending Environment waits for each of its workers to stop.
constexpr std::chrono::milliseconds kTeardownGrace{1000};

std::atomic<int> gNextThreadId{1};

Error dataCloneError(std::string message) {
  Error e(std::move(message));
  e.name = "DataCloneError";
  e.info = Object{{"code", 25}};
  return e;
}

Error invalidTransferObject() {
  return errors::typeError("ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList");
}

Error missingTransferable() {
  return errors::typeError(
      "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
      "Object that needs transfer was found in message but not listed in transferList");
}

// ---- structured clone ------------------------------------------------------------------

// Node's Message::Serialize: the transfer list is checked, then the value is cloned;
// only when both succeeded are the listed Buffers detached and the ports moved.
class Serializer {
 public:
  Serializer(const TransferList* list, const MessagePort* source) : list_(list), source_(source) {}

  PortMessage run(const Value& value);

 private:
  void checkList();
  void scan(const Value& v);
  void fix(Value& v);
  bool listed(const detail::BufferStorage* s) const {
    return std::find(stores_.begin(), stores_.end(), s) != stores_.end();
  }

  // A place in the clone that receives a moved Buffer or port once the transfer is done.
  struct PendingBuffer {
    Value* slot;
    detail::BufferStorage* store;
    std::size_t offset, length;
  };
  struct PendingPort {
    Value* slot;
    const MessagePort* port;
  };

  const TransferList* list_;
  const MessagePort* source_;
  std::vector<detail::BufferStorage*> stores_;                       // Buffers to move
  std::vector<MessagePortPtr> ports_;                                // ports to move
  std::unordered_map<const detail::BufferStorage*, Buffer> copies_;  // store → its copy
  std::vector<PendingBuffer> pendingBuffers_;
  std::vector<PendingPort> pendingPorts_;
};

}  // namespace

// Module-internal access to MessagePort's private parts.
struct PortAccess {
  static MessagePortPtr adopt(Environment& env, std::shared_ptr<MessagePortData> data);
  static std::shared_ptr<MessagePortData> detachForTransfer(MessagePort& p);
  static bool detached(const MessagePort& p) { return !p.wrap_ || p.closing_; }
  static void setSink(MessagePort& p, std::function<void(Value&)> sink) {
    p.sink_ = std::move(sink);
  }
  static void setClosedHook(MessagePort& p, std::function<void()> hook) {
    p.closedHook_ = std::move(hook);
  }
  static void drain(MessagePort& p) { p.processMessages(true); }
  static void stopReceiving(MessagePort& p) { p.stopReceiving(); }
  static Value receiveSync(MessagePort& p);
};

namespace {

PortMessage Serializer::run(const Value& value) {
  bool transfers = list_ && !list_->empty();
  if (transfers) {
    checkList();
    scan(value);  // every error is thrown before anything is transferred
  }
  PortMessage out;
  out.value = value;  // a deep copy of the containers; Buffers and ports are fixed below
  fix(out.value);
  if (!transfers) return out;
  // Everything can be cloned: now the transfers happen.
  std::unordered_map<const detail::BufferStorage*, Buffer> moved;
  for (detail::BufferStorage* s : stores_)
    moved.emplace(s, Buffer::view(s, 0, s->size).detachStorage());
  for (const PendingBuffer& p : pendingBuffers_) {
    // (A Buffer that was already detached moves as an empty one, as in Node.)
    *p.slot = Value(Buffer::view(moved[p.store].storage(), p.offset, p.length));
  }
  std::vector<std::pair<const MessagePort*, std::shared_ptr<MessagePortData>>> data;
  for (const MessagePortPtr& p : ports_) {
    data.emplace_back(p.get(), PortAccess::detachForTransfer(*p));
    out.ports.push_back(data.back().second);
  }
  for (const PendingPort& p : pendingPorts_) {
    for (auto& [port, d] : data) {
      if (port == p.port) *p.slot = Value(HostObject{d, std::string(bindings::kPortInTransit)});
    }
  }
  return out;
}

void Serializer::checkList() {
  for (const Transferable& t : *list_) {
    if (const Buffer* b = t.buffer()) {
      detail::BufferStorage* s = b->storage();
      if (!s) continue;
      if (s->shared) throw invalidTransferObject();
      if (listed(s)) throw dataCloneError("Transfer list contains duplicate ArrayBuffer");
      if (s->untransferable) continue;  // Node 20: copied instead of moved
      stores_.push_back(s);
    } else {
      const MessagePortPtr& p = *t.port();
      if (!p) throw invalidTransferObject();
      if (p.get() == source_) throw dataCloneError("Transfer list contains source port");
      if (PortAccess::detached(*p))
        throw dataCloneError("MessagePort in transfer list is already detached");
      if (std::find(ports_.begin(), ports_.end(), p) != ports_.end())
        throw dataCloneError("Transfer list contains duplicate MessagePort");
      ports_.push_back(p);
    }
  }
}

// Finds every error fix() would throw, before anything is transferred.
void Serializer::scan(const Value& v) {
  switch (v.type()) {
    case Value::Type::Array:
      for (const Value& e : v.asArray()) scan(e);
      return;
    case Value::Type::Object:
      for (const auto& [k, e] : v.asObject()) scan(e);
      return;
    case Value::Type::Buffer: {
      const Buffer& b = v.asBuffer();
      if (b.detached() && !listed(b.storage()))
        throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
      return;
    }
    case Value::Type::Host: {
      if (MessagePortPtr p = v.host<MessagePort>()) {
        // Node's WriteHostObject asks the transfer mode first: a detached (or closing) port
        // can be neither cloned nor transferred.
        if (PortAccess::detached(*p))
          throw dataCloneError("Cannot transfer object of unsupported type.");
        if (std::find(ports_.begin(), ports_.end(), p) == ports_.end()) throw missingTransferable();
        return;
      }
      throw dataCloneError(v.asHost().type + " could not be cloned.");
    }
    default:
      return;
  }
}

void Serializer::fix(Value& v) {
  switch (v.type()) {
    case Value::Type::Array:
      for (Value& e : v.asArray()) fix(e);
      return;
    case Value::Type::Object:
      for (auto& [k, e] : v.asObject()) fix(e);
      return;
    case Value::Type::Buffer: {
      const Buffer& b = v.asBuffer();
      detail::BufferStorage* s = b.storage();
      if (!s || s->shared) return;  // a SharedArrayBuffer: the same memory on both sides
      if (listed(s)) {
        pendingBuffers_.push_back(PendingBuffer{&v, s, b.byteOffset(), b.length()});
        return;
      }
      auto it = copies_.find(s);
      if (it == copies_.end()) {
        if (b.detached())
          throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
        // As in Node, a copy brings the view's whole backing store (its ArrayBuffer).
        it = copies_.emplace(s, Buffer::copyOf(s->data, s->size)).first;
      }
      v = Value(Buffer::view(it->second.storage(), b.byteOffset(), b.length()));
      return;
    }
    case Value::Type::Host: {
      MessagePortPtr p = v.host<MessagePort>();
      if (!p) throw dataCloneError(v.asHost().type + " could not be cloned.");
      if (PortAccess::detached(*p))
        throw dataCloneError("Cannot transfer object of unsupported type.");
      if (std::find(ports_.begin(), ports_.end(), p) == ports_.end()) throw missingTransferable();
      pendingPorts_.push_back(PendingPort{&v, p.get()});
      return;
    }
    default:
      return;
  }
}

// A clone for one more receiver of a BroadcastChannel message (no ports in there).
Value cloneValue(const Value& v) { return Serializer(nullptr, nullptr).run(v).value; }

// Replaces the ports in transit of a received message by MessagePorts of this thread.
Value deserialize(PortMessage& m, Environment& env) {
  if (m.ports.empty()) return std::move(m.value);
  std::vector<std::pair<const MessagePortData*, MessagePortPtr>> made;
  std::function<void(Value&)> walk = [&](Value& v) {
    switch (v.type()) {
      case Value::Type::Array:
        for (Value& e : v.asArray()) walk(e);
        return;
      case Value::Type::Object:
        for (auto& [k, e] : v.asObject()) walk(e);
        return;
      case Value::Type::Host: {
        const HostObject& h = v.asHost();
        if (h.type != bindings::kPortInTransit) return;
        auto data = std::static_pointer_cast<MessagePortData>(h.ptr);
        MessagePortPtr port;
        for (auto& [d, p] : made)
          if (d == data.get()) port = p;
        if (!port) {
          port = PortAccess::adopt(env, data);
          made.emplace_back(data.get(), port);
        }
        v = Value(port);
        return;
      }
      default:
        return;
    }
  };
  walk(m.value);
  return std::move(m.value);
}

void postInternal(const std::shared_ptr<MessagePortData>& data, Value v) {
  PortMessage m;
  m.value = std::move(v);
  data->post(std::move(m), nullptr, nullptr);
}

// ---- errors across threads -------------------------------------------------------------

Value errorToValue(const Error& e) {
  Object o{{"name", e.name},       {"message", e.message},
           {"code", e.code},       {"codeInName", e.codeInName},
           {"syscall", e.syscall}, {"address", e.address},
           {"path", e.path},       {"dest", e.dest}};
  if (e.errnum) o["errnum"] = *e.errnum;
  if (e.port) o["port"] = *e.port;
  o["info"] = cloneValue(e.info);
  return o;
}

Error errorFromValue(const Value& v) {
  Error e(v["message"].isString() ? v["message"].asString() : std::string());
  if (v["name"].isString()) e.name = v["name"].asString();
  if (v["code"].isString()) e.code = v["code"].asString();
  if (v["codeInName"].isBoolean()) e.codeInName = v["codeInName"].asBoolean();
  if (v["syscall"].isString()) e.syscall = v["syscall"].asString();
  if (v["address"].isString()) e.address = v["address"].asString();
  if (v["path"].isString()) e.path = v["path"].asString();
  if (v["dest"].isString()) e.dest = v["dest"].asString();
  if (v["errnum"].isNumber()) e.errnum = static_cast<int>(v["errnum"].asNumber());
  if (v["port"].isNumber()) e.port = static_cast<int>(v["port"].asNumber());
  e.info = v["info"];
  return e;
}

// ---- registered scripts and per-thread state ------------------------------------------------

struct Registry {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::function<void()>>> scripts;
};
Registry& registry() {
  static auto* r = new Registry;  // never destroyed: detached workers may outlive main()
  return *r;
}

std::string scriptKey(std::string_view name) {
  auto slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  for (std::string_view ext : {".js", ".mjs", ".cjs"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  return std::string(name);
}

std::function<void()> findScript(std::string_view filename) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto& [name, fn] : r.scripts)
    if (name == filename) return fn;
  std::string key = scriptKey(filename);
  for (auto& [name, fn] : r.scripts)
    if (scriptKey(name) == key) return fn;
  return nullptr;
}

struct ThreadState {
  std::uint64_t envId = 0;
  Value workerData = nullptr;
  MessagePortPtr parentPort;
  Value limits = Object{};
  std::vector<std::pair<Value, Value>> environmentData;
  std::vector<Worker*> running;
};
thread_local ThreadState tlState;

void onEnvironmentTeardown(std::uint64_t envId);

// This thread's state for the current Environment (reset when another one starts).
ThreadState& state() {
  Environment& env = Environment::require();
  if (tlState.envId != env.id()) {
    tlState = ThreadState{};
    tlState.envId = env.id();
    std::uint64_t id = env.id();
    env.addCleanupHook([id] { onEnvironmentTeardown(id); });
  }
  return tlState;
}

}  // namespace

// Node: an ending Environment stops its workers (Worker::Exit + join in node_worker.cc).
struct WorkerAccess {
  static void teardown(std::vector<Worker*> running) {
    for (Worker* w : running) w->thread_->stop(1);
    auto deadline = std::chrono::steady_clock::now() + kTeardownGrace;
    for (Worker* w : running) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (!w->thread_->joinFor(std::max(left, std::chrono::milliseconds(0)))) {
        console::detail::writeErr(
            "nodecc: worker " + std::to_string(w->threadId_) +
            " did not return to its event loop after terminate() (C++ code cannot be "
            "interrupted); it is left running detached\n");
      }
    }
    for (Worker* w : running) w->disposeAtTeardown();
  }
};

namespace {
void onEnvironmentTeardown(std::uint64_t envId) {
  if (tlState.envId != envId) return;
  WorkerAccess::teardown(tlState.running);
  tlState = ThreadState{};
}
}  // namespace

// ---- MessagePort ---------------------------------------------------------------------

MessagePort::MessagePort(Environment& env) : env_(&env), envId_(env.id()) {}

MessagePort::~MessagePort() {
  // Dropped while open and unref'd (Node would garbage-collect it): close quietly.
  if (wrap_) {
    wrap_->setCloseCallback({});
    if (!wrap_->isClosing()) wrap_->close();
  }
}

MessagePortPtr PortAccess::adopt(Environment& env, std::shared_ptr<MessagePortData> data) {
  MessagePortPtr p(new MessagePort(env));
  MessagePort* raw = p.get();
  std::weak_ptr<MessagePort> weak = p;
  p->wrap_ = MessagePortWrap::create(env, std::move(data), [raw] { raw->onSignal(); });
  p->wrap_->setCloseCallback([weak] {
    if (MessagePortPtr port = weak.lock()) port->onHandleClosed();
  });
  // Node's setupPortReferencing: unref'd until there is a 'message' listener.
  p->wrap_->unref();
  return p;
}

std::shared_ptr<MessagePortData> PortAccess::detachForTransfer(MessagePort& p) {
  auto keep = std::static_pointer_cast<MessagePort>(p.shared_from_this());
  std::shared_ptr<MessagePortData> data = p.wrap_->detach();
  p.closing_ = true;
  p.receiving_ = false;
  p.wrap_->close();  // 'close' is emitted on this object, as in Node
  p.updateSelfRef();
  return data;
}

Value PortAccess::receiveSync(MessagePort& p) {
  if (!p.wrap_) return undefined;
  auto keep = std::static_pointer_cast<MessagePort>(p.shared_from_this());
  PortMessage m;
  switch (p.wrap_->receive(m, true)) {
    case MessagePortWrap::Received::kNone:
      return undefined;
    case MessagePortWrap::Received::kClose:
      p.close();
      return undefined;
    case MessagePortWrap::Received::kMessage:
      break;
  }
  return Object{{"message", deserialize(m, *p.env_)}};
}

const detail::SigInfo* MessagePort::declaredSignature(std::string_view event) const {
  if (event == "message") return &detail::SigOf<Value>::info;
  if (event == "messageerror") return &detail::SigOf<Error>::info;
  if (event == "close") return &detail::SigOf<>::info;
  return nullptr;
}

void MessagePort::listenerAdded(std::string_view event) {
  if (event == "message" && listenerCount("message") == 1) {
    ref();
    start();
  }
}

void MessagePort::listenerRemoved(std::string_view event) {
  if (event == "message" && listenerCount("message") == 0) {
    stopReceiving();
    unref();
  }
}

void MessagePort::postMessage(const Value& value, const TransferList& transferList) {
  PortMessage msg = Serializer(&transferList, this).run(value);
  // A closed or transferred port drops the message (it was still checked, as in Node).
  if (!wrap_ || closing_ || !wrap_->data()) return;
  std::string warning;
  wrap_->data()->post(std::move(msg), &cloneValue, &warning);
  if (!warning.empty()) process::emitWarning(warning);
}

void MessagePort::start() {
  if (!wrap_ || closing_) return;
  receiving_ = true;
  wrap_->triggerAsync();
}

void MessagePort::stopReceiving() { receiving_ = false; }

void MessagePort::close() {
  if (!wrap_ || closing_) return;
  closing_ = true;
  receiving_ = false;
  wrap_->close();
  updateSelfRef();  // alive until the close callback has emitted 'close'
}

MessagePort& MessagePort::ref() {
  setRef(true);
  return *this;
}

MessagePort& MessagePort::unref() {
  setRef(false);
  return *this;
}

bool MessagePort::hasRef() const noexcept { return wrap_ && !closing_ && refed_; }

bool MessagePort::active() const noexcept { return wrap_ && !closing_; }

void MessagePort::setRef(bool ref) {
  refed_ = ref;
  if (wrap_ && !closing_) {
    if (ref)
      wrap_->ref();
    else
      wrap_->unref();
  }
  updateSelfRef();
}

void MessagePort::updateSelfRef() {
  bool keep = wrap_ && (closing_ || refed_);
  if (keep && !self_)
    self_ = std::static_pointer_cast<MessagePort>(shared_from_this());
  else if (!keep)
    self_.reset();
}

void MessagePort::onSignal() { processMessages(false); }

// Node's MessagePort::OnMessage.
void MessagePort::processMessages(bool force) {
  if (!wrap_ || closing_) return;
  auto keep = std::static_pointer_cast<MessagePort>(shared_from_this());
  // At most what is queued now (and at least 1000) per turn, so a flood of
  // messages cannot starve the loop.
  std::size_t limit = force ? std::numeric_limits<std::size_t>::max()
                            : std::max<std::size_t>(wrap_->pending(), 1000);
  while (wrap_ && !closing_) {
    if (limit-- == 0) {
      wrap_->triggerAsync();
      return;
    }
    PortMessage m;
    MessagePortWrap::Received r = wrap_->receive(m, receiving_ || force);
    if (r == MessagePortWrap::Received::kNone) return;
    if (r == MessagePortWrap::Received::kClose) {
      close();
      return;
    }
    if (!env_->canCallIntoUser()) continue;  // the Environment is ending: drop
    Value v = deserialize(m, *env_);
    bool threw = false;
    env_->makeCallback([&] {
      try {
        if (sink_)
          sink_(v);
        else
          emit("message", v);
      } catch (...) {
        threw = true;
        throw;
      }
    });
    if (threw) {
      // As Node: the rest waits for the next turn of the loop.
      if (wrap_ && !closing_) wrap_->triggerAsync();
      return;
    }
  }
}

void MessagePort::onHandleClosed() {
  auto keep = std::static_pointer_cast<MessagePort>(shared_from_this());
  wrap_ = nullptr;
  closing_ = true;
  receiving_ = false;
  env_->makeCallback([this] { emit("close"); });
  if (closedHook_) {
    auto hook = std::move(closedHook_);
    hook();
  }
  sink_ = nullptr;
  removeAllListeners();
  self_.reset();
}

MessageChannel::MessageChannel() {
  Environment& env = Environment::require();
  auto a = std::make_shared<MessagePortData>();
  auto b = std::make_shared<MessagePortData>();
  MessagePortData::entangle(a, b);
  port1 = PortAccess::adopt(env, std::move(a));
  port2 = PortAccess::adopt(env, std::move(b));
}

Value receiveMessageOnPort(const MessagePortPtr& port) {
  if (!port) {
    throw errors::typeError("ERR_INVALID_ARG_TYPE",
                            "The \"port\" argument must be a MessagePort instance");
  }
  return PortAccess::receiveSync(*port);
}

// ---- BroadcastChannel ------------------------------------------------------------------

BroadcastChannelPtr BroadcastChannel::create(std::string name) {
  Environment& env = Environment::require();
  BroadcastChannelPtr bc(new BroadcastChannel(std::move(name)));
  auto data = std::make_shared<MessagePortData>();
  data->joinGroup(SiblingGroup::named(bc->name_));
  bc->port_ = PortAccess::adopt(env, std::move(data));
  std::weak_ptr<BroadcastChannel> weak = bc;
  PortAccess::setSink(*bc->port_, [weak](Value& v) {
    if (BroadcastChannelPtr b = weak.lock()) b->emit("message", v);
  });
  PortAccess::setClosedHook(*bc->port_, [weak] {
    if (BroadcastChannelPtr b = weak.lock()) {
      b->port_.reset();
      b->removeAllListeners();
      b->self_.reset();
    }
  });
  bc->port_->start();
  bc->ref();  // Node: the handle has a 'message' listener from the start
  return bc;
}

BroadcastChannel::~BroadcastChannel() = default;

const detail::SigInfo* BroadcastChannel::declaredSignature(std::string_view event) const {
  if (event == "message") return &detail::SigOf<Value>::info;
  if (event == "messageerror") return &detail::SigOf<Error>::info;
  return nullptr;
}

void BroadcastChannel::postMessage(const Value& message) {
  if (!port_) {
    Error e("BroadcastChannel is closed.");
    e.name = "InvalidStateError";
    e.info = Object{{"code", 11}};
    throw e;
  }
  port_->postMessage(message);
}

void BroadcastChannel::close() {
  if (!port_) return;
  auto keep = std::static_pointer_cast<BroadcastChannel>(shared_from_this());
  port_->close();
  port_.reset();
  self_.reset();
}

BroadcastChannel& BroadcastChannel::ref() {
  if (port_) {
    port_->ref();
    self_ = std::static_pointer_cast<BroadcastChannel>(shared_from_this());
  }
  return *this;
}

BroadcastChannel& BroadcastChannel::unref() {
  if (port_) {
    port_->unref();
    self_.reset();
  }
  return *this;
}

// ---- WorkerStdio ---------------------------------------------------------------------

void WorkerStdio::afterClose() {
  // The Worker owns its stdio: a listener capturing the Worker would otherwise keep both.
  removeAllListeners();
}

namespace {
// The parent's end of an uncaptured worker stdio stream: this thread's fd 1 / fd 2 (or, in a
// nested worker, its own parent, through the same sink).
void pipeToOwnOutput(WorkerStdio& from, int fd) {
  stream::Writable::Options wo;
  wo.write = [fd](stream::Writable&, Buffer chunk, stream::Callback cb) {
    std::string text(chunk.view());
    if (fd == 1)
      console::detail::writeOut(std::move(text));
    else
      console::detail::writeErr(std::move(text));
    cb(std::nullopt);
  };
  from.pipe(std::make_shared<stream::Writable>(std::move(wo)));
}
}  // namespace

// ---- Worker --------------------------------------------------------------------------

struct WorkerStart {
  struct StartSpec {
    std::string filename;  // the worker's process.argv[1]
    Task script;
  };
  static WorkerPtr start(StartSpec spec, WorkerOptions& o);
};
using StartSpec = WorkerStart::StartSpec;

WorkerPtr Worker::create(Task script, WorkerOptions options) {
  Environment::require();
  const auto& argv = process::argv();
  std::string filename = argv.size() > 1 ? argv[1] : argv[0];
  return WorkerStart::start(StartSpec{std::move(filename), std::move(script)}, options);
}

WorkerPtr Worker::create(std::string_view filename, WorkerOptions options) {
  Environment::require();
  std::function<void()> fn = findScript(filename);
  Task script;
  if (fn) {
    script = Task([fn = std::move(fn)] { fn(); });
  } else {
    script = Task([name = std::string(filename)] {
      // What Node reports for a worker file that does not exist.
      throw Error("Cannot find module '" + name + "'", "MODULE_NOT_FOUND");
    });
  }
  return WorkerStart::start(StartSpec{std::string(filename), std::move(script)}, options);
}

WorkerPtr WorkerStart::start(StartSpec spec, WorkerOptions& o) {
  Environment& env = Environment::require();
  ThreadState& st = state();
  WorkerPtr w(new Worker());
  w->threadId_ = gNextThreadId.fetch_add(1);

  const ResourceLimits& rl = o.resourceLimits;
  double stackMb = std::max(rl.stackSizeMb.value_or(4.0), 0.25);
  w->limits_ = Object{{"maxYoungGenerationSizeMb", rl.maxYoungGenerationSizeMb.value_or(0)},
                      {"maxOldGenerationSizeMb", rl.maxOldGenerationSizeMb.value_or(0)},
                      {"codeRangeSizeMb", rl.codeRangeSizeMb.value_or(0)},
                      {"stackSizeMb", stackMb}};

  // Two channels, as Node's: the internal one (kPort: 'online', uncaught errors,
  // captured stdio) and the public one (worker.postMessage ↔ parentPort).
  auto internalParent = std::make_shared<MessagePortData>();
  auto internalChild = std::make_shared<MessagePortData>();
  MessagePortData::entangle(internalParent, internalChild);
  auto publicParent = std::make_shared<MessagePortData>();
  auto publicChild = std::make_shared<MessagePortData>();
  MessagePortData::entangle(publicParent, publicChild);

  std::weak_ptr<Worker> weak = w;
  w->internalPort_ = PortAccess::adopt(env, internalParent);
  PortAccess::setSink(*w->internalPort_, [weak](Value& m) {
    if (WorkerPtr self = weak.lock()) self->onInternalMessage(m);
  });
  w->internalPort_->start();
  w->publicPort_ = PortAccess::adopt(env, publicParent);
  PortAccess::setSink(*w->publicPort_, [weak](Value& m) {
    WorkerPtr self = weak.lock();
    if (!self) return;
    // The worker posts 'upAndRunning' before its script runs: deliver it first, as Node's
    // loop runs the internal port (made first) before the public one.
    if (!self->online_ && self->internalPort_) PortAccess::drain(*self->internalPort_);
    self->emit("message", m);
  });
  w->publicPort_->start();  // ref'd only while the Worker has 'message' listeners

  // workerData travels like Node's LOAD_SCRIPT message on the internal port.
  PortMessage data = Serializer(&o.transferList, w->internalPort_.get()).run(o.workerData);
  std::vector<std::pair<Value, Value>> envData;
  for (const auto& [k, v] : st.environmentData) envData.emplace_back(cloneValue(k), cloneValue(v));

  EnvironmentOptions eo;
  eo.argv = {process::execPath(), spec.filename};
  eo.argv.insert(eo.argv.end(), o.argv.begin(), o.argv.end());
  eo.execArgv = o.execArgv ? *o.execArgv : process::execArgv();
  eo.isMainThread = false;
  eo.threadId = w->threadId_;
  if (std::holds_alternative<std::monostate>(o.env)) {
    eo.envCopy = process::env.entries();
  } else if (auto* m = std::get_if<std::map<std::string, std::string>>(&o.env)) {
    eo.envCopy.emplace(m->begin(), m->end());
  }
  eo.onFatalException = [internalChild](const Error& e) {
    // Node's worker fatalException: the parent emits the error as 'error'.
    Value msg;
    try {
      msg = Object{{"type", "errorMessage"}, {"error", errorToValue(e)}};
    } catch (const Error&) {
      msg = Object{{"type", "couldNotSerializeError"}};
    }
    postInternal(internalChild, std::move(msg));
  };
  // The worker's console output always travels to this thread on the internal port (Node's
  // stdioPayload), in order with the worker's other messages and before its 'exit'.
  eo.stdioSink = [internalChild](int fd, std::string_view d) {
    postInternal(internalChild, Object{{"type", "stdioPayload"},
                                       {"stream", fd == 1 ? "stdout" : "stderr"},
                                       {"chunk", Buffer::copyOf(d.data(), d.size())}});
  };
  w->stdout_ = std::make_shared<WorkerStdio>();
  w->stderr_ = std::make_shared<WorkerStdio>();
  // Not captured (stdout/stderr: false): piped into this thread's own output, as Node's
  // pipeWithoutWarning(stdout, process.stdout) (a 'data' listener still sees every chunk).
  if (!o.stdout) pipeToOwnOutput(*w->stdout_, 1);
  if (!o.stderr) pipeToOwnOutput(*w->stderr_, 2);

  // What runs on the new thread, inside its Environment.
  auto body = [script = std::move(spec.script), data = std::move(data),
               envData = std::move(envData), publicChild, internalChild,
               limits = w->limits_](Environment& cenv) mutable -> int {
    ThreadState& cs = state();
    cs.workerData = deserialize(data, cenv);
    cs.parentPort = PortAccess::adopt(cenv, std::move(publicChild));
    cs.limits = std::move(limits);
    cs.environmentData = std::move(envData);
    return cenv.run([&] {
      postInternal(internalChild, Object{{"type", "upAndRunning"}});
      script();
    });
  };
  auto onExit = [weak, &env](int code) {
    if (WorkerPtr self = weak.lock()) env.makeCallback([&] { self->onExit(code); });
  };
  w->thread_ = bindings::WorkerThread::start(env, std::move(eo),
                                             static_cast<std::size_t>(stackMb * 1024 * 1024),
                                             o.name, std::move(body), std::move(onExit));
  w->self_ = w;
  st.running.push_back(w.get());
  // Node: process.emit('worker', worker) on the next tick.
  env.nextTick([&env, w] { env.process().emit("worker", w); });
  return w;
}

Worker::~Worker() = default;

const detail::SigInfo* Worker::declaredSignature(std::string_view event) const {
  if (event == "message") return &detail::SigOf<Value>::info;
  if (event == "messageerror" || event == "error") return &detail::SigOf<Error>::info;
  if (event == "exit") return &detail::SigOf<int>::info;
  if (event == "online") return &detail::SigOf<>::info;
  return nullptr;
}

void Worker::listenerAdded(std::string_view event) {
  // Node: setupPortReferencing(publicPort, worker, 'message').
  if (event == "message" && listenerCount("message") == 1 && publicPort_ && !exited_) {
    publicPort_->ref();
    publicPort_->start();
  }
}

void Worker::listenerRemoved(std::string_view event) {
  if (event == "message" && listenerCount("message") == 0 && publicPort_ && !exited_) {
    PortAccess::stopReceiving(*publicPort_);
    publicPort_->unref();
  }
}

void Worker::onInternalMessage(Value& msg) {
  const Value& type = msg["type"];
  if (!type.isString()) return;
  const std::string& t = type.asString();
  if (t == "upAndRunning") {
    online_ = true;
    emit("online");
  } else if (t == "errorMessage") {
    emit("error", errorFromValue(msg["error"]));
  } else if (t == "couldNotSerializeError") {
    emit("error", errors::error("ERR_WORKER_UNSERIALIZABLE_ERROR",
                                "Serializing an uncaught exception failed"));
  } else if (t == "stdioPayload") {
    const std::shared_ptr<WorkerStdio>& s =
        msg["stream"].toString() == "stdout" ? stdout_ : stderr_;
    if (msg["chunk"].isBuffer()) s->push(msg["chunk"].asBuffer());  // Node: push(chunk)
  }
}

// Node's Worker[kOnExit].
void Worker::onExit(int code) {
  WorkerPtr keep = self_;
  ThreadState& st = state();
  st.running.erase(std::remove(st.running.begin(), st.running.end(), this), st.running.end());
  exitCode_ = code;
  // Every message the worker sent is emitted before 'exit'.
  if (publicPort_) PortAccess::drain(*publicPort_);
  if (internalPort_) PortAccess::drain(*internalPort_);
  removeAllListeners("message");
  exited_ = true;
  for (MessagePortPtr* p : {&publicPort_, &internalPort_}) {
    if (*p) {
      (*p)->unref();
      (*p)->close();
      p->reset();
    }
  }
  // Node's kDispose: each stdio stream not ended yet gets push(null) before 'exit'.
  for (WorkerStdio* s : {stdout_.get(), stderr_.get()}) {
    if (!s->readableEnded()) s->push(nullptr);
  }
  emit("exit", code);
  removeAllListeners();
  self_.reset();
}

void Worker::disposeAtTeardown() {
  WorkerPtr keep = self_;
  exited_ = true;
  removeAllListeners();
  publicPort_.reset();
  internalPort_.reset();
  self_.reset();
}

void Worker::postMessage(const Value& value, const TransferList& transferList) {
  if (exited_ || !publicPort_) return;
  publicPort_->postMessage(value, transferList);
}

Promise<int> Worker::terminate() {
  ref();
  if (exited_ || !thread_) return Promise<int>::resolved(exitCode_);
  thread_->stop(1);
  Promise<int> p;
  once("exit", [p](int code) { p.resolve(code); });
  return p;
}

Worker& Worker::ref() {
  if (exited_) return *this;
  thread_->ref();
  if (publicPort_) publicPort_->ref();
  return *this;
}

Worker& Worker::unref() {
  if (exited_) return *this;
  thread_->unref();
  if (publicPort_) publicPort_->unref();
  return *this;
}

Value Worker::resourceLimits() const { return exited_ ? Value(Object{}) : limits_; }

// ---- module functions ----------------------------------------------------------------------

void registerWorker(std::string name, std::function<void()> script) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto& [n, fn] : r.scripts) {
    if (n == name) {
      fn = std::move(script);
      return;
    }
  }
  r.scripts.emplace_back(std::move(name), std::move(script));
}

bool isMainThread() { return Environment::require().isMainThread(); }

int threadId() { return Environment::require().options().threadId; }

MessagePortPtr parentPort() { return state().parentPort; }

const Value& workerData() { return state().workerData; }

Value resourceLimits() { return state().limits; }

void setEnvironmentData(const Value& key, const Value& value) {
  auto& data = state().environmentData;
  auto it = std::find_if(data.begin(), data.end(), [&](const auto& e) { return e.first == key; });
  if (value.isUndefined()) {
    if (it != data.end()) data.erase(it);
  } else if (it != data.end()) {
    it->second = value;
  } else {
    data.emplace_back(key, value);
  }
}

Value getEnvironmentData(const Value& key) {
  for (const auto& [k, v] : state().environmentData)
    if (k == key) return v;
  return undefined;
}

void markAsUntransferable(const Buffer& buffer) {
  if (buffer.storage()) buffer.storage()->untransferable = true;
}

}  // namespace nodecc::worker_threads

namespace nodecc::util {
std::string Inspector<worker_threads::MessagePort>::inspect(const worker_threads::MessagePort& p,
                                                            InspectContext&, int) {
  if (!p.active()) return "MessagePort { active: false }";
  return std::string("MessagePort { active: true, refed: ") + (p.hasRef() ? "true" : "false") +
         " }";
}
std::string Inspector<worker_threads::BroadcastChannel>::inspect(
    const worker_threads::BroadcastChannel& b, InspectContext&, int) {
  return "BroadcastChannel { name: " + detail::quoteString(b.name()) +
         ", active: " + (b.active() ? "true" : "false") + " }";
}
std::string Inspector<worker_threads::Worker>::inspect(const worker_threads::Worker& w,
                                                       InspectContext&, int) {
  return "Worker { threadId: " + std::to_string(w.threadId()) + " }";
}
}  // namespace nodecc::util
