// http: lib/_http_server.js (ServerResponse, Server, the connection listener) over
// bindings/http_parser, reading the socket's handle directly as Node's parser.consume() does.
#include <algorithm>
#include <cmath>

#include "bindings/stream_wrap.h"
#include "modules/src/http_internal.h"
#include "nodecc/environment.h"
#include "nodecc/pool.h"

namespace nodecc::http {

using detail::ServerConnection;

const std::map<int, std::string> STATUS_CODES = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Payload Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {509, "Bandwidth Limit Exceeded"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

const std::vector<std::string> METHODS = [] {
  std::vector<std::string> m = bindings::HttpParser::methods();
  std::sort(m.begin(), m.end());
  return m;
}();

OutgoingHttpHeaders headerArray(const std::vector<std::string>& flat) {
  if (flat.size() % 2 != 0) {
    std::string shown = "[ ";
    for (std::size_t i = 0; i < flat.size(); ++i) {
      if (i) shown += ", ";
      shown += util::detail::quoteString(flat[i]);
    }
    shown += " ]";
    throw errors::invalidArgValue("headers", shown);
  }
  OutgoingHttpHeaders h;
  for (std::size_t i = 0; i < flat.size(); i += 2) h.emplace_back(flat[i], Value(flat[i + 1]));
  return h;
}

namespace {

constexpr double kKeepAliveTimeoutBuffer = 1000;  // HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER

// The connection clocks (keep-alive deadlines, a message's start for headersTimeout and
// requestTimeout) read the loop's clock as the timers do (getLibuvNow), in whole
// milliseconds: Node's socket timers use that clock, and its parser's uv_hrtime()
// nanoseconds are only ever compared at connectionsCheckingInterval's granularity. Reading
// it usually costs no clock call (see Environment::libuvNow).
double nowMs() { return static_cast<double>(Environment::require().libuvNow()); }
std::uint64_t nowNs() {
  return static_cast<std::uint64_t>(Environment::require().libuvNow()) * 1000000;
}

Buffer staticResponse(std::string_view s) { return Buffer::from(s, "latin1"); }

void validateInteger(double v, std::string_view name) {
  if (std::trunc(v) != v || !std::isfinite(v)) {
    throw errors::outOfRange(name, "an integer", util::detail::formatNumber(v));
  }
  if (v < 0 || v > 9007199254740991.0) {
    throw errors::outOfRange(name, ">= 0 && <= 9007199254740991", util::detail::formatNumber(v));
  }
}

}  // namespace

// ---- ServerResponse ---------------------------------------------------------------------------

ServerResponse::ServerResponse(IncomingMessagePtr r, std::size_t highWaterMark, bool reject)
    : req(std::move(r)) {
  highWaterMark_ = highWaterMark;
  rejectNonStandardBodyWrites_ = reject;
  if (req->method == "HEAD") _hasBody = false;
  sendDate = true;
  if (req->httpVersionMajor < 1 || req->httpVersionMinor < 1) {
    auto te = req->_rawHeader("te");
    useChunkedEncodingByDefault = te && detail::hasToken(*te, "chunked");
    shouldKeepAlive = false;
  }
}

ServerResponse::~ServerResponse() {
  if (link_ && link_->httpMessage == this) link_->httpMessage = nullptr;
}

ServerResponse& ServerResponse::writeHead(int code, const OutgoingHttpHeaders& headers) {
  return writeHeadImpl(code, nullptr, &headers);
}

ServerResponse& ServerResponse::writeHead(int code, std::string message,
                                          const OutgoingHttpHeaders& headers) {
  return writeHeadImpl(code, &message, &headers);
}

ServerResponse& ServerResponse::writeHeadImpl(int code, std::string* message,
                                              const OutgoingHttpHeaders* obj) {
  if (headersSent()) {
    throw errors::error("ERR_HTTP_HEADERS_SENT",
                        "Cannot write headers after they are sent to the client");
  }
  if (code < 100 || code > 999) {
    throw errors::rangeError("ERR_HTTP_INVALID_STATUS_CODE",
                             "Invalid status code: " + std::to_string(code));
  }
  if (message) {
    statusMessage = std::move(*message);
  } else if (statusMessage.empty()) {
    if (code == 200) {
      statusMessage.append("OK", 2);  // empty: append() skips assign()'s general path
    } else {
      auto it = STATUS_CODES.find(code);
      statusMessage = it != STATUS_CODES.end() ? it->second : "unknown";
    }
  }
  statusCode = code;
  const OutgoingHttpHeaders* headers = obj;
  if (hasHeadersMap_) {
    if (obj) {
      for (const auto& [k, v] : *obj) {
        if (!k.empty()) setHeader(k, v);
      }
    }
    headers = nullptr;  // the progressive headers
  } else if (obj && obj->empty()) {
    headers = nullptr;
  }
  if (detail::checkInvalidHeaderChar(statusMessage)) {
    throw errors::typeError("ERR_INVALID_CHAR", "Invalid character in statusMessage");
  }
  if (code == 204 || code == 304 || (code >= 100 && code <= 199)) _hasBody = false;
  if (_expectContinue && !_sent100) shouldKeepAlive = false;
  if (code == 200 && std::string_view(statusMessage) == "OK") {
    storeHeader("HTTP/1.1 200 OK\r\n", headers);
    return *this;
  }
  thread_local std::string line;
  line.assign("HTTP/1.1 ");
  line.append(std::to_string(code));
  line.push_back(' ');
  line.append(statusMessage);
  line.append("\r\n");
  storeHeader(line, headers);
  return *this;
}

void ServerResponse::writeContinue(Callback cb) {
  _writeRaw("HTTP/1.1 100 Continue\r\n\r\n", std::move(cb));
  _sent100 = true;
}

void ServerResponse::writeProcessing(Callback cb) {
  _writeRaw("HTTP/1.1 102 Processing\r\n\r\n", std::move(cb));
}

void ServerResponse::writeEarlyHints(const OutgoingHttpHeaders& hints, Callback cb) {
  std::string head = "HTTP/1.1 103 Early Hints\r\n";
  const Value* link = nullptr;
  for (const auto& [k, v] : hints) {
    if (k == "link") link = &v;
  }
  if (!link || link->isNullish()) return;
  std::string l = link->isArray() ? [&] {
    std::string r;
    bool first = true;
    for (const Value& x : link->asArray()) {
      if (!first) r += ", ";
      first = false;
      r += detail::valueToString(x);
    }
    return r;
  }()
                                  : detail::valueToString(*link);
  if (l.empty()) return;
  head += "Link: " + l + "\r\n";
  for (const auto& [k, v] : hints) {
    if (k != "link") head += k + ": " + detail::valueToString(v) + "\r\n";
  }
  head += "\r\n";
  _writeRaw(head, std::move(cb));
}

void ServerResponse::assignSocket(net::SocketPtr s, std::shared_ptr<detail::SocketLink> link) {
  if (link->httpMessage) {
    throw errors::error("ERR_HTTP_SOCKET_ASSIGNED",
                        "ServerResponse has an already assigned socket");
  }
  link->httpMessage = this;
  link->httpMessageRef = std::static_pointer_cast<OutgoingMessage>(shared_from_this());
  s->on("close", link->responseCloseListener());
  _attach(link, s);
  emit("socket", s);
  _flush();
}

void ServerResponse::detachSocket() {
  // The caller holds this response (releasing the socket's reference does not destroy it).
  if (socket && link_ && link_->responseClose_)
    socket->removeListener("close", link_->responseClose_);
  if (link_ && link_->httpMessage == this) {
    link_->httpMessage = nullptr;
    link_->httpMessageRef.reset();
  }
  socket = nullptr;
}

void ServerResponse::onFinishInternal() {
  if (auto c = _conn.lock()) {
    c->resOnFinish(req, std::static_pointer_cast<ServerResponse>(shared_from_this()));
  }
}

void ServerResponse::onPendingData(std::ptrdiff_t delta) {
  if (auto c = _conn.lock()) c->updateOutgoingData(delta);
}

// ---- Server -----------------------------------------------------------------------------------

struct Server::State {
  ServerConnection* first = nullptr;   // every connection (Node's ConnectionsList)
  TimeoutPtr checking;                 // connectionsCheckingInterval
  ServerConnection* kaHead = nullptr;  // idle keep-alive connections, oldest first
  ServerConnection* kaTail = nullptr;
  TimeoutPtr kaTimer;
  double kaTimerAt = 0;
  Listener connectionL;
  Listener listeningL;
  std::vector<std::string> uniqueHeaders;

  void link(ServerConnection* c) {
    c->prev = nullptr;
    c->next = first;
    if (first) first->prev = c;
    first = c;
    c->listed = true;
  }
  void unlink(ServerConnection* c) {
    if (!c->listed) return;
    if (c->prev)
      c->prev->next = c->next;
    else
      first = c->next;
    if (c->next) c->next->prev = c->prev;
    c->prev = c->next = nullptr;
    c->listed = false;
  }
  void kaRemove(ServerConnection* c) {
    if (!c->inKeepAlive) return;
    if (c->kaPrev)
      c->kaPrev->kaNext = c->kaNext;
    else
      kaHead = c->kaNext;
    if (c->kaNext)
      c->kaNext->kaPrev = c->kaPrev;
    else
      kaTail = c->kaPrev;
    c->kaPrev = c->kaNext = nullptr;
    c->inKeepAlive = false;
  }
  void kaAppend(ServerConnection* c, double deadline) {
    kaRemove(c);
    c->kaDeadline = deadline;
    c->kaPrev = kaTail;
    c->kaNext = nullptr;
    if (kaTail)
      kaTail->kaNext = c;
    else
      kaHead = c;
    kaTail = c;
    c->inKeepAlive = true;
  }
};

Server::Server(ServerOptions o)
    : net::Server([&] {
        net::ServerOptions n;
        n.allowHalfOpen = true;
        n.noDelay = o.noDelay.value_or(true);
        n.keepAlive = o.keepAlive;
        n.keepAliveInitialDelay = o.keepAliveInitialDelay;
        n.highWaterMark = o.highWaterMark;
        return n;
      }()),
      state_(std::make_unique<State>()) {
  // storeHTTPOptions
  if (o.maxHeaderSize) {
    validateInteger(*o.maxHeaderSize, "maxHeaderSize");
    maxHeaderSize = *o.maxHeaderSize;
  }
  insecureHTTPParser = o.insecureHTTPParser;
  if (o.requestTimeout) {
    validateInteger(*o.requestTimeout, "requestTimeout");
    requestTimeout = *o.requestTimeout;
  }
  if (o.headersTimeout) {
    validateInteger(*o.headersTimeout, "headersTimeout");
    headersTimeout = *o.headersTimeout;
  } else {
    headersTimeout = std::min(60000.0, requestTimeout);
  }
  if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
    throw errors::outOfRange("headersTimeout", "<= requestTimeout",
                             util::detail::formatNumber(headersTimeout));
  }
  if (o.keepAliveTimeout) {
    validateInteger(*o.keepAliveTimeout, "keepAliveTimeout");
    keepAliveTimeout = *o.keepAliveTimeout;
  }
  if (o.connectionsCheckingInterval) {
    validateInteger(*o.connectionsCheckingInterval, "connectionsCheckingInterval");
    connectionsCheckingInterval = *o.connectionsCheckingInterval;
  }
  requireHostHeader = o.requireHostHeader.value_or(true);
  joinDuplicateHeaders = o.joinDuplicateHeaders.value_or(false);
  rejectNonStandardBodyWrites = o.rejectNonStandardBodyWrites;
  for (const auto& h : o.uniqueHeaders) state_->uniqueHeaders.push_back(detail::toLower(h));
  state_->connectionL =
      makeListener([this](net::SocketPtr s) { connectionListener(std::move(s)); });
  state_->listeningL = makeListener([this]() { setupConnectionsTracking(); });
  prepareListen();
}

Server::~Server() {
  if (state_->checking) clearTimeout(state_->checking);
  if (state_->kaTimer) clearTimeout(state_->kaTimer);
  for (ServerConnection* c = state_->first; c;) {
    ServerConnection* n = c->next;
    c->listed = false;
    c->prev = c->next = nullptr;
    c->inKeepAlive = false;
    c = n;
  }
}

const nodecc::detail::SigInfo* Server::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "request" || event == "checkContinue" || event == "checkExpectation") {
    return &SigOf<IncomingMessagePtr, ServerResponsePtr>::info;
  }
  if (event == "clientError") return &SigOf<Error, net::SocketPtr>::info;
  if (event == "upgrade" || event == "connect") {
    return &SigOf<IncomingMessagePtr, net::SocketPtr, Buffer>::info;
  }
  if (event == "dropRequest") return &SigOf<IncomingMessagePtr, net::SocketPtr>::info;
  if (event == "timeout") return &SigOf<net::SocketPtr>::info;
  return net::Server::declaredSignature(event);
}

