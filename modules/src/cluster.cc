// cluster: lib/internal/cluster/{primary,child,round_robin_handle,shared_handle,worker,utils}.js
// over child_process.fork and its IPC channel; net's listenInCluster hook (net.h
// net::detail::setGetServerHook) sends a worker's listen() to the primary.
#include "nodecc/cluster.h"

#include <algorithm>
#include <deque>
#include <utility>

#include "bindings/tcp_wrap.h"
#include "nodecc/environment.h"
#include "nodecc/path.h"
#include "nodecc/process.h"
#include "nodecc/timers.h"

namespace nodecc::cluster {

using child_process::SendHandle;

struct Internal;

namespace {

constexpr double kTimeoutMax = 2147483647;

using ReplyCallback = std::function<void(const Value& message, const SendHandle& handle)>;

// One of the primary's listen handles (RoundRobinHandle or SharedHandle).
struct PrimaryHandle {
  virtual ~PrimaryHandle() = default;
  using Send = std::function<void(Value errnum, Object reply, net::SocketPtr handle)>;
  virtual void add(const WorkerPtr& worker, Send send) = 0;
  virtual bool remove(const WorkerPtr& worker) = 0;
  Value data;
};

class ChildHandle;

struct IndexSet {
  int nextIndex = 0;
  std::vector<int> set;
};

struct State : std::enable_shared_from_this<State> {
  Environment* env = nullptr;
  bool isWorker = false;
  std::shared_ptr<Cluster> emitter = std::make_shared<Cluster>();
  // utils.js
  std::map<std::int64_t, ReplyCallback> callbacks;
  std::int64_t seq = 0;
  // primary.js
  std::map<int, WorkerPtr> workers;
  // Node's cluster.settings object: setupPrimary() makes a new one, and 'setup' emits that
  // object itself on the next tick (changes made meanwhile show).
  std::shared_ptr<Settings> settings = std::make_shared<Settings>();
  int ids = 0;
  bool initialized = false;
  int policyProperty = SCHED_ROUND_ROBIN;  // cluster.schedulingPolicy
  int policy = SCHED_ROUND_ROBIN;          // frozen by the first setupPrimary()
  std::vector<std::pair<std::string, std::shared_ptr<PrimaryHandle>>> handles;
  std::vector<std::function<void()>> intercomDisconnect;
  // child.js
  WorkerPtr worker;
  std::vector<std::pair<std::string, ChildHandle*>> childHandles;
  std::map<std::string, IndexSet> indexes;

