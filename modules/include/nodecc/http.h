// nodecc/http.h — Node's `http`: HTTP/1.1 server, client and Agent.
//
//   auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res)
//   {
//     res->writeHead(200, {{"Content-Type", "text/plain"}});
//     res->end("hello world");
//   });
//   server->listen(8080);
//
// Behaviour is lib/_http_server.js, _http_client.js, _http_agent.js, _http_incoming.js and
// _http_outgoing.js: same defaults (maxHeaderSize 16384, requestTimeout 300000, headersTimeout
// 60000, keepAliveTimeout 5000, connectionsCheckingInterval 30000, requireHostHeader true), same
// events in the same order, same response bytes (Date, `Connection: keep-alive`, `Keep-Alive:
// timeout=5`, chunked when there is no Content-Length, pipelined requests answered in order),
// same error responses (431 header overflow, 413 chunk extensions overflow, 408 timeouts, else
// 400, each with `Connection: close`) and errors (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN,
// ERR_HTTP_HEADERS_SENT, ERR_STREAM_WRITE_AFTER_END, ECONNRESET "socket hang up", the parser's
// HPE_* codes). Parsing answers as Node 20's llhttp 9 does (see bindings/http_parser.h).
//
// Differences from Node:
// * Properties that are getters in Node are methods (`req->headers()`, `res->headersSent()`,
//   `res->writableEnded()`); plain data properties are fields (`req->url`, `res->statusCode`).
// * A header value is a `Value`: a string, a number or an array of strings; `req->headers()` is
//   a `Value` object (`req->headers()["host"]`, undefined when absent).
// * Parse errors carry `bytesParsed`, `reason` and `rawPacket` in `err.info`.
// * OutgoingMessage is an EventEmitter (Node's legacy Stream) with a Writable's methods, not a
//   stream::Writable; `readable.pipe(res)` works as in Node (makePipeDest below), but
//   stream::pipeline() and stream::finished() take Writables only.
// * The server reads from the socket directly (Node's parser.consume()); a 'data' or 'readable'
//   listener on the socket gives the reads back to the stream, as in Node.
// * The keep-alive timeout of idle server connections runs on one timer per server instead of
//   `socket.setTimeout(keepAliveTimeout + 1000)`: the socket still gets its 'timeout' event,
//   but `socket->timeout()` does not change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "nodecc/net.h"
#include "nodecc/stream.h"
#include "nodecc/timers.h"

namespace nodecc::bindings {
class HttpHeaderBlock;
}  // namespace nodecc::bindings

namespace nodecc::http {

class IncomingMessage;
class OutgoingMessage;
class ServerResponse;
class ClientRequest;
class Server;
class Agent;
using IncomingMessagePtr = std::shared_ptr<IncomingMessage>;
using ServerResponsePtr = std::shared_ptr<ServerResponse>;
using ClientRequestPtr = std::shared_ptr<ClientRequest>;
using ServerPtr = std::shared_ptr<Server>;
using AgentPtr = std::shared_ptr<Agent>;
using stream::Callback;

namespace detail {
struct SocketLink;
struct ServerConnection;
struct ClientLink;
struct OutHeader {
  std::string key;   // lower case
  std::string name;  // as given
  Value value;
};
}  // namespace detail

/// `http.METHODS`: the methods the parser knows, sorted.
extern const std::vector<std::string> METHODS;
/// `http.STATUS_CODES`.
extern const std::map<int, std::string> STATUS_CODES;
/// `http.maxHeaderSize`.
inline constexpr int maxHeaderSize = 16384;

/// `http.validateHeaderName(name[, label])`: throws ERR_INVALID_HTTP_TOKEN (TypeError)
/// "Header name must be a valid HTTP token [\"<name>\"]".
void validateHeaderName(std::string_view name, std::string_view label = "Header name");
/// `http.validateHeaderValue(name, value)`: throws ERR_HTTP_INVALID_HEADER_VALUE for undefined,
/// ERR_INVALID_CHAR "Invalid character in header content [\"<name>\"]" for CR, LF, NUL and the
/// other characters Node rejects.
void validateHeaderValue(std::string_view name, const Value& value);

/// Headers as an ordered list of (name, value): `{{"Content-Type", "text/plain"}, ...}`.
using OutgoingHttpHeaders = std::vector<std::pair<std::string, Value>>;
/// Node's array form of headers, `['Name', 'value', 'Name', 'value']`, as pairs (duplicates
/// kept): `res->writeHead(200, http::headerArray({"Set-Cookie", "a=1", "Set-Cookie", "b=2"}))`.
/// Throws ERR_INVALID_ARG_VALUE for an odd count, as writeHead does.
OutgoingHttpHeaders headerArray(const std::vector<std::string>& flat);

// ---- IncomingMessage -------------------------------------------------------------------------

/// `http.IncomingMessage`: a request (server side) or a response (client side); the body is
/// the Readable side. Events: Readable's, plus 'aborted'() and 'timeout'().
class IncomingMessage : public stream::Readable {
 public:
  explicit IncomingMessage(net::SocketPtr socket);
  ~IncomingMessage() override;
  NODECC_EMITTER_METHODS(IncomingMessage)
  std::string className() const override { return "IncomingMessage"; }

