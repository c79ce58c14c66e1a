// nodecc/net.h — Node's `net`: TCP and local-socket (Unix domain) servers and clients.
//
//   auto server = net::createServer([](net::SocketPtr socket) {
//     socket->write("hello");
//     socket->on("data", [](const Buffer& d) { console::log(d.toString()); });
//   });
//   server->listen(4000, [] { console::log("listening"); });
//
// Behaviour is lib/net.js's: a Socket is a Duplex with allowHalfOpen false by
// default; 'connect' then 'ready'; 'data', 'end', 'finish', then 'close'(hadError)
// once the handle is closed; `listen(port)` binds `::` (dual stack, falling back
// to 0.0.0.0); host names resolve through dns.lookup with Node 20's
// autoSelectFamily (happy eyeballs, 250 ms per attempt); errors are Node's
// ("connect ECONNREFUSED 127.0.0.1:1", "listen EADDRINUSE: address already in
// use :::4000", ERR_SOCKET_BAD_PORT, ERR_SERVER_NOT_RUNNING, EPIPE "This socket
// has been ended by the other party").
//
// Lifetime: an open socket or a listening server keeps itself alive (dropping every
// pointer does not close it, as in Node); no callback runs after 'close'; after
// 'close' a socket's listeners are released so that lambdas capturing the socket
// do not leak.
//
// Differences from Node: properties are methods (`socket->remoteAddress()`), and
// those that can be undefined return Maybe<T>; `server->address()` returns an
// AddressInfo whose `family` is empty for a local socket (Node returns the path
// string); 'lookup' carries (std::optional<Error>, std::string address, int family,
// std::string host).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nodecc/stream.h"
#include "nodecc/timers.h"

namespace nodecc::bindings {
class StreamWrap;
class ConnectionWrap;
}  // namespace nodecc::bindings

namespace nodecc::net {

class Socket;
class Server;
using SocketPtr = std::shared_ptr<Socket>;
using ServerPtr = std::shared_ptr<Server>;

/// `{ address, family, port }` as `socket.address()` / `server.address()` return it.
struct AddressInfo {
  std::string address;
  std::string family;  ///< "IPv4", "IPv6", or "" for a local socket (address = path)
  int port = 0;
  friend bool operator==(const AddressInfo&, const AddressInfo&) = default;
};

/// `new net.Socket(options)`.
struct SocketOptions {
  bool allowHalfOpen = false;
  bool readable = true;
  bool writable = true;
  bool noDelay = false;
  bool keepAlive = false;
  double keepAliveInitialDelay = 0;  ///< ms
  std::optional<int> fd;             ///< wrap an existing descriptor (TCP or pipe)
  std::size_t highWaterMark = 16384;
};

/// `socket.connect(options)` / `net.connect(options)`.
struct ConnectOptions {
  std::optional<int> port;
  std::string host;  ///< default "localhost"
  std::string path;  ///< a local socket instead of TCP
  std::string localAddress;
  int localPort = 0;
  int family = 0;  ///< 0, 4 or 6
  int hints = 0;
  std::optional<bool> autoSelectFamily;  ///< default net.getDefaultAutoSelectFamily() (true)
  std::optional<int> autoSelectFamilyAttemptTimeout;  ///< ms, default 250
  double timeout = 0;                                 ///< socket.setTimeout(timeout) when > 0
  bool noDelay = false;
  bool keepAlive = false;
  double keepAliveInitialDelay = 0;
  bool allowHalfOpen = false;
};

/// `net.Socket`.
class Socket : public stream::Duplex {
 public:
  /// `new net.Socket(options)`. Create it with std::make_shared (or Socket::create);
  /// with `options.fd` use Socket::create, which can take the self-reference an open
  /// handle needs.
  explicit Socket(SocketOptions opts = {});
  /// Internal tag: see fromHandle (make_shared needs the constructor public).
  struct FromHandle {};
  Socket(FromHandle, bindings::StreamWrap* handle, SocketOptions opts);
  /// `new net.Socket(options)` for every option, `fd` included.
  static SocketPtr create(SocketOptions opts = {});
  /// Internal: a socket over an accepted or passed handle (server, child_process).
  static SocketPtr fromHandle(bindings::StreamWrap* handle, SocketOptions opts,
                              bool pauseOnCreate = false);
  ~Socket() override;
  NODECC_EMITTER_METHODS(Socket)
  std::string className() const override { return "Socket"; }

