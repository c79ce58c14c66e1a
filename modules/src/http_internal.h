// Internal to the http module (modules/src/http_*.cc): what Node keeps on an http socket
// (`socket._httpMessage`, `socket.parser`, `socket._hadError`) plus the writer that gets
// response heads and bodies to the kernel in one writev.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bindings/http_parser.h"
#include "nodecc/http.h"

namespace nodecc::http::detail {

// ---- shared helpers (http_outgoing.cc) ----
/// `utcDate()` of lib/internal/http.js: "Sun, 06 Nov 1994 08:49:37 GMT", cached for the second.
std::string_view utcDate();
/// RFC 9110 token (Node's checkIsHttpToken).
bool checkIsHttpToken(std::string_view s) noexcept;
/// Node's checkInvalidHeaderChar: anything but HTAB, 0x20-0x7e, U+0080-U+00FF (the
/// characters latin1 can carry; our strings are UTF-8, so a malformed sequence fails too).
bool checkInvalidHeaderChar(std::string_view s) noexcept;
/// Node's INVALID_PATH_REGEX /[^\u0021-\u00ff]/ on the UTF-8 path.
bool checkInvalidPathChar(std::string_view s) noexcept;
/// True when a byte has its high bit set (text that is not plain ASCII).
bool hasHighBit(std::string_view s) noexcept;
/// Bytes read off the wire as Node's parser reads them (latin1), as UTF-8.
void latin1ToUtf8(std::string& s);
/// `new ConnResetException(msg)`: code ECONNRESET.
Error connResetException(std::string message);
std::string toLower(std::string_view s);
bool equalsLower(std::string_view s, std::string_view lower) noexcept;
/// /(?:^|\W)<word>(?:$|\W)/i
bool hasToken(std::string_view value, std::string_view lowerWord) noexcept;
/// A Value as a header value string (numbers as JS prints them).
std::string valueToString(const Value& v);
/// A parse error as Node's http module shapes it ("Parse Error: <reason>", code, bytesParsed,
/// rawPacket).
Error parseError(const bindings::HttpParser::Error& e, const Buffer& rawPacket);

/// Per-thread slab for small writes: heads and small bodies are copied into it, so a response
/// costs no allocation when the kernel takes it at once (the slab is reused once no write holds
/// a view of it).
Buffer slabCopy(const char* a, std::size_t an, const char* b = nullptr, std::size_t bn = 0);

/// What Node keeps on a socket used by http, and the socket writer of OutgoingMessages.
struct SocketLink : std::enable_shared_from_this<SocketLink> {
  virtual ~SocketLink();
  net::Socket* socket = nullptr;           // the owner keeps the SocketPtr
  OutgoingMessage* httpMessage = nullptr;  // socket._httpMessage
  /// A server socket's reference to its response (Node's socket._httpMessage keeps it from the
  /// GC): a handler may drop `res` and answer later, or never. Held from assignSocket until
  /// detachSocket or the socket's 'close'; ~ServerResponse clears `httpMessage`.
  std::shared_ptr<OutgoingMessage> httpMessageRef;
  /// Node's onServerResponseClose: the socket 'close' listener a ServerResponse adds in
  /// assignSocket and removes in detachSocket (so it runs after the socket 'close' listeners
  /// added before it, and before those added later). Made once per connection.
  Listener responseCloseListener();
  Listener responseClose_;
  bool hadError = false;  // socket._hadError

  /// socket.write(data[, cb]): `buf` (referenced) or `data` (copied). While corked, the write
  /// waits for uncork(); then every waiting piece goes out in one writev, directly on the
  /// handle when the socket's own stream has nothing queued (else through socket.write()).
  bool write(const char* data, std::size_t len, const Buffer* buf, Callback cb);
  void cork() noexcept { ++corked; }
  void uncork();
  /// socket._writableState.corked = 1; socket.uncork().
  void uncorkAll();
  /// cork() now and uncork() on the next tick (Node's connectionCorkNT).
  void corkUntilNextTick();
  /// socket.writableLength as Node sees it (our queue, the socket's, libuv's).
  std::size_t writableLength() const noexcept;
  int writableCorked() const noexcept;
  std::size_t highWaterMark() const noexcept;
  /// The socket's 'drain' (Node's socketOnDrain / ondrain).
  virtual void onDrain() = 0;
  /// Node's readStart(socket) / readStop(socket) of _http_incoming.js.
  virtual void readStart();
  virtual void readStop();

  int corked = 0;
  bool uncorkScheduled = false;
  bool needDrain = false;
  // From the small-object pool (a connection's first writes would grow them by malloc).
  using Pieces = nodecc::detail::PoolVector<Buffer>;
  using Callbacks = nodecc::detail::PoolVector<Callback>;
  Pieces pieces;
  Callbacks callbacks;  // parallel to pieces
  std::size_t pendingBytes = 0;
  std::size_t inflight = 0;  // direct writes libuv still holds
  /// Callbacks of batches the kernel took at once, waiting for their afterWrite tick;
  /// those before `tickHead` have run.
  Callbacks tickCallbacks;
  std::size_t tickHead = 0;