  std::string httpVersion;  ///< "1.1"
  int httpVersionMajor = 0;
  int httpVersionMinor = 0;
  bool complete = false;
  bool aborted = false;
  bool upgrade = false;
  bool joinDuplicateHeaders = false;
  std::string method;         ///< requests: "GET" … (empty on responses; Node: null)
  std::string url;            ///< requests
  int statusCode = 0;         ///< responses (0 on requests; Node: null)
  std::string statusMessage;  ///< responses
  /// `message.socket` (null once a keep-alive client response detached it).
  net::SocketPtr socket;

  /// `message.headers`: names lower-cased; duplicates joined with ", " (cookie: "; "),
  /// set-cookie as an array, the duplicates of Node's single-valued headers dropped (or joined
  /// with `joinDuplicateHeaders`).
  const Value& headers();
  /// `message.headersDistinct`: every name → an array of its values.
  const Value& headersDistinct();
  /// `message.rawHeaders`: [name, value, name, value, ...] as received.
  const std::vector<std::string>& rawHeaders();
  /// `message.trailers` / `trailersDistinct` / `rawTrailers` (after 'end').
  const Value& trailers();
  const Value& trailersDistinct();
  const std::vector<std::string>& rawTrailers();
  /// `message.setTimeout(msecs[, callback])`.
  IncomingMessage& setTimeout(double msecs, std::function<void()> callback = {});

  // ---- internal ----
  /// The header (or trailer) lines as received (Node's _addHeaderLines; `maxPairs` limits what
  /// headers() shows, as maxHeadersCount does).
  void _addHeaderLines(const bindings::HttpHeaderBlock& lines, bool trailers,
                       std::size_t maxPairs = 1000);
  /// A header's value as `headers()` would give it (set-cookie joined), without building the
  /// object.
  std::optional<std::string> _rawHeader(std::string_view lowerName) const;
  /// Whether the request has the header (`lowerName` lower case), without building its value.
  bool _hasRawHeader(std::string_view lowerName) const noexcept;
  /// Node's `_dump()`: discards the body.
  void _dump();
  bool _consuming = false;
  bool _dumped = false;
  std::weak_ptr<ClientRequest> req;  ///< responses: the request (Node: `res.req`)
  bool _resumeScheduled() const noexcept { return resumeScheduled(); }
  struct Lines;
  std::shared_ptr<detail::SocketLink> _link;

 protected:
  void _read(std::size_t size) override;
  void _destroy(std::optional<Error> err, stream::Callback cb) override;
  void afterClose() override;
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  void finishDestroy(std::optional<Error> err);
  stream::Callback destroyCallback_;  // _destroy's callback, until its tick
  std::unique_ptr<Lines> headerLines_;
  std::unique_ptr<Lines> trailerLines_;
  std::optional<Value> headers_;
  std::optional<Value> headersDistinct_;
  std::optional<Value> trailers_;
  std::optional<Value> trailersDistinct_;
  std::optional<std::vector<std::string>> rawHeaders_;
  std::optional<std::vector<std::string>> rawTrailers_;