  /// `socket.connect(options[, connectListener])`. Differs from Node: a destroyed socket
  /// cannot connect again (ERR_SOCKET_CLOSED); make a new one.
  Socket& connect(ConnectOptions options, std::function<void()> connectListener = {});
  /// `socket.connect(port[, host][, connectListener])`.
  Socket& connect(int port, std::string_view host = {}, std::function<void()> connectListener = {});
  Socket& connect(int port, std::function<void()> connectListener) {
    return connect(port, {}, std::move(connectListener));
  }
  /// `socket.connect(path[, connectListener])`: a local (Unix domain) socket.
  Socket& connect(std::string_view path, std::function<void()> connectListener = {});

  /// `socket.setTimeout(timeout[, callback])`: 'timeout' after `timeout` ms of inactivity
  /// (0 disables). Throws ERR_OUT_OF_RANGE for negative or non-finite values.
  Socket& setTimeout(double timeout, std::function<void()> callback = {});
  /// `socket.setNoDelay([noDelay])`.
  Socket& setNoDelay(bool noDelay = true);
  /// `socket.setKeepAlive([enable][, initialDelay])` (delay in ms).
  Socket& setKeepAlive(bool enable = false, double initialDelay = 0);
  /// `socket.address()`: the local address (empty family when unknown).
  AddressInfo address();
  Socket& ref();
  Socket& unref();
  /// `socket.destroySoon()`.
  void destroySoon();
  /// `socket.resetAndDestroy()`: closes with a TCP RST.
  Socket& resetAndDestroy();

  /// Returns false when the peer already ended and allowHalfOpen is false (EPIPE).
  using stream::Duplex::end;
  using stream::Duplex::write;

  std::uint64_t bytesRead() const noexcept;
  std::uint64_t bytesWritten() const noexcept;
  Maybe<std::string> remoteAddress();
  Maybe<int> remotePort();
  Maybe<std::string> remoteFamily();
  Maybe<std::string> localAddress();
  Maybe<int> localPort();
  Maybe<std::string> localFamily();
  /// "opening", "open", "readOnly", "writeOnly" or "closed".
  std::string readyState() const;
  /// `socket.pending`: no handle yet, or connecting.
  bool pending() const noexcept { return !handle_ || connecting_; }
  bool connecting() const noexcept { return connecting_; }
  /// `socket.timeout` (ms), empty when never set.
  Maybe<double> timeout() const noexcept { return timeout_ ? timeout_->ms : Maybe<double>(); }
  /// `socket.bufferSize` (writableLength).
  std::size_t bufferSize() const noexcept { return writableLength(); }
  /// The server that accepted this socket, if any.
  std::shared_ptr<Server> server() const noexcept { return server_; }

  /// Internal: the handle (nullptr once closed), for child_process handle passing.
  bindings::StreamWrap* handle() const noexcept { return handle_; }
  /// Internal (http): Node's `parser.consume(socket._handle)`. Bytes read from the handle go to
  /// `onData` instead of the stream (no 'data' event for them); EOF and read errors still end or
  /// destroy the socket, and reads still restart the timeout. Adding a 'data' or 'readable'
  /// listener gives the reads back to the stream, then calls `onUnconsume` (Node's socket
  /// listener wrapper does `parser.unconsume()`).
  void consume(UniqueFunction<void(Buffer)> onData, UniqueFunction<void()> onUnconsume = {});
  /// Internal (http): reads go to the stream again.
  void unconsume();
  /// `socket.setEncoding(encoding)`. On an http server's socket it throws
  /// ERR_HTTP_SOCKET_ENCODING from the server's 'connection' event on, as Node's server
  /// replaces the method (RFC 7230 section 3).
  Socket& setEncoding(std::string_view encoding) override;
  /// Internal (http): setEncoding throws ERR_HTTP_SOCKET_ENCODING from now on.
  void forbidSetEncoding() noexcept { encodingForbidden_ = true; }
  bool consumed() const noexcept { return consuming_; }
  /// Internal (http): restarts the timeout countdown (Node's `socket._unrefTimer()`).
  void refreshTimeout() { unrefTimer(); }
  /// Internal, child_process handle passing (Node's handleConversion['net.Socket'].send
  /// without keepOpen): hands the open handle over. The socket stops reading, clears its
  /// timeout, forgets the handle without closing it and no longer counts as a connection
  /// of its server (Node: `socket._handle = null; server._connections--`); its
  /// self-reference is dropped. Returns nullptr when the socket has no handle.
  bindings::StreamWrap* detachHandle();

