// http: lib/_http_agent.js (Agent, globalAgent).
#include <cmath>
#include <limits>
#include <utility>

#include "modules/src/http_internal.h"
#include "nodecc/environment.h"

namespace nodecc::http {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kKeepAliveTimeoutBuffer = 1000;  // HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER

void eraseSocket(std::vector<net::SocketPtr>& v, const net::SocketPtr& s) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (*it == s) {
      v.erase(it);
      return;
    }
  }
}
}  // namespace

// What the agent keeps per socket (Node keeps it on the socket and in closures).
struct Agent::SocketEntry {
  RequestOptions options;
  Listener onFree, onClose, onTimeout, onRemove, freeError;
};

namespace detail {
// socket._httpMessage for agent sockets (set when a request takes the socket).
thread_local std::map<const net::Socket*, std::weak_ptr<ClientRequest>> tlHttpMessage;
void setHttpMessage(const net::Socket* s, const ClientRequestPtr& req) {
  if (req)
    tlHttpMessage[s] = req;
  else
    tlHttpMessage.erase(s);
}
ClientRequestPtr httpMessageOf(const net::Socket* s) {
  auto it = tlHttpMessage.find(s);
  return it == tlHttpMessage.end() ? nullptr : it->second.lock();
}
}  // namespace detail

Agent::Agent(AgentOptions o) : options(std::move(o)) {
  keepAliveMsecs = options.keepAliveMsecs > 0 ? options.keepAliveMsecs : 1000;
  keepAlive = options.keepAlive;
  maxSockets = options.maxSockets && *options.maxSockets > 0 ? *options.maxSockets : kInfinity;
  maxFreeSockets = options.maxFreeSockets > 0 ? options.maxFreeSockets : 256;
  scheduling = options.scheduling.empty() ? "lifo" : options.scheduling;
  if (scheduling != "fifo" && scheduling != "lifo") {
    throw errors::invalidArgValue("scheduling", util::detail::quoteString(scheduling),
                                  "must be one of: 'fifo', 'lifo'");
  }
  if (options.maxTotalSockets) {
    if (!(*options.maxTotalSockets >= 1)) {
      throw errors::outOfRange("maxTotalSockets", ">= 1",
                               util::detail::formatNumber(*options.maxTotalSockets));
    }
    maxTotalSockets = *options.maxTotalSockets;
  } else {
    maxTotalSockets = kInfinity;
  }
  on("free", [this](net::SocketPtr socket, RequestOptions opts) { onFree(socket, opts); });
}

Agent::~Agent() = default;

const nodecc::detail::SigInfo* Agent::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "free") return &SigOf<net::SocketPtr, RequestOptions>::info;
  return nullptr;
}

AgentPtr& globalAgent() {
  thread_local AgentPtr agent = [] {
    AgentOptions o;
    o.keepAlive = true;
    o.scheduling = "lifo";
    o.timeout = 5000;
    return std::make_shared<Agent>(o);
  }();
  return agent;
}

std::string Agent::getName(const RequestOptions& o) const {
  std::string name = o.host.empty() ? "localhost" : o.host;
  name += ':';
  if (o.port && *o.port) name += std::to_string(*o.port);
  name += ':';
  name += o.localAddress;
  if (o.family == 4 || o.family == 6) name += ":" + std::to_string(o.family);
  if (!o.socketPath.empty()) name += ":" + o.socketPath;
  return name;
}

// The 'free' listener of the constructor.
void Agent::onFree(const net::SocketPtr& socket, const RequestOptions& opts) {
  std::string name = getName(opts);
  if (!socket->writable()) {
    socket->destroy();
    return;
  }
  auto rit = requests.find(name);
  if (rit != requests.end() && !rit->second.empty()) {
    ClientRequestPtr req = rit->second.front();
    rit->second.pop_front();
    setRequestSocket(req, socket);
    if (rit->second.empty()) requests.erase(rit);
    return;
  }
  ClientRequestPtr req = detail::httpMessageOf(socket.get());
  if (!req || !req->shouldKeepAlive || !keepAlive) {
    socket->destroy();
    return;
  }
  auto& freeList = freeSockets[name];
  double freeLen = static_cast<double>(freeList.size());
  double count = freeLen;
  if (auto sit = sockets.find(name); sit != sockets.end())
    count += static_cast<double>(sit->second.size());
  if (totalSocketCount > maxTotalSockets || count > maxSockets || freeLen >= maxFreeSockets ||
      !keepSocketAlive(socket)) {
    if (freeList.empty()) freeSockets.erase(name);
    socket->destroy();
    return;
  }
  detail::setHttpMessage(socket.get(), nullptr);
  removeSocket(socket, opts);
  auto eit = entries_.find(socket.get());
  if (eit != entries_.end()) socket->once("error", eit->second->freeError);
  freeSockets[name].push_back(socket);
}