  std::shared_ptr<PrimaryHandle> findHandle(const std::string& key) {
    for (auto& [k, h] : handles)
      if (k == key) return h;
    return nullptr;
  }
  void eraseHandle(const std::string& key) {
    for (auto it = handles.begin(); it != handles.end(); ++it) {
      if (it->first == key) {
        handles.erase(it);
        return;
      }
    }
  }
  ChildHandle* findChildHandle(const std::string& key) {
    for (auto& [k, h] : childHandles)
      if (k == key) return h;
    return nullptr;
  }
  void eraseChildHandle(const std::string& key) {
    for (auto it = childHandles.begin(); it != childHandles.end(); ++it) {
      if (it->first == key) {
        childHandles.erase(it);
        return;
      }
    }
  }
};

thread_local std::shared_ptr<State> tlState;

void setupWorker(State& st);
bool getServer(const net::ServerPtr& server, const net::detail::ClusterQuery& query,
               net::detail::ClusterListenCallback cb);

// The net hook is installed whenever this file is linked (the program uses cluster).
[[maybe_unused]] const bool kHookInstalled = (net::detail::setGetServerHook(&getServer), true);

State* currentState() {
  Environment* e = Environment::current();
  if (!e) return nullptr;
  if (tlState && tlState->env == e) return tlState.get();
  auto st = std::make_shared<State>();
  st->env = e;
  // Only the main thread of a forked worker is a cluster worker (Node deletes NODE_UNIQUE_ID
  // at startup, so its worker threads never see it).
  st->isWorker = e->isMainThread() && process::env.has("NODE_UNIQUE_ID");
  std::optional<std::string> pol = process::env.get("NODE_CLUSTER_SCHED_POLICY");
  st->policyProperty = pol && *pol == "none" ? SCHED_NONE : SCHED_ROUND_ROBIN;
  tlState = st;
  e->addCleanupHook(Task([e] {
    if (tlState && tlState->env == e) {
      // Dropped without messages: the worker handles' owners are released at teardown.
      auto st = std::move(tlState);
      st->childHandles.clear();
      st->callbacks.clear();
      st->intercomDisconnect.clear();
    }
  }));
  if (st->isWorker) setupWorker(*st);
  return st.get();
}

State& clusterState() {
  State* s = currentState();
  if (!s) throw errors::error("ERR_INVALID_STATE", "cluster needs a running nodecc Environment");
  return *s;
}

[[noreturn]] void notAFunction(const char* what) {
  Error e(std::string(what) + " is not a function");
  e.name = "TypeError";
  throw e;
}

bool isCluster(const Value& message) {
  return message["cmd"].isString() && message["cmd"].asString() == "NODE_CLUSTER";
}

Object withSeq(State& st, const Object& message) {
  Object out{{"cmd", "NODE_CLUSTER"}};
  for (const auto& [k, v] : message) out[k] = v;
  out["seq"] = static_cast<double>(st.seq);
  return out;
}

// utils.js sendHelper, to a worker (primary side).
bool sendToWorker(const WorkerPtr& worker, const Object& message, net::SocketPtr handle = nullptr,
                  ReplyCallback cb = nullptr) {
  State& st = clusterState();
  const auto& proc = worker->process();
  if (!proc || !proc->connected()) return false;
  Object m = withSeq(st, message);
  if (cb) st.callbacks[st.seq] = std::move(cb);
  st.seq += 1;
  child_process::SendOptions so;
  so.keepOpen = true;  // the primary closes its copy when the worker answered
  return proc->send(Value(std::move(m)), handle ? SendHandle(handle) : SendHandle(), so);
}

// utils.js sendHelper, to the primary (worker side).
bool sendToPrimary(const Object& message, ReplyCallback cb = nullptr) {
  State& st = clusterState();
  if (!process::connected()) return false;
  Object m = withSeq(st, message);
  if (cb) st.callbacks[st.seq] = std::move(cb);
  st.seq += 1;
  return process::send(Value(std::move(m)));
}

// utils.js internal(): routes acks to their callbacks, the rest to `fn`.
template <class F>
auto internal(F fn) {
  return [fn = std::move(fn)](const Value& message, SendHandle handle) {
    if (!isCluster(message)) return;
    const Value& ack = message["ack"];
    if (!ack.isUndefined() && tlState) {
      std::int64_t seq = ack.isNumber() ? ack.asInt() : -1;
      auto it = tlState->callbacks.find(seq);
      if (it != tlState->callbacks.end()) {
        ReplyCallback cb = std::move(it->second);
        tlState->callbacks.erase(it);
        cb(message, handle);
        return;
      }
    }
    fn(message, handle);
  };
}

std::string jsString(const Value& v) { return v.toString(); }

// A handle that came with a cluster message, as the ConnectionWrap it carries.
bindings::ConnectionWrap* takeWrap(const SendHandle& h) {
  net::SocketPtr s = h.socket();
  if (!s) {
    if (net::ServerPtr srv = h.server()) srv->close();
    return nullptr;
  }
  bindings::StreamWrap* w = s->detachHandle();
  auto* c = dynamic_cast<bindings::ConnectionWrap*>(w);
  if (!c && w) w->close();
  return c;
}

// ---- primary: round_robin_handle.js / shared_handle.js ------------------------------------

class RoundRobinHandle final : public PrimaryHandle,
                               public std::enable_shared_from_this<RoundRobinHandle> {
 public:
  RoundRobinHandle(std::string key, const Value& address, const Value& message)
      : key_(std::move(key)) {
    net::ServerOptions so;
    so.pauseOnConnect = true;  // the worker reads; the primary only passes the descriptor on
    server_ = net::createServer(so);
    double port = message["port"].isNumber() ? message["port"].asNumber() : -1;
    int backlog = message["backlog"].isNumber() ? static_cast<int>(message["backlog"].asInt()) : 0;
    net::ListenOptions lo;
    if (backlog > 0) lo.backlog = backlog;
    if (port >= 0) {
      lo.port = static_cast<int>(port);
      if (address.isString()) lo.host = address.asString();
      std::int64_t flags = message["flags"].isNumber() ? message["flags"].asInt() : 0;
      lo.ipv6Only = (flags & UV_TCP_IPV6ONLY) != 0;
    } else {
      lo.path = address.isString() ? address.asString() : "";
      lo.readableAll = message["readableAll"].truthy();
      lo.writableAll = message["writableAll"].truthy();
      isPipe_ = true;
    }
    lo_ = std::move(lo);
  }

  // Listens once the object is owned (the listeners hold weak references).
  void start() {
    std::weak_ptr<RoundRobinHandle> weak = shared_from_this();
    server_->on("connection", [weak](net::SocketPtr socket) {
      if (auto self = weak.lock()) {
        self->distribute(std::move(socket));
      } else {
        socket->destroy();
      }
    });
    server_->on("listening", [weak] {
      auto self = weak.lock();
      if (!self) return;
      self->listening_ = true;
      if (!self->isPipe_ && self->server_) {
        if (auto a = self->server_->address()) {
          self->sockname_ =
              Object{{"address", a->address}, {"family", a->family}, {"port", a->port}};
        }
      }
      auto waiting = std::move(self->waiting_);
      self->waiting_.clear();
      for (auto& w : waiting) w.done();
    });
    server_->on("error", [weak](const Error& err) {
      auto self = weak.lock();
      if (!self) return;
      auto waiting = std::move(self->waiting_);
      self->waiting_.clear();
      for (auto& w : waiting) w.fail(err.errnum ? Value(*err.errnum) : Value(nullptr));
    });
    server_->listen(lo_);
  }

  void add(const WorkerPtr& worker, Send send) override {
    all_.emplace(worker->id(), worker);
    std::weak_ptr<RoundRobinHandle> weak = shared_from_this();
    std::weak_ptr<Worker> ww = worker;
    auto done = [weak, ww, send] {
      auto self = weak.lock();
      auto w = ww.lock();
      if (!self || !w) return;
      if (self->sockname_) {
        send(Value(nullptr), Object{{"sockname", Value(*self->sockname_)}}, nullptr);
      } else {
        send(Value(nullptr), Object{}, nullptr);  // UNIX socket.
      }
      self->handoff(w);  // In case there are connections pending.
    };
    if (listening_) {
      done();
      return;
    }
    // Still busy binding.
    waiting_.push_back(Waiter{
        std::move(done), [send](Value errnum) { send(std::move(errnum), Object{}, nullptr); }});
  }

  bool remove(const WorkerPtr& worker) override {
    if (all_.erase(worker->id()) == 0) return false;
    eraseFree(worker->id());
    if (!all_.empty()) return false;
    while (!pending_.empty()) {
      net::SocketPtr s = std::move(pending_.front());
      pending_.pop_front();
      s->destroy();
    }
    if (server_) {
      net::ServerPtr s = std::move(server_);
      s->removeAllListeners("connection");
      s->removeAllListeners("listening");
      s->removeAllListeners("error");
      s->close();
    }
    return true;
  }

 private:
  void eraseFree(int id) {
    free_.erase(std::remove_if(free_.begin(), free_.end(), [id](auto& e) { return e.first == id; }),
                free_.end());
  }

  void distribute(net::SocketPtr socket) {
    pending_.push_back(std::move(socket));
    if (free_.empty()) return;
    WorkerPtr w = free_.front().second;
    free_.erase(free_.begin());
    handoff(w);
  }

  void handoff(const WorkerPtr& worker) {
    if (!all_.count(worker->id())) return;  // Worker is closing (or has closed) the server.
    if (pending_.empty()) {
      bool there =
          std::any_of(free_.begin(), free_.end(), [&](auto& e) { return e.first == worker->id(); });
      if (!there) free_.emplace_back(worker->id(), worker);  // Add to ready queue again.
      return;
    }
    net::SocketPtr socket = std::move(pending_.front());
    pending_.pop_front();
    std::weak_ptr<RoundRobinHandle> weak = shared_from_this();
    std::weak_ptr<Worker> ww = worker;
    bool sent =
        sendToWorker(worker, Object{{"act", "newconn"}, {"key", key_}}, socket,
                     [weak, ww, socket](const Value& reply, const SendHandle&) {
                       auto self = weak.lock();
                       if (reply["accepted"].truthy() || !self) {
                         socket->destroy();
                       } else {
                         self->distribute(socket);  // Worker is shutting down. Send to another.
                       }
                       if (self) {
                         if (auto w = ww.lock()) self->handoff(w);
                       }
                     });
    // Node drops the connection unanswered here; we close it.
    if (!sent) socket->destroy();
  }

  std::string key_;
  net::ListenOptions lo_;
  bool isPipe_ = false;
  net::ServerPtr server_;
  bool listening_ = false;
  std::optional<Object> sockname_;
  std::map<int, WorkerPtr> all_;
  std::vector<std::pair<int, WorkerPtr>> free_;  // insertion order, as Node's SafeMap
  std::deque<net::SocketPtr> pending_;
  struct Waiter {
    std::function<void()> done;
    std::function<void(Value)> fail;
  };
  std::vector<Waiter> waiting_;
};

// net._createServerHandle: a bound, not listening handle (or an errno).
int createServerHandle(const Value& address, int port, int addressType, unsigned flags,
                       bindings::ConnectionWrap** out) {
  Environment& e = Environment::require();
  if (addressType == -1) {
    auto* p = bindings::PipeWrap::create(e, false);
    int err = address.isString() ? p->bind(address.asString()) : 0;
    if (err) {
      p->close();
      return err;
    }
    *out = p;
    return 0;
  }
  auto* tcp = bindings::TcpWrap::create(e);
  int err;
  if (!address.isString() || address.asString().empty()) {
    err = tcp->bind("::", port, flags);
    if (err) {
      tcp->close();
      return createServerHandle(Value("0.0.0.0"), port, 4, 0, out);
    }
  } else if (addressType == 6) {
    err = tcp->bind(address.asString(), port, flags);
  } else {
    err = tcp->bind(address.asString(), port);
  }
  if (err) {
    tcp->close();
    return err;
  }
  *out = tcp;
  return 0;
}

class SharedHandle final : public PrimaryHandle {
 public:
  SharedHandle(const Value& address, const Value& message) {
    int port = message["port"].isNumber() ? static_cast<int>(message["port"].asInt()) : 0;
    int addressType =
        message["addressType"].isNumber() ? static_cast<int>(message["addressType"].asInt()) : 4;
    unsigned flags =
        message["flags"].isNumber() ? static_cast<unsigned>(message["flags"].asInt()) : 0;
    bindings::ConnectionWrap* wrap = nullptr;
    errno_ = createServerHandle(address, port, addressType, flags, &wrap);
    // Wrapped in a paused socket so that child_process can pass its descriptor on.
    if (!errno_) handle_ = net::Socket::fromHandle(wrap, net::SocketOptions{}, true);
  }
  ~SharedHandle() override {
    if (handle_) handle_->destroy();
  }