 private:
  void flush();
  void afterWriteTick(std::size_t n);
  /// Moves the waiting write callbacks out (for a write that completes later or failed).
  std::shared_ptr<Callbacks> takeCallbacks();
  /// Node's afterWrite tail: the 'drain' a writer told to wait is owed once below the mark.
  void maybeDrain();
};

/// A listener a link registered on its socket and keeps only to remove it later: the
/// socket's listener list owns the closure, which owns the link, so a strong copy in
/// the link would be a reference cycle that is never freed.
struct WeakListener {
  std::weak_ptr<nodecc::detail::ListenerImpl> w;
  WeakListener& operator=(const Listener& l) {
    w = l;
    return *this;
  }
  operator Listener() const { return w.lock(); }  // null once gone: removeListener ignores it
  explicit operator bool() const { return !w.expired(); }
};

// ---- server (http_server.cc) ----
struct ServerConnection final : SocketLink, bindings::HttpParser::Delegate {
  ServerConnection(std::shared_ptr<Server> server, net::SocketPtr socket);
  ~ServerConnection() override;
  void start();
  void onData(const Buffer& d);
  void onExecuteCommon(bindings::HttpParser::Result ret, const Buffer& d);
  void onEnd();
  void onClose();
  void socketOnError(const Error& e);
  void socketOnTimeout();
  void onDrain() override;
  void updateOutgoingData(std::ptrdiff_t delta);
  void readStart() override;
  void readStop() override;
  void resOnFinish(const IncomingMessagePtr& req, const ServerResponsePtr& res);
  void resetSocketTimeout();
  void onRequestTimeout();
  void freeParser();
  // HttpParser::Delegate
  void onMessageBegin() override;
  int onHeadersComplete(const bindings::HttpParser::Head& head, std::string& url,
                        std::string& statusMessage, bindings::HttpHeaderBlock& headers) override;
  void onBody(const char* at, std::size_t length) override;
  void onMessageComplete(bindings::HttpHeaderBlock& trailers) override;
  int onIncoming(const IncomingMessagePtr& req, bool keepAlive);

  std::shared_ptr<Server> server;
  net::SocketPtr sock;
  bindings::HttpParser parser;
  bool hasParser = true;  // socket.parser !== null
  bool parserPaused = false;
  bool paused = false;          // socket._paused
  IncomingMessagePtr incoming;  // parser.incoming
  // (A std::deque allocates its map and first node when made: from the pool, not malloc.)
  std::deque<IncomingMessagePtr, nodecc::detail::PoolAllocator<IncomingMessagePtr>> incomingQueue;
  std::deque<ServerResponsePtr, nodecc::detail::PoolAllocator<ServerResponsePtr>> outgoing;
  std::size_t outgoingData = 0;
  int requestsCount = 0;
  int maxHeaderPairs = 2000;
  bool keepAliveTimeoutSet = false;
  const Buffer* current = nullptr;  // the buffer being parsed
  WeakListener errorListener;       // owned by the socket's listener list (see WeakListener)
  // Node's ConnectionsList: every connection, and the "active" ones (a message is arriving).
  ServerConnection* prev = nullptr;
  ServerConnection* next = nullptr;
  bool listed = false;
  bool active = false;
  std::uint64_t lastMessageStart = 0;  // ns; 0 = idle
  // The keep-alive list (idle connections waiting for their next request).
  ServerConnection* kaPrev = nullptr;
  ServerConnection* kaNext = nullptr;
  bool inKeepAlive = false;
  double kaDeadline = 0;
};

// ---- client (http_client.cc) ----
struct ClientLink final : SocketLink, bindings::HttpParser::Delegate {
  ClientLink(ClientRequestPtr req, net::SocketPtr socket);
  ~ClientLink() override;
  void start();
  void onDrain() override;
  void onData(const Buffer& d);
  void onEnd();
  void onClose();
  void onError(const Error& err);
  void freeParser();
  void detachListeners();
  void responseOnEnd();
  void responseKeepAlive();
  // HttpParser::Delegate
  int onHeadersComplete(const bindings::HttpParser::Head& head, std::string& url,
                        std::string& statusMessage, bindings::HttpHeaderBlock& headers) override;
  void onBody(const char* at, std::size_t length) override;
  void onMessageComplete(bindings::HttpHeaderBlock& trailers) override;

  ClientRequestPtr req;
  net::SocketPtr sock;
  bindings::HttpParser parser;
  bool hasParser = true;
  bool attached = true;  // our listeners are on the socket
  IncomingMessagePtr incoming;
  const Buffer* current = nullptr;
  // Registered on the socket, whose listener list owns them (and through them this link):
  // kept here only to remove them, so weakly (a strong copy would be a cycle).
  WeakListener lError, lData, lEnd, lClose, lDrain;
  // Registered again and again, so owned here; they capture this link weakly.
  Listener lTimeout, lResponseTimeout;
};

}  // namespace nodecc::http::detail