// The internal 'connection' and 'listening' listeners (net.Server drops every listener after
// its final 'close'; listening again puts ours back).
void Server::prepareListen() {
  bool have = false;
  for (const Listener& l : listeners("connection")) have = have || l == state_->connectionL;
  if (!have) prependListener("connection", state_->connectionL);
  have = false;
  for (const Listener& l : listeners("listening")) have = have || l == state_->listeningL;
  if (!have) prependListener("listening", state_->listeningL);
}

ServerPtr createServer(ServerOptions options, RequestListener listener) {
  auto s = std::make_shared<Server>(std::move(options));
  if (listener) s->on("request", std::move(listener));
  return s;
}

ServerPtr createServer(RequestListener listener) {
  return createServer(ServerOptions{}, std::move(listener));
}

Server& Server::close(Callback cb) {
  // httpServerPreClose
  closeIdleConnections();
  if (state_->checking) {
    clearTimeout(state_->checking);
    state_->checking.reset();
  }
  net::Server::close(std::move(cb));
  return *this;
}

void Server::closeAllConnections() {
  std::vector<net::SocketPtr> all;
  for (ServerConnection* c = state_->first; c; c = c->next) all.push_back(c->sock);
  for (auto& s : all) s->destroy();
}

void Server::closeIdleConnections() {
  std::vector<net::SocketPtr> idle;
  for (ServerConnection* c = state_->first; c; c = c->next) {
    if (c->lastMessageStart != 0) continue;
    if (c->httpMessage && !c->httpMessage->finished) continue;
    idle.push_back(c->sock);
  }
  for (auto& s : idle) s->destroy();
}

