// http: lib/_http_client.js (ClientRequest, http.request, http.get).
#include <cmath>
#include <limits>

#include "modules/src/http_internal.h"
#include "nodecc/environment.h"
#include "nodecc/net.h"
#include "nodecc/pool.h"

namespace nodecc::http {

namespace detail {
void setHttpMessage(const net::Socket* s, const ClientRequestPtr& req);
}  // namespace detail

using detail::ClientLink;

namespace {

bool statusIsInformational(int status) { return status < 200 && status >= 100 && status != 101; }

std::string base64(std::string_view s) { return Buffer::from(s).toString("base64"); }

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string percentDecode(std::string_view s) {
  std::string r;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && i + 2 <= s.size() - 1 + 1 && i + 2 < s.size() + 1 &&
        i + 2 <= s.size() && isHex(s[i + 1]) && isHex(s[i + 2])) {
      r += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      r += s[i];
    }
  }
  return r;
}

// Percent-encodes what the WHATWG URL parser encodes in a path or a query.
std::string encodeSet(std::string_view s, bool query) {
  static const char* hex = "0123456789ABCDEF";
  std::string r;
  for (unsigned char c : s) {
    bool enc = c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' ||
               (!query && (c == '`' || c == '{' || c == '}')) || (query && c == '\'' && false);
    if (enc) {
      r += '%';
      r += hex[c >> 4];
      r += hex[c & 15];
    } else {
      r += static_cast<char>(c);
    }
  }
  return r;
}

Error invalidUrl(std::string_view input) {
  Error e = errors::typeError("ERR_INVALID_URL", "Invalid URL");
  e.info = Object{{"input", std::string(input)}};
  return e;
}

// new URL(input) + urlToHttpOptions, for the parts http.request uses.
RequestOptions urlToHttpOptions(std::string_view input) {
  std::string_view s = input;
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) throw invalidUrl(input);
  std::string scheme = detail::toLower(s.substr(0, colon));
  for (char c : scheme) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
      throw invalidUrl(input);
    }
  }
  RequestOptions o;
  o.protocol = scheme + ":";
  std::string_view rest = s.substr(colon + 1);
  while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  std::size_t end = rest.find_first_of("/\\?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    o.auth = percentDecode(authority.substr(0, at));
    authority = authority.substr(at + 1);
  }
  std::string_view hostPort = authority;
  std::string host;
  std::string_view portStr;
  if (!hostPort.empty() && hostPort.front() == '[') {
    std::size_t close = hostPort.find(']');
    if (close == std::string_view::npos) throw invalidUrl(input);
    host = std::string(hostPort.substr(1, close - 1));
    std::string_view after = hostPort.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw invalidUrl(input);
      portStr = after.substr(1);
    }
  } else {
    std::size_t pc = hostPort.rfind(':');
    host = detail::toLower(hostPort.substr(0, pc));
    if (pc != std::string_view::npos) portStr = hostPort.substr(pc + 1);
  }
  if (host.empty()) throw invalidUrl(input);
  for (char c : host) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '%' || c == '<' || c == '>' || c == '^' ||
        c == '|') {
      throw invalidUrl(input);
    }
  }
  if (!portStr.empty()) {
    long p = 0;
    for (char c : portStr) {
      if (c < '0' || c > '9') throw invalidUrl(input);
      p = p * 10 + (c - '0');
      if (p > 65535) throw invalidUrl(input);
    }
    bool isDefault = (scheme == "http" && p == 80) || (scheme == "https" && p == 443);
    if (!isDefault) o.port = static_cast<int>(p);
  }
  o.hostname = host;
  std::string path, search;
  std::size_t q = tail.find_first_of("?#");
  std::string_view pathPart = tail.substr(0, q);
  path = pathPart.empty() ? "/" : encodeSet(pathPart, false);
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  if (q != std::string_view::npos && tail[q] == '?') {
    std::size_t h = tail.find('#', q);
    std::string_view qs =
        tail.substr(q, h == std::string_view::npos ? std::string_view::npos : h - q);
    if (qs.size() > 1) search = encodeSet(qs, true);
  }
  o.path = path + search;
  return o;
}

