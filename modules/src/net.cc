// net: lib/net.js and lib/internal/stream_base_commons.js over bindings/tcp_wrap.
#include "nodecc/net.h"

#include <cmath>

#include "bindings/inet.h"
#include "bindings/tcp_wrap.h"
#include "nodecc/dns.h"
#include "nodecc/environment.h"
#include "nodecc/process.h"

namespace nodecc::net {

namespace {
bool gAutoSelectFamily = true;
detail::GetServerHook gGetServerHook = nullptr;
int gAutoSelectFamilyAttemptTimeout = 250;

constexpr const char* kDefaultIPv4 = "0.0.0.0";
constexpr const char* kDefaultIPv6 = "::";

Environment& env() { return Environment::require(); }

Error errSocketClosed() { return errors::error("ERR_SOCKET_CLOSED", "Socket is closed"); }

Error badPort(std::string_view name, double port) {
  return errors::rangeError("ERR_SOCKET_BAD_PORT", std::string(name) +
                                                       " should be >= 0 and < 65536. Received " +
                                                       errors::describeNumber(port) + ".");
}

void validatePort(double port, std::string_view name) {
  if (!(port >= 0 && port <= 65535) || std::trunc(port) != port) throw badPort(name, port);
}

}  // namespace

int isIP(std::string_view input) { return bindings::isIP(input); }
bool isIPv4(std::string_view input) { return bindings::isIPv4(input); }
bool isIPv6(std::string_view input) { return bindings::isIPv6(input); }
bool getDefaultAutoSelectFamily() { return gAutoSelectFamily; }
void setDefaultAutoSelectFamily(bool v) { gAutoSelectFamily = v; }
int getDefaultAutoSelectFamilyAttemptTimeout() { return gAutoSelectFamilyAttemptTimeout; }
void detail::setGetServerHook(GetServerHook hook) noexcept { gGetServerHook = hook; }
void setDefaultAutoSelectFamilyAttemptTimeout(int v) {
  if (v < 1) throw errors::outOfRange("value", ">= 1 && <= 2147483647", std::to_string(v));
  gAutoSelectFamilyAttemptTimeout = v < 10 ? 10 : v;
}

// ---- Socket ---------------------------------------------------------------------------------

namespace {
stream::Duplex::Options duplexOptions(const SocketOptions& o) {
  stream::Duplex::Options d;
  d.allowHalfOpen = o.allowHalfOpen;
  d.readable = o.readable;
  d.writable = o.writable;
  d.readableHighWaterMark = o.highWaterMark;
  d.writableHighWaterMark = o.highWaterMark;
  d.emitClose = false;  // 'close'(hadError) comes from the handle's close
  d.autoDestroy = true;
  d.decodeStrings = false;  // as Node's Socket: a string write counts its JS length
  return d;
}
}  // namespace

// Node's onReadableStreamEnd, one function for every socket: without half-open, writes
// after the peer's FIN fail with EPIPE.
void Socket::onReadableStreamEnd(EventEmitter& self) {
  auto& s = dynamic_cast<Socket&>(self);
  if (!s.allowHalfOpen) s.endedByPeerNoHalfOpen_ = true;
}

Socket::Socket(SocketOptions opts) : stream::Duplex(duplexOptions(opts)) {
  setNoDelay_ = opts.noDelay;
  setKeepAlive_ = opts.keepAlive;
  keepAliveDelay_ = static_cast<unsigned>(std::max(0.0, opts.keepAliveInitialDelay) / 1000);
  thread_local const Listener endListener =
      std::make_shared<nodecc::detail::ThisListener<&Socket::onReadableStreamEnd>>();
  addSharedListener("end", endListener);
  if (opts.fd) {
    throw errors::invalidArgValue("options.fd", std::to_string(*opts.fd),
                                  "needs net::Socket::create() (a socket with a descriptor must "
                                  "hold a reference to itself)");
  }
}

std::shared_ptr<void> Socket::releaseForTeardown() {
  // The Environment is ending: no user code runs from here on.
  std::shared_ptr<void> keep = weak_from_this().lock();
  timeout_.reset();
  if (handle_) {
    handle_->setReadCallback(bindings::StreamWrap::ReadCallback());
    handle_->close([]() {});
    handle_ = nullptr;
  }
  consume_.reset();
  server_.reset();
  stream::Duplex::releaseForTeardown();
  self_.reset();
  return keep;
}

Socket::Socket(FromHandle, bindings::StreamWrap* handle, SocketOptions opts)
    : Socket([&] {
        opts.fd.reset();
        return opts;
      }()) {
  isPipe_ = !dynamic_cast<bindings::TcpWrap*>(handle);
  initHandle(handle);
}

SocketPtr Socket::fromHandle(bindings::StreamWrap* handle, SocketOptions opts, bool pauseOnCreate) {
  bool readableSide = opts.readable;
  auto s = std::make_shared<Socket>(FromHandle{}, handle, std::move(opts));
  s->self_ = s;
  if (readableSide) {
    if (pauseOnCreate) {
      handle->readStop();
      s->pause();  // readableFlowing = false
    } else {
      s->read(0);
    }
  }
  return s;
}

SocketPtr Socket::create(SocketOptions opts) {
  if (!opts.fd) return std::make_shared<Socket>(std::move(opts));
  int fd = *opts.fd;
  Environment& e = env();
  uv_handle_type t = uv_guess_handle(fd);
  bindings::StreamWrap* h;
  int err;
  if (t == UV_TCP) {
    auto* tcp = bindings::TcpWrap::create(e);
    err = tcp->open(fd);
    h = tcp;
  } else {
    auto* p = bindings::PipeWrap::create(e, false);
    err = p->open(fd);
    h = p;
  }
  if (err) {
    h->close();
    throw errors::errnoException(err, "open");
  }
  return fromHandle(h, std::move(opts), false);
}

Socket::~Socket() {
  // Only reached after the handle closed (the handle holds a self-reference), or for a
  // socket that never had one.
  if (handle_) handle_->close();
}

const nodecc::detail::SigInfo* Socket::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "close") return &SigOf<bool>::info;
  if (event == "connect" || event == "ready" || event == "timeout") return &SigOf<>::info;
  if (event == "lookup") return &SigOf<std::optional<Error>, std::string, int, std::string>::info;
  if (event == "connectionAttempt" || event == "connectionAttemptTimeout")
    return &SigOf<std::string, int, int>::info;
  if (event == "connectionAttemptFailed") return &SigOf<std::string, int, int, Error>::info;
  return stream::Duplex::declaredSignature(event);
}