Server& Server::setTimeout(double msecs, std::function<void(net::SocketPtr)> callback) {
  timeout = msecs;
  if (callback) on("timeout", std::move(callback));
  return *this;
}

void Server::setupConnectionsTracking() {
  if (state_->checking) clearTimeout(state_->checking);
  state_->checking = setInterval([this] { checkConnections(); }, connectionsCheckingInterval);
  state_->checking->unref();
}

// checkConnections + ConnectionsList::Expired
void Server::checkConnections() {
  if (headersTimeout == 0 && requestTimeout == 0) return;
  std::uint64_t ht = static_cast<std::uint64_t>(headersTimeout) * 1000000;
  std::uint64_t rt = static_cast<std::uint64_t>(requestTimeout) * 1000000;
  if (rt > 0 && ht > rt) std::swap(ht, rt);
  std::uint64_t now = nowNs();
  std::uint64_t hd = ht > 0 && now > ht ? now - ht : 0;
  std::uint64_t rd = rt > 0 && now > rt ? now - rt : 0;
  if (hd == 0 && rd == 0) return;
  std::vector<std::shared_ptr<ServerConnection>> expired;
  for (ServerConnection* c = state_->first; c; c = c->next) {
    if (!c->active) continue;
    bool headersLate = !c->parser.headersCompleted() && hd > 0 && c->lastMessageStart < hd;
    bool requestLate = rd > 0 && c->lastMessageStart < rd;
    if (headersLate || requestLate) {
      c->active = false;
      expired.push_back(std::static_pointer_cast<ServerConnection>(c->shared_from_this()));
    }
  }
  for (auto& c : expired) c->onRequestTimeout();
}