// Merges `over` into `base` (Node: ObjectAssign(input, options)).
RequestOptions mergeOptions(RequestOptions base, const RequestOptions& over) {
  if (!over.protocol.empty()) base.protocol = over.protocol;
  if (!over.host.empty()) base.host = over.host;
  if (!over.hostname.empty()) base.hostname = over.hostname;
  if (over.port) base.port = over.port;
  if (over.defaultPort) base.defaultPort = over.defaultPort;
  if (!over.localAddress.empty()) base.localAddress = over.localAddress;
  if (over.localPort) base.localPort = over.localPort;
  if (!over.socketPath.empty()) base.socketPath = over.socketPath;
  if (over.family) base.family = over.family;
  if (!over.method.empty()) base.method = over.method;
  if (!over.path.empty()) base.path = over.path;
  if (!over.headers.empty()) base.headers = over.headers;
  if (over.headersArray) base.headersArray = over.headersArray;
  if (!over.auth.empty()) base.auth = over.auth;
  if (over.agent.index() != 0) base.agent = over.agent;
  if (over.timeout) base.timeout = over.timeout;
  if (!over.setHost) base.setHost = false;
  if (over.maxHeaderSize) base.maxHeaderSize = over.maxHeaderSize;
  if (over.insecureHTTPParser) base.insecureHTTPParser = over.insecureHTTPParser;
  if (over.joinDuplicateHeaders) base.joinDuplicateHeaders = over.joinDuplicateHeaders;
  if (!over.uniqueHeaders.empty()) base.uniqueHeaders = over.uniqueHeaders;
  if (over.createConnection) base.createConnection = over.createConnection;
  return base;
}

}  // namespace

// ---- ClientRequest ---------------------------------------------------------------------------

ClientRequest::ClientRequest(RequestOptions options) { init(std::move(options)); }

ClientRequest::~ClientRequest() = default;

const nodecc::detail::SigInfo* ClientRequest::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "response") return &SigOf<IncomingMessagePtr>::info;
  if (event == "information") return &SigOf<Information>::info;
  if (event == "continue" || event == "abort" || event == "timeout") return &SigOf<>::info;
  if (event == "upgrade" || event == "connect") {
    return &SigOf<IncomingMessagePtr, net::SocketPtr, Buffer>::info;
  }
  return OutgoingMessage::declaredSignature(event);
}