// initSocketHandle
void Socket::initHandle(bindings::StreamWrap* h) {
  handle_ = h;
  if (cached_) cached_->sock.reset();
  // From the constructor the socket has no owner yet (fromHandle sets self_ right after).
  if (!self_) self_ = weak_from_this().lock();
  h->setReadCallback([this](ssize_t nread, Buffer data) {
    Environment& e = handle_ ? handle_->env() : env();
    e.makeCallback([&] {
      if (nread > 0 && consuming_) {
        // consume(): the consumer may unconsume() while it runs, so it is released after.
        unrefTimer();
        inConsumer_ = true;
        struct Done {
          Socket* s;
          ~Done() {
            s->inConsumer_ = false;
            if (!s->consuming_) s->consume_->onData = nullptr;
          }
        } done{this};
        consume_->onData(std::move(data));
        return;
      }
      onRead(nread, std::move(data));
    });
  });
  h->setCloseCallback([]() {});
}

// onStreamRead
void Socket::onRead(ssize_t nread, Buffer data) {
  unrefTimer();
  if (nread > 0 && !destroyed()) {
    bool result = push(std::move(data));
    if (!result && handle_) {
      int err = handle_->readStop();
      if (err) destroy(errors::errnoException(err, "read"));
    }
    return;
  }
  if (nread == 0 || nread > 0) return;
  if (nread != UV_EOF) {
    destroy(errors::errnoException(static_cast<int>(nread), "read"));
    return;
  }
  if (!readableEnded()) {
    push(nullptr);
    read(0);
  }
}

void Socket::tryReadStart() {
  int err = handle_->readStart();
  if (err) destroy(errors::errnoException(err, "read"));
}

void Socket::_read(std::size_t) {
  if (connecting_ || !handle_) {
    once("connect", [this]() { _read(0); });
  } else if (!handle_->reading()) {
    tryReadStart();
  }
}

// writeAfterFIN
bool Socket::interceptWrite(Buffer&, stream::Callback& cb, bool& result) {
  if (!endedByPeerNoHalfOpen_ || !writableEnded()) return false;
  Error er("This socket has been ended by the other party");
  er.code = "EPIPE";
  if (cb) {
    auto shared = std::make_shared<stream::Callback>(std::move(cb));
    nextTick([shared, er] { (*shared)(er); });
  }
  destroy(er);
  result = false;
  return true;
}

void Socket::_write(Buffer chunk, stream::Callback cb) {
  std::vector<Buffer> v;
  v.push_back(std::move(chunk));
  writeGeneric(std::move(v), std::move(cb));
}

void Socket::_writev(std::vector<Buffer> chunks, stream::Callback cb) {
  writeGeneric(std::move(chunks), std::move(cb));
}

// Socket.prototype._writeGeneric
void Socket::writeGeneric(std::vector<Buffer> chunks, stream::Callback cb) {
  if (connecting_) {
    std::size_t bytes = 0;
    for (auto& c : chunks) bytes += c.length();
    cached().pendingDataBytes = bytes;
    struct Pending {
      std::vector<Buffer> chunks;
      stream::Callback cb;
      Listener onClose;
      bool done = false;
    };
    auto p = std::make_shared<Pending>();
    p->chunks = std::move(chunks);
    p->cb = std::move(cb);
    // Weak: the 'connect' listener owns `p` (a strong capture here made a cycle).
    p->onClose = makeListener([w = std::weak_ptr<Pending>(p)]() {
      auto p = w.lock();
      if (!p || p->done) return;
      p->done = true;
      if (p->cb)
        p->cb(errors::error("ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
                            "Socket closed before the connection was established"));
    });
    once("connect", [this, p]() {
      off("close", p->onClose);
      if (p->done) return;
      p->done = true;
      writeGeneric(std::move(p->chunks), std::move(p->cb));
    });
    once("close", p->onClose);
    return;
  }
  if (cached_) cached_->pendingDataBytes = 0;
  if (!handle_) {
    cb(errSocketClosed());
    return;
  }
  unrefTimer();
  bool async = false;
  auto keep = self_;
  std::size_t bytes = 0;
  for (auto& c : chunks) bytes += c.length();
  auto shared = std::make_shared<stream::Callback>(std::move(cb));
  Environment* e = &handle_->env();
  int err = handle_->write(
      chunks,
      [this, keep, shared, e](int status) {
        // onWriteComplete, from the libuv callback
        e->makeCallback([&] {
          if (destroyed()) {
            (*shared)(std::nullopt);
            return;
          }
          if (status < 0) {
            (*shared)(errors::errnoException(status, "write"));
            return;
          }
          unrefTimer();
          if (timeout_) timeout_->lastWriteQueueSize = 0;
          (*shared)(std::nullopt);
        });
      },
      &async);
  // afterWriteDispatched
  if (err != 0) {
    (*shared)(errors::errnoException(err, "write"));
    return;
  }
  if (async) {
    if (timeout_ || bytes > 0) timeoutState().lastWriteQueueSize = bytes;
  } else {
    (*shared)(std::nullopt);
  }
}

void Socket::_final(stream::Callback cb) {
  if (pending() && connecting_) {
    auto shared = std::make_shared<stream::Callback>(std::move(cb));
    once("connect", [this, shared]() { _final(std::move(*shared)); });
    return;
  }
  if (!handle_) {
    cb(std::nullopt);
    return;
  }
  auto shared = std::make_shared<stream::Callback>(std::move(cb));
  auto keep = self_;
  Environment* e = &handle_->env();
  int err = handle_->shutdown([shared, keep, e](int) {
    // afterShutdown: the callback gets no error in Node either.
    e->makeCallback([&] { (*shared)(std::nullopt); });
  });
  if (err == 1 || err == UV_ENOTCONN) {
    (*shared)(std::nullopt);
  } else if (err != 0) {
    (*shared)(errors::errnoException(err, "shutdown"));
  }
}

// After 'close': let go of the listeners and the self-reference, unless a lookup still has
// a 'lookup' to emit (it calls this again).
void Socket::releaseAfterClose() {
  closeDone_ = true;
  if (pendingLookups_ > 0) return;
  dropListeners();
  self_.reset();
}