  void add(const WorkerPtr& worker, Send send) override {
    workers_.emplace(worker->id(), worker);
    send(Value(errno_), Object{}, handle_);
  }

  bool remove(const WorkerPtr& worker) override {
    if (workers_.erase(worker->id()) == 0) return false;
    if (!workers_.empty()) return false;
    if (handle_) std::exchange(handle_, nullptr)->destroy();
    return true;
  }

 private:
  std::map<int, WorkerPtr> workers_;
  int errno_ = 0;
  net::SocketPtr handle_;
};

// ---- worker: child.js handles ----------------------------------------------------------------

void removeIndexesKey(const std::string& indexesKey, int index) {
  if (!tlState) return;
  auto it = tlState->indexes.find(indexesKey);
  if (it == tlState->indexes.end()) return;
  auto& set = it->second.set;
  set.erase(std::remove(set.begin(), set.end(), index), set.end());
  if (set.empty()) tlState->indexes.erase(it);
}

// A worker server's cluster part: the round-robin faux handle, or the shared handle's
// bookkeeping (its close() tells the primary).
class ChildHandle final : public net::detail::ClusterHandle {
 public:
  ChildHandle(std::string key, std::string indexesKey, int index, bool roundRobin,
              std::optional<net::AddressInfo> sockname, std::weak_ptr<net::Server> owner)
      : key_(std::move(key)),
        indexesKey_(std::move(indexesKey)),
        index_(index),
        roundRobin_(roundRobin),
        sockname_(std::move(sockname)),
        owner_(std::move(owner)) {
    if (roundRobin_) ref();
    if (tlState) tlState->childHandles.emplace_back(key_, this);
  }
  ~ChildHandle() override {
    if (fake_) clearInterval(fake_);
    if (open_ && tlState) tlState->eraseChildHandle(key_);
  }