void ClientRequest::init(RequestOptions o) {
  // agent
  AgentPtr defaultAgent = globalAgent();
  if (std::holds_alternative<bool>(o.agent)) {
    if (!std::get<bool>(o.agent))
      agent = std::make_shared<Agent>();
    else
      agent = defaultAgent;
  } else if (std::holds_alternative<AgentPtr>(o.agent) && std::get<AgentPtr>(o.agent)) {
    agent = std::get<AgentPtr>(o.agent);
  } else if (!o.createConnection) {
    agent = defaultAgent;
  }
  std::string proto = o.protocol.empty() ? defaultAgent->protocol : o.protocol;
  std::string expected = agent ? agent->protocol : defaultAgent->protocol;
  if (!o.path.empty()) {
    if (detail::checkInvalidPathChar(o.path)) {
      throw errors::typeError("ERR_UNESCAPED_CHARACTERS",
                              "Request path contains unescaped characters");
    }
  }
  if (proto != expected) {
    throw errors::typeError(
        "ERR_INVALID_PROTOCOL",
        "Protocol \"" + proto + "\" not supported. Expected \"" + expected + "\"");
  }
  int defPort = o.defaultPort.value_or(agent ? agent->defaultPort : 80);
  int port = o.port && *o.port ? *o.port : (defPort ? defPort : 80);
  o.port = port;
  host = !o.hostname.empty() ? o.hostname : (!o.host.empty() ? o.host : "localhost");
  o.host = host;
  if (o.timeout) {
    if (!(*o.timeout >= 0) || !std::isfinite(*o.timeout)) {
      throw errors::outOfRange("timeout", "a non-negative finite number",
                               util::detail::formatNumber(*o.timeout));
    }
    timeout = *o.timeout;
  }
  if (!o.method.empty()) {
    if (!detail::checkIsHttpToken(o.method)) {
      throw errors::typeError("ERR_INVALID_HTTP_TOKEN",
                              "Method must be a valid HTTP token [\"" + o.method + "\"]");
    }
    method.clear();
    for (char c : o.method) method += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  } else {
    method = "GET";
  }
  if (o.maxHeaderSize && *o.maxHeaderSize < 0) {
    throw errors::outOfRange("maxHeaderSize", ">= 0 && <= 9007199254740991",
                             std::to_string(*o.maxHeaderSize));
  }
  path = o.path.empty() ? "/" : o.path;
  useChunkedEncodingByDefault = !(method == "GET" || method == "HEAD" || method == "DELETE" ||
                                  method == "OPTIONS" || method == "TRACE" || method == "CONNECT");
  protocol = proto;
  if (agent) {
    // keep-alive only when the agent will really reuse the connection
    if (!agent->keepAlive && std::isinf(agent->maxSockets)) {
      _last = true;
      shouldKeepAlive = false;
    } else {
      _last = false;
      shouldKeepAlive = true;
    }
  }
  for (const auto& u : o.uniqueHeaders) uniqueHeaders_.push_back(detail::toLower(u));
  std::string firstLine = method + " " + path + " HTTP/1.1\r\n";
  if (!o.headersArray) {
    for (const auto& [k, v] : o.headers) setHeader(k, v);
    if (!host.empty() && getHeader("host").isUndefined() && o.setHost) {
      std::string hostHeader = host;
      std::size_t posColon = hostHeader.find(':');
      if (posColon != std::string::npos &&
          hostHeader.find(':', posColon + 1) != std::string::npos && hostHeader[0] != '[') {
        hostHeader = "[" + hostHeader + "]";
      }
      if (port && port != defPort) hostHeader += ":" + std::to_string(port);
      setHeader("Host", hostHeader);
    }
    if (!o.auth.empty() && getHeader("authorization").isUndefined()) {
      setHeader("Authorization", "Basic " + base64(o.auth));
    }
    if (!getHeader("expect").isUndefined()) {
      if (headersSent()) {
        throw errors::error("ERR_HTTP_HEADERS_SENT",
                            "Cannot render headers after they are sent to the client");
      }
      storeHeader(firstLine, nullptr);
    }
  } else {
    OutgoingHttpHeaders pairs = headerArray(*o.headersArray);
    storeHeader(firstLine, &pairs);
  }
  _options = std::move(o);
}

void ClientRequest::_implicitHeader() {
  if (headersSent()) {
    throw errors::error("ERR_HTTP_HEADERS_SENT",
                        "Cannot render headers after they are sent to the client");
  }
  storeHeader(method + " " + path + " HTTP/1.1\r\n", nullptr);
}

void ClientRequest::_finish() { OutgoingMessage::_finish(); }

namespace {
// Node's ClientRequest constructor tail: hand the request to the agent or make a socket.
void startRequest(const ClientRequestPtr& req) {
  if (req->agent) {
    req->agent->addRequest(req, req->_options);
    return;
  }
  req->_last = true;
  req->shouldKeepAlive = false;
  net::SocketPtr socket;
  try {
    if (req->_options.createConnection) {
      socket = req->_options.createConnection(req->_options);
    } else {
      net::ConnectOptions c;
      if (!req->_options.socketPath.empty()) {
        c.path = req->_options.socketPath;
      } else {
        c.port = req->_options.port.value_or(80);
        c.host = req->_options.host;
        c.localAddress = req->_options.localAddress;
        c.localPort = req->_options.localPort;
        c.family = req->_options.family;
      }
      socket = net::createConnection(std::move(c));
    }
  } catch (const Error& e) {
    auto keep = req;
    nextTick([keep, e] { keep->emit("error", e); });
    return;
  }
  if (socket) req->onSocket(socket);
}
}  // namespace