// closeSocketHandle
void Socket::closeHandle(bool isException) {
  if (!handle_) return;
  bindings::StreamWrap* h = handle_;
  auto keep = self_;
  Environment* e = &h->env();
  h->setCloseCallback([this, keep, isException, e]() {
    e->makeCallback([&] { emit("close", isException); });
    // Nothing is emitted after 'close' (but a pending 'lookup'): release listeners (lambdas
    // capturing this socket) and the self-reference.
    unconsume();
    if (consume_) consume_->onUnconsume = nullptr;
    releaseAfterClose();
  });
  h->close();
}

void Socket::_destroy(std::optional<Error> exception, stream::Callback cb) {
  connecting_ = false;
  ++connectGeneration_;
  if (timeout_ && timeout_->timer) {
    clearTimeout(timeout_->timer);
    timeout_->timer.reset();
  }
  if (handle_) {
    bool isException = exception.has_value();
    cached().bytesRead = handle_->bytesRead();
    cached().bytesWritten = handle_->bytesWritten();
    if (resetAndClosing_) {
      // Node: this._handle.reset(() => this.emit('close', isException)).
      resetAndClosing_ = false;
      auto* tcp = static_cast<bindings::TcpWrap*>(handle_);
      auto keep = self_;
      Environment* e = &tcp->env();
      int err = tcp->reset(Task([this, keep, isException, e]() {
        e->makeCallback([&] { emit("close", isException); });
        releaseAfterClose();
      }));
      if (err) emit("error", errors::errnoException(err, "reset"));
    } else {
      closeHandle(isException);
    }
    handle_->setReadCallback(bindings::StreamWrap::ReadCallback());
    handle_ = nullptr;
    if (cached_) cached_->sock.reset();
    cb(std::move(exception));
  } else {
    cb(std::move(exception));
    auto keep = keepAlive();
    nextTick([this, keep] {
      emit("close", false);
      releaseAfterClose();
    });
  }
  if (server_) {
    --server_->connections_;
    server_->emitCloseIfDrained();
  }
}

bindings::StreamWrap* Socket::detachHandle() {
  if (!handle_) return nullptr;
  bindings::StreamWrap* h = handle_;
  h->setReadCallback(bindings::StreamWrap::ReadCallback());
  h->readStop();
  h->setCloseCallback([]() {});
  cached().bytesRead = h->bytesRead();
  cached().bytesWritten = h->bytesWritten();
  handle_ = nullptr;
  setTimeout(0);
  if (server_) {
    --server_->connections_;
    server_.reset();  // so that a later destroy() does not count it a second time
  }
  auto keep = std::move(self_);
  return h;
}

void Socket::consume(UniqueFunction<void(Buffer)> onData, UniqueFunction<void()> onUnconsume) {
  if (!consume_) consume_ = std::make_unique<ConsumeHooks>();
  consume_->onData = std::move(onData);
  consume_->onUnconsume = std::move(onUnconsume);
  consuming_ = true;
}

void Socket::unconsume() {
  consuming_ = false;
  if (!inConsumer_ && consume_) consume_->onData = nullptr;
}

Socket& Socket::setEncoding(std::string_view encoding) {
  if (encodingForbidden_) {
    throw errors::error("ERR_HTTP_SOCKET_ENCODING",
                        "Changing the socket encoding is not allowed per RFC7230 Section 3.");
  }
  stream::Duplex::setEncoding(encoding);
  return *this;
}

void Socket::listenerAdded(std::string_view event) {
  if (consuming_ && (event == "data" || event == "readable")) {
    UniqueFunction<void()> cb = std::move(consume_->onUnconsume);
    unconsume();
    if (cb) cb();
  }
  stream::Duplex::listenerAdded(event);
}

void Socket::destroySoon() {
  if (writable()) end();
  if (writableFinished()) {
    destroy();
  } else {
    once("finish", [this]() { destroy(); });
  }
}

Socket& Socket::resetAndDestroy() {
  if (handle_) {
    if (!dynamic_cast<bindings::TcpWrap*>(handle_)) {
      throw errors::typeError("ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent");
    }
    if (connecting_) {
      once("connect", [this]() {
        resetAndClosing_ = true;
        destroy();
      });
    } else {
      resetAndClosing_ = true;
      destroy();
    }
  } else {
    destroy(errSocketClosed());
  }
  return *this;
}

// ---- timeouts ----

void Socket::unrefTimer() {
  if (timeout_ && timeout_->timer) timeout_->timer->refresh();
}

void Socket::onTimeoutFired() {
  if (handle_ && timeout_ && timeout_->lastWriteQueueSize > 0) {
    std::size_t wq = handle_->writeQueueSize();
    if (wq != timeout_->lastWriteQueueSize) {
      timeout_->lastWriteQueueSize = wq;
      unrefTimer();
      return;
    }
  }
  emit("timeout");
}

Socket& Socket::setTimeout(double msecs, std::function<void()> callback) {
  if (destroyed()) return *this;
  timeoutState().ms = msecs;
  if (std::isnan(msecs) || msecs < 0 || !std::isfinite(msecs)) {
    throw errors::outOfRange("msecs", "a non-negative finite number",
                             util::detail::formatNumber(msecs));
  }
  if (msecs > 2147483647) {  // getTimerDuration
    process::emitWarning(util::detail::formatNumber(msecs) +
                             " does not fit into a 32-bit signed integer.\nTimer duration was "
                             "truncated to 2147483647.",
                         "TimeoutOverflowWarning");
    msecs = 2147483647;
  }
  if (timeout_->timer) {
    clearTimeout(timeout_->timer);
    timeout_->timer.reset();
  }
  if (msecs == 0) {
    // Node removes the given callback as a 'timeout' listener; C++ callables have no
    // identity, so nothing is removed.
    return *this;
  }
  std::weak_ptr<EventEmitter> weak = weak_from_this();
  timeout_->timer = nodecc::setTimeout(
      [this, weak]() {
        if (auto sp = weak.lock()) onTimeoutFired();
      },
      msecs);
  timeout_->timer->unref();
  if (callback) once("timeout", std::move(callback));
  return *this;
}

Socket& Socket::setNoDelay(bool enable) {
  if (!handle_) {
    setNoDelay_ = enable;
    return *this;
  }
  auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_);
  if (tcp && enable != setNoDelay_) {
    setNoDelay_ = enable;
    tcp->setNoDelay(enable);
  }
  return *this;
}