void Server::connectionListener(net::SocketPtr socket) {
  auto self = std::static_pointer_cast<Server>(shared_from_this());
  auto conn = std::allocate_shared<ServerConnection>(
      nodecc::detail::PoolAllocator<ServerConnection>(), self, std::move(socket));
  conn->start();
}

// One timer for every idle keep-alive connection of the server, due at the oldest deadline.
void Server::armKeepAlive() {
  State& st = *state_;
  if (!st.kaHead) return;
  double at = st.kaHead->kaDeadline;
  if (st.kaTimer && st.kaTimerAt <= at && !st.kaTimer->destroyed) return;
  if (st.kaTimer) clearTimeout(st.kaTimer);
  double delay = at - nowMs();
  if (delay < 1) delay = 1;
  std::weak_ptr<EventEmitter> weak = weak_from_this();
  st.kaTimerAt = at;
  st.kaTimer = nodecc::setTimeout(
      [this, weak]() {
        auto keep = weak.lock();
        if (!keep) return;
        State& s = *state_;
        s.kaTimer.reset();
        double now = nowMs();
        std::vector<std::shared_ptr<ServerConnection>> due;
        while (s.kaHead && s.kaHead->kaDeadline <= now) {
          ServerConnection* c = s.kaHead;
          s.kaRemove(c);
          due.push_back(std::static_pointer_cast<ServerConnection>(c->shared_from_this()));
        }
        // The socket's 'timeout', as Node's socket.setTimeout(keepAliveTimeout + 1000) gives.
        for (auto& c : due) {
          if (!c->sock->destroyed()) c->sock->emit("timeout");
        }
        armKeepAlive();
      },
      delay);
  st.kaTimer->unref();
}