 protected:
  void _read(std::size_t size) override;
  void _write(Buffer chunk, stream::Callback cb) override;
  void _writev(std::vector<Buffer> chunks, stream::Callback cb) override;
  bool hasWritev() const override { return true; }
  void _final(stream::Callback cb) override;
  bool hasFinal() const override { return true; }
  void _destroy(std::optional<Error> err, stream::Callback cb) override;
  bool interceptWrite(Buffer& chunk, stream::Callback& cb, bool& result) override;
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;

 private:
  friend class Server;
  static void onReadableStreamEnd(EventEmitter& self);
  void initHandle(bindings::StreamWrap* h);
  void onRead(ssize_t nread, Buffer data);
  void writeGeneric(std::vector<Buffer> chunks, stream::Callback cb);
  void tryReadStart();
  void unrefTimer();
  void onTimeoutFired();
  void afterConnect(int status, const std::string& address, int port, int family,
                    const std::string& localAddress, int localPort);
  void internalConnect(const std::string& address, int port, int family,
                       const std::string& localAddress, int localPort);
  void lookupAndConnect(const ConnectOptions& options);
  void closeHandle(bool isException);
  std::shared_ptr<void> releaseForTeardown() override;
  struct MultiConnect;
  void connectMultiple(std::shared_ptr<MultiConnect> ctx, bool canceled);
  void peername();
  void sockname();