Socket& Socket::setKeepAlive(bool enable, double initialDelay) {
  unsigned delay = static_cast<unsigned>(std::max(0.0, initialDelay) / 1000);
  if (!handle_) {
    setKeepAlive_ = enable;
    keepAliveDelay_ = delay;
    return *this;
  }
  auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_);
  if (!tcp) return *this;
  if (enable != setKeepAlive_ || (enable && keepAliveDelay_ != delay)) {
    setKeepAlive_ = enable;
    keepAliveDelay_ = delay;
    tcp->setKeepAlive(enable, delay);
  }
  return *this;
}

Socket& Socket::ref() {
  if (!handle_) {
    once("connect", [this]() { ref(); });
    return *this;
  }
  handle_->ref();
  return *this;
}

Socket& Socket::unref() {
  if (!handle_) {
    once("connect", [this]() { unref(); });
    return *this;
  }
  handle_->unref();
  return *this;
}

// ---- addresses ----

void Socket::peername() {
  if (peerInfo() || !handle_ || connecting_) return;
  if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_)) {
    bindings::SocketAddress sa;
    if (tcp->getpeername(&sa) == 0) cached().peer = AddressInfo{sa.address, sa.family, sa.port};
  } else if (auto* p = dynamic_cast<bindings::PipeWrap*>(handle_)) {
    std::string name = p->getpeername();
    cached().peer = AddressInfo{name, "", 0};
  }
}

void Socket::sockname() {
  if (sockInfo() || !handle_) return;
  if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_)) {
    bindings::SocketAddress sa;
    if (tcp->getsockname(&sa) == 0) cached().sock = AddressInfo{sa.address, sa.family, sa.port};
  } else if (auto* p = dynamic_cast<bindings::PipeWrap*>(handle_)) {
    cached().sock = AddressInfo{p->getsockname(), "", 0};
  }
}

AddressInfo Socket::address() {
  sockname();
  return sockInfo() ? *sockInfo() : AddressInfo{};
}

Maybe<std::string> Socket::remoteAddress() {
  peername();
  if (!peerInfo() || isPipe_) return std::nullopt;
  return peerInfo()->address;
}
Maybe<int> Socket::remotePort() {
  peername();
  if (!peerInfo() || isPipe_) return std::nullopt;
  return peerInfo()->port;
}
Maybe<std::string> Socket::remoteFamily() {
  peername();
  if (!peerInfo() || isPipe_) return std::nullopt;
  return peerInfo()->family;
}
Maybe<std::string> Socket::localAddress() {
  sockname();
  if (!sockInfo() || isPipe_) return std::nullopt;
  return sockInfo()->address;
}
Maybe<int> Socket::localPort() {
  sockname();
  if (!sockInfo() || isPipe_) return std::nullopt;
  return sockInfo()->port;
}
Maybe<std::string> Socket::localFamily() {
  sockname();
  if (!sockInfo() || isPipe_) return std::nullopt;
  return sockInfo()->family;
}

std::uint64_t Socket::bytesRead() const noexcept {
  return handle_ ? handle_->bytesRead() : (cached_ ? cached_->bytesRead : 0);
}

std::uint64_t Socket::bytesWritten() const noexcept {
  std::uint64_t dispatched =
      handle_ ? handle_->bytesWritten() : (cached_ ? cached_->bytesWritten : 0);
  return dispatched + bufferedBytes() + (cached_ ? cached_->pendingDataBytes : 0);
}

std::string Socket::readyState() const {
  if (connecting_) return "opening";
  bool r = readable(), w = writable();
  if (r && w) return "open";
  if (r && !w) return "readOnly";
  if (!r && w) return "writeOnly";
  return "closed";
}

// ---- connect ---------------------------------------------------------------------------------

Socket& Socket::connect(int port, std::string_view host, std::function<void()> cb) {
  ConnectOptions o;
  o.port = port;
  o.host = std::string(host);
  return connect(std::move(o), std::move(cb));
}

Socket& Socket::connect(std::string_view path, std::function<void()> cb) {
  ConnectOptions o;
  o.path = std::string(path);
  return connect(std::move(o), std::move(cb));
}

Socket& Socket::connect(ConnectOptions options, std::function<void()> cb) {
  if (cb) once("connect", std::move(cb));
  if (!options.port && options.path.empty()) {
    throw errors::typeError("ERR_MISSING_ARGS",
                            "The \"options\" or \"port\" or \"path\" argument must be specified");
  }
  endedByPeerNoHalfOpen_ = false;
  if (destroyed()) {
    // Node allows reconnecting a destroyed socket; streams are not reusable here.
    throw errSocketClosed();
  }
  bool pipe = !options.path.empty();
  // Checked before a handle exists, so that a throw leaves nothing open. Node checks it in
  // lookupAndConnect, once the socket is connecting: the state it leaves is the same.
  if (!pipe && !options.localAddress.empty() && !isIP(options.localAddress)) {
    connecting_ = true;
    throw errors::typeError("ERR_INVALID_IP_ADDRESS",
                            "Invalid IP address: " + options.localAddress);
  }
  Environment& e = env();
  if (!handle_) {
    isPipe_ = pipe;
    if (pipe)
      initHandle(bindings::PipeWrap::create(e, false));
    else
      initHandle(bindings::TcpWrap::create(e));
  }
  unrefTimer();
  connecting_ = true;
  if (pipe) {
    internalConnect(options.path, -1, 0, "", 0);
  } else {
    lookupAndConnect(options);
  }
  return *this;
}

struct Socket::MultiConnect {
  std::vector<dns::LookupAddress> addresses;
  std::size_t current = 0;
  int port = 0;
  int localPort = 0;
  int timeout = 250;
  std::vector<Error> errors;
  TimeoutPtr timer;
  bindings::TcpWrap* attempt = nullptr;
};