ClientRequestPtr request(RequestOptions options, std::function<void(IncomingMessagePtr)> cb) {
  auto req = std::make_shared<ClientRequest>(std::move(options));
  if (cb) req->once("response", std::move(cb));
  startRequest(req);
  return req;
}

ClientRequestPtr request(std::string_view url, std::function<void(IncomingMessagePtr)> cb) {
  return request(urlToHttpOptions(url), std::move(cb));
}

ClientRequestPtr request(std::string_view url, RequestOptions options,
                         std::function<void(IncomingMessagePtr)> cb) {
  return request(mergeOptions(urlToHttpOptions(url), options), std::move(cb));
}

ClientRequestPtr get(RequestOptions options, std::function<void(IncomingMessagePtr)> cb) {
  auto req = request(std::move(options), std::move(cb));
  req->end();
  return req;
}

ClientRequestPtr get(std::string_view url, std::function<void(IncomingMessagePtr)> cb) {
  auto req = request(url, std::move(cb));
  req->end();
  return req;
}

ClientRequestPtr get(std::string_view url, RequestOptions options,
                     std::function<void(IncomingMessagePtr)> cb) {
  auto req = request(url, std::move(options), std::move(cb));
  req->end();
  return req;
}

void ClientRequest::abort() {
  if (aborted) return;
  aborted = true;
  auto self = std::static_pointer_cast<ClientRequest>(shared_from_this());
  abortPending_ = true;
  nextTick([self] {
    self->abortPending_ = false;
    self->emit("abort");
    if (self->closed_) self->dropListeners();
  });
  destroy();
}

ClientRequest& ClientRequest::destroy(std::optional<Error> err) {
  if (destroyed) return *this;
  destroyed = true;
  if (res) res->_dump();
  _destroyError = err;
  if (socket) socket->destroy(err);
  return *this;
}

// onSocket → onSocketNT
void ClientRequest::onSocket(net::SocketPtr sock, std::optional<Error> err) {
  auto self = std::static_pointer_cast<ClientRequest>(shared_from_this());
  nextTick([self, sock, err]() {
    auto destroyNT = [self](std::optional<Error> e) {
      if (!self->aborted && !e) e = detail::connResetException("socket hang up");
      if (e) self->emit("error", *e);
      self->_closeAndRelease();
    };
    if (self->destroyed || err) {
      self->destroyed = true;
      if (sock) {
        if (!err && self->agent && !sock->destroyed()) {
          sock->emit("free");
        } else {
          std::optional<Error> e = err ? err : self->_destroyError;
          sock->destroy(e);
          stream::finished(sock, [destroyNT, err](std::optional<Error> er) {
            if (er && er->code == "ERR_STREAM_PREMATURE_CLOSE") er.reset();
            destroyNT(er ? er : err);
          });
          return;
        }
      }
      destroyNT(err ? err : self->_destroyError);
      return;
    }
    // tickOnSocket
    auto link = std::make_shared<ClientLink>(self, sock);
    link->start();
    self->_flush();
  });
}

ClientRequest& ClientRequest::setTimeout(double msecs, std::function<void()> callback) {
  if (_ended) return *this;
  auto self = std::static_pointer_cast<ClientRequest>(shared_from_this());
  auto listen = [self]() {
    // listenSocketTimeout
    if (self->_timeoutListening) return;
    self->_timeoutListening = true;
    auto hook = [self](const net::SocketPtr& s) {
      if (self->_link) s->once("timeout", self->_link->lTimeout);
    };
    if (self->socket)
      hook(self->socket);
    else
      self->on("socket", [hook](net::SocketPtr s) { hook(s); });
  };
  listen();
  if (!(msecs >= 0) || !std::isfinite(msecs)) {
    throw errors::outOfRange("msecs", "a non-negative finite number",
                             util::detail::formatNumber(msecs));
  }
  if (callback) once("timeout", std::move(callback));
  auto setSocketTimeout = [msecs](const net::SocketPtr& s) {
    if (s->connecting())
      s->once("connect", [s, msecs]() { s->setTimeout(msecs); });
    else
      s->setTimeout(msecs);
  };
  if (socket)
    setSocketTimeout(socket);
  else
    once("socket", [setSocketTimeout](net::SocketPtr s) { setSocketTimeout(s); });
  return *this;
}