  // Ordered to pack (every connection carries these): pointers and counters, then flags.
  bindings::StreamWrap* handle_ = nullptr;
  // Boxed (most sockets never ask, and an idle connection should stay small): the peer
  // and local addresses, filled on first use as Node caches _peername / _sockname, and
  // the byte counts kept when the handle closes.
  struct Cached {
    std::optional<AddressInfo> peer;
    std::optional<AddressInfo> sock;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
    std::size_t pendingDataBytes = 0;  // written before the connection (Node's _pendingData)
  };
  std::unique_ptr<Cached> cached_;
  Cached& cached() {
    if (!cached_) cached_ = std::make_unique<Cached>();
    return *cached_;
  }
  const AddressInfo* peerInfo() const noexcept {
    return cached_ && cached_->peer ? &*cached_->peer : nullptr;
  }
  const AddressInfo* sockInfo() const noexcept {
    return cached_ && cached_->sock ? &*cached_->sock : nullptr;
  }
  // setTimeout() and what its timer reads: boxed, made by its first call (or a write
  // that waits in libuv's queue, whose size the timer compares).
  struct Timeout {
    Maybe<double> ms;
    TimeoutPtr timer;
    std::size_t lastWriteQueueSize = 0;  // Node's kLastWriteQueueSize
  };
  std::unique_ptr<Timeout> timeout_;
  Timeout& timeoutState() {
    if (!timeout_) timeout_ = std::make_unique<Timeout>();
    return *timeout_;
  }
  std::shared_ptr<Server> server_;
  std::shared_ptr<EventEmitter> self_;  // held while the handle is open
  struct ConsumeHooks {
    UniqueFunction<void(Buffer)> onData;
    UniqueFunction<void()> onUnconsume;
  };
  std::unique_ptr<ConsumeHooks> consume_;  // consume(): made by its first call
  std::uint32_t connectGeneration_ = 0;
  // Single-family lookups in flight: Node emits their 'lookup' even after 'close', so the
  // listeners are released only once the last one has reported (releaseAfterClose()).
  int pendingLookups_ = 0;
  unsigned keepAliveDelay_ = 0;
  bool isPipe_ = false;
  bool connecting_ = false;
  bool endedByPeerNoHalfOpen_ = false;  // write = writeAfterFIN
  bool setNoDelay_ = false;
  bool setKeepAlive_ = false;
  bool resetAndClosing_ = false;
  bool closeDone_ = false;
  bool consuming_ = false;
  bool inConsumer_ = false;
  bool encodingForbidden_ = false;  // forbidSetEncoding()
  void releaseAfterClose();
};

/// `net.createServer` options.
struct ServerOptions {
  bool allowHalfOpen = false;
  bool pauseOnConnect = false;
  bool noDelay = false;
  bool keepAlive = false;
  double keepAliveInitialDelay = 0;
  std::size_t highWaterMark = 16384;
};

/// `server.listen(options)`.
struct ListenOptions {
  std::optional<int> port;
  std::string host;
  std::string path;
  int backlog = 511;
  bool ipv6Only = false;
  bool exclusive = false;
  bool readableAll = false;
  bool writableAll = false;
};

/// What 'drop' carries when maxConnections is reached.
struct DropInfo {
  std::string localAddress;
  int localPort = 0;
  std::string localFamily;
  std::string remoteAddress;
  int remotePort = 0;
  std::string remoteFamily;
};

namespace detail {
/// The cluster hook (lib/net.js listenInCluster): net never names cluster; cluster installs
/// `setGetServerHook` and a worker's listen() goes through the primary.
/// What a worker asks the primary for (Node's serverQuery).
struct ClusterQuery {
  std::optional<std::string> address;  ///< null when listen() got no host; the path for a pipe
  int port = -1;                       ///< -1 for a pipe
  int addressType = 4;                 ///< 4, 6, or -1 for a pipe
  int backlog = 511;
  unsigned flags = 0;  ///< UV_TCP_IPV6ONLY
  bool readableAll = false;
  bool writableAll = false;
};
/// A listening server's cluster part: the round-robin "faux handle" (then the server has no
/// libuv handle) or the bookkeeping of a shared handle.
class ClusterHandle {
 public:
  virtual ~ClusterHandle() = default;
  /// The server stops listening (Node's handle.close()): tells the primary.
  virtual void close() = 0;
  virtual void ref() {}
  virtual void unref() {}
  /// The primary's address (round-robin TCP), else nullopt.
  virtual std::optional<AddressInfo> sockname() const { return std::nullopt; }
};
/// The primary's answer: an errno, or a shared handle to listen on (nullptr for round-robin)
/// and the cluster part.
using ClusterListenCallback = UniqueFunction<void(int err, bindings::ConnectionWrap* shared,
                                                  std::unique_ptr<ClusterHandle> handle)>;
/// Node's cluster._getServer: returns false when this thread is not a cluster worker (the
/// server then binds itself).
using GetServerHook = bool (*)(const ServerPtr& server, const ClusterQuery& query,
                               ClusterListenCallback cb);
void setGetServerHook(GetServerHook hook) noexcept;
}  // namespace detail

/// `net.Server`. Events: 'listening'(), 'connection'(SocketPtr), 'close'(),
/// 'error'(Error), 'drop'(DropInfo). Listeners stay after 'close' (it can listen again, as
/// in Node): a listener capturing its own ServerPtr keeps the server until the Environment
/// ends, so long-running programs that make many servers capture a weak_ptr instead.
class Server : public EventEmitter {
 public:
  explicit Server(ServerOptions opts = {});
  ~Server() override;
  NODECC_EMITTER_METHODS(Server)
  std::string className() const override { return "Server"; }

  /// `server.listen(port[, host][, backlog][, callback])`; port 0 picks a free port.
  Server& listen(int port, std::string_view host, int backlog, std::function<void()> cb = {});
  Server& listen(int port, std::string_view host, std::function<void()> cb = {});
  Server& listen(int port, std::function<void()> cb = {});
  /// `server.listen([callback])`: a random port on the unspecified address.
  Server& listen(std::function<void()> cb = {});
  /// `server.listen(path[, backlog][, callback])`: a local (Unix domain) socket.
  Server& listen(std::string_view path, std::function<void()> cb = {});
  /// `server.listen(options[, callback])`.
  Server& listen(ListenOptions options, std::function<void()> cb = {});
  /// Internal: listen on an already bound handle (cluster, handle passing).
  Server& listenHandle(bindings::ConnectionWrap* handle, std::function<void()> cb = {});