void Socket::lookupAndConnect(const ConnectOptions& options) {
  std::string host = options.host.empty() ? "localhost" : options.host;
  if (!options.localAddress.empty() && !isIP(options.localAddress)) {
    throw errors::typeError("ERR_INVALID_IP_ADDRESS",
                            "Invalid IP address: " + options.localAddress);
  }
  int port = *options.port;
  validatePort(port, "Port");
  bool autoSelect = options.autoSelectFamily.value_or(gAutoSelectFamily);
  int attemptTimeout = gAutoSelectFamilyAttemptTimeout;
  if (options.autoSelectFamilyAttemptTimeout) {
    attemptTimeout = *options.autoSelectFamilyAttemptTimeout;
    if (attemptTimeout < 1) {  // validateInt32(…, 1)
      throw errors::outOfRange("options.autoSelectFamilyAttemptTimeout", ">= 1 && <= 2147483647",
                               std::to_string(attemptTimeout));
    }
    if (attemptTimeout < 10) attemptTimeout = 10;
  }
  std::string localAddress = options.localAddress;
  int localPort = options.localPort;
  std::uint32_t gen = connectGeneration_;
  auto keep = keepAlive();
  int addressType = isIP(host);
  if (addressType) {
    nextTick([this, keep, host, port, addressType, localAddress, localPort, gen] {
      if (connecting_ && gen == connectGeneration_)
        internalConnect(host, port, addressType, localAddress, localPort);
    });
    return;
  }
  dns::LookupOptions dnsopts;
  dnsopts.family = options.family;
  dnsopts.hints = options.hints;
  if (dnsopts.family != 4 && dnsopts.family != 6 && dnsopts.hints == 0)
    dnsopts.hints = dns::ADDRCONFIG;
  if (dnsopts.family != 4 && dnsopts.family != 6 && localAddress.empty() && autoSelect) {
    dns::lookup(host, dnsopts,
                [this, keep, host, port, localAddress, localPort, attemptTimeout, gen](
                    std::optional<Error> err, std::vector<dns::LookupAddress> addresses) {
                  if (!connecting_ || gen != connectGeneration_) return;
                  if (err) {
                    emit("lookup", err, std::string(), 0, host);
                    auto k = keepAlive();
                    Error er = *err;
                    nextTick([this, k, er] { destroy(er); });
                    return;
                  }
                  std::vector<dns::LookupAddress> v4, v6;
                  std::vector<dns::LookupAddress> valid[2];
                  int first = 0;
                  for (auto& a : addresses) {
                    emit("lookup", std::optional<Error>(), a.address, a.family, host);
                    if (!connecting_ || gen != connectGeneration_) return;
                    if (isIP(a.address) && (a.family == 4 || a.family == 6)) {
                      if (first == 0) first = a.family;
                      int dest = a.family == first ? 0 : 1;
                      bool dup = false;
                      for (auto& x : valid[dest]) dup |= x.address == a.address;
                      if (!dup) valid[dest].push_back(a);
                    }
                  }
                  if (valid[0].empty() && valid[1].empty()) return;
                  std::vector<dns::LookupAddress> toAttempt;
                  for (std::size_t i = 0; i < std::max(valid[0].size(), valid[1].size()); ++i) {
                    if (i < valid[0].size()) toAttempt.push_back(valid[0][i]);
                    if (i < valid[1].size()) toAttempt.push_back(valid[1][i]);
                  }
                  if (toAttempt.size() == 1) {
                    unrefTimer();
                    internalConnect(toAttempt[0].address, port, toAttempt[0].family, localAddress,
                                    localPort);
                    return;
                  }
                  auto ctx = std::make_shared<MultiConnect>();
                  ctx->addresses = std::move(toAttempt);
                  ctx->port = port;
                  ctx->localPort = localPort;
                  ctx->timeout = attemptTimeout;
                  unrefTimer();
                  connectMultiple(ctx, false);
                });
    return;
  }
  ++pendingLookups_;
  dns::lookup(host, dnsopts,
              [this, keep, host, port, localAddress, localPort, gen](std::optional<Error> err,
                                                                     std::string ip, int family) {
                --pendingLookups_;
                emit("lookup", err, ip, family, host);
                if (closeDone_) {
                  if (pendingLookups_ == 0) releaseAfterClose();
                  return;
                }
                if (!connecting_ || gen != connectGeneration_) return;
                auto k = keepAlive();
                if (err) {
                  Error er = *err;
                  nextTick([this, k, er] { destroy(er); });
                } else if (!isIP(ip)) {
                  Error er =
                      errors::typeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + ip);
                  nextTick([this, k, er] { destroy(er); });
                } else {
                  unrefTimer();
                  internalConnect(ip, port, family, localAddress, localPort);
                }
              });
}

// internalConnectMultiple
void Socket::connectMultiple(std::shared_ptr<MultiConnect> ctx, bool canceled) {
  if (ctx->timer) {
    clearTimeout(ctx->timer);
    ctx->timer.reset();
  }
  if (canceled || ctx->current == ctx->addresses.size()) {
    if (ctx->errors.empty()) {
      destroy(errors::error("ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout"));
      return;
    }
    // NodeAggregateError: message empty, code of the first error.
    Error agg;
    agg.name = "AggregateError";
    agg.code = ctx->errors[0].code;
    Array errs;
    for (auto& e : ctx->errors)
      errs.push_back(Value(Object{{"message", e.message}, {"code", e.code}}));
    agg.info = Object{{"errors", Value(std::move(errs))}};
    destroy(agg);
    return;
  }
  std::size_t current = ctx->current++;
  Environment& e = env();
  if (current > 0) {
    // kReinitializeHandle: a fresh TCP handle for the next attempt.
    if (handle_) {
      handle_->setReadCallback(bindings::StreamWrap::ReadCallback());
      handle_->close();
    }
    handle_ = nullptr;
    initHandle(bindings::TcpWrap::create(e));
  }
  auto* tcp = static_cast<bindings::TcpWrap*>(handle_);
  const auto& addr = ctx->addresses[current];
  int err = 0;
  std::string localAddress;
  if (ctx->localPort) {
    localAddress = addr.family == 4 ? kDefaultIPv4 : kDefaultIPv6;
    err = tcp->bind(localAddress, ctx->localPort);
    if (err) {
      ctx->errors.push_back(
          errors::exceptionWithHostPort(err, "bind", localAddress, ctx->localPort));
      connectMultiple(ctx, false);
      return;
    }
  }
  emit("connectionAttempt", addr.address, ctx->port, addr.family);
  auto keep = keepAlive();
  std::uint32_t gen = connectGeneration_;
  std::string address = addr.address;
  int family = addr.family;
  int port = ctx->port;
  err = tcp->connect(
      address, port,
      [this, keep, ctx, current, address, port, family, localAddress, gen, tcp, &e](int status) {
        e.makeCallback([&] {
          // afterConnectMultiple
          if (ctx->timer) {
            clearTimeout(ctx->timer);
            ctx->timer.reset();
          }
          if (gen != connectGeneration_) return;
          if (status == 0 && current != ctx->current - 1) return;  // a stale attempt
          if (status == UV_ECANCELED && handle_ != tcp) return;
          if (status != 0) {
            Error ex = errors::exceptionWithHostPort(status, "connect", address, port);
            ctx->errors.push_back(ex);
            emit("connectionAttemptFailed", address, port, family, ex);
            if (connecting_) connectMultiple(ctx, status == UV_ECANCELED);
            return;
          }
          afterConnect(0, address, port, family, localAddress, ctx->localPort);
        });
      });
  if (err) {
    Error ex = errors::exceptionWithHostPort(err, "connect", address, port);
    ctx->errors.push_back(ex);
    emit("connectionAttemptFailed", address, port, family, ex);
    connectMultiple(ctx, false);
    return;
  }
  if (current < ctx->addresses.size() - 1) {
    ctx->timer = nodecc::setTimeout(
        [this, keep, ctx, address, port, family, tcp]() {
          // internalConnectMultipleTimeout
          emit("connectionAttemptTimeout", address, port, family);
          ctx->errors.push_back(
              errors::exceptionWithHostPort(UV_ETIMEDOUT, "connect", address, port));
          if (handle_ == tcp) {
            tcp->setReadCallback(bindings::StreamWrap::ReadCallback());
            tcp->close();
            handle_ = nullptr;
          }
          if (connecting_) connectMultiple(ctx, false);
        },
        ctx->timeout);
  }
}