  void close() override {
    if (!open_) return;
    open_ = false;
    unref();
    sendToPrimary(Object{{"act", "close"}, {"key", key_}});
    if (tlState) tlState->eraseChildHandle(key_);
    removeIndexesKey(indexesKey_, index_);
  }
  void ref() override {
    if (roundRobin_ && !fake_) fake_ = setInterval([] {}, kTimeoutMax);
  }
  void unref() override {
    if (fake_) {
      clearInterval(fake_);
      fake_.reset();
    }
  }
  std::optional<net::AddressInfo> sockname() const override {
    if (!open_) return std::nullopt;
    return sockname_;
  }
  const std::weak_ptr<net::Server>& owner() const { return owner_; }

 private:
  std::string key_;
  std::string indexesKey_;
  int index_;
  bool roundRobin_;
  std::optional<net::AddressInfo> sockname_;
  std::weak_ptr<net::Server> owner_;
  bool open_ = true;
  TimeoutPtr fake_;
};

}  // namespace

// ---- Worker -----------------------------------------------------------------------------------

struct Internal {
  static void setState(Worker& w, std::string s) { w.state_ = std::move(s); }
  static void setExitedAfterDisconnect(Worker& w, bool v) { w.exitedAfterDisconnect_ = v; }
  static void normalizeExited(Worker& w) {
    w.exitedAfterDisconnect_ = w.exitedAfterDisconnect_.value_or(false);
  }
  // After both 'exit' and 'disconnect' nothing more is emitted: the listeners go.
  static void seen(Worker& w, bool exit) {
    (exit ? w.exitSeen_ : w.disconnectSeen_) = true;
    if (w.exitSeen_ && w.disconnectSeen_) w.removeAllListeners();
  }
  static void disconnectWorkerSide(Worker& w, bool primaryInitiated);
};

Worker::Worker(int id, child_process::ChildProcessPtr process, std::string state)
    : id_(id), process_(std::move(process)), state_(std::move(state)) {}

Worker::~Worker() = default;

const nodecc::detail::SigInfo* Worker::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "online" || event == "disconnect") return &SigOf<>::info;
  if (event == "listening") return &SigOf<Address>::info;
  if (event == "message") return &SigOf<Value, SendHandle>::info;
  if (event == "exit") return &SigOf<std::optional<int>, std::optional<std::string>>::info;
  if (event == "error") return &SigOf<Error>::info;
  return nullptr;
}

const nodecc::detail::SigInfo* Cluster::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "fork" || event == "online" || event == "disconnect") return &SigOf<WorkerPtr>::info;
  if (event == "listening") return &SigOf<WorkerPtr, Address>::info;
  if (event == "message") return &SigOf<WorkerPtr, Value, SendHandle>::info;
  if (event == "exit")
    return &SigOf<WorkerPtr, std::optional<int>, std::optional<std::string>>::info;
  if (event == "setup") return &SigOf<Settings>::info;
  return nullptr;
}

bool Worker::send(const Value& message, SendHandle handle, child_process::SendOptions options,
                  child_process::SendCallback callback) {
  if (process_) return process_->send(message, std::move(handle), options, std::move(callback));
  return process::send(message, std::move(handle), options, std::move(callback));
}

bool Worker::isConnected() const { return process_ ? process_->connected() : process::connected(); }

bool Worker::isDead() const {
  if (process_) return process_->exitCode().has_value() || process_->signalCode().has_value();
  return process::exitCode.get().has_value();
}

namespace {

void removeWorker(State& st, const WorkerPtr& worker) {
  st.workers.erase(worker->id());
  if (st.workers.empty()) {
    auto cbs = std::move(st.intercomDisconnect);
    st.intercomDisconnect.clear();
    for (auto& cb : cbs) cb();
  }
}

void removeHandlesForWorker(State& st, const WorkerPtr& worker) {
  auto handles = st.handles;
  for (auto& [key, h] : handles) {
    if (h->remove(worker)) st.eraseHandle(key);
  }
}

}  // namespace

