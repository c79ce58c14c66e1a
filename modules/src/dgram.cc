// dgram — lib/dgram.js and lib/internal/dgram.js over bindings::UdpWrap.
#include "nodecc/dgram.h"

#include <cmath>
#include <cstdint>

#include "bindings/inet.h"
#include "bindings/udp_wrap.h"
#include "nodecc/environment.h"

namespace nodecc::dgram {

// ---- a JS value in one of send()'s argument positions -------------------------------

namespace internal {
// lib/dgram.js's send() shuffles its positional arguments by their JS types; each
// C++ overload states what JS would have seen in each position, and sendJs() runs
// Node's code over them, so every quirk (a connected socket ignoring a port given
// without an address, a callback given where a port is expected…) is Node's.
struct JsVal {
  enum Kind { kUndefined, kNumber, kString, kFunction, kArray };
  Kind kind = kUndefined;
  double num = 0;
  std::string str;

  static JsVal undef() { return {}; }
  static JsVal number(double n) { return {kNumber, n, {}}; }
  static JsVal string(std::string_view s) { return {kString, 0, std::string(s)}; }
  static JsVal function() { return {kFunction, 0, {}}; }
  // A C++ default (empty address, no callback) stands for an omitted JS argument.
  static JsVal optString(std::string_view s) { return s.empty() ? undef() : string(s); }
  static JsVal optFunction(const SendCallback& cb) { return cb ? function() : undef(); }

  bool truthy() const {
    switch (kind) {
      case kUndefined:
        return false;
      case kNumber:
        return num != 0 && !std::isnan(num);
      case kString:
        return !str.empty();
      case kFunction:
      case kArray:
        return true;
    }
    return false;
  }
  bool nullish() const { return kind == kUndefined; }
  // determineSpecificType() of lib/internal/errors.js.
  std::string describe() const {
    switch (kind) {
      case kUndefined:
        return "undefined";
      case kNumber:
        return errors::describeNumber(num);
      case kString:
        return errors::describeString(str);
      case kFunction:
        return "function ";
      case kArray:
        return "an instance of Array";
    }
    return "undefined";
  }
  // `value >>> 0`
  std::uint32_t toUint32() const {
    double d = kind == kNumber ? num : 0;
    if (!std::isfinite(d)) return 0;
    d = std::fmod(std::trunc(d), 4294967296.0);
    if (d < 0) d += 4294967296.0;
    return static_cast<std::uint32_t>(d);
  }
};
}  // namespace internal

using internal::JsVal;

namespace {

Error notRunning() { return errors::error("ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running"); }
Error isConnectedError() {
  return errors::error("ERR_SOCKET_DGRAM_IS_CONNECTED", "Already connected");
}
Error notConnected() { return errors::error("ERR_SOCKET_DGRAM_NOT_CONNECTED", "Not connected"); }

// What V8 throws where lib/dgram.js dereferences a closed socket's null handle.
Error nullHandle(std::string_view property) {
  Error e("Cannot read properties of null (reading '" + std::string(property) + "')");
  e.name = "TypeError";
  return e;
}

Error outOfBounds(std::string_view name) {
  return errors::rangeError("ERR_BUFFER_OUT_OF_BOUNDS",
                            "\"" + std::string(name) + "\" is outside of buffer bounds");
}

const std::string kLoopback4 = "127.0.0.1";
const std::string kLoopback6 = "::1";

constexpr const char* kBufferTypes =
    "of type string or an instance of Buffer, TypedArray, or DataView";

// ERR_SOCKET_BUFFER_SIZE is a SystemError carrying the libuv error in `info`.
Error bufferSizeError(int err, const char* syscall) {
  std::string code = errors::uvErrName(err);
  std::string text = errors::uvErrMessage(err);
  Error e = errors::make("SystemError", "ERR_SOCKET_BUFFER_SIZE",
                         "Could not get or set buffer size: " + std::string(syscall) +
                             " returned " + code + " (" + text + ")");
  e.errnum = err;
  e.syscall = syscall;
  e.info = Object{{"errno", err}, {"code", code}, {"message", text}, {"syscall", syscall}};
  return e;
}

Error badPort(const JsVal& v) {
  return errors::rangeError("ERR_SOCKET_BAD_PORT",
                            "Port should be > 0 and < 65536. Received " + v.describe() + ".");
}

// validatePort(port, 'Port', false) of lib/internal/validators.js.
int validatePort(const JsVal& v) {
  bool bad = true;
  if (v.kind == JsVal::kNumber) {
    double d = v.num;
    bad = !(d >= 1 && d <= 65535 && d == std::trunc(d));
  } else if (v.kind == JsVal::kString) {
    // Node accepts numeric strings; ours only come from lib-internal shuffles.
    char* end = nullptr;
    double d = std::strtod(v.str.c_str(), &end);
    bool numeric = !v.str.empty() && end && *end == '\0';
    bad = !(numeric && d >= 1 && d <= 65535 && d == std::trunc(d));
    if (!bad) return static_cast<int>(d);
  }
  if (bad) throw badPort(v);
  return static_cast<int>(v.num);
}

}  // namespace

// ---- the part of the socket libuv calls -----------------------------------------------

class Socket::Impl final : public bindings::UdpWrap::Owner {
 public:
  explicit Impl(Socket& s) : s_(s) {}
  void onMessage(Buffer msg, const sockaddr* from) override {
    RemoteInfo rinfo;
    char ip[INET6_ADDRSTRLEN + 32];
    rinfo.address.assign(ip, bindings::formatIP(from, ip, sizeof ip));
    rinfo.family = from->sa_family == AF_INET6 ? "IPv6" : "IPv4";
    rinfo.port = bindings::sockaddrPort(from);
    rinfo.size = msg.length();
    s_.emit("message", std::move(msg), std::move(rinfo));
  }
  void onRecvError(int err) override { s_.emit("error", errors::errnoException(err, "recvmsg")); }