// ---- ServerConnection (connectionListenerInternal and friends) --------------------------------

namespace detail {

ServerConnection::ServerConnection(std::shared_ptr<Server> s, net::SocketPtr so)
    : server(std::move(s)), sock(std::move(so)) {
  socket = sock.get();
}

ServerConnection::~ServerConnection() {
  if (server) {
    server->state_->unlink(this);
    server->state_->kaRemove(this);
  }
}

void ServerConnection::start() {
  auto self = std::static_pointer_cast<ServerConnection>(shared_from_this());
  Server& srv = *server;
  sock->forbidSetEncoding();  // Node: socket.setEncoding = socketSetEncoding
  if (srv.timeout > 0) sock->setTimeout(srv.timeout);
  sock->on("timeout", [self]() { self->socketOnTimeout(); });
  bool lenient = srv.insecureHTTPParser.value_or(false);
  parser.init(bindings::HttpParser::Type::kRequest, this,
              srv.maxHeaderSize > 0 ? static_cast<std::size_t>(srv.maxHeaderSize) : 16384, lenient);
  // Guards against a connection that sends nothing while server.timeout is 0.
  lastMessageStart = nowNs();
  active = true;
  srv.state_->link(this);
  if (srv.maxHeadersCount) maxHeaderPairs = *srv.maxHeadersCount << 1;
  Listener onError = makeListener([self](const Error& e) { self->socketOnError(e); });
  errorListener = onError;
  sock->on("error", std::move(onError));
  sock->on("end", [self]() { self->onEnd(); });
  sock->on("close", [self](bool) { self->onClose(); });
  sock->on("drain", [self]() { self->onDrain(); });
  // Node's parser.consume(socket._handle). If the user reads the socket ('data'/'readable'),
  // the bytes reach the parser through a 'data' listener, as in Node.
  sock->consume([self](Buffer d) { self->onData(d); },
                [self]() { self->sock->on("data", [self](const Buffer& d) { self->onData(d); }); });
}

void ServerConnection::onData(const Buffer& d) {
  if (!hasParser) return;
  if (inKeepAlive) {
    // Activity restarts the idle countdown, as it restarts a socket timer.
    server->state_->kaAppend(this, nowMs() + server->keepAliveTimeout + kKeepAliveTimeoutBuffer);
  }
  struct Reset {
    const Buffer** p;
    ~Reset() { *p = nullptr; }
  } reset{&current};
  current = &d;
  bindings::HttpParser::Result r = parser.execute(d.chars(), d.length());
  current = nullptr;
  onExecuteCommon(std::move(r), d);
}

// onParserExecuteCommon
void ServerConnection::onExecuteCommon(bindings::HttpParser::Result ret, const Buffer& d) {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  if (!ret.ok) {
    socketOnError(parseError(ret.error, d));
  } else if (incoming && incoming->upgrade) {
    IncomingMessagePtr req = incoming;
    // Upgrade or CONNECT: the socket leaves http.
    sock->removeAllListeners("end");
    sock->removeAllListeners("drain");
    sock->removeListener("error", errorListener);
    sock->removeAllListeners("timeout");
    bool consumed = sock->consumed();
    sock->unconsume();
    parser.finish();
    freeParser();
    std::string eventName = req->method == "CONNECT" ? "connect" : "upgrade";
    if (eventName == "upgrade" || server->listenerCount(eventName) > 0) {
      Buffer bodyHead = d.subarray(static_cast<std::ptrdiff_t>(ret.bytesParsed));
      if (consumed) {
        // The stream reads the handle again (it may have been stopped for backpressure).
        if (auto* h = sock->handle(); h && !h->reading()) h->readStart();
      }
      paused = false;
      server->emit(eventName, req, sock, bodyHead);
    } else {
      sock->destroy();
    }
  } else if (incoming && incoming->method == "PRI") {
    sock->destroy();
  }
  if (paused && hasParser) parser.pause();
}

void ServerConnection::freeParser() {
  if (!hasParser) return;
  hasParser = false;
  if (server) server->state_->unlink(this);
  active = false;
}

// socketOnError
void ServerConnection::socketOnError(const Error& e) {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  if (errorListener) sock->removeListener("error", errorListener);
  if (sock->listenerCount("error") == 0) sock->on("error", [](const Error&) {});
  if (!server->emit("clientError", e, sock)) {
    if (sock->writable() && (!httpMessage || !httpMessage->_headerSent)) {
      static const Buffer kBadRequest =
          staticResponse("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      static const Buffer kTimeout =
          staticResponse("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
      static const Buffer kTooLarge = staticResponse(
          "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
      static const Buffer kExtTooLarge =
          staticResponse("HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n");
      const Buffer* r = &kBadRequest;
      if (e.code == "HPE_HEADER_OVERFLOW")
        r = &kTooLarge;
      else if (e.code == "HPE_CHUNK_EXTENSIONS_OVERFLOW")
        r = &kExtTooLarge;
      else if (e.code == "ERR_HTTP_REQUEST_TIMEOUT")
        r = &kTimeout;
      sock->write(*r);
    }
    sock->destroy(e);
  }
}

void ServerConnection::onRequestTimeout() {
  socketOnError(errors::error("ERR_HTTP_REQUEST_TIMEOUT", "Request timeout"));
}

// socketOnEnd
void ServerConnection::onEnd() {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  bindings::HttpParser::Result ret;
  if (hasParser) ret = parser.finish();
  if (!ret.ok) {
    Error err("Parse Error", ret.error.code);
    err.info = Object{{"bytesParsed", static_cast<double>(ret.error.bytesParsed)},
                      {"reason", ret.error.reason}};
    socketOnError(err);
  } else if (!server->httpAllowHalfOpen) {
    sock->end();
  } else if (!outgoing.empty()) {
    outgoing.back()->_last = true;
  } else if (httpMessage) {
    httpMessage->_last = true;
  } else {
    sock->end();
  }
}

// socketOnClose + onServerResponseClose
void ServerConnection::onClose() {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  // socketOnClose; the response's own 'close' comes from its listener
  // (SocketLink::responseCloseListener), which runs after this one.
  freeParser();
  if (server) server->state_->kaRemove(this);
  while (!incomingQueue.empty()) {
    IncomingMessagePtr req = incomingQueue.front();
    incomingQueue.pop_front();
    req->destroy(connResetException("aborted"));
  }
  incoming = nullptr;
  outgoing.clear();
}

// socketOnTimeout
void ServerConnection::socketOnTimeout() {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  bool reqTimeout = incoming && !incoming->complete && incoming->emit("timeout", sock);
  bool resTimeout = httpMessage && httpMessage->emit("timeout", sock);
  bool serverTimeout = server->emit("timeout", sock);
  if (!reqTimeout && !resTimeout && !serverTimeout) sock->destroy();
}

// socketOnDrain
void ServerConnection::onDrain() {
  bool needPause = outgoingData > sock->writableHighWaterMark();
  if (paused && !needPause) {
    paused = false;
    if (hasParser) parser.resume();
    readStart();
  }
  OutgoingMessage* msg = httpMessage;
  if (msg && !msg->finished && msg->needDrain_) {
    msg->needDrain_ = false;
    msg->emit("drain");
  }
}

void ServerConnection::updateOutgoingData(std::ptrdiff_t delta) {
  outgoingData = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(outgoingData) + delta);
  onDrain();
}

void ServerConnection::readStart() {
  if (paused || !sock->readable()) return;
  if (sock->consumed()) {
    if (auto* h = sock->handle(); h && !h->reading()) h->readStart();
  } else {
    sock->resume();
  }
}

void ServerConnection::readStop() {
  if (sock->consumed()) {
    if (auto* h = sock->handle(); h && h->reading()) h->readStop();
  } else {
    sock->pause();
  }
}

void ServerConnection::resetSocketTimeout() {
  if (!keepAliveTimeoutSet) return;
  server->state_->kaRemove(this);
  keepAliveTimeoutSet = false;
}

// resOnFinish
void ServerConnection::resOnFinish(const IncomingMessagePtr& req, const ServerResponsePtr& res) {
  auto keep = std::static_pointer_cast<ServerConnection>(shared_from_this());
  if (!incomingQueue.empty() && incomingQueue.front() == req) incomingQueue.pop_front();
  if (!req->_consuming && !req->_resumeScheduled()) req->_dump();
  res->detachSocket();
  if (incoming == req && req->readableEnded()) incoming = nullptr;  // clearIncoming
  nextTick([res] { res->_emitClose(); });
  if (res->_last) {
    sock->destroySoon();
  } else if (outgoing.empty()) {
    if (server->keepAliveTimeout > 0) {
      Server::State& st = *server->state_;
      st.kaAppend(this, nowMs() + server->keepAliveTimeout + kKeepAliveTimeoutBuffer);
      keepAliveTimeoutSet = true;
      server->armKeepAlive();
    }
  } else {
    ServerResponsePtr m = outgoing.front();
    outgoing.pop_front();
    m->assignSocket(sock, keep);
  }
}

// ---- parser events ----

void ServerConnection::onMessageBegin() {
  lastMessageStart = nowNs();
  active = true;
}

int ServerConnection::onHeadersComplete(const bindings::HttpParser::Head& head, std::string& url,
                                        std::string&, bindings::HttpHeaderBlock& headers) {
  auto req =
      std::allocate_shared<IncomingMessage>(nodecc::detail::PoolAllocator<IncomingMessage>(), sock);
  req->httpVersionMajor = head.versionMajor;
  req->httpVersionMinor = head.versionMinor;
  char v[4] = {static_cast<char>('0' + head.versionMajor), '.',
               static_cast<char>('0' + head.versionMinor), 0};
  // A new message's strings are empty: append() skips assign()'s general path.
  req->httpVersion.append(v, 3);
  req->joinDuplicateHeaders = server->joinDuplicateHeaders;
  req->url.swap(url);
  detail::latin1ToUtf8(req->url);  // Node's parser reads the head as latin1
  req->upgrade = head.upgrade;
  // parserOnHeadersComplete: maxHeaderPairs <= 0 means no limit.
  req->_addHeaderLines(headers, false,
                       maxHeaderPairs > 0 ? static_cast<std::size_t>(maxHeaderPairs) / 2
                                          : static_cast<std::size_t>(-1));
  req->method.append(head.method);
  req->_link = shared_from_this();
  incoming = req;
  return onIncoming(req, head.shouldKeepAlive);
}

void ServerConnection::onBody(const char* at, std::size_t length) {
  if (!incoming) return;
  if (!incoming->_dumped) {
    std::ptrdiff_t off = at - current->chars();
    if (!incoming->push(current->subarray(off, off + static_cast<std::ptrdiff_t>(length)))) {
      readStop();
    }
  }
  // Node calls parserOnBody through MakeCallback, the outermost callback when the parser
  // consumes the socket: ticks and microtasks run after each body chunk.
  if (sock->consumed()) Environment::require().runNextTicks();
}

void ServerConnection::onMessageComplete(bindings::HttpHeaderBlock& trailers) {
  lastMessageStart = 0;
  active = false;
  if (incoming) {
    incoming->complete = true;
    if (!trailers.empty()) {
      // parserOnMessageComplete: trailers are not limited.
      incoming->_addHeaderLines(trailers, true, static_cast<std::size_t>(-1));
    }
    incoming->push(nullptr);
  }
  readStart();
}

// parserOnIncoming
int ServerConnection::onIncoming(const IncomingMessagePtr& req, bool keepAlive) {
  resetSocketTimeout();
  Server& srv = *server;
  if (req->upgrade) {
    req->upgrade = req->method == "CONNECT" || srv.listenerCount("upgrade") > 0;
    if (req->upgrade) return 2;
  }
  incomingQueue.push_back(req);
  if (!paused) {
    if (needDrain || sock->writableNeedDrain() || outgoingData >= sock->writableHighWaterMark()) {
      paused = true;
      readStop();
    }
  }
  auto self = std::static_pointer_cast<ServerConnection>(shared_from_this());
  auto res = std::allocate_shared<ServerResponse>(nodecc::detail::PoolAllocator<ServerResponse>(),
                                                  req, sock->writableHighWaterMark(),
                                                  srv.rejectNonStandardBodyWrites);
  res->_keepAliveTimeout = srv.keepAliveTimeout;
  res->_maxRequestsPerSocket = srv.maxRequestsPerSocket;
  res->_conn = self;
  res->shouldKeepAlive = keepAlive;
  res->uniqueHeaders_ = srv.state_->uniqueHeaders;
  if (httpMessage) {
    outgoing.push_back(res);
  } else {
    res->assignSocket(sock, self);
  }
  bool handled = false;
  if (req->httpVersionMajor == 1 && req->httpVersionMinor == 1) {
    // RFC 7230 5.4: an HTTP/1.1 request without Host gets 400.
    if (srv.requireHostHeader && !req->_hasRawHeader("host")) {
      res->writeHead(400, headerArray({"Connection", "close"}));
      res->end();
      return 0;
    }
    bool limit = srv.maxRequestsPerSocket > 0;
    if (limit) {
      ++requestsCount;
      res->maxRequestsOnConnectionReached = srv.maxRequestsPerSocket <= requestsCount;
    }
    std::optional<std::string> expect;
    if (limit && srv.maxRequestsPerSocket < requestsCount) {
      handled = true;
      srv.emit("dropRequest", req, sock);
      res->writeHead(503);
      res->end();
    } else if (req->_hasRawHeader("expect") && (expect = req->_rawHeader("expect"))) {
      handled = true;
      if (hasToken(*expect, "100-continue")) {
        res->_expectContinue = true;
        if (srv.listenerCount("checkContinue") > 0) {
          srv.emit("checkContinue", req, res);
        } else {
          res->writeContinue();
          srv.emit("request", req, res);
        }
      } else if (srv.listenerCount("checkExpectation") > 0) {
        srv.emit("checkExpectation", req, res);
      } else {
        res->writeHead(417);
        res->end();
      }
    }
  }
  if (!handled) srv.emit("request", req, res);
  return 0;
}

}  // namespace detail
}  // namespace nodecc::http