void ClientRequest::setNoDelay(bool noDelay) {
  auto apply = [noDelay](const net::SocketPtr& s) {
    if (s->writable() && !s->connecting())
      s->setNoDelay(noDelay);
    else
      s->once("connect", [s, noDelay]() { s->setNoDelay(noDelay); });
  };
  if (socket)
    apply(socket);
  else
    once("socket", [apply](net::SocketPtr s) { apply(s); });
}

void ClientRequest::setSocketKeepAlive(bool enable, double initialDelay) {
  auto apply = [enable, initialDelay](const net::SocketPtr& s) {
    if (s->writable() && !s->connecting())
      s->setKeepAlive(enable, initialDelay);
    else
      s->once("connect", [s, enable, initialDelay]() { s->setKeepAlive(enable, initialDelay); });
  };
  if (socket)
    apply(socket);
  else
    once("socket", [apply](net::SocketPtr s) { apply(s); });
}

// ---- ClientLink: the request's use of its socket (tickOnSocket and the socket listeners) -----

namespace detail {

ClientLink::ClientLink(ClientRequestPtr r, net::SocketPtr s)
    : req(std::move(r)), sock(std::move(s)) {
  socket = sock.get();
}

ClientLink::~ClientLink() = default;

void ClientLink::start() {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  ClientRequest& r = *req;
  bool lenient = r._options.insecureHTTPParser.value_or(false);
  parser.init(bindings::HttpParser::Type::kResponse, this,
              r._options.maxHeaderSize && *r._options.maxHeaderSize > 0
                  ? static_cast<std::size_t>(*r._options.maxHeaderSize)
                  : 16384,
              lenient);
  r._link = self;
  r._attach(self, sock);
  httpMessage = &r;
  setHttpMessage(sock.get(), req);
  auto add = [this](std::string_view event, WeakListener& slot, Listener l) {
    slot = l;
    sock->on(event, std::move(l));
  };
  add("error", lError, makeListener([self](const Error& e) { self->onError(e); }));
  add("data", lData, makeListener([self](const Buffer& d) { self->onData(d); }));
  add("end", lEnd, makeListener([self]() { self->onEnd(); }));
  add("close", lClose, makeListener([self](bool) { self->onClose(); }));
  add("drain", lDrain, makeListener([self]() { self->onDrain(); }));
  lTimeout = makeListener([weak = std::weak_ptr<ClientLink>(self)]() {
    // emitRequestTimeout
    auto link = weak.lock();
    if (link && link->req && link->httpMessage) link->req->emit("timeout");
  });
  bool agentTimeout = r.agent && r.agent->options.timeout && *r.agent->options.timeout > 0;
  if (r.timeout || agentTimeout) {
    r._timeoutListening = true;
    sock->once("timeout", lTimeout);
  }
  r.emit("socket", sock);
}

void ClientLink::onDrain() {
  OutgoingMessage* msg = httpMessage;
  if (msg && !msg->finished && msg->needDrain_) {
    msg->needDrain_ = false;
    msg->emit("drain");
  }
}

void ClientLink::freeParser() { hasParser = false; }

void ClientLink::detachListeners() {
  if (!attached) return;
  attached = false;
  sock->removeListener("error", lError);
  sock->removeListener("data", lData);
  sock->removeListener("end", lEnd);
  sock->removeListener("close", lClose);
  sock->removeListener("drain", lDrain);
}

// socketOnData
void ClientLink::onData(const Buffer& d) {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  if (!hasParser) return;
  struct Reset {
    const Buffer** p;
    ~Reset() { *p = nullptr; }
  } reset{&current};
  current = &d;
  bindings::HttpParser::Result ret = parser.execute(d.chars(), d.length());
  current = nullptr;
  if (!ret.ok) {
    Error err = parseError(ret.error, d);
    freeParser();
    sock->removeListener("data", lData);
    sock->removeListener("end", lEnd);
    sock->destroy();
    hadError = true;
    req->emit("error", err);
  } else if (incoming && incoming->upgrade) {
    std::size_t bytesParsed = ret.bytesParsed;
    IncomingMessagePtr res = incoming;
    req->res = res;
    sock->removeListener("data", lData);
    sock->removeListener("end", lEnd);
    sock->removeListener("drain", lDrain);
    sock->removeListener("timeout", lTimeout);
    if (lResponseTimeout) sock->removeListener("timeout", lResponseTimeout);
    parser.finish();
    freeParser();
    Buffer bodyHead = d.subarray(static_cast<std::ptrdiff_t>(bytesParsed));
    std::string eventName = req->method == "CONNECT" ? "connect" : "upgrade";
    if (req->listenerCount(eventName) > 0) {
      req->upgradeOrConnect = true;
      sock->emit("agentRemove");
      sock->removeListener("close", lClose);
      sock->removeListener("error", lError);
      attached = false;
      httpMessage = nullptr;
      setHttpMessage(sock.get(), nullptr);
      ClientRequestPtr r = req;
      r->emit(eventName, res, sock, bodyHead);
      r->destroyed = true;
      r->_closeAndRelease();
    } else {
      sock->destroy();
    }
  } else if (incoming && incoming->complete && !statusIsInformational(incoming->statusCode)) {
    sock->removeListener("data", lData);
    sock->removeListener("end", lEnd);
    sock->removeListener("drain", lDrain);
    freeParser();
  }
}

// socketOnEnd
void ClientLink::onEnd() {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  if (!req->res && !hadError) {
    hadError = true;
    req->emit("error", connResetException("socket hang up"));
  }
  if (hasParser) {
    parser.finish();
    freeParser();
  }
  sock->destroy();
}

// socketCloseListener
void ClientLink::onClose() {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  ClientRequestPtr r = req;
  IncomingMessagePtr res = r->res;
  r->destroyed = true;
  if (res) {
    if (!res->complete) res->destroy(connResetException("aborted"));
    r->_closeAndRelease();
    if (!res->aborted && res->readable()) res->push(nullptr);
  } else {
    if (!hadError) {
      hadError = true;
      r->emit("error", connResetException("socket hang up"));
    }
    r->_closeAndRelease();
  }
  if (hasParser) {
    parser.finish();
    freeParser();
  }
  attached = false;
  httpMessage = nullptr;
  setHttpMessage(sock.get(), nullptr);
  r->_link.reset();
  r->link_.reset();
}

// socketErrorListener
void ClientLink::onError(const Error& err) {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  if (httpMessage) {
    hadError = true;
    req->emit("error", err);
  }
  if (hasParser) {
    parser.finish();
    freeParser();
  }
  sock->removeListener("data", lData);
  sock->removeListener("end", lEnd);
  sock->destroy();
}

// parserOnHeadersComplete + parserOnIncomingClient
int ClientLink::onHeadersComplete(const bindings::HttpParser::Head& head, std::string&,
                                  std::string& statusMessage, bindings::HttpHeaderBlock& headers) {
  auto res =
      std::allocate_shared<IncomingMessage>(nodecc::detail::PoolAllocator<IncomingMessage>(), sock);
  res->httpVersionMajor = head.versionMajor;
  res->httpVersionMinor = head.versionMinor;
  res->httpVersion = std::to_string(head.versionMajor) + "." + std::to_string(head.versionMinor);
  res->joinDuplicateHeaders = req->_options.joinDuplicateHeaders.value_or(false);
  res->upgrade = head.upgrade;
  // maxHeaderPairs <= 0 means no limit (parserOnHeadersComplete).
  std::size_t maxPairs = !req->maxHeadersCount ? 1000
                         : *req->maxHeadersCount > 0
                             ? static_cast<std::size_t>(*req->maxHeadersCount)
                             : static_cast<std::size_t>(-1);
  res->_addHeaderLines(headers, false, maxPairs);
  res->statusCode = head.statusCode;
  res->statusMessage.swap(statusMessage);
  detail::latin1ToUtf8(res->statusMessage);  // Node's parser reads the head as latin1
  res->_link = shared_from_this();
  incoming = res;

  ClientRequest& r = *req;
  if (r.res) {
    // A second response to one request.
    sock->destroy();
    return 0;
  }
  r.res = res;
  if (res->upgrade) return 2;
  if (r.method == "CONNECT") {
    res->upgrade = true;
    return 2;
  }
  if (statusIsInformational(res->statusCode)) {
    r.res = nullptr;
    if (res->statusCode == 100) r.emit("continue");
    ClientRequest::Information info;
    info.statusCode = res->statusCode;
    info.statusMessage = res->statusMessage;
    info.httpVersion = res->httpVersion;
    info.httpVersionMajor = res->httpVersionMajor;
    info.httpVersionMinor = res->httpVersionMinor;
    info.headers = res->headers();
    info.rawHeaders = res->rawHeaders();
    r.emit("information", info);
    return 1;
  }
  if (r.shouldKeepAlive && !head.shouldKeepAlive && !r.upgradeOrConnect) r.shouldKeepAlive = false;
  res->req = req;
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  res->on("end", [self]() { self->responseOnEnd(); });
  req->on("finish", [self]() {
    // requestOnFinish
    if (self->req && self->req->shouldKeepAlive && self->req->_ended) self->responseKeepAlive();
  });
  lResponseTimeout = makeListener([weak = std::weak_ptr<ClientLink>(self)]() {
    auto link = weak.lock();
    if (link && link->req && link->req->res) link->req->res->emit("timeout", link->sock);
  });
  sock->on("timeout", lResponseTimeout);
  if (r.aborted || !r.emit("response", res)) res->_dump();
  if (r.method == "HEAD") return 1;
  if (res->statusCode == 304) {
    res->complete = true;
    return 1;
  }
  return 0;
}

void ClientLink::onBody(const char* at, std::size_t length) {
  if (!incoming) return;
  if (!incoming->_dumped) {
    std::ptrdiff_t off = at - current->chars();
    if (!incoming->push(current->subarray(off, off + static_cast<std::ptrdiff_t>(length)))) {
      readStop();
    }
  }
}

void ClientLink::onMessageComplete(bindings::HttpHeaderBlock& trailers) {
  if (incoming) {
    incoming->complete = true;
    if (!trailers.empty()) incoming->_addHeaderLines(trailers, true);
    incoming->push(nullptr);
  }
  readStart();
}

// responseOnEnd
void ClientLink::responseOnEnd() {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  ClientRequest& r = *req;
  sock->removeListener("timeout", lTimeout);
  if (lResponseTimeout) sock->removeListener("timeout", lResponseTimeout);
  r._ended = true;
  if (!r.shouldKeepAlive) {
    if (sock->writable()) sock->destroySoon();
  } else if (r.writableFinished() && !(r.res && r.res->aborted)) {
    responseKeepAlive();
  }
}

// responseKeepAlive
void ClientLink::responseKeepAlive() {
  auto self = std::static_pointer_cast<ClientLink>(shared_from_this());
  ClientRequestPtr r = req;
  if (r->_timeoutListening) {
    sock->setTimeout(0);
    sock->removeListener("timeout", lTimeout);
  }
  detachListeners();
  auto s = sock;
  nextTick([r, s, self]() {
    // emitFreeNT
    r->_closeAndRelease();
    if (r->socket) r->socket->emit("free");
    self->httpMessage = nullptr;
    r->_link.reset();
    r->link_.reset();
    r->socket = nullptr;
  });
  r->destroyed = true;
  if (r->res) r->res->socket = nullptr;
}

}  // namespace detail

std::shared_ptr<void> ClientRequest::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  _link.reset();
  res.reset();
  agent.reset();
  OutgoingMessage::releaseForTeardown();
  return keep;
}
}  // namespace nodecc::http