void Agent::addRequest(const ClientRequestPtr& req, const RequestOptions& reqOptions) {
  RequestOptions o = reqOptions;
  std::string name = getName(o);
  if (!sockets.count(name)) sockets[name] = {};
  net::SocketPtr socket;
  auto fit = freeSockets.find(name);
  std::size_t freeLen = 0;
  if (fit != freeSockets.end()) {
    auto& fs = fit->second;
    while (!fs.empty() && fs.front()->destroyed()) fs.erase(fs.begin());
    if (!fs.empty()) {
      if (scheduling == "fifo") {
        socket = fs.front();
        fs.erase(fs.begin());
      } else {
        socket = fs.back();
        fs.pop_back();
      }
    }
    freeLen = fs.size();
    if (fs.empty()) freeSockets.erase(fit);
  }
  double sockLen = static_cast<double>(freeLen + sockets[name].size());
  if (socket) {
    reuseSocket(socket, *req);
    setRequestSocket(req, socket);
    sockets[name].push_back(socket);
  } else if (sockLen < maxSockets && totalSocketCount < maxTotalSockets) {
    createSocket(req, o, [this, req](std::optional<Error> err, net::SocketPtr s) {
      if (err)
        req->onSocket(s, err);
      else
        setRequestSocket(req, s);
    });
  } else {
    req->_options = o;
    requests[name].push_back(req);
  }
}

void Agent::createSocket(const ClientRequestPtr&, RequestOptions o,
                         std::function<void(std::optional<Error>, net::SocketPtr)> cb) {
  std::string name = getName(o);
  net::SocketPtr s;
  try {
    if (createConnection) {
      s = createConnection(o);
    } else {
      net::ConnectOptions c;
      if (!o.socketPath.empty()) {
        c.path = o.socketPath;
      } else {
        c.port = o.port.value_or(80);
        c.host = o.host.empty() ? "localhost" : o.host;
        c.localAddress = o.localAddress;
        c.localPort = o.localPort;
        c.family = o.family;
      }
      c.noDelay = options.noDelay;
      if (keepAlive) {
        c.keepAlive = true;
        c.keepAliveInitialDelay = keepAliveMsecs;
      }
      if (options.timeout && *options.timeout > 0) c.timeout = *options.timeout;
      s = net::createConnection(std::move(c));
    }
  } catch (const Error& e) {
    cb(e, nullptr);
    return;
  }
  if (!s) return;
  sockets[name].push_back(s);
  ++totalSocketCount;
  installListeners(s, o);
  cb(std::nullopt, s);
}

void Agent::installListeners(const net::SocketPtr& s, const RequestOptions& o) {
  auto& slot = entries_[s.get()];
  if (!slot) slot = std::make_unique<SocketEntry>();
  SocketEntry& e = *slot;
  e.options = o;
  std::weak_ptr<net::Socket> weak = s;
  net::Socket* raw = s.get();
  e.onFree = makeListener([this, weak, raw]() {
    auto sp = weak.lock();
    auto it = entries_.find(raw);
    if (!sp || it == entries_.end()) return;
    RequestOptions opts = it->second->options;
    emit("free", sp, opts);
  });
  e.onClose = makeListener([this, weak, raw](bool) {
    auto sp = weak.lock();
    auto it = entries_.find(raw);
    if (!sp || it == entries_.end()) return;
    // The only place sockets leave the agent: every error ends in 'close'.
    --totalSocketCount;
    RequestOptions opts = it->second->options;
    entries_.erase(it);
    detail::setHttpMessage(raw, nullptr);
    removeSocket(sp, opts);
  });
  e.onTimeout = makeListener([this, weak]() {
    auto sp = weak.lock();
    if (!sp) return;
    for (auto& [n, list] : freeSockets) {
      for (auto& f : list) {
        if (f == sp) {
          sp->destroy();
          return;
        }
      }
    }
  });
  e.onRemove = makeListener([this, weak, raw]() {
    auto sp = weak.lock();
    auto it = entries_.find(raw);
    if (!sp || it == entries_.end()) return;
    --totalSocketCount;
    std::unique_ptr<SocketEntry> owned = std::move(it->second);
    SocketEntry& entry = *owned;
    entries_.erase(it);
    removeSocket(sp, entry.options);
    sp->removeListener("close", entry.onClose);
    sp->removeListener("free", entry.onFree);
    sp->removeListener("timeout", entry.onTimeout);
    sp->removeListener("agentRemove", entry.onRemove);
  });
  e.freeError = makeListener([weak](const Error&) {
    auto sp = weak.lock();
    if (!sp) return;
    sp->destroy();
    sp->emit("agentRemove");
  });
  s->on("free", e.onFree);
  s->on("close", e.onClose);
  s->on("timeout", e.onTimeout);
  s->on("agentRemove", e.onRemove);
}