Worker& Worker::disconnect() {
  if (process_) {
    // primary.js
    State& st = clusterState();
    auto self = std::static_pointer_cast<Worker>(shared_from_this());
    exitedAfterDisconnect_ = true;
    sendToWorker(self, Object{{"act", "disconnect"}});
    removeHandlesForWorker(st, self);
    removeWorker(st, self);
    return *this;
  }
  // child.js
  if (state_ != "disconnecting" && state_ != "destroying") {
    state_ = "disconnecting";
    Internal::disconnectWorkerSide(*this, false);
  }
  return *this;
}

void Worker::destroy(child_process::Signal signal) {
  if (process_) {
    process_->kill(std::move(signal));
    return;
  }
  if (state_ == "destroying") return;
  exitedAfterDisconnect_ = true;
  if (!isConnected()) process::exit(0);
  state_ = "destroying";
  sendToPrimary(Object{{"act", "exitedAfterDisconnect"}},
                [](const Value&, const SendHandle&) { process::disconnect(); });
  process::once("disconnect", [] { process::exit(0); });
}

// child.js _disconnect
void Internal::disconnectWorkerSide(Worker& w, bool primaryInitiated) {
  w.exitedAfterDisconnect_ = true;
  auto waiting = std::make_shared<int>(1);
  auto check = [waiting, primaryInitiated] {
    if (--*waiting != 0) return;
    // Worker-initiated: wait for the ack so that exitedAfterDisconnect is set in the primary.
    if (primaryInitiated) {
      if (process::connected()) process::disconnect();
    } else {
      sendToPrimary(Object{{"act", "exitedAfterDisconnect"}}, [](const Value&, const SendHandle&) {
        if (process::connected()) process::disconnect();
      });
    }
  };
  State& st = clusterState();
  auto handles = st.childHandles;
  for (auto& [key, h] : handles) {
    ++*waiting;
    if (auto owner = h->owner().lock()) {
      owner->close([check](std::optional<Error>) { check(); });
    } else {
      h->close();
      check();
    }
  }
  st.childHandles.clear();
  check();
}

// ---- primary --------------------------------------------------------------------------------