  /// `server.address()`: nullopt when not listening.
  std::optional<AddressInfo> address() const;
  /// `server.close([callback])`: stops accepting; 'close' once every connection ended.
  /// The callback gets ERR_SERVER_NOT_RUNNING when the server was not listening.
  Server& close(stream::Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, stream::Callback>, int> = 0>
  Server& close(F&& cb) {
    return close(stream::detail::toCallback(std::forward<F>(cb)));
  }
  /// `server.getConnections(callback)`: callback(err, count) on the next tick.
  Server& getConnections(std::function<void(std::optional<Error>, int)> cb);
  Server& ref();
  Server& unref();
  /// `server.listening`.
  bool listening() const noexcept { return handle_ != nullptr || cluster_ != nullptr; }
  /// `server.maxConnections`: connections beyond it are closed at once and 'drop' emitted.
  std::optional<int> maxConnections;
  /// Internal: connection count (Node's `_connections`).
  int connections() const noexcept { return connections_; }
  /// Internal: the listening handle (for handle passing).
  bindings::ConnectionWrap* handle() const noexcept { return handle_; }
  /// Internal (cluster): a connection the primary handed over (Node's
  /// `server.onconnection(0, handle)` in lib/internal/cluster/child.js).
  void acceptConnection(bindings::ConnectionWrap* client) { onConnection(0, client); }

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  friend class Socket;
  void setupListenHandle(std::string address, int port, int addressType, int backlog,
                         unsigned flags, std::string path);
  void listenInCluster(std::string address, int port, int addressType, int backlog, unsigned flags,
                       std::string path, bool exclusive, bool readableAll, bool writableAll);
  // fromListen: accepted by handle_ itself (not handed over by a cluster primary).
  void onConnection(int status, bindings::ConnectionWrap* client, bool fromListen = false);
  void emitCloseIfDrained();
  void releaseHandle();
  std::shared_ptr<void> releaseForTeardown() override;

  ServerOptions opts_;
  bindings::ConnectionWrap* handle_ = nullptr;
  std::string pipeName_;
  int connections_ = 0;
  bool unref_ = false;
  bool listenNoDelay_ = false;  // handle_ (created here) has TCP_NODELAY, which accepts inherit
  std::uint64_t listeningId_ = 1;
  std::shared_ptr<EventEmitter> self_;              // held while listening
  std::unique_ptr<detail::ClusterHandle> cluster_;  // listening through a cluster primary
};

/// `net.createServer([options][, connectionListener])`.
ServerPtr createServer(ServerOptions options = {},
                       std::function<void(SocketPtr)> connectionListener = {});
ServerPtr createServer(std::function<void(SocketPtr)> connectionListener);

/// `net.createConnection(options[, connectListener])` / `net.connect(...)`.
SocketPtr createConnection(ConnectOptions options, std::function<void()> connectListener = {});
SocketPtr createConnection(int port, std::string_view host = {},
                           std::function<void()> connectListener = {});
SocketPtr createConnection(int port, std::function<void()> connectListener);
SocketPtr createConnection(std::string_view path, std::function<void()> connectListener = {});
inline SocketPtr connect(ConnectOptions options, std::function<void()> cb = {}) {
  return createConnection(std::move(options), std::move(cb));
}
inline SocketPtr connect(int port, std::string_view host = {}, std::function<void()> cb = {}) {
  return createConnection(port, host, std::move(cb));
}
inline SocketPtr connect(int port, std::function<void()> cb) {
  return createConnection(port, std::move(cb));
}
inline SocketPtr connect(std::string_view path, std::function<void()> cb = {}) {
  return createConnection(path, std::move(cb));
}

/// `net.isIP(input)`: 4, 6 or 0.
int isIP(std::string_view input);
bool isIPv4(std::string_view input);
bool isIPv6(std::string_view input);

/// `net.getDefaultAutoSelectFamily()` / `setDefaultAutoSelectFamily(value)`.
bool getDefaultAutoSelectFamily();
void setDefaultAutoSelectFamily(bool value);
int getDefaultAutoSelectFamilyAttemptTimeout();
void setDefaultAutoSelectFamilyAttemptTimeout(int value);

}  // namespace nodecc::net