  Listener onListenSuccess;  // the send/connect queue's 'listening' listener
  Listener onListenError;    // and its errorMonitor listener

 private:
  Socket& s_;
};

// One send between send() and doSend(): pooled per socket so that a steady stream of
// datagrams allocates nothing here.
struct Socket::PendingSend {
  Buffer first;
  std::vector<Buffer> rest;
  std::size_t count = 0;
  int port = 0;         // 0: a connected send
  std::string address;  // as given (for errors), "" when undefined
  SendCallback callback;
};

// ---- construction ----------------------------------------------------------------------

SocketPtr createSocket(std::string_view type) {
  SocketOptions o;
  o.type = std::string(type);
  return createSocket(std::move(o));
}

SocketPtr createSocket(SocketOptions options) {
  if (options.type != "udp4" && options.type != "udp6") {
    throw errors::typeError("ERR_SOCKET_BAD_TYPE",
                            "Bad socket type specified. Valid types are: udp4, udp6");
  }
  return std::make_shared<Socket>(Socket::Private{}, std::move(options));
}

Socket::Socket(Private, SocketOptions options)
    : type_(std::move(options.type)),
      family_(type_ == "udp4" ? 4 : 6),
      impl_(std::make_unique<Impl>(*this)),
      reuseAddr_(options.reuseAddr),
      ipv6Only_(options.ipv6Only),
      recvBufferSize_(options.recvBufferSize),
      sendBufferSize_(options.sendBufferSize),
      lookup_(std::move(options.lookup)) {
  handle_ = bindings::UdpWrap::create(Environment::require(), family_, impl_.get());
  // The Environment closes the handle at teardown: forget it, and let go of ourselves.
  handle_->setCloseCallback([this] {
    handle_ = nullptr;
    removeAllListeners();
    auto keep = std::move(selfRef_);
  });
}

Socket::~Socket() {
  if (handle_) {
    // Never bound and no longer referenced (Node: garbage-collected): close quietly.
    handle_->setOwner(nullptr);
    handle_->setCloseCallback({});
    handle_->close();
  }
}

const nodecc::detail::SigInfo* Socket::declaredSignature(std::string_view event) const {
  if (event == "message") return &nodecc::detail::SigOf<Buffer, RemoteInfo>::info;
  if (event == "error") return &nodecc::detail::SigOf<Error>::info;
  if (event == "listening" || event == "connect" || event == "close") {
    return &nodecc::detail::SigOf<>::info;
  }
  return nullptr;
}

Message::Message(std::vector<Buffer> list) : count_(list.size()), isList_(true) {
  if (!list.empty()) {
    first_ = std::move(list[0]);
    rest_.assign(std::make_move_iterator(list.begin() + 1), std::make_move_iterator(list.end()));
  }
}

// ---- helpers of lib/dgram.js -----------------------------------------------------------

void Socket::healthCheck() const {
  if (!handle_) throw notRunning();
}

void Socket::lookup(const std::string& address, dns::LookupCallback cb) {
  // lookup4 / lookup6 of lib/internal/dgram.js.
  std::string host = !address.empty() ? address : family_ == 4 ? "127.0.0.1" : "::1";
  if (lookup_) {
    lookup_(host, family_, std::move(cb));
  } else {
    dns::lookup(host, family_, std::move(cb));
  }
}

void Socket::startListening() {
  handle_->recvStart();
  receiving_ = true;
  bindState_ = BindState::kBound;
  if (recvBufferSize_) bufferSize(recvBufferSize_, true);
  if (sendBufferSize_) bufferSize(sendBufferSize_, false);
  emit("listening");
}

void Socket::enqueue(Task t) {
  if (!queue_) {
    queue_.emplace();
    if (!impl_->onListenSuccess) {
      impl_->onListenSuccess = makeListener([this]() {
        EventEmitter::off(EventEmitter::kErrorMonitorName, impl_->onListenError);
        clearQueue();
      });
      impl_->onListenError = makeListener([this](const Error&) {
        EventEmitter::off("listening", impl_->onListenSuccess);
        queue_.reset();
      });
    }
    EventEmitter::once(EventEmitter::kErrorMonitorName, impl_->onListenError);
    EventEmitter::once("listening", impl_->onListenSuccess);
  }
  queue_->push_back(std::move(t));
}

void Socket::clearQueue() {
  std::vector<Task> q = std::move(*queue_);
  queue_.reset();
  for (Task& t : q) t();
}

int Socket::bufferSize(std::int64_t size, bool recv) const {
  if (size < 0 || size > 0xFFFFFFFFLL) {
    throw errors::typeError("ERR_SOCKET_BAD_BUFFER_SIZE", "Buffer size must be a positive integer");
  }
  if (!handle_) throw nullHandle("bufferSize");
  const char* syscall = recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
  if (size > 0x7FFFFFFF) throw bufferSizeError(UV_EINVAL, syscall);
  int v = static_cast<int>(size);
  int err = handle_->bufferSize(&v, recv);
  if (err != 0) throw bufferSizeError(err, syscall);
  return v;
}

// ---- bind -------------------------------------------------------------------------------

Socket& Socket::bind(int port, std::string_view address, std::function<void()> callback) {
  BindOptions o;
  o.port = port;
  o.address = std::string(address);
  bindImpl(o, std::move(callback), /*fromOptions=*/false);
  return *this;
}

Socket& Socket::bind(int port, std::function<void()> callback) {
  return bind(port, {}, std::move(callback));
}

Socket& Socket::bind(const BindOptions& options, std::function<void()> callback) {
  bindImpl(options, std::move(callback), /*fromOptions=*/true);
  return *this;
}

void Socket::bindImpl(const BindOptions& options, std::function<void()> callback, bool) {
  healthCheck();
  if (bindState_ != BindState::kUnbound) {
    throw errors::error("ERR_SOCKET_ALREADY_BOUND", "Socket is already bound");
  }
  bindState_ = BindState::kBinding;
  if (!selfRef_) selfRef_ = self();

  if (callback) {
    // removeListeners/onListening of lib/dgram.js: whichever comes first removes both.
    struct Pair {
      std::weak_ptr<nodecc::detail::ListenerImpl> onError, onListening;
    };
    auto pair = std::make_shared<Pair>();
    auto removeBoth = [this, pair] {
      if (auto l = pair->onError.lock()) EventEmitter::off("error", l);
      if (auto l = pair->onListening.lock()) EventEmitter::off("listening", l);
    };
    Listener onError = makeListener([removeBoth](const Error&) { removeBoth(); });
    Listener onListening = makeListener([removeBoth, callback]() {
      removeBoth();
      callback();
    });
    pair->onError = onError;
    pair->onListening = onListening;
    EventEmitter::on("error", onError);
    EventEmitter::on("listening", onListening);
  }

  if (options.fd && *options.fd > 0) {
    std::string type = bindings::UdpWrap::guessHandleType(*options.fd);
    if (type != "UDP") {
      throw errors::typeError("ERR_INVALID_FD_TYPE", "Unsupported fd type: " + type);
    }
    int err = handle_->open(*options.fd);
    if (err != 0) throw errors::errnoException(err, "open");
    startListening();
    return;
  }

  std::string address = options.address;
  if (address.empty()) address = family_ == 4 ? "0.0.0.0" : "::";
  std::optional<int> port = options.port;
  auto keep = self();
  lookup(address, [keep, port](std::optional<Error> err, std::string ip, int) {
    keep->afterBindLookup(std::move(err), ip, port);
  });
}

void Socket::afterBindLookup(std::optional<Error> err, const std::string& ip,
                             std::optional<int> port) {
  if (!handle_) return;  // closed in the meantime
  if (err) {
    bindState_ = BindState::kUnbound;
    emit("error", *err);
    return;
  }
  unsigned flags = 0;
  if (reuseAddr_) flags |= bindings::UdpWrap::kReuseAddr;
  if (ipv6Only_) flags |= bindings::UdpWrap::kIpv6Only;
  int e = handle_->bind(ip, port.value_or(0), flags);
  if (e != 0) {
    Error ex = errors::exceptionWithHostPort(e, "bind", ip, port);
    bindState_ = BindState::kUnbound;
    emit("error", ex);
    return;
  }
  startListening();
}

// ---- connect / disconnect ---------------------------------------------------------------

void Socket::connect(int port, std::string_view address, ConnectCallback callback) {
  validatePort(JsVal::number(port));
  if (connectState_ != ConnectState::kDisconnected) throw isConnectedError();
  connectState_ = ConnectState::kConnecting;
  if (bindState_ == BindState::kUnbound) bind(BindOptions{.port = 0, .exclusive = true});
  auto cb = std::make_shared<ConnectCallback>(std::move(callback));
  std::string addr(address);
  if (bindState_ != BindState::kBound) {
    enqueue([this, port, addr, cb] { connectNow(port, addr, cb); });
    return;
  }
  connectNow(port, addr, cb);
}

void Socket::connect(int port, ConnectCallback callback) { connect(port, {}, std::move(callback)); }

void Socket::connectNow(int port, const std::string& address, std::shared_ptr<ConnectCallback> cb) {
  Listener onConnect;
  if (*cb) {
    onConnect = makeListener([cb]() { (*cb)(std::nullopt); });
    EventEmitter::once("connect", onConnect);
  }
  if (!handle_) throw nullHandle("lookup");
  auto keep = self();
  lookup(address,
         [keep, port, address, cb, onConnect](std::optional<Error> ex, std::string ip, int) {
           Socket& s = *keep;
           if (!s.handle_) return;
           if (!ex) {
             int err = s.handle_->connect(ip, port);
             if (err != 0) ex = errors::exceptionWithHostPort(err, "connect", address, port);
           }
           Environment& env = Environment::require();
           if (ex) {
             s.connectState_ = ConnectState::kDisconnected;
             env.nextTick([keep, cb, onConnect, e = std::move(*ex)] {
               if (*cb) {
                 keep->EventEmitter::off("connect", onConnect);
                 (*cb)(e);
               } else {
                 keep->emit("error", e);
               }
             });
             return;
           }
           s.connectState_ = ConnectState::kConnected;
           env.nextTick([keep] { keep->emit("connect"); });
         });
}

void Socket::disconnect() {
  if (connectState_ != ConnectState::kConnected) throw notConnected();
  if (!handle_) throw nullHandle("disconnect");
  int err = handle_->disconnect();
  if (err != 0) throw errors::errnoException(err, "connect");
  connectState_ = ConnectState::kDisconnected;
}

// ---- send -------------------------------------------------------------------------------

void Socket::send(Message msg, int port, std::string_view address, SendCallback callback) {
  // JS: send(msg, port, address, callback) → (buffer, offset, length, port)
  JsVal cbPos = JsVal::optFunction(callback);
  sendJs(std::move(msg), JsVal::number(port), JsVal::optString(address), std::move(cbPos),
         JsVal::undef(), std::move(callback));
}

void Socket::send(Message msg, int port, SendCallback callback) {
  // JS: send(msg, port, callback) → (buffer, offset, length)
  JsVal cbPos = JsVal::optFunction(callback);
  sendJs(std::move(msg), JsVal::number(port), std::move(cbPos), JsVal::undef(), JsVal::undef(),
         std::move(callback));
}

void Socket::send(Message msg, std::size_t offset, std::size_t length, int port,
                  std::string_view address, SendCallback callback) {
  JsVal addr = JsVal::optString(address);
  JsVal cbPos = JsVal::optFunction(callback);
  if (addr.nullish() && cbPos.kind == JsVal::kFunction) {
    // JS: send(msg, offset, length, port, callback): the callback is in `address`.
    sendJs(std::move(msg), JsVal::number(static_cast<double>(offset)),
           JsVal::number(static_cast<double>(length)), JsVal::number(port), std::move(cbPos),
           std::move(callback));
    return;
  }
  sendJs(std::move(msg), JsVal::number(static_cast<double>(offset)),
         JsVal::number(static_cast<double>(length)), JsVal::number(port), std::move(addr),
         std::move(callback));
}

void Socket::send(Message msg, SendCallback callback) {
  // JS: send(msg, callback) → (buffer, offset)
  JsVal cbPos = JsVal::optFunction(callback);
  sendJs(std::move(msg), std::move(cbPos), JsVal::undef(), JsVal::undef(), JsVal::undef(),
         std::move(callback));
}

void Socket::send(Message msg, std::size_t offset, std::size_t length, SendCallback callback) {
  // JS: send(msg, offset, length, callback) → (buffer, offset, length, port)
  JsVal cbPos = JsVal::optFunction(callback);
  sendJs(std::move(msg), JsVal::number(static_cast<double>(offset)),
         JsVal::number(static_cast<double>(length)), std::move(cbPos), JsVal::undef(),
         std::move(callback));
}

// sliceBuffer() of lib/dgram.js.
void Socket::sliceBuffer(Message& m, const JsVal& offsetV, const JsVal& lengthV) {
  if (m.isList_) {
    throw errors::invalidArgType("buffer", kBufferTypes, "an instance of Array");
  }
  std::uint32_t offset = offsetV.toUint32();
  std::uint32_t length = lengthV.toUint32();
  std::size_t n = m.first_.length();
  if (offset > n) throw outOfBounds("offset");
  if (static_cast<std::uint64_t>(offset) + length > n) throw outOfBounds("length");
  m.first_ = m.first_.subarray(offset, static_cast<std::ptrdiff_t>(offset + length));
  m.isString_ = false;
}

// Socket.prototype.send of lib/dgram.js; `callback` is the one function among the
// positions marked kFunction.
void Socket::sendJs(Message buffer, JsVal offset, JsVal length, JsVal port, JsVal address,
                    SendCallback callback) {
  bool cbInLast = static_cast<bool>(callback) && offset.kind != JsVal::kFunction &&
                  length.kind != JsVal::kFunction && port.kind != JsVal::kFunction &&
                  address.kind != JsVal::kFunction;
  JsVal cbVal = cbInLast ? JsVal::function() : JsVal::undef();
  bool connected = connectState_ == ConnectState::kConnected;
  if (!connected) {
    if (address.truthy() || (port.truthy() && port.kind != JsVal::kFunction)) {
      sliceBuffer(buffer, offset, length);
    } else {
      cbVal = std::move(port);
      port = std::move(offset);
      address = std::move(length);
    }
  } else {
    if (length.kind == JsVal::kNumber) {
      sliceBuffer(buffer, offset, length);
      if (port.kind == JsVal::kFunction) {
        cbVal = std::move(port);
        port = JsVal::undef();
      }
    } else {
      cbVal = std::move(offset);
    }
    if (port.truthy() || address.truthy()) throw isConnectedError();
  }

  int portNum = 0;
  if (!connected) portNum = validatePort(port);
  if (cbVal.kind != JsVal::kFunction) cbVal = JsVal::undef();
  if (address.kind == JsVal::kFunction) {
    cbVal = JsVal::function();
    address = JsVal::undef();
  } else if (!address.nullish() && address.kind != JsVal::kString) {
    throw errors::invalidArgType("address", "of type string", address.describe());
  }
  if (cbVal.kind != JsVal::kFunction) callback = nullptr;

  healthCheck();
  if (bindState_ == BindState::kUnbound) bind(BindOptions{.port = 0, .exclusive = true});
  if (buffer.count_ == 0) {
    buffer.first_ = Buffer::alloc(0);
    buffer.count_ = 1;
  }

  if (bindState_ != BindState::kBound) {
    // enqueue(this.send.bind(this, list, port, address, callback))
    auto shared = std::make_shared<SendCallback>(std::move(callback));
    bool hasCb = static_cast<bool>(*shared);
    JsVal portArg = connected ? JsVal::undef() : JsVal::number(portNum);
    enqueue([this, buffer = std::move(buffer), portArg, address, shared, hasCb]() mutable {
      Message list = std::move(buffer);
      list.isList_ = true;
      sendJs(std::move(list), portArg, address, hasCb ? JsVal::function() : JsVal::undef(),
             JsVal::undef(), std::move(*shared));
    });
    return;
  }

  PendingSend* p = takePending();
  p->first = std::move(buffer.first_);
  p->rest = std::move(buffer.rest_);
  p->count = buffer.count_;
  p->port = connected ? 0 : portNum;
  p->address = address.kind == JsVal::kString ? std::move(address.str) : std::string();
  p->callback = std::move(callback);

  if (connected) {
    doSend(p, std::nullopt, {});
    return;
  }
  if (!lookup_ && (p->address.empty() || bindings::isIP(p->address) != 0)) {
    // dns.lookup() of an IP literal answers on the next tick; do the same without the
    // closures (the pending send is pooled, the task fits in a Task's inline storage).
    Environment::require().nextTick([this, p] {
      const std::string& ip =
          p->address.empty() ? (family_ == 4 ? kLoopback4 : kLoopback6) : p->address;
      doSend(p, std::nullopt, ip);
    });
    return;
  }
  auto keep = self();
  lookup(p->address, [keep, p](std::optional<Error> ex, std::string ip, int) {
    keep->doSend(p, std::move(ex), ip);
  });
}

void Socket::doSend(PendingSend* p, std::optional<Error> ex, const std::string& ip) {
  Environment& env = Environment::require();
  if (ex) {
    if (p->callback) {
      env.nextTick([cb = std::move(p->callback), e = std::move(*ex)]() mutable { cb(e, 0); });
    } else {
      env.nextTick([keep = self(), e = std::move(*ex)] { keep->emit("error", e); });
    }
    releasePending(p);
    return;
  }
  if (!handle_) {
    releasePending(p);
    return;
  }
  Buffer stackList[8];
  std::vector<Buffer> heapList;
  const Buffer* bufs = &p->first;
  if (p->count > 1) {
    Buffer* out = stackList;
    if (p->count > std::size(stackList)) {
      heapList.resize(p->count);
      out = heapList.data();
    }
    out[0] = p->first;
    for (std::size_t i = 1; i < p->count; ++i) out[i] = p->rest[i - 1];
    bufs = out;
  }

  if (!p->callback) {
    // Nobody can observe this send's outcome (Node drops its errors): let the wrap
    // batch it into one sendmmsg with its neighbours.
    if (p->port != 0) {
      sockaddr_storage ss;
      if (bindings::makeSockaddr(family_, ip, p->port, &ss) == 0) {
        handle_->sendLater(bufs, p->count, reinterpret_cast<sockaddr*>(&ss));
      }
    } else {
      handle_->sendLater(bufs, p->count, nullptr);
    }
    releasePending(p);
    return;
  }

  // Only a queued send needs its own completion callback (Node's SendWrap + afterSend).
  UniqueFunction<bindings::UdpWrap::SendCallback()> makeDone;
  if (p->callback) {
    makeDone = [p]() -> bindings::UdpWrap::SendCallback {
      return [cb = std::move(p->callback), address = p->address, port = p->port](
                 int status, std::size_t sent) mutable {
        if (status != 0) {
          cb(errors::exceptionWithHostPort(status, "send", address, port), 0);
        } else {
          cb(std::nullopt, sent);
        }
      };
    };
  }
  std::ptrdiff_t err;
  if (p->port != 0) {
    sockaddr_storage ss;
    int e = bindings::makeSockaddr(family_, ip, p->port, &ss);
    err = e != 0 ? e
                 : handle_->send(bufs, p->count, reinterpret_cast<sockaddr*>(&ss),
                                 std::move(makeDone));
  } else {
    err = handle_->send(bufs, p->count, nullptr, std::move(makeDone));
  }
  if (err != 0 && p->callback) {
    // Synchronous outcome: (null, bytes) or the error, on the next tick. The pending
    // send stays out of the pool until then (the socket outlives its earlier ticks).
    env.nextTick([this, p, err] {
      SendCallback cb = std::move(p->callback);
      std::string address = std::move(p->address);
      int port = p->port;
      releasePending(p);
      if (err >= 1) {
        cb(std::nullopt, static_cast<std::size_t>(err - 1));
      } else {
        cb(errors::exceptionWithHostPort(static_cast<int>(err), "send", address, port), 0);
      }
    });
    return;
  }
  releasePending(p);
}

Socket::PendingSend* Socket::takePending() {
  if (freePending_.empty()) {
    allPending_.push_back(std::make_unique<PendingSend>());
    return allPending_.back().get();
  }
  PendingSend* p = freePending_.back();
  freePending_.pop_back();
  return p;
}

void Socket::releasePending(PendingSend* p) {
  p->first = Buffer();
  p->rest.clear();
  p->address.clear();
  p->callback = nullptr;
  freePending_.push_back(p);
}

// ---- close ------------------------------------------------------------------------------

namespace {
// Held by the 'close' tick: after the event (or if the tick never runs, at teardown)
// the listeners go and the socket stops keeping itself alive.
struct CloseGuard {
  std::shared_ptr<Socket> socket;
  CloseGuard(std::shared_ptr<Socket> s) : socket(std::move(s)) {}  // NOLINT
  CloseGuard(CloseGuard&&) noexcept = default;
  ~CloseGuard() {
    if (socket) socket->removeAllListeners();
  }
};
}  // namespace

Socket& Socket::close(std::function<void()> callback) {
  if (callback) on("close", std::move(callback));
  if (queue_) {
    queue_->push_back([this] { close(); });
    return *this;
  }
  healthCheck();
  if (receiving_) {
    handle_->recvStop();
    receiving_ = false;
  }
  handle_->setOwner(nullptr);
  handle_->setCloseCallback({});
  handle_->close();
  handle_ = nullptr;
  std::shared_ptr<Socket> keep = selfRef_ ? std::move(selfRef_) : self();
  Environment::require().nextTick(
      [guard = CloseGuard(std::move(keep))] { guard.socket->emit("close"); });
  return *this;
}

// ---- addresses --------------------------------------------------------------------------

AddressInfo Socket::address() const {
  healthCheck();
  bindings::SocketAddress a;
  int err = handle_->getsockname(&a);
  if (err != 0) throw errors::errnoException(err, "getsockname");
  return {std::move(a.address), std::move(a.family), a.port};
}

AddressInfo Socket::remoteAddress() const {
  healthCheck();
  if (connectState_ != ConnectState::kConnected) throw notConnected();
  bindings::SocketAddress a;
  int err = handle_->getpeername(&a);
  if (err != 0) throw errors::errnoException(err, "getpeername");
  return {std::move(a.address), std::move(a.family), a.port};
}

// ---- options ----------------------------------------------------------------------------

void Socket::setBroadcast(bool flag) {
  if (!handle_) throw nullHandle("setBroadcast");
  int err = handle_->setBroadcast(flag);
  if (err != 0) throw errors::errnoException(err, "setBroadcast");
}

int Socket::setTTL(int ttl) {
  if (!handle_) throw nullHandle("setTTL");
  int err = handle_->setTTL(ttl);
  if (err != 0) throw errors::errnoException(err, "setTTL");
  return ttl;
}

int Socket::setMulticastTTL(int ttl) {
  if (!handle_) throw nullHandle("setMulticastTTL");
  int err = handle_->setMulticastTTL(ttl);
  if (err != 0) throw errors::errnoException(err, "setMulticastTTL");
  return ttl;
}

bool Socket::setMulticastLoopback(bool flag) {
  if (!handle_) throw nullHandle("setMulticastLoopback");
  int err = handle_->setMulticastLoopback(flag);
  if (err != 0) throw errors::errnoException(err, "setMulticastLoopback");
  return flag;
}

void Socket::setMulticastInterface(std::string_view interfaceAddress) {
  healthCheck();
  int err = handle_->setMulticastInterface(interfaceAddress);
  if (err != 0) throw errors::errnoException(err, "setMulticastInterface");
}

void Socket::addMembership(std::string_view multicastAddress,
                           std::optional<std::string> interfaceAddress) {
  healthCheck();
  if (multicastAddress.empty()) {
    throw errors::typeError("ERR_MISSING_ARGS",
                            "The \"multicastAddress\" argument must be specified");
  }
  int err = handle_->setMembership(multicastAddress,
                                   interfaceAddress ? &*interfaceAddress : nullptr, true);
  if (err != 0) throw errors::errnoException(err, "addMembership");
}

void Socket::dropMembership(std::string_view multicastAddress,
                            std::optional<std::string> interfaceAddress) {
  healthCheck();
  if (multicastAddress.empty()) {
    throw errors::typeError("ERR_MISSING_ARGS",
                            "The \"multicastAddress\" argument must be specified");
  }
  int err = handle_->setMembership(multicastAddress,
                                   interfaceAddress ? &*interfaceAddress : nullptr, false);
  if (err != 0) throw errors::errnoException(err, "dropMembership");
}

void Socket::addSourceSpecificMembership(std::string_view sourceAddress,
                                         std::string_view groupAddress,
                                         std::optional<std::string> interfaceAddress) {
  healthCheck();
  int err = handle_->setSourceMembership(sourceAddress, groupAddress,
                                         interfaceAddress ? &*interfaceAddress : nullptr, true);
  if (err != 0) throw errors::errnoException(err, "addSourceSpecificMembership");
}

void Socket::dropSourceSpecificMembership(std::string_view sourceAddress,
                                          std::string_view groupAddress,
                                          std::optional<std::string> interfaceAddress) {
  healthCheck();
  int err = handle_->setSourceMembership(sourceAddress, groupAddress,
                                         interfaceAddress ? &*interfaceAddress : nullptr, false);
  if (err != 0) throw errors::errnoException(err, "dropSourceSpecificMembership");
}

void Socket::setRecvBufferSize(std::int64_t size) { bufferSize(size, true); }
void Socket::setSendBufferSize(std::int64_t size) { bufferSize(size, false); }
int Socket::getRecvBufferSize() const { return bufferSize(0, true); }
int Socket::getSendBufferSize() const { return bufferSize(0, false); }

std::size_t Socket::getSendQueueSize() const {
  if (!handle_) throw nullHandle("getSendQueueSize");
  return handle_->sendQueueSize();
}

std::size_t Socket::getSendQueueCount() const {
  if (!handle_) throw nullHandle("getSendQueueCount");
  return handle_->sendQueueCount();
}

Socket& Socket::ref() {
  if (handle_) handle_->ref();
  return *this;
}

Socket& Socket::unref() {
  if (handle_) handle_->unref();
  return *this;
}

}  // namespace nodecc::dgram

namespace nodecc::util {

std::string Inspector<dgram::RemoteInfo>::inspect(const dgram::RemoteInfo& r, InspectContext& ctx,
                                                  int depth) {
  Value v = Object{{"address", r.address},
                   {"family", r.family},
                   {"port", r.port},
                   {"size", static_cast<double>(r.size)}};
  return detail::inspectValue(v, ctx, depth);
}

std::string Inspector<dgram::AddressInfo>::inspect(const dgram::AddressInfo& a, InspectContext& ctx,
                                                   int depth) {
  Value v = Object{{"address", a.address}, {"family", a.family}, {"port", a.port}};
  return detail::inspectValue(v, ctx, depth);
}

}  // namespace nodecc::util