 protected:
  /// Environment teardown: also drops the references to the socket, link, response
  /// and queued output (with their callbacks).
  std::shared_ptr<void> releaseForTeardown() override;
};

// ---- OutgoingMessage -------------------------------------------------------------------------

/// `http.OutgoingMessage`: the common part of ServerResponse and ClientRequest. Events:
/// 'finish'(), 'prefinish'(), 'close'(), 'drain'(), 'error'(Error), 'socket'(net::SocketPtr),
/// 'timeout'().
class OutgoingMessage : public EventEmitter {
 public:
  OutgoingMessage();
  ~OutgoingMessage() override;
  NODECC_EMITTER_METHODS(OutgoingMessage)

  /// `outgoingMessage.setHeader(name, value)`: a string, a number or an array of strings.
  /// Throws ERR_HTTP_HEADERS_SENT, ERR_INVALID_HTTP_TOKEN, ERR_INVALID_CHAR.
  OutgoingMessage& setHeader(std::string_view name, Value value);
  /// `outgoingMessage.setHeaders(headers)` (Node takes a Headers or a Map).
  OutgoingMessage& setHeaders(const OutgoingHttpHeaders& headers);
  /// `outgoingMessage.appendHeader(name, value)`.
  OutgoingMessage& appendHeader(std::string_view name, Value value);
  /// `outgoingMessage.getHeader(name)`: undefined when absent.
  Value getHeader(std::string_view name) const;
  /// `outgoingMessage.getHeaderNames()`: lower-case names.
  std::vector<std::string> getHeaderNames() const;
  /// `outgoingMessage.getRawHeaderNames()`.
  std::vector<std::string> getRawHeaderNames() const;
  /// `outgoingMessage.getHeaders()`: an object of lower-case names.
  Value getHeaders() const;
  /// `outgoingMessage.hasHeader(name)`.
  bool hasHeader(std::string_view name) const;
  /// `outgoingMessage.removeHeader(name)`.
  void removeHeader(std::string_view name);
  /// `outgoingMessage.headersSent`.
  bool headersSent() const noexcept { return !header_.empty(); }