void Socket::internalConnect(const std::string& address, int port, int family,
                             const std::string& localAddressIn, int localPort) {
  int err = 0;
  std::string localAddress = localAddressIn;
  auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_);
  if (tcp && (!localAddress.empty() || localPort)) {
    if (localAddress.empty()) localAddress = family == 4 ? kDefaultIPv4 : kDefaultIPv6;
    err = tcp->bind(localAddress, localPort);
    if (err == 0 && localPort > 0) {
      bindings::SocketAddress sa;
      if (tcp->getsockname(&sa) == 0 && sa.port != localPort) err = UV_EADDRINUSE;
    }
    if (err) {
      destroy(errors::exceptionWithHostPort(err, "bind", localAddress, localPort));
      return;
    }
  }
  auto keep = keepAlive();
  std::uint32_t gen = connectGeneration_;
  Environment* e = &handle_->env();
  auto done = [this, keep, gen, address, port, family, localAddress, localPort, e](int status) {
    e->makeCallback([&] {
      if (gen != connectGeneration_) return;
      afterConnect(status, address, port, family, localAddress, localPort);
    });
  };
  if (tcp) {
    emit("connectionAttempt", address, port, family);
    err = tcp->connect(address, port, done);
  } else {
    err = static_cast<bindings::PipeWrap*>(handle_)->connect(address, done);
  }
  if (err) {
    std::string details;
    sockname();
    if (const AddressInfo* a = sockInfo()) details = a->address + ":" + std::to_string(a->port);
    destroy(errors::exceptionWithHostPort(
        err, "connect", address, port < 0 ? std::nullopt : std::optional<int>(port), details));
  }
}

void Socket::afterConnect(int status, const std::string& address, int port, int family,
                          const std::string& localAddress, int localPort) {
  if (destroyed()) return;
  connecting_ = false;
  if (cached_) cached_->sock.reset();
  if (status == 0) {
    unrefTimer();
    if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_)) {
      if (setNoDelay_) tcp->setNoDelay(true);
      if (setKeepAlive_) tcp->setKeepAlive(true, keepAliveDelay_);
    }
    emit("connect");
    emit("ready");
    if (!isPaused()) read(0);
  } else {
    std::string details;
    if (!localAddress.empty() && localPort)
      details = localAddress + ":" + std::to_string(localPort);
    Error ex = errors::exceptionWithHostPort(
        status, "connect", address, port < 0 ? std::nullopt : std::optional<int>(port), details);
    if (!details.empty()) {
      ex.info = Object{{"localAddress", localAddress}, {"localPort", localPort}};
    }
    if (family == 4 || family == 6) emit("connectionAttemptFailed", address, port, family, ex);
    destroy(ex);
  }
}

// ---- Server -------------------------------------------------------------------------------------

Server::Server(ServerOptions opts) : opts_(opts) {}

std::shared_ptr<void> Server::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  if (handle_) {
    handle_->close([]() {});
    handle_ = nullptr;
  }
  cluster_.reset();  // silently: no message to the primary at teardown
  EventEmitter::releaseForTeardown();
  self_.reset();
  return keep;
}

Server::~Server() {
  if (handle_) handle_->close();
}

const nodecc::detail::SigInfo* Server::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "connection") return &SigOf<SocketPtr>::info;
  if (event == "listening" || event == "close") return &SigOf<>::info;
  if (event == "error") return &SigOf<Error>::info;
  if (event == "drop") return &SigOf<DropInfo>::info;
  return nullptr;
}

ServerPtr createServer(ServerOptions options, std::function<void(SocketPtr)> listener) {
  auto s = std::make_shared<Server>(options);
  if (listener) s->on("connection", std::move(listener));
  return s;
}

ServerPtr createServer(std::function<void(SocketPtr)> listener) {
  return createServer(ServerOptions{}, std::move(listener));
}

Server& Server::listen(int port, std::string_view host, int backlog, std::function<void()> cb) {
  ListenOptions o;
  o.port = port;
  o.host = std::string(host);
  o.backlog = backlog;
  return listen(std::move(o), std::move(cb));
}
Server& Server::listen(int port, std::string_view host, std::function<void()> cb) {
  return listen(port, host, 511, std::move(cb));
}
Server& Server::listen(int port, std::function<void()> cb) {
  return listen(port, {}, 511, std::move(cb));
}
Server& Server::listen(std::function<void()> cb) { return listen(0, {}, 511, std::move(cb)); }
Server& Server::listen(std::string_view path, std::function<void()> cb) {
  ListenOptions o;
  o.path = std::string(path);
  return listen(std::move(o), std::move(cb));
}