namespace {

Address addressOf(const Value& message) {
  Address a;
  a.addressType =
      message["addressType"].isNumber() ? static_cast<int>(message["addressType"].asInt()) : 0;
  if (message["address"].isString()) a.address = message["address"].asString();
  a.port = message["port"].isNumber() ? static_cast<int>(message["port"].asInt()) : 0;
  return a;
}

void queryServer(State& st, const WorkerPtr& worker, const Value& message) {
  // Stop processing if worker already disconnecting
  if (worker->exitedAfterDisconnect().value_or(false)) return;
  std::string key = jsString(message["address"]) + ":" + jsString(message["port"]) + ":" +
                    jsString(message["addressType"]) + ":" + jsString(message["fd"]) + ":" +
                    jsString(message["index"]);
  std::shared_ptr<PrimaryHandle> handle = st.findHandle(key);
  if (!handle) {
    Value address = message["address"];
    double port = message["port"].isNumber() ? message["port"].asNumber() : 0;
    // Find shortest path for unix sockets because of the ~100 byte limit
    if (port < 0 && address.isString()) {
      std::string rel = path::relative(process::cwd(), address.asString());
      if (message["address"].asString().size() >= rel.size()) address = rel;
    }
    const Value& type = message["addressType"];
    bool udp = type.isString() && (type.asString() == "udp4" || type.asString() == "udp6");
    if (st.policy != SCHED_ROUND_ROBIN || udp) {
      handle = std::make_shared<SharedHandle>(address, message);
    } else {
      auto rr = std::make_shared<RoundRobinHandle>(key, address, message);
      rr->start();
      handle = rr;
    }
    st.handles.emplace_back(key, handle);
  }
  if (!handle->data.truthy()) handle->data = message["data"];
  std::weak_ptr<Worker> ww = worker;
  std::weak_ptr<PrimaryHandle> wh = handle;
  Value seq = message["seq"];
  handle->add(worker, [ww, wh, key, seq](Value errnum, Object reply, net::SocketPtr h) {
    auto w = ww.lock();
    if (!w || !tlState) return;
    auto hp = wh.lock();
    Value data = hp ? hp->data : Value(nullptr);
    if (errnum.truthy()) tlState->eraseHandle(key);  // Gives other workers a chance to retry.
    Object m{{"errno", errnum}, {"key", key}, {"ack", seq}, {"data", data}};
    for (auto& [k, v] : reply) m[k] = v;
    sendToWorker(w, m, std::move(h));
  });
}

void onPrimaryMessage(State& st, const WorkerPtr& worker, const Value& message) {
  const Value& act = message["act"];
  if (!act.isString()) return;
  const std::string& a = act.asString();
  if (a == "online") {
    Internal::setState(*worker, "online");
    worker->emit("online");
    st.emitter->emit("online", worker);
  } else if (a == "exitedAfterDisconnect") {
    Internal::setExitedAfterDisconnect(*worker, true);
    sendToWorker(worker, Object{{"ack", message["seq"]}});
  } else if (a == "queryServer") {
    queryServer(st, worker, message);
  } else if (a == "listening") {
    Address info = addressOf(message);
    Internal::setState(*worker, "listening");
    worker->emit("listening", info);
    st.emitter->emit("listening", worker, info);
  } else if (a == "close") {
    if (!message["key"].isString()) return;
    std::string key = message["key"].asString();
    auto h = st.findHandle(key);
    if (h && h->remove(worker)) st.eraseHandle(key);
  }
}

// The names of the fields `s` has set, in its key order ({...a, ...b} keeps a key's first
// position).
std::vector<std::string> setKeys(const Settings& s) {
  static const char* const kAll[] = {"args",          "exec",        "execArgv", "silent",
                                     "cwd",           "stdio",       "uid",      "gid",
                                     "serialization", "windowsHide", "execPath"};
  auto isSet = [&](std::string_view k) {
    return (k == "args" && s.args) || (k == "exec" && s.exec) || (k == "execArgv" && s.execArgv) ||
           (k == "silent" && s.silent) || (k == "cwd" && s.cwd) || (k == "stdio" && s.stdio) ||
           (k == "uid" && s.uid) || (k == "gid" && s.gid) ||
           (k == "serialization" && s.serialization) || (k == "windowsHide" && s.windowsHide) ||
           (k == "execPath" && s.execPath);
  };
  std::vector<std::string> out;
  for (const auto& k : s.keyOrder)
    if (isSet(k) && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  for (const char* k : kAll)
    if (isSet(k) && std::find(out.begin(), out.end(), k) == out.end()) out.emplace_back(k);
  return out;
}

void merge(Settings& into, const Settings& from) {
  std::vector<std::string> order = setKeys(into);
  for (auto& k : setKeys(from))
    if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(std::move(k));
  if (from.args) into.args = from.args;
  if (from.exec) into.exec = from.exec;
  if (from.execArgv) into.execArgv = from.execArgv;
  if (from.silent) into.silent = from.silent;
  if (from.cwd) into.cwd = from.cwd;
  if (from.stdio) into.stdio = from.stdio;
  if (from.uid) into.uid = from.uid;
  if (from.gid) into.gid = from.gid;
  if (from.serialization) into.serialization = from.serialization;
  if (from.windowsHide) into.windowsHide = from.windowsHide;
  if (from.execPath) into.execPath = from.execPath;
  into.keyOrder = std::move(order);
}

State& primaryState(const char* fn) {
  State& st = clusterState();
  if (st.isWorker) notAFunction(fn);
  return st;
}

}  // namespace

namespace detail {
std::vector<std::string> settingsKeys(const Settings& s) { return setKeys(s); }
}  // namespace detail

Cluster& object() { return *clusterState().emitter; }

bool isPrimary() { return !clusterState().isWorker; }
bool isWorker() { return clusterState().isWorker; }
WorkerPtr worker() { return clusterState().worker; }
std::map<int, WorkerPtr> workers() {
  State& st = clusterState();
  return st.isWorker ? std::map<int, WorkerPtr>{} : st.workers;
}
Settings& settings() { return *clusterState().settings; }

SchedulingPolicyProperty::operator int() const { return clusterState().policyProperty; }
SchedulingPolicyProperty& SchedulingPolicyProperty::operator=(int policy) {
  clusterState().policyProperty = policy;
  return *this;
}

void setupPrimary(Settings options) {
  State& st = primaryState("cluster.setupPrimary");
  Settings s;
  const auto& argv = process::argv();
  s.args = std::vector<std::string>(argv.size() > 2 ? argv.begin() + 2 : argv.end(), argv.end());
  s.exec = process::execPath();
  s.execArgv = process::execArgv();
  s.silent = false;
  merge(s, *st.settings);
  merge(s, options);
  st.settings = std::make_shared<Settings>(std::move(s));
  auto current = st.settings;
  auto emitter = st.emitter;
  if (!st.initialized) {
    st.initialized = true;
    st.policy = st.policyProperty;  // Freeze policy.
    if (st.policy != SCHED_NONE && st.policy != SCHED_ROUND_ROBIN) {
      throw errors::error("ERR_INTERNAL_ASSERTION",
                          "Bad cluster.schedulingPolicy: " + std::to_string(st.policy));
    }
  }
  nextTick([emitter, current] { emitter->emit("setup", *current); });
}

WorkerPtr fork(child_process::Env env) {
  State& st = primaryState("cluster.fork");
  setupPrimary();
  int id = ++st.ids;
  // createWorkerProcess
  const Settings& s = *st.settings;
  child_process::Env workerEnv = child_process::Env::fromProcess();
  for (const auto& [k, v] : env.entries()) workerEnv.set(k, v);
  workerEnv.set("NODE_UNIQUE_ID", std::to_string(id));
  child_process::ForkOptions fo;
  fo.cwd = s.cwd;
  fo.env = std::move(workerEnv);
  if (s.serialization) fo.serialization = *s.serialization;
  fo.silent = s.silent.value_or(false);
  if (s.execPath) fo.execPath = *s.execPath;
  fo.execArgv = s.execArgv;
  if (s.stdio) fo.stdio = *s.stdio;
  fo.gid = s.gid;
  fo.uid = s.uid;
  auto child = child_process::fork(s.exec.value_or(process::execPath()),
                                   s.args.value_or(std::vector<std::string>{}), std::move(fo));
  auto worker = std::make_shared<Worker>(id, child, "none");
  std::weak_ptr<Worker> ww = worker;
  // worker.js: the process's 'error' and 'message' become the worker's.
  child->on("error", [ww](const Error& err) {
    if (auto w = ww.lock()) w->emit("error", err);
  });
  child->on("message", [ww](const Value& m, SendHandle h) {
    if (auto w = ww.lock()) w->emit("message", m, h);
  });
  worker->on("message", [ww](const Value& m, SendHandle h) {
    auto w = ww.lock();
    if (w && tlState) tlState->emitter->emit("message", w, m, h);
  });
  // The process's listeners hold the worker: the ChildProcess drops them once it is done.
  child->once("exit", [worker](std::optional<int> code, std::optional<std::string> signal) {
    State& st = clusterState();
    // Remove the worker from the workers list only if it has disconnected, otherwise we
    // might still want to access it.
    if (!worker->isConnected()) {
      removeHandlesForWorker(st, worker);
      removeWorker(st, worker);
    }
    Internal::normalizeExited(*worker);
    Internal::setState(*worker, "dead");
    auto emitter = st.emitter;
    worker->emit("exit", code, signal);
    emitter->emit("exit", worker, code, signal);
    Internal::seen(*worker, true);
  });
  child->once("disconnect", [worker] {
    State& st = clusterState();
    // Now is a good time to remove the handles associated with this worker because it is
    // not connected to the primary anymore.
    removeHandlesForWorker(st, worker);
    // Remove the worker from the workers list only if its process has exited.
    if (worker->isDead()) removeWorker(st, worker);
    Internal::normalizeExited(*worker);
    Internal::setState(*worker, "disconnected");
    auto emitter = st.emitter;
    worker->emit("disconnect");
    emitter->emit("disconnect", worker);
    Internal::seen(*worker, false);
  });
  child->on("internalMessage", internal([ww](const Value& message, const SendHandle&) {
              auto w = ww.lock();
              if (w && tlState) onPrimaryMessage(*tlState, w, message);
            }));
  auto emitter = st.emitter;
  nextTick([emitter, worker] { emitter->emit("fork", worker); });
  st.workers[id] = worker;
  return worker;
}

void disconnect(std::function<void()> callback) {
  State& st = primaryState("cluster.disconnect");
  if (st.workers.empty()) {
    std::weak_ptr<State> ws = st.shared_from_this();
    nextTick([ws] {
      auto s = ws.lock();
      if (!s) return;
      auto cbs = std::move(s->intercomDisconnect);
      s->intercomDisconnect.clear();
      for (auto& cb : cbs) cb();
    });
  } else {
    auto copy = st.workers;
    for (auto& [id, w] : copy) {
      if (w->isConnected()) w->disconnect();
    }
  }
  if (callback) st.intercomDisconnect.push_back(std::move(callback));
}

// ---- worker -------------------------------------------------------------------------------------

namespace {

// child.js onconnection: a round-robin connection.
void onNewConn(State& st, const Value& message, const SendHandle& handle) {
  std::string key = message["key"].isString() ? message["key"].asString() : "";
  ChildHandle* ch = st.findChildHandle(key);
  bool accepted = ch != nullptr;
  net::ServerPtr owner = ch ? ch->owner().lock() : nullptr;
  if (accepted && owner && owner->maxConnections && *owner->maxConnections &&
      owner->connections() >= *owner->maxConnections) {
    accepted = false;
  }
  sendToPrimary(Object{{"ack", message["seq"]}, {"accepted", accepted}});
  bindings::ConnectionWrap* wrap = takeWrap(handle);
  if (!wrap) return;
  if (accepted && owner) {
    owner->acceptConnection(wrap);
  } else {
    wrap->close();
  }
}

void setupWorker(State& st) {
  std::string idText = process::env.get("NODE_UNIQUE_ID").value_or("0");
  int id = 0;
  try {
    id = std::stoi(idText);
  } catch (...) {
    id = 0;
  }
  auto worker = std::make_shared<Worker>(id, nullptr, "online");
  st.worker = worker;
  std::weak_ptr<Worker> ww = worker;
  process::on("error", [ww](const Error& err) {
    if (auto w = ww.lock()) w->emit("error", err);
  });
  process::on("message", [ww](const Value& m, SendHandle h) {
    if (auto w = ww.lock()) w->emit("message", m, h);
  });
  process::once("disconnect", [ww] {
    auto w = ww.lock();
    if (!w) return;
    w->emit("disconnect");
    // Unexpected disconnect, primary exited, or some such nastiness, so worker exits
    // immediately.
    if (!w->exitedAfterDisconnect().value_or(false)) process::exit(0);
  });
  process::on("internalMessage", internal([ww](const Value& message, const SendHandle& handle) {
                auto w = ww.lock();
                if (!w || !tlState) return;
                const Value& act = message["act"];
                if (act == Value("newconn")) {
                  onNewConn(*tlState, message, handle);
                } else if (act == Value("disconnect")) {
                  Internal::disconnectWorkerSide(*w, true);
                }
              }));
  sendToPrimary(Object{{"act", "online"}});
  // Make sure it's not accidentally inherited by child processes.
  process::env.erase("NODE_UNIQUE_ID");
}

// child.js cluster._getServer, called by net's listenInCluster.
bool getServer(const net::ServerPtr& server, const net::detail::ClusterQuery& query,
               net::detail::ClusterListenCallback cb) {
  State* sp = currentState();
  if (!sp || !sp->isWorker) return false;
  State& st = *sp;
  Value address = query.address ? Value(*query.address) : Value(nullptr);
  // Resolve unix socket paths to absolute paths
  if (query.port < 0 && address.isString()) address = path::resolve(address.asString());
  // [address, port, addressType, fd].join(':'): null and undefined join as ''.
  std::string indexesKey = (address.isString() ? address.asString() : "") + ":" +
                           std::to_string(query.port) + ":" + std::to_string(query.addressType) +
                           ":";
  IndexSet& indexSet = st.indexes[indexesKey];
  int index = indexSet.nextIndex++;
  indexSet.set.push_back(index);

  Object message{{"act", "queryServer"}, {"index", index},     {"data", nullptr},
                 {"address", address},   {"port", query.port}, {"addressType", query.addressType}};
  if (query.address && query.port >= 0) message["flags"] = static_cast<double>(query.flags);
  message["backlog"] = query.backlog;
  if (query.addressType == -1) {
    message["readableAll"] = query.readableAll;
    message["writableAll"] = query.writableAll;
  }
  std::weak_ptr<net::Server> weakServer = server;
  auto shared = std::make_shared<net::detail::ClusterListenCallback>(std::move(cb));
  sendToPrimary(message, [shared, weakServer, indexesKey, index](const Value& reply,
                                                                 const SendHandle& handle) {
    int err = reply["errno"].isNumber() ? static_cast<int>(reply["errno"].asInt()) : 0;
    std::string key = reply["key"].isString() ? reply["key"].asString() : "";
    if (handle) {
      // Shared listen socket.
      bindings::ConnectionWrap* wrap = takeWrap(handle);
      if (!wrap) {
        (*shared)(UV_EINVAL, nullptr, nullptr);
        return;
      }
      auto ch =
          std::make_unique<ChildHandle>(key, indexesKey, index, false, std::nullopt, weakServer);
      (*shared)(err, wrap, std::move(ch));
      return;
    }
    // Round-robin. Primary distributes handles across workers.
    if (err) {
      (*shared)(err, nullptr, nullptr);
      return;
    }
    std::optional<net::AddressInfo> sockname;
    if (reply["sockname"].isObject()) {
      const Value& s = reply["sockname"];
      net::AddressInfo a;
      if (s["address"].isString()) a.address = s["address"].asString();
      if (s["family"].isString()) a.family = s["family"].asString();
      if (s["port"].isNumber()) a.port = static_cast<int>(s["port"].asInt());
      sockname = a;
    }
    auto ch = std::make_unique<ChildHandle>(key, indexesKey, index, true, std::move(sockname),
                                            weakServer);
    (*shared)(0, nullptr, std::move(ch));
  });
  int port = query.port;
  auto listeningMessage = std::make_shared<Object>(std::move(message));
  server->once("listening", [weakServer, indexesKey, listeningMessage, port] {
    // short-lived sockets might have been closed
    if (!tlState || !tlState->indexes.count(indexesKey)) return;
    if (tlState->worker) Internal::setState(*tlState->worker, "listening");
    auto srv = weakServer.lock();
    std::optional<net::AddressInfo> a = srv ? srv->address() : std::nullopt;
    Object& m = *listeningMessage;
    m["act"] = "listening";
    m["port"] = a && a->port ? a->port : port;
    sendToPrimary(m);
  });
  return true;
}

}  // namespace

}  // namespace nodecc::cluster