void Agent::removeSocket(const net::SocketPtr& s, const RequestOptions& o) {
  std::string name = getName(o);
  auto drop = [&](std::map<std::string, std::vector<net::SocketPtr>>& set) {
    auto it = set.find(name);
    if (it == set.end()) return;
    eraseSocket(it->second, s);
    if (it->second.empty()) set.erase(it);
  };
  drop(sockets);
  if (!s->writable()) drop(freeSockets);
  ClientRequestPtr req;
  RequestOptions opts = o;
  bool haveOptions = true;
  auto rit = requests.find(name);
  if (rit != requests.end() && !rit->second.empty()) {
    req = rit->second.front();
  } else {
    for (auto& [prop, list] : requests) {
      auto sit = sockets.find(prop);
      if (sit != sockets.end() && !sit->second.empty()) break;
      if (list.empty()) break;
      req = list.front();
      opts = req->_options;
      break;
    }
  }
  if (req && haveOptions) {
    createSocket(req, opts, [req](std::optional<Error> err, net::SocketPtr socket) {
      if (err)
        req->onSocket(socket, err);
      else
        socket->emit("free");
    });
  }
}

bool Agent::keepSocketAlive(const net::SocketPtr& socket) {
  socket->setKeepAlive(true, keepAliveMsecs);
  socket->unref();
  double agentTimeout = options.timeout.value_or(0);
  bool canKeepSocketAlive = true;
  ClientRequestPtr req = detail::httpMessageOf(socket.get());
  if (req && req->res) {
    const Value& hint = req->res->headers()["keep-alive"];
    if (hint.isString()) {
      // /^timeout=(\d+)/
      const std::string& h = hint.asString();
      std::size_t i = 8;
      double secs = 0;
      while (i < h.size() && h[i] >= '0' && h[i] <= '9') secs = secs * 10 + (h[i++] - '0');
      if (h.compare(0, 8, "timeout=") == 0 && i > 8) {
        double serverHint = secs * 1000 - kKeepAliveTimeoutBuffer;
        if (serverHint < 0) serverHint = 0;
        if (serverHint == 0)
          canKeepSocketAlive = false;
        else if (serverHint < agentTimeout)
          agentTimeout = serverHint;
      }
    }
  }
  // socket.timeout !== agentTimeout (undefined until a setTimeout).
  if (auto current = socket->timeout(); !current.has_value() || *current != agentTimeout) {
    socket->setTimeout(agentTimeout);
  }
  return canKeepSocketAlive;
}

void Agent::reuseSocket(const net::SocketPtr& socket, ClientRequest& req) {
  auto it = entries_.find(socket.get());
  if (it != entries_.end()) socket->removeListener("error", it->second->freeError);
  req.reusedSocket = true;
  socket->ref();
}

void Agent::destroy() {
  std::vector<net::SocketPtr> all;
  for (auto& [n, l] : freeSockets) all.insert(all.end(), l.begin(), l.end());
  for (auto& [n, l] : sockets) all.insert(all.end(), l.begin(), l.end());
  for (auto& s : all) s->destroy();
}

void Agent::setRequestSocket(const ClientRequestPtr& req, const net::SocketPtr& socket) {
  req->onSocket(socket);
  double agentTimeout = options.timeout.value_or(0);
  if (!req->timeout || *req->timeout == agentTimeout) return;
  socket->setTimeout(*req->timeout);
}

std::shared_ptr<void> Agent::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  // Emptied before what they hold is destroyed (a socket's destruction must not find
  // itself in a list being cleared).
  auto reqs = std::exchange(requests, {});
  auto socks = std::exchange(sockets, {});
  auto freeSocks = std::exchange(freeSockets, {});
  auto entries = std::exchange(entries_, {});
  createConnection = nullptr;
  EventEmitter::releaseForTeardown();
  return keep;
}
}  // namespace nodecc::http