Server& Server::listen(ListenOptions options, std::function<void()> cb) {
  if (handle_ || cluster_) {
    throw errors::error("ERR_SERVER_ALREADY_LISTEN",
                        "Listen method has been called more than once without closing.");
  }
  if (cb) once("listening", std::move(cb));
  if (!options.port && options.path.empty()) {
    // The options object as Node would print it: the fields that were given.
    Object given;
    if (!options.host.empty()) given["host"] = options.host;
    if (options.backlog != 511) given["backlog"] = options.backlog;
    if (options.ipv6Only) given["ipv6Only"] = true;
    if (options.exclusive) given["exclusive"] = true;
    if (options.readableAll) given["readableAll"] = true;
    if (options.writableAll) given["writableAll"] = true;
    throw errors::invalidArgValue("options", util::inspect(Value(std::move(given))),
                                  "must have the property \"port\" or \"path\"");
  }
  unsigned flags = options.ipv6Only ? UV_TCP_IPV6ONLY : 0;
  ++listeningId_;
  int backlog = options.backlog > 0 ? options.backlog : 511;
  if (!options.path.empty()) {
    pipeName_ = options.path;
    listenInCluster(options.path, -1, -1, backlog, 0, options.path, options.exclusive,
                    options.readableAll, options.writableAll);
    if (handle_ && (options.readableAll || options.writableAll)) {
      int mode = (options.readableAll ? UV_READABLE : 0) | (options.writableAll ? UV_WRITABLE : 0);
      int err = static_cast<bindings::PipeWrap*>(handle_)->fchmod(mode);
      if (err) {
        releaseHandle();
        throw errors::errnoException(err, "uv_pipe_chmod");
      }
    }
    return *this;
  }
  int port = options.port.value_or(0);
  validatePort(port, "options.port");
  if (!options.host.empty()) {
    std::uint64_t id = listeningId_;
    auto keep = weak_from_this().lock();
    bool exclusive = options.exclusive;
    dns::lookup(options.host, [this, keep, id, port, backlog, flags, exclusive](
                                  std::optional<Error> err, std::string ip, int family) {
      if (id != listeningId_) return;
      if (err) {
        emit("error", *err);
        return;
      }
      listenInCluster(ip, port, ip.empty() ? 4 : family, backlog, flags, "", exclusive, false,
                      false);
    });
    return *this;
  }
  listenInCluster("", port, 4, backlog, flags, "", options.exclusive, false, false);
  return *this;
}

Server& Server::listenHandle(bindings::ConnectionWrap* handle, std::function<void()> cb) {
  if (handle_ || cluster_) {
    throw errors::error("ERR_SERVER_ALREADY_LISTEN",
                        "Listen method has been called more than once without closing.");
  }
  if (cb) once("listening", std::move(cb));
  handle_ = handle;
  setupListenHandle("", -1, -1, 511, 0, "");
  return *this;
}

void Server::releaseHandle() {
  if (cluster_) {
    auto c = std::move(cluster_);
    c->close();
    // A round-robin server has no handle whose close callback would drop the self-reference.
    if (!handle_ && self_) nextTick([keep = std::move(self_)] {});
  }
  if (!handle_) return;
  auto keep = self_;
  handle_->setCloseCallback([this, keep]() {
    if (!handle_) self_.reset();
  });
  handle_->close();
  handle_ = nullptr;
}

// listenInCluster: in a cluster worker the primary binds (round-robin: it also accepts and
// hands the connections over; shared: the worker listens on the primary's handle).
void Server::listenInCluster(std::string address, int port, int addressType, int backlog,
                             unsigned flags, std::string path, bool exclusive, bool readableAll,
                             bool writableAll) {
  if (exclusive || !gGetServerHook) {
    setupListenHandle(std::move(address), port, addressType, backlog, flags, std::move(path));
    return;
  }
  detail::ClusterQuery q;
  if (!path.empty()) {
    q.address = path;
    q.port = -1;
    q.addressType = -1;
  } else {
    if (!address.empty()) q.address = address;
    q.port = port;
    q.addressType = addressType;
  }
  q.backlog = backlog;
  q.flags = flags;
  q.readableAll = readableAll;
  q.writableAll = writableAll;
  auto self = std::static_pointer_cast<Server>(weak_from_this().lock());
  std::uint64_t id = listeningId_;
  // listenOnPrimaryHandle
  auto onReply = [this, self, id, address, port, addressType, backlog, flags, path](
                     int err, bindings::ConnectionWrap* shared,
                     std::unique_ptr<detail::ClusterHandle> ch) mutable {
    if (id != listeningId_) {
      if (shared) shared->close();
      if (ch) ch->close();
      return;
    }
    // checkBindError
    if (err == 0 && port > 0 && path.empty()) {
      std::optional<int> bound;
      if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(shared)) {
        bindings::SocketAddress sa;
        if (tcp->getsockname(&sa) == 0) bound = sa.port;
      } else if (ch) {
        if (auto a = ch->sockname()) bound = a->port;
      }
      if (bound && *bound != port) err = UV_EADDRINUSE;
    }
    if (err) {
      if (shared) shared->close();
      if (ch) ch->close();
      std::string where = !path.empty() ? path : !address.empty() ? address : "null";
      emit("error", errors::exceptionWithHostPort(err, "bind", where, port));
      return;
    }
    if (shared) {
      if (handle_) handle_->close();
      handle_ = shared;
      cluster_ = std::move(ch);
      setupListenHandle(address, port, addressType, backlog, flags, path);
      return;
    }
    // Round-robin: the faux handle's listen() does nothing.
    cluster_ = std::move(ch);
    if (!self_) self_ = self;
    if (unref_) cluster_->unref();
    nextTick([this, self] {
      if (cluster_) emit("listening");
    });
  };
  if (!gGetServerHook(self, q, std::move(onReply))) {
    setupListenHandle(std::move(address), port, addressType, backlog, flags, std::move(path));
  }
}