// ---- inspection ---------------------------------------------------------------------------------

namespace nodecc::util {

std::string Inspector<cluster::Address>::inspect(const cluster::Address& a, InspectContext& ctx,
                                                 int depth) {
  Object o{{"addressType", a.addressType},
           {"address", a.address ? Value(*a.address) : Value(nullptr)},
           {"port", a.port},
           {"fd", undefined}};
  return inspectAt(Value(std::move(o)), ctx, depth);
}

std::string Inspector<cluster::Settings>::inspect(const cluster::Settings& s, InspectContext& ctx,
                                                  int depth) {
  auto strings = [](const std::vector<std::string>& v) {
    Array a;
    for (const auto& x : v) a.emplace_back(x);
    return Value(std::move(a));
  };
  Object o;
  for (const auto& k : cluster::detail::settingsKeys(s)) {
    if (k == "args") o["args"] = strings(*s.args);
    if (k == "exec") o["exec"] = *s.exec;
    if (k == "execArgv") o["execArgv"] = strings(*s.execArgv);
    if (k == "silent") o["silent"] = *s.silent;
    if (k == "cwd") o["cwd"] = *s.cwd;
    if (k == "uid") o["uid"] = *s.uid;
    if (k == "gid") o["gid"] = *s.gid;
    if (k == "serialization") o["serialization"] = *s.serialization;
    if (k == "windowsHide") o["windowsHide"] = *s.windowsHide;
    if (k == "execPath") o["execPath"] = *s.execPath;
  }
  return inspectAt(Value(std::move(o)), ctx, depth);
}

}  // namespace nodecc::util