  /// `outgoingMessage.write(chunk[, encoding][, callback])`: false when the data was queued
  /// beyond the high-water mark (then 'drain' follows). After end(): ERR_STREAM_WRITE_AFTER_END
  /// to the callback and as 'error', on the next tick.
  bool write(std::string_view chunk, std::string_view encoding = {}, Callback cb = {});
  bool write(const char* chunk) { return write(std::string_view(chunk)); }
  bool write(const std::string& chunk) { return write(std::string_view(chunk)); }
  bool write(Buffer chunk, Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  bool write(Buffer chunk, F&& cb) {
    return write(std::move(chunk), stream::detail::toCallback(std::forward<F>(cb)));
  }
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  bool write(std::string_view chunk, std::string_view encoding, F&& cb) {
    return write(chunk, encoding, stream::detail::toCallback(std::forward<F>(cb)));
  }
  /// `outgoingMessage.end([chunk][, encoding][, callback])`.
  OutgoingMessage& end(Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback> &&
                                          !std::is_convertible_v<F, std::string_view> &&
                                          !std::is_same_v<std::decay_t<F>, Buffer>,
                                      int> = 0>
  OutgoingMessage& end(F&& cb) {
    return end(stream::detail::toCallback(std::forward<F>(cb)));
  }
  OutgoingMessage& end(std::string_view chunk, std::string_view encoding = {}, Callback cb = {});
  OutgoingMessage& end(const char* chunk) { return end(std::string_view(chunk)); }
  OutgoingMessage& end(const std::string& chunk) { return end(std::string_view(chunk)); }
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  OutgoingMessage& end(std::string_view chunk, std::string_view encoding, F&& cb) {
    return end(chunk, encoding, stream::detail::toCallback(std::forward<F>(cb)));
  }
  OutgoingMessage& end(Buffer chunk, Callback cb = {});

  /// `outgoingMessage.addTrailers(headers)`: sent after a chunked body.
  void addTrailers(const OutgoingHttpHeaders& headers);
  /// `outgoingMessage.flushHeaders()`.
  void flushHeaders();
  /// `outgoingMessage.cork()` / `uncork()`.
  void cork();
  void uncork();
  /// `outgoingMessage.setTimeout(msecs[, callback])`.
  OutgoingMessage& setTimeout(double msecs, std::function<void()> callback = {});
  /// `outgoingMessage.destroy([error])`: destroys the socket (now, or once one is assigned).
  OutgoingMessage& destroy(std::optional<Error> error = {});

  bool writableEnded() const noexcept { return finished; }
  bool writableFinished() const noexcept;
  std::size_t writableLength() const noexcept;
  std::size_t writableHighWaterMark() const noexcept;
  int writableCorked() const noexcept;
  bool writableNeedDrain() const noexcept { return !destroyed && !finished && needDrain_; }
  bool closed() const noexcept { return closed_; }
  std::optional<Error> errored() const { return errored_; }

  net::SocketPtr socket;  ///< `outgoingMessage.socket` (null until assigned, and after)
  bool finished = false;  ///< `outgoingMessage.finished` (end() was called)
  bool destroyed = false;
  bool chunkedEncoding = false;
  bool shouldKeepAlive = true;
  bool useChunkedEncodingByDefault = true;
  bool sendDate = false;
  bool strictContentLength = false;
  bool maxRequestsOnConnectionReached = false;

  // ---- internal (lib/_http_outgoing.js state) ----
  bool _last = false;
  bool _hasBody = true;
  bool _headerSent = false;
  bool _closed() const noexcept { return closed_; }
  double _keepAliveTimeout = 0;
  int _maxRequestsPerSocket = 0;
  bool _expectContinue = false;
  bool _sent100 = false;
  void _implicitHeaderHook() { _implicitHeader(); }
  void _flush();
  void _finishHook() { _finish(); }
  void _detach(std::shared_ptr<detail::SocketLink> link);
  void _attach(std::shared_ptr<detail::SocketLink> link, net::SocketPtr socket);
  /// Node's `_writeRaw` for raw bytes (writeContinue, the client's request line).
  bool _writeRaw(std::string_view data, Callback cb = {});
  std::vector<std::string> uniqueHeaders_;  // lower case (Node's kUniqueHeaders)
  /// emitCloseNT: 'close' once (then the listeners are released, as for sockets).
  void _emitClose();
  /// Emits 'close' and releases the listeners (nothing is emitted after 'close').
  void _closeAndRelease();

 protected:
  virtual void _implicitHeader() = 0;
  /// Node's `_finish`: 'prefinish'.
  virtual void _finish();
  /// Node's `_storeHeader(firstLine, headers)`; `headers` null = the setHeader() headers.
  void storeHeader(std::string_view firstLine, const OutgoingHttpHeaders* headers);
  virtual bool isRequest() const noexcept { return false; }
  virtual int statusCodeForStore() const noexcept { return 0; }
  virtual bool hasAgent() const noexcept { return false; }
  /// Runs right before 'finish' is emitted (the server's resOnFinish, registered first in Node).
  virtual void onFinishInternal() {}
  /// Node's `_onPendingData(delta)`: bytes queued before the message owns the socket.
  virtual void onPendingData(std::ptrdiff_t) {}
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

  std::vector<detail::OutHeader> headersMap_;  // Node's kOutHeaders
  bool hasHeadersMap_ = false;                 // kOutHeaders !== null
  Buffer header_;                              // Node's `_header` (empty = null)
  std::shared_ptr<detail::SocketLink> link_;
  bool closed_ = false;
  // ClientRequest::abort()'s 'abort' tick is pending: 'close' keeps the listeners until it
  // has run (Node emits 'abort' after 'close' when the request closes first).
  bool abortPending_ = false;
  std::optional<Error> errored_;
  bool needDrain_ = false;
  std::size_t highWaterMark_ = 16384;
  bool rejectNonStandardBodyWrites_ = false;

 private:
  friend struct detail::SocketLink;
  friend struct detail::ServerConnection;
  friend struct detail::ClientLink;
  struct Output {
    Buffer data;
    Callback callback;
  };
  bool writeImpl(const char* data, std::size_t len, Buffer* buf, Callback cb, bool fromEnd);
  /// `_send`: `latin1` when Node passes a latin1 string (the head then goes out in latin1,
  /// as it does with a Buffer; with a utf8 string it goes out as UTF-8, joined to it).
  bool send(const char* data, std::size_t len, Buffer* buf, Callback cb, bool latin1 = false);
  bool writeRaw(const char* data, std::size_t len, Buffer* buf, Callback cb);
  bool flushOutput();
  void onError(Error err, Callback cb);
  OutgoingMessage& endImpl(const char* data, std::size_t len, Buffer* buf, bool hasChunk,
                           Callback cb);
  std::vector<Output> outputData_;  // a deque would allocate in every response's constructor
  std::size_t outputSize_ = 0;
  std::optional<double> contentLength_;  // Node's _contentLength (a JS number: +value)
  std::uint64_t bytesWritten_ = 0;
  std::string trailer_;
  int corked_ = 0;
  bool removedConnection_ = false;
  bool removedContLen_ = false;
  bool removedTE_ = false;
  bool defaultKeepAlive_ = true;

 protected:
  /// Environment teardown: also drops the references to the socket, link, response
  /// and queued output (with their callbacks).
  std::shared_ptr<void> releaseForTeardown() override;
};

/// What `readable.pipe(res)` (or a request) uses: write(), end(), writableNeedDrain and the
/// events, as Node's pipe() uses them on any destination. Found by Readable::pipe through
/// argument-dependent lookup.
std::shared_ptr<stream::PipeDest> makePipeDest(const std::shared_ptr<OutgoingMessage>& message);

// ---- ServerResponse --------------------------------------------------------------------------

/// `http.ServerResponse`.
class ServerResponse : public OutgoingMessage {
 public:
  ServerResponse(IncomingMessagePtr req, std::size_t highWaterMark = 16384,
                 bool rejectNonStandardBodyWrites = false);
  ~ServerResponse() override;
  NODECC_EMITTER_METHODS(ServerResponse)
  std::string className() const override { return "ServerResponse"; }

  int statusCode = 200;
  std::string statusMessage;  ///< empty: STATUS_CODES[statusCode] at writeHead (Node: undefined)
  IncomingMessagePtr req;     ///< `response.req`

  /// `response.writeHead(statusCode[, statusMessage][, headers])`. Throws ERR_HTTP_HEADERS_SENT,
  /// ERR_HTTP_INVALID_STATUS_CODE, ERR_INVALID_CHAR (statusMessage).
  ServerResponse& writeHead(int statusCode, const OutgoingHttpHeaders& headers = {});
  ServerResponse& writeHead(int statusCode, std::string statusMessage,
                            const OutgoingHttpHeaders& headers = {});
  /// `response.writeContinue([callback])`: "HTTP/1.1 100 Continue".
  void writeContinue(Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  void writeContinue(F&& cb) {
    writeContinue(stream::detail::toCallback(std::forward<F>(cb)));
  }
  /// `response.writeProcessing([callback])`: "HTTP/1.1 102 Processing".
  void writeProcessing(Callback cb = {});
  /// `response.writeEarlyHints(hints[, callback])`: hints must contain "link".
  void writeEarlyHints(const OutgoingHttpHeaders& hints, Callback cb = {});

  // ---- internal ----
  void assignSocket(net::SocketPtr socket, std::shared_ptr<detail::SocketLink> link);
  void detachSocket();
  std::weak_ptr<detail::ServerConnection> _conn;

 protected:
  void _implicitHeader() override { writeHead(statusCode); }
  int statusCodeForStore() const noexcept override { return statusCode; }
  void onFinishInternal() override;
  void onPendingData(std::ptrdiff_t delta) override;

 private:
  ServerResponse& writeHeadImpl(int statusCode, std::string* statusMessage,
                                const OutgoingHttpHeaders* headers);
};

// ---- Server -----------------------------------------------------------------------------------

using RequestListener = std::function<void(IncomingMessagePtr, ServerResponsePtr)>;

/// `http.createServer` options. Unset fields take Node's defaults.
struct ServerOptions {
  std::optional<int> maxHeaderSize;                   ///< 16384
  std::optional<bool> insecureHTTPParser;             ///< false
  std::optional<double> requestTimeout;               ///< 300000 ms
  std::optional<double> headersTimeout;               ///< min(60000, requestTimeout)
  std::optional<double> keepAliveTimeout;             ///< 5000 ms
  std::optional<double> connectionsCheckingInterval;  ///< 30000 ms
  std::optional<bool> requireHostHeader;              ///< true
  std::optional<bool> joinDuplicateHeaders;           ///< false
  bool rejectNonStandardBodyWrites = false;
  std::optional<bool> noDelay;  ///< true
  bool keepAlive = false;
  double keepAliveInitialDelay = 0;
  std::size_t highWaterMark = 16384;
  std::vector<std::string> uniqueHeaders;
};

/// `http.Server`. Events: net.Server's, 'request'(IncomingMessagePtr, ServerResponsePtr),
/// 'checkContinue' and 'checkExpectation' (same), 'clientError'(Error, net::SocketPtr),
/// 'upgrade' and 'connect'(IncomingMessagePtr, net::SocketPtr, Buffer head),
/// 'dropRequest'(IncomingMessagePtr, net::SocketPtr), 'timeout'(net::SocketPtr).
class Server : public net::Server {
 public:
  explicit Server(ServerOptions options = {});
  ~Server() override;
  NODECC_EMITTER_METHODS(Server)
  std::string className() const override { return "Server"; }

  /// `server.listen(...)`: as net.Server's.
  template <class... A>
  Server& listen(A&&... args) {
    prepareListen();
    net::Server::listen(std::forward<A>(args)...);
    return *this;
  }
  /// `server.close([callback])`: closes idle connections, stops the checking interval, then
  /// net.Server.close.
  Server& close(Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  Server& close(F&& cb) {
    return close(stream::detail::toCallback(std::forward<F>(cb)));
  }
  /// `server.closeAllConnections()`.
  void closeAllConnections();
  /// `server.closeIdleConnections()`.
  void closeIdleConnections();
  /// `server.setTimeout([msecs][, callback])`.
  Server& setTimeout(double msecs, std::function<void(net::SocketPtr)> callback = {});

  double timeout = 0;                  ///< `server.timeout` (socket inactivity, 0 = none)
  std::optional<int> maxHeadersCount;  ///< `server.maxHeadersCount` (null: 2000 pairs)
  int maxRequestsPerSocket = 0;        ///< `server.maxRequestsPerSocket` (0 = no limit)
  double headersTimeout = 60000;
  double requestTimeout = 300000;
  double keepAliveTimeout = 5000;
  double connectionsCheckingInterval = 30000;
  int maxHeaderSize = 0;  ///< 0: http.maxHeaderSize
  std::optional<bool> insecureHTTPParser;
  bool requireHostHeader = true;
  bool joinDuplicateHeaders = false;
  bool rejectNonStandardBodyWrites = false;
  bool httpAllowHalfOpen = false;

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  friend struct detail::ServerConnection;
  struct State;
  void prepareListen();
  void armKeepAlive();
  void connectionListener(net::SocketPtr socket);
  void setupConnectionsTracking();
  void checkConnections();
  std::unique_ptr<State> state_;
};

/// `http.createServer([options][, requestListener])`.
ServerPtr createServer(ServerOptions options, RequestListener requestListener = {});
ServerPtr createServer(RequestListener requestListener = {});

// ---- Agent ------------------------------------------------------------------------------------

/// `new http.Agent(options)`.
struct AgentOptions {
  bool keepAlive = false;
  double keepAliveMsecs = 1000;
  std::optional<double> maxSockets;  ///< Infinity
  double maxFreeSockets = 256;
  std::optional<double> maxTotalSockets;  ///< Infinity
  std::string scheduling = "lifo";        ///< "lifo" or "fifo"
  std::optional<double> timeout;          ///< ms, socket timeout of the agent's sockets
  bool noDelay = true;
};

struct RequestOptions;

/// `http.Agent`: a pool of connections per "host:port:localAddress[:family]". Events:
/// 'free'(net::SocketPtr, RequestOptions).
class Agent : public EventEmitter {
 public:
  explicit Agent(AgentOptions options = {});
  ~Agent() override;
  NODECC_EMITTER_METHODS(Agent)
  std::string className() const override { return "Agent"; }

  /// `agent.getName(options)`.
  std::string getName(const RequestOptions& options) const;
  /// `agent.destroy()`.
  void destroy();
  /// `agent.keepSocketAlive(socket)` / `reuseSocket(socket, req)` (Node lets subclasses
  /// override them; here they are what Node's do).
  bool keepSocketAlive(const net::SocketPtr& socket);
  void reuseSocket(const net::SocketPtr& socket, ClientRequest& req);

  AgentOptions options;
  int defaultPort = 80;
  std::string protocol = "http:";
  bool keepAlive = false;
  double keepAliveMsecs = 1000;
  double maxSockets;  ///< Infinity by default
  double maxFreeSockets = 256;
  double maxTotalSockets;  ///< Infinity by default
  std::string scheduling = "lifo";
  int totalSocketCount = 0;
  /// `agent.requests` / `agent.sockets` / `agent.freeSockets`, by name.
  std::map<std::string, std::deque<ClientRequestPtr>> requests;
  std::map<std::string, std::vector<net::SocketPtr>> sockets;
  std::map<std::string, std::vector<net::SocketPtr>> freeSockets;
  /// `agent.createConnection(options, callback)`; net.createConnection by default.
  std::function<net::SocketPtr(const RequestOptions&)> createConnection;

  // ---- internal ----
  void addRequest(const ClientRequestPtr& req, const RequestOptions& options);

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  struct SocketEntry;
  void createSocket(const ClientRequestPtr& req, RequestOptions options,
                    std::function<void(std::optional<Error>, net::SocketPtr)> cb);
  void installListeners(const net::SocketPtr& s, const RequestOptions& options);
  void removeSocket(const net::SocketPtr& s, const RequestOptions& options);
  void onFree(const net::SocketPtr& socket, const RequestOptions& options);
  void setRequestSocket(const ClientRequestPtr& req, const net::SocketPtr& socket);
  std::map<const net::Socket*, std::unique_ptr<SocketEntry>> entries_;

 protected:
  /// Environment teardown: also drops the references to the socket, link, response
  /// and queued output (with their callbacks).
  std::shared_ptr<void> releaseForTeardown() override;
};

/// `http.globalAgent` of this thread (keepAlive true, timeout 5000, lifo). Assignable.
AgentPtr& globalAgent();

// ---- ClientRequest ----------------------------------------------------------------------------

/// `http.request` options.
struct RequestOptions {
  std::string protocol;  ///< "http:" (default); anything else: ERR_INVALID_PROTOCOL
  std::string host;      ///< default "localhost"
  std::string hostname;  ///< preferred over host
  std::optional<int> port;
  std::optional<int> defaultPort;
  std::string localAddress;
  int localPort = 0;
  std::string socketPath;
  int family = 0;
  std::string method;  ///< default "GET"
  std::string path;    ///< default "/"
  OutgoingHttpHeaders headers;
  /// The array form of `headers` (['Name', 'value', ...]): sent as given, in order.
  std::optional<std::vector<std::string>> headersArray;
  std::string auth;  ///< "user:password" → Authorization: Basic
  /// `agent`: unset → globalAgent(); an Agent; or `false` → a new Agent for this request.
  std::variant<std::monostate, AgentPtr, bool> agent;
  std::optional<double> timeout;  ///< ms
  bool setHost = true;
  std::optional<int> maxHeaderSize;
  std::optional<bool> insecureHTTPParser;
  std::optional<bool> joinDuplicateHeaders;
  std::vector<std::string> uniqueHeaders;
  /// `options.createConnection(options)`: a socket instead of the agent's.
  std::function<net::SocketPtr(const RequestOptions&)> createConnection;
};

/// `http.ClientRequest`. Events: OutgoingMessage's, plus 'response'(IncomingMessagePtr),
/// 'information'(Information), 'continue'(), 'upgrade' and 'connect'(IncomingMessagePtr,
/// net::SocketPtr, Buffer head), 'abort'().
class ClientRequest : public OutgoingMessage {
 public:
  /// What 'information' carries for a 1xx response.
  struct Information {
    int statusCode = 0;
    std::string statusMessage;
    std::string httpVersion;
    int httpVersionMajor = 0;
    int httpVersionMinor = 0;
    Value headers;
    std::vector<std::string> rawHeaders;
  };

  explicit ClientRequest(RequestOptions options);
  ~ClientRequest() override;
  NODECC_EMITTER_METHODS(ClientRequest)
  std::string className() const override { return "ClientRequest"; }

  /// `request.abort()` (deprecated in Node): 'abort' on the next tick, then destroy().
  void abort();
  /// `request.destroy([error])`.
  ClientRequest& destroy(std::optional<Error> error = {});
  /// `request.setTimeout(msecs[, callback])`.
  ClientRequest& setTimeout(double msecs, std::function<void()> callback = {});
  /// `request.setNoDelay([noDelay])` / `setSocketKeepAlive([enable][, initialDelay])`.
  void setNoDelay(bool noDelay = true);
  void setSocketKeepAlive(bool enable = false, double initialDelay = 0);

  std::string method;
  std::string path;
  std::string host;
  std::string protocol = "http:";
  AgentPtr agent;          ///< null with createConnection
  IncomingMessagePtr res;  ///< `request.res`
  bool aborted = false;
  bool reusedSocket = false;
  std::optional<double> timeout;
  std::optional<int> maxHeadersCount;
  bool upgradeOrConnect = false;

  // ---- internal ----
  void onSocket(net::SocketPtr socket, std::optional<Error> err = {});
  RequestOptions _options;
  bool _ended = false;
  std::shared_ptr<detail::ClientLink> _link;
  std::optional<Error> _destroyError;
  bool _timeoutListening = false;

 protected:
  void _implicitHeader() override;
  void _finish() override;
  bool isRequest() const noexcept override { return true; }
  bool hasAgent() const noexcept override { return agent != nullptr; }
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  friend struct detail::ClientLink;
  void init(RequestOptions options);

 protected:
  /// Environment teardown: also drops the references to the socket, link, response
  /// and queued output (with their callbacks).
  std::shared_ptr<void> releaseForTeardown() override;
};

/// `http.request(options[, callback])` / `http.request(url[, options][, callback])`.
/// Throws ERR_INVALID_URL, ERR_INVALID_PROTOCOL, ERR_UNESCAPED_CHARACTERS,
/// ERR_INVALID_HTTP_TOKEN (method).
ClientRequestPtr request(RequestOptions options,
                         std::function<void(IncomingMessagePtr)> callback = {});
ClientRequestPtr request(std::string_view url,
                         std::function<void(IncomingMessagePtr)> callback = {});
ClientRequestPtr request(std::string_view url, RequestOptions options,
                         std::function<void(IncomingMessagePtr)> callback = {});
/// `http.get(...)`: request() then end().
ClientRequestPtr get(RequestOptions options, std::function<void(IncomingMessagePtr)> callback = {});
ClientRequestPtr get(std::string_view url, std::function<void(IncomingMessagePtr)> callback = {});
ClientRequestPtr get(std::string_view url, RequestOptions options,
                     std::function<void(IncomingMessagePtr)> callback = {});

}  // namespace nodecc::http