// setupListenHandle + createServerHandle
void Server::setupListenHandle(std::string address, int port, int addressType, int backlog,
                               unsigned flags, std::string path) {
  Environment& e = env();
  auto keep = weak_from_this().lock();
  // Set below only for a socket made here: one given to listen(handle) or a cluster
  // primary's shared socket (other workers accept on it too) is left as it is.
  listenNoDelay_ = false;
  if (!handle_) {
    int err = 0;
    bindings::ConnectionWrap* h = nullptr;
    if (!path.empty()) {
      auto* p = bindings::PipeWrap::create(e, false);
      err = p->bind(path);
      h = p;
    } else {
      auto* tcp = bindings::TcpWrap::create(e);
      if (address.empty()) {
        // No address: try '::' (dual stack), then 0.0.0.0.
        err = tcp->bind(kDefaultIPv6, port, flags);
        if (err) {
          tcp->close();
          tcp = bindings::TcpWrap::create(e);
          err = tcp->bind(kDefaultIPv4, port);
          address = kDefaultIPv4;
        } else {
          address = kDefaultIPv6;
        }
      } else if (addressType == 6) {
        err = tcp->bind(address, port, flags);
      } else {
        err = tcp->bind(address, port);
      }
      h = tcp;
      // Linux copies TCP_NODELAY from a listening socket to the sockets accept() returns:
      // set once here, it spares onConnection a setsockopt per connection.
      listenNoDelay_ = !err && opts_.noDelay && tcp->setNoDelay(true) == 0;
    }
    if (err) {
      h->close();
      Error ex =
          errors::uvExceptionWithHostPort(err, "listen", path.empty() ? address : path,
                                          path.empty() ? std::optional<int>(port) : std::nullopt);
      nextTick([this, keep, ex] { emit("error", ex); });
      return;
    }
    handle_ = h;
  }
  if (!self_) self_ = keep;
  int err = handle_->listen(backlog, [this](int status, bindings::ConnectionWrap* client) {
    Environment& en = handle_ ? handle_->env() : env();
    en.makeCallback([&] { onConnection(status, client, true); });
  });
  if (err) {
    Error ex =
        errors::uvExceptionWithHostPort(err, "listen", path.empty() ? address : path,
                                        path.empty() ? std::optional<int>(port) : std::nullopt);
    releaseHandle();
    nextTick([this, keep, ex] { emit("error", ex); });
    return;
  }
  if (unref_) handle_->unref();
  nextTick([this, keep] {
    if (handle_) emit("listening");
  });
}

// onconnection
void Server::onConnection(int status, bindings::ConnectionWrap* client, bool fromListen) {
  if (status != 0) {
    emit("error", errors::errnoException(status, "accept"));
    return;
  }
  if (maxConnections && connections_ >= *maxConnections) {
    DropInfo data;
    if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(client)) {
      bindings::SocketAddress l, r;
      if (tcp->getsockname(&l) == 0) {
        data.localAddress = l.address;
        data.localPort = l.port;
        data.localFamily = l.family;
      }
      if (tcp->getpeername(&r) == 0) {
        data.remoteAddress = r.address;
        data.remotePort = r.port;
        data.remoteFamily = r.family;
      }
    }
    emit("drop", data);
    client->close();
    return;
  }
  SocketOptions so;
  so.allowHalfOpen = opts_.allowHalfOpen;
  so.highWaterMark = opts_.highWaterMark;
  auto socket = Socket::fromHandle(client, so, opts_.pauseOnConnect);
  if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(client)) {
    if (opts_.noDelay) {
      socket->setNoDelay_ = true;
      if (!(fromListen && listenNoDelay_)) tcp->setNoDelay(true);
    }
    if (opts_.keepAlive) {
      socket->setKeepAlive_ = true;
      unsigned delay = static_cast<unsigned>(std::max(0.0, opts_.keepAliveInitialDelay) / 1000);
      socket->keepAliveDelay_ = delay;
      tcp->setKeepAlive(true, delay);
    }
  }
  ++connections_;
  socket->server_ = std::static_pointer_cast<Server>(weak_from_this().lock());
  emit("connection", socket);
}

std::optional<AddressInfo> Server::address() const {
  if (cluster_ && !handle_) {
    if (auto a = cluster_->sockname()) return a;
  }
  if (handle_) {
    if (auto* tcp = dynamic_cast<bindings::TcpWrap*>(handle_)) {
      bindings::SocketAddress sa;
      int err = tcp->getsockname(&sa);
      if (err) throw errors::errnoException(err, "address");
      return AddressInfo{sa.address, sa.family, sa.port};
    }
    return AddressInfo{pipeName_, "", 0};
  }
  if (!pipeName_.empty()) return AddressInfo{pipeName_, "", 0};
  return std::nullopt;
}

Server& Server::getConnections(std::function<void(std::optional<Error>, int)> cb) {
  int n = connections_;
  auto keep = weak_from_this().lock();
  nextTick([cb = std::move(cb), n, keep]() { cb(std::nullopt, n); });
  return *this;
}

Server& Server::close(stream::Callback cb) {
  auto keep = weak_from_this().lock();
  ++listeningId_;
  if (cb) {
    auto shared = std::make_shared<stream::Callback>(std::move(cb));
    if (!handle_ && !cluster_) {
      once("close", [shared]() {
        (*shared)(errors::error("ERR_SERVER_NOT_RUNNING", "Server is not running."));
      });
    } else {
      once("close", [shared]() { (*shared)(std::nullopt); });
    }
  }
  if (handle_ || cluster_) releaseHandle();
  emitCloseIfDrained();
  return *this;
}

void Server::emitCloseIfDrained() {
  if (handle_ || cluster_ || connections_) return;
  auto keep = weak_from_this().lock();
  // Each close() queues its own 'close' (Node's emitCloseNT), and the listeners stay: a
  // closed server can listen again.
  nextTick([this, keep] { emit("close"); });
}

Server& Server::ref() {
  unref_ = false;
  if (handle_) handle_->ref();
  if (cluster_) cluster_->ref();
  return *this;
}

Server& Server::unref() {
  unref_ = true;
  if (handle_) handle_->unref();
  if (cluster_) cluster_->unref();
  return *this;
}

// ---- factories
// ------------------------------------------------------------------------------------

SocketPtr createConnection(ConnectOptions options, std::function<void()> cb) {
  SocketOptions so;
  so.allowHalfOpen = options.allowHalfOpen;
  so.noDelay = options.noDelay;
  so.keepAlive = options.keepAlive;
  so.keepAliveInitialDelay = options.keepAliveInitialDelay;
  auto s = Socket::create(so);
  if (options.timeout > 0) s->setTimeout(options.timeout);
  s->connect(std::move(options), std::move(cb));
  return s;
}

SocketPtr createConnection(int port, std::string_view host, std::function<void()> cb) {
  ConnectOptions o;
  o.port = port;
  o.host = std::string(host);
  return createConnection(std::move(o), std::move(cb));
}

SocketPtr createConnection(int port, std::function<void()> cb) {
  return createConnection(port, {}, std::move(cb));
}

SocketPtr createConnection(std::string_view path, std::function<void()> cb) {
  ConnectOptions o;
  o.path = std::string(path);
  return createConnection(std::move(o), std::move(cb));
}

}  // namespace nodecc::net
