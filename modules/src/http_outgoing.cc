// http: lib/_http_outgoing.js (OutgoingMessage) and the socket writer of http messages.
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <ctime>
#include <utility>

#include "bindings/stream_wrap.h"
#include "modules/src/http_internal.h"
#include "nodecc/environment.h"
#include "nodecc/timers.h"
#include "nodecc/util.h"

namespace nodecc::http {

namespace detail {

// ---- helpers ----------------------------------------------------------------------------------

namespace {
struct DateCache {
  char text[32];
  std::size_t len = 0;
  TimeoutPtr reset;
};
thread_local DateCache tlDate;
}  // namespace

std::string_view utcDate() {
  DateCache& c = tlDate;
  if (c.len == 0) {
    // Node: new Date().toUTCString(), cleared at the next second by an unref'd timer.
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    std::tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    c.len = std::strftime(c.text, sizeof c.text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (Environment::current()) {
      c.reset = setTimeout([] { tlDate.len = 0; }, 1000 - ts.tv_nsec / 1000000);
      c.reset->unref();
    }
  }
  return {c.text, c.len};
}

bool checkIsHttpToken(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!bindings::isHttpTokenChar(c)) return false;
  return true;
}

namespace {
// Walks UTF-8 text; false at the first character outside [lo, 0xff] (or HTAB when `tab`),
// or at a malformed sequence.
bool allLatin1From(std::string_view s, unsigned char lo, bool tab) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if ((c >= lo && c != 0x7f) || (tab && c == '\t') || (c == 0x7f && lo == 0x21)) continue;
      return false;
    }
    // U+0080-U+00FF are C2 80 .. C3 BF.
    if ((c == 0xC2 || c == 0xC3) && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}
}  // namespace

bool checkInvalidHeaderChar(std::string_view s) noexcept {
  for (unsigned char c : s) {  // the common case: printable ASCII
    if (c < 0x20 || c >= 0x7f) return !allLatin1From(s, 0x20, true);
  }
  return false;
}

bool checkInvalidPathChar(std::string_view s) noexcept { return !allLatin1From(s, 0x21, false); }

bool hasHighBit(std::string_view s) noexcept {
  // Eight bytes at a time: heads are mostly ASCII and this runs on every one.
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t any = 0;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    any |= w;
  }
  for (; n; ++p, --n) any |= static_cast<unsigned char>(*p);
  return any & 0x8080808080808080ULL;
}

void latin1ToUtf8(std::string& s) {
  if (hasHighBit(s)) s = Buffer::copyOf(s.data(), s.size()).toString("latin1");
}

Error connResetException(std::string message) {
  Error e(std::move(message), "ECONNRESET");
  return e;
}

std::string toLower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return r;
}

bool equalsLower(std::string_view s, std::string_view lower) noexcept {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != lower[i]) return false;
  }
  return true;
}

namespace {
bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
}  // namespace

bool hasToken(std::string_view v, std::string_view word) noexcept {
  if (word.empty() || v.size() < word.size()) return false;
  for (std::size_t i = 0; i + word.size() <= v.size(); ++i) {
    if (i > 0 && isWordChar(v[i - 1])) continue;
    if (!equalsLower(v.substr(i, word.size()), word)) continue;
    std::size_t e = i + word.size();
    if (e == v.size() || !isWordChar(v[e])) return true;
  }
  return false;
}

std::string valueToString(const Value& v) {
  if (v.isString()) return v.asString();
  if (v.isArray()) {
    std::string r;
    bool first = true;
    for (const Value& x : v.asArray()) {
      if (!first) r += ',';
      first = false;
      r += valueToString(x);
    }
    return r;
  }
  return v.toString();
}

Error parseError(const bindings::HttpParser::Error& e, const Buffer& rawPacket) {
  Error err("Parse Error: " + e.reason, e.code);
  err.info = Object{{"bytesParsed", static_cast<double>(e.bytesParsed)},
                    {"reason", e.reason},
                    {"rawPacket", rawPacket}};
  return err;
}

// ---- the write slab ----

namespace {
constexpr std::size_t kSlabSize = 64 * 1024;
constexpr std::size_t kSlabMaxCopy = 16 * 1024;
struct WriteSlab {
  Buffer buf;
  std::size_t used = 0;
};
thread_local WriteSlab tlSlab;
}  // namespace

Buffer slabCopy(const char* a, std::size_t an, const char* b, std::size_t bn) {
  std::size_t n = an + bn;
  if (n > kSlabMaxCopy) {
    Buffer out = Buffer::allocUnsafe(n);
    if (an) std::memcpy(out.data(), a, an);
    if (bn) std::memcpy(out.data() + an, b, bn);
    return out;
  }
  WriteSlab& s = tlSlab;
  if (!s.buf.storage()) {
    s.buf = Buffer::allocUnsafe(kSlabSize);
    s.used = 0;
  } else if (s.buf.storage()->refs.load(std::memory_order_acquire) == 1) {
    s.used = 0;  // no write holds a view: start over
  } else if (kSlabSize - s.used < n) {
    s.buf = Buffer::allocUnsafe(kSlabSize);
    s.used = 0;
  }
  std::uint8_t* p = s.buf.data() + s.used;
  if (an) std::memcpy(p, a, an);
  if (bn) std::memcpy(p + an, b, bn);
  Buffer view = Buffer::view(s.buf.storage(), s.used, n);
  s.used += (n + 7) & ~std::size_t{7};
  return view;
}

// ---- SocketLink -------------------------------------------------------------------------------

SocketLink::~SocketLink() = default;

void SocketLink::readStart() {
  if (socket && socket->readable()) socket->resume();
}

void SocketLink::readStop() {
  if (socket) socket->pause();
}

std::size_t SocketLink::highWaterMark() const noexcept {
  return socket ? socket->writableHighWaterMark() : 16384;
}

std::size_t SocketLink::writableLength() const noexcept {
  std::size_t n = pendingBytes + inflight;
  if (socket) n += socket->writableLength();
  return n;
}

int SocketLink::writableCorked() const noexcept {
  return corked + (socket ? socket->writableCorked() : 0);
}

bool SocketLink::write(const char* data, std::size_t len, const Buffer* buf, Callback cb) {
  if (buf) {
    if (buf->length()) {
      pieces.push_back(*buf);
      callbacks.emplace_back(std::move(cb));
      pendingBytes += buf->length();
    } else {
      pieces.emplace_back();
      callbacks.emplace_back(std::move(cb));
    }
  } else if (len) {
    pieces.push_back(slabCopy(data, len));
    callbacks.emplace_back(std::move(cb));
    pendingBytes += len;
  } else {
    pieces.emplace_back();
    callbacks.emplace_back(std::move(cb));
  }
  if (!corked) flush();
  bool ok = writableLength() < highWaterMark();
  if (!ok) needDrain = true;
  return ok;
}

void SocketLink::uncork() {
  if (corked > 0 && --corked == 0) flush();
}

void SocketLink::uncorkAll() {
  corked = 0;
  flush();
}

void SocketLink::corkUntilNextTick() {
  ++corked;
  auto self = shared_from_this();
  nextTick([self] { self->uncork(); });
}

namespace {
// Runs write callbacks (a batch completes as one write).
void runCallbacks(SocketLink::Callbacks& cbs, const std::optional<Error>& err) {
  for (Callback& c : cbs) {
    if (c) c(err);
  }
}
}  // namespace

std::shared_ptr<SocketLink::Callbacks> SocketLink::takeCallbacks() {
  auto cbs = std::make_shared<Callbacks>(std::move(callbacks));
  callbacks.clear();
  return cbs;
}

void SocketLink::maybeDrain() {
  if (needDrain && writableLength() < highWaterMark()) {
    needDrain = false;
    onDrain();
  }
}

void SocketLink::flush() {
  if (pieces.empty()) return;
  std::size_t bytes = pendingBytes;
  pendingBytes = 0;
  net::Socket* s = socket;
  bindings::StreamWrap* h = s ? s->handle() : nullptr;
  if (!s || !h || s->destroyed()) {
    pieces.clear();
    nextTick([cbs = takeCallbacks()] {
      runCallbacks(*cbs, errors::error("ERR_STREAM_DESTROYED",
                                       "Cannot call write after a stream was destroyed"));
    });
    return;
  }
  if (s->connecting() || s->writableLength() != 0 || s->writableCorked() != 0 || !s->writable()) {
    // The socket's own stream has data queued (or is not ready): keep its order.
    Pieces out;
    out.swap(pieces);
    Callbacks cbs;
    cbs.swap(callbacks);
    s->cork();
    for (std::size_t i = 0; i < out.size(); ++i) s->write(std::move(out[i]), std::move(cbs[i]));
    s->uncork();
    return;
  }
  // Directly on the handle: one writev for the whole batch. `pieces` and `callbacks` keep
  // their capacity from response to response (a queued rest holds its own references).
  s->refreshTimeout();
  auto self = shared_from_this();
  std::size_t written = 0;
  bool all = false;
  int err = h->tryWrite(pieces, &written, &all);
  std::shared_ptr<Callbacks> queued;  // callbacks that wait for libuv
  if (err == 0 && !all) {
    // The kernel took part of it: the rest completes through libuv.
    queued = takeCallbacks();
    Environment* env = &h->env();
    err = h->queueWrite(pieces, written, [self, queued, bytes, env](int status) {
      env->makeCallback([&] {
        self->inflight -= bytes;
        std::optional<Error> e;
        if (status < 0) {
          e = errors::errnoException(status, "write");
          if (self->socket && !self->socket->destroyed()) self->socket->destroy(*e);
        } else if (self->socket) {
          self->socket->refreshTimeout();
        }
        runCallbacks(*queued, e);
        self->maybeDrain();
      });
    });
    if (err == 0) inflight += bytes;
  }
  pieces.clear();
  if (err != 0) {
    Error e = errors::errnoException(err, "write");
    s->destroy(e);
    nextTick([cbs = queued ? queued : takeCallbacks(), e] { runCallbacks(*cbs, e); });
    return;
  }
  if (queued) return;
  // A write that completed at once calls back on the next tick, as Node's afterWriteTick,
  // and then gives the 'drain' a writer told to wait is owed (Node's afterWrite): without
  // it, a write() that returned false while corked would never hear back when the kernel
  // took the whole batch at once. The callbacks wait in `tickCallbacks` (batches leave in
  // the order their ticks run), so this costs no allocation.
  std::size_t n = 0;
  for (Callback& c : callbacks) {
    if (c) {
      tickCallbacks.push_back(std::move(c));
      ++n;
    }
  }
  callbacks.clear();
  if (n != 0 || needDrain) nextTick([self, n] { self->afterWriteTick(n); });
}

void SocketLink::afterWriteTick(std::size_t n) {
  const std::size_t end = tickHead + n;
  auto settle = [this, end] {
    // A callback that threw leaves the rest of its batch unrun (as a batch did when its
    // callbacks were a vector of their own), never to the next batch's tick.
    for (; tickHead < end; ++tickHead) tickCallbacks[tickHead] = nullptr;
    if (tickHead == tickCallbacks.size()) {
      tickCallbacks.clear();
      tickHead = 0;
    }
  };
  try {
    while (tickHead < end) {
      Callback c = std::move(tickCallbacks[tickHead++]);  // by index: a callback may write
      c(std::nullopt);
    }
  } catch (...) {
    settle();
    throw;
  }
  settle();
  maybeDrain();
}

}  // namespace detail

using detail::checkInvalidHeaderChar;
using detail::checkIsHttpToken;
using detail::equalsLower;
using detail::hasHighBit;
using detail::toLower;
using detail::valueToString;

// ---- validation -------------------------------------------------------------------------------

void validateHeaderName(std::string_view name, std::string_view label) {
  if (!checkIsHttpToken(name)) {
    throw errors::typeError(
        "ERR_INVALID_HTTP_TOKEN",
        std::string(label) + " must be a valid HTTP token [\"" + std::string(name) + "\"]");
  }
}

void validateHeaderValue(std::string_view name, const Value& value) {
  if (value.isUndefined()) {
    throw errors::typeError("ERR_HTTP_INVALID_HEADER_VALUE",
                            "Invalid value \"undefined\" for header \"" + std::string(name) + "\"");
  }
  if (checkInvalidHeaderChar(valueToString(value))) {
    throw errors::typeError("ERR_INVALID_CHAR",
                            "Invalid character in header content [\"" + std::string(name) + "\"]");
  }
}

namespace {
Error errHeadersSent(std::string_view arg) {
  return errors::error("ERR_HTTP_HEADERS_SENT",
                       "Cannot " + std::string(arg) + " headers after they are sent to the client");
}
constexpr std::string_view kCrlf = "\r\n";
}  // namespace

// ---- OutgoingMessage --------------------------------------------------------------------------

OutgoingMessage::OutgoingMessage() = default;
OutgoingMessage::~OutgoingMessage() = default;

const nodecc::detail::SigInfo* OutgoingMessage::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "finish" || event == "prefinish" || event == "close" || event == "drain") {
    return &SigOf<>::info;
  }
  if (event == "error") return &SigOf<Error>::info;
  if (event == "socket" || event == "timeout") return &SigOf<net::SocketPtr>::info;
  return nullptr;
}

OutgoingMessage& OutgoingMessage::setHeader(std::string_view name, Value value) {
  if (headersSent()) throw errHeadersSent("set");
  validateHeaderName(name);
  validateHeaderValue(name, value);
  std::string key = toLower(name);
  hasHeadersMap_ = true;
  for (auto& h : headersMap_) {
    if (h.key == key) {
      h.name = std::string(name);
      h.value = std::move(value);
      return *this;
    }
  }
  // kOutHeaders is a JS object: array-index names come first, ascending.
  auto at = headersMap_.end();
  if (auto idx = nodecc::detail::arrayIndex(key)) {
    at = headersMap_.begin();
    while (at != headersMap_.end()) {
      auto other = nodecc::detail::arrayIndex(at->key);
      if (!other || *other > *idx) break;
      ++at;
    }
  }
  headersMap_.insert(at, {std::move(key), std::string(name), std::move(value)});
  return *this;
}

OutgoingMessage& OutgoingMessage::setHeaders(const OutgoingHttpHeaders& headers) {
  if (headersSent()) throw errHeadersSent("set");
  Array cookies;
  for (const auto& [k, v] : headers) {
    if (k == "set-cookie") {
      if (v.isArray()) {
        for (const Value& x : v.asArray()) cookies.push_back(x);
      } else {
        cookies.push_back(v);
      }
      continue;
    }
    setHeader(k, v);
  }
  if (!cookies.empty()) setHeader("set-cookie", Value(std::move(cookies)));
  return *this;
}

OutgoingMessage& OutgoingMessage::appendHeader(std::string_view name, Value value) {
  if (headersSent()) throw errHeadersSent("append");
  validateHeaderName(name);
  validateHeaderValue(name, value);
  std::string key = toLower(name);
  for (auto& h : headersMap_) {
    if (h.key != key) continue;
    if (!h.value.isArray()) h.value = Value(Array{h.value});
    if (value.isArray()) {
      for (const Value& x : value.asArray()) h.value.push_back(x);
    } else {
      h.value.push_back(std::move(value));
    }
    return *this;
  }
  return setHeader(name, std::move(value));
}

Value OutgoingMessage::getHeader(std::string_view name) const {
  for (const auto& h : headersMap_) {
    if (equalsLower(name, h.key) || h.key == toLower(name)) return h.value;
  }
  return Value();
}

std::vector<std::string> OutgoingMessage::getHeaderNames() const {
  std::vector<std::string> r;
  for (const auto& h : headersMap_) r.push_back(h.key);
  return r;
}

std::vector<std::string> OutgoingMessage::getRawHeaderNames() const {
  std::vector<std::string> r;
  for (const auto& h : headersMap_) r.push_back(h.name);
  return r;
}

Value OutgoingMessage::getHeaders() const {
  Object o;
  for (const auto& h : headersMap_) o[h.key] = h.value;
  return Value(std::move(o));
}

bool OutgoingMessage::hasHeader(std::string_view name) const {
  std::string key = toLower(name);
  for (const auto& h : headersMap_) {
    if (h.key == key) return true;
  }
  return false;
}

void OutgoingMessage::removeHeader(std::string_view name) {
  if (headersSent()) throw errHeadersSent("remove");
  std::string key = toLower(name);
  if (key == "connection")
    removedConnection_ = true;
  else if (key == "content-length")
    removedContLen_ = true;
  else if (key == "transfer-encoding")
    removedTE_ = true;
  else if (key == "date")
    sendDate = false;
  for (auto it = headersMap_.begin(); it != headersMap_.end(); ++it) {
    if (it->key == key) {
      headersMap_.erase(it);
      return;
    }
  }
}

bool OutgoingMessage::writableFinished() const noexcept {
  return finished && outputSize_ == 0 && (!link_ || link_->writableLength() == 0);
}

std::size_t OutgoingMessage::writableLength() const noexcept {
  return outputSize_ + (link_ && socket ? link_->writableLength() : 0);
}

std::size_t OutgoingMessage::writableHighWaterMark() const noexcept {
  return link_ && socket ? link_->highWaterMark() : highWaterMark_;
}

int OutgoingMessage::writableCorked() const noexcept {
  return (link_ && socket ? link_->writableCorked() : 0) + corked_;
}

void OutgoingMessage::cork() {
  if (link_ && socket)
    link_->cork();
  else
    ++corked_;
}

void OutgoingMessage::uncork() {
  if (link_ && socket)
    link_->uncork();
  else if (corked_)
    --corked_;
}

OutgoingMessage& OutgoingMessage::setTimeout(double msecs, std::function<void()> callback) {
  if (callback) on("timeout", std::move(callback));
  if (!socket) {
    once("socket", [msecs](net::SocketPtr s) { s->setTimeout(msecs); });
  } else {
    socket->setTimeout(msecs);
  }
  return *this;
}

OutgoingMessage& OutgoingMessage::destroy(std::optional<Error> error) {
  if (destroyed) return *this;
  destroyed = true;
  errored_ = error;
  if (socket) {
    socket->destroy(error);
  } else {
    once("socket", [error](net::SocketPtr s) { s->destroy(error); });
  }
  return *this;
}

void OutgoingMessage::_attach(std::shared_ptr<detail::SocketLink> link, net::SocketPtr s) {
  link_ = std::move(link);
  socket = std::move(s);
}

void OutgoingMessage::_detach(std::shared_ptr<detail::SocketLink>) { socket = nullptr; }

// _writeRaw: straight to the socket when this message owns it, else queued in outputData.
bool OutgoingMessage::writeRaw(const char* data, std::size_t len, Buffer* buf, Callback cb) {
  net::Socket* conn = socket.get();
  if (conn && conn->destroyed()) return false;
  if (conn && link_ && link_->httpMessage == this && conn->writable()) {
    if (!outputData_.empty()) flushOutput();
    return link_->write(data, len, buf, std::move(cb));
  }
  Output o;
  o.data = buf ? *buf : Buffer::copyOf(data, len);
  o.callback = std::move(cb);
  std::size_t n = o.data.length();
  outputData_.push_back(std::move(o));
  outputSize_ += n;
  onPendingData(static_cast<std::ptrdiff_t>(n));
  return outputSize_ < highWaterMark_;
}

bool OutgoingMessage::_writeRaw(std::string_view data, Callback cb) {
  return writeRaw(data.data(), data.size(), nullptr, std::move(cb));
}

Listener detail::SocketLink::responseCloseListener() {
  if (!responseClose_) {
    std::weak_ptr<detail::SocketLink> weak = weak_from_this();
    responseClose_ = makeListener([weak] {
      auto self = weak.lock();
      if (!self) return;
      // socket._httpMessage stays set, as in Node, but the socket no longer keeps the
      // response alive (it goes when the last user reference does, at the end of this
      // function at the earliest; ~ServerResponse then clears httpMessage).
      std::shared_ptr<OutgoingMessage> message = std::move(self->httpMessageRef);
      if (self->httpMessage) self->httpMessage->_emitClose();
    });
  }
  return responseClose_;
}

// _send: the head goes out with the first body bytes.
bool OutgoingMessage::send(const char* data, std::size_t len, Buffer* buf, Callback cb,
                           bool latin1) {
  Buffer latin1Data;  // a latin1 string with text beyond ASCII (a trailer), as bytes
  if (latin1 && data && hasHighBit(std::string_view(data, len))) {
    latin1Data = Buffer::from(std::string_view(data, len), "latin1");
    data = latin1Data.chars();
    len = latin1Data.length();
  }
  if (!_headerSent && !header_.empty() && !buf && socket && socket->destroyed()) {
    // Node joins the head to a string chunk, and _writeRaw drops both on a destroyed socket.
    _headerSent = true;
    return false;
  }
  if (!_headerSent && !header_.empty()) {
    Buffer h = header_;
    if ((buf || latin1) && hasHighBit(header_.view())) h = Buffer::from(header_.view(), "latin1");
    _headerSent = true;
    if (socket && link_ && link_->httpMessage == this && socket->writable() &&
        outputData_.empty()) {
      link_->cork();
      link_->write(nullptr, 0, &h, {});
      bool r = link_->write(data, len, buf, std::move(cb));
      link_->uncork();
      return r;
    }
    Output o;
    o.data = std::move(h);
    outputSize_ += o.data.length();
    onPendingData(static_cast<std::ptrdiff_t>(o.data.length()));
    outputData_.insert(outputData_.begin(), std::move(o));
  }
  return writeRaw(data, len, buf, std::move(cb));
}

bool OutgoingMessage::flushOutput() {
  if (!link_ || !socket) return false;
  while (corked_) {
    --corked_;
    link_->cork();
  }
  if (outputData_.empty()) return true;
  link_->cork();
  bool ret = true;
  std::vector<Output> data;
  data.swap(outputData_);
  for (Output& o : data) ret = link_->write(nullptr, 0, &o.data, std::move(o.callback));
  link_->uncork();
  std::size_t n = outputSize_;
  outputSize_ = 0;
  onPendingData(-static_cast<std::ptrdiff_t>(n));
  return ret;
}

void OutgoingMessage::_flush() {
  if (socket && socket->writable()) {
    bool ret = flushOutput();
    if (finished) {
      _finish();
    } else if (ret && needDrain_) {
      needDrain_ = false;
      emit("drain");
    }
  }
}

void OutgoingMessage::_finish() { emit("prefinish"); }

void OutgoingMessage::_emitClose() {
  if (!closed_) {
    destroyed = true;
    _closeAndRelease();
  }
}

void OutgoingMessage::_closeAndRelease() {
  auto keep = shared_from_this();
  closed_ = true;
  emit("close");
  // Nothing is emitted after 'close' (but a pending 'abort'): lambdas that capture this
  // message are let go.
  if (!abortPending_) dropListeners();
}

void OutgoingMessage::onError(Error err, Callback cb) {
  if (destroyed) return;
  auto self = std::static_pointer_cast<OutgoingMessage>(shared_from_this());
  auto shared = std::make_shared<Callback>(std::move(cb));
  nextTick([self, err, shared] {
    if (*shared) (*shared)(err);
    if (!self->destroyed) self->emit("error", err);
  });
}

namespace {
// JavaScript's ToNumber on a string (`+value`): surrounding whitespace ignored, "" is 0,
// 0x/0o/0b integers, decimal literals with an exponent, [+-]Infinity, anything else NaN.
double jsToNumber(std::string_view v) {
  auto isWs = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
  };
  while (!v.empty() && isWs(v.front())) v.remove_prefix(1);
  while (!v.empty() && isWs(v.back())) v.remove_suffix(1);
  if (v.empty()) return 0;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (v.size() > 2 && v[0] == '0') {
    int base = (v[1] | 0x20) == 'x' ? 16 : (v[1] | 0x20) == 'o' ? 8 : (v[1] | 0x20) == 'b' ? 2 : 0;
    if (base) {
      double r = 0;
      for (char c : v.substr(2)) {
        int d = c >= '0' && c <= '9'                     ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : 99;
        if (d >= base) return nan;
        r = r * base + d;
      }
      return r;
    }
  }
  std::string_view body = v;
  bool neg = false;
  if (body[0] == '+' || body[0] == '-') {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity")
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  // digits [. digits] | . digits, then [eE][+-]digits
  std::size_t i = 0, intDigits = 0, fracDigits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++intDigits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++fracDigits;
  }
  if (intDigits + fracDigits == 0) return nan;
  if (i < body.size() && (body[i] | 0x20) == 'e') {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    std::size_t expDigits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++expDigits;
    if (!expDigits) return nan;
  }
  if (i != body.size()) return nan;
  std::string text(v);
  return std::strtod(text.c_str(), nullptr);
}

// storeHeader's head under construction: appends are a bounds check and a copy into inline
// bytes (std::string::append is an out-of-line call per piece, ten or more per response);
// a head longer than the inline bytes continues in a string.
class HeadBuf {
 public:
  [[gnu::always_inline]] void append(std::string_view s) {
    if (spilled_ || s.size() > sizeof buf_ - len_) return spill(s);
    std::memcpy(buf_ + len_, s.data(), s.size());
    len_ += s.size();
  }
  template <class N>
  void appendDecimal(N n) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, n);
    append(std::string_view(b, static_cast<std::size_t>(r.ptr - b)));
  }
  std::string_view view() const {
    return spilled_ ? std::string_view(big_) : std::string_view(buf_, len_);
  }

 private:
  void spill(std::string_view s) {
    if (!spilled_) {
      big_.reserve(len_ + s.size() + 256);
      big_.assign(buf_, len_);
      spilled_ = true;
    }
    big_.append(s);
  }
  char buf_[1024];
  std::size_t len_ = 0;
  bool spilled_ = false;
  std::string big_;
};

// The byte form of a string chunk in `encoding` (utf8: as is).
bool isUtf8(std::string_view enc) {
  return enc.empty() || enc == "utf8" || enc == "utf-8" || enc == "UTF-8" || enc == "UTF8";
}
}  // namespace

bool OutgoingMessage::write(std::string_view chunk, std::string_view encoding, Callback cb) {
  bool ret;
  if (isUtf8(encoding)) {
    ret = writeImpl(chunk.data(), chunk.size(), nullptr, std::move(cb), false);
  } else {
    Buffer b = Buffer::from(chunk, encoding);
    ret = writeImpl(nullptr, 0, &b, std::move(cb), false);
  }
  if (!ret) needDrain_ = true;
  return ret;
}

bool OutgoingMessage::write(Buffer chunk, Callback cb) {
  bool ret = writeImpl(nullptr, 0, &chunk, std::move(cb), false);
  if (!ret) needDrain_ = true;
  return ret;
}

// write_(msg, chunk, encoding, callback, fromEnd)
bool OutgoingMessage::writeImpl(const char* data, std::size_t len, Buffer* buf, Callback cb,
                                bool fromEnd) {
  if (buf) len = buf->length();
  std::optional<Error> err;
  if (finished) {
    err = errors::error("ERR_STREAM_WRITE_AFTER_END", "write after end");
  } else if (destroyed) {
    err = errors::error("ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed");
  }
  if (err) {
    if (!destroyed) {
      onError(*err, std::move(cb));
    } else if (cb) {
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([shared, e = *err] { (*shared)(e); });
    }
    return false;
  }
  if (strictContentLength && contentLength_ && _hasBody && !removedContLen_ && !chunkedEncoding &&
      !hasHeader("transfer-encoding")) {
    const double total = static_cast<double>(bytesWritten_ + len);
    if (fromEnd ? total != *contentLength_ : total > *contentLength_) {
      throw errors::error(
          "ERR_HTTP_CONTENT_LENGTH_MISMATCH",
          "Response body's content-length of " + std::to_string(len + bytesWritten_) +
              " byte(s) does not match the content-length of " +
              util::detail::formatNumber(*contentLength_) + " byte(s) set in header");
    }
  }
  if (strictContentLength) bytesWritten_ += len;
  if (header_.empty()) {
    if (fromEnd) contentLength_ = len;
    _implicitHeader();
  }
  if (!_hasBody) {
    if (rejectNonStandardBodyWrites_) {
      throw errors::error("ERR_HTTP_BODY_NOT_ALLOWED",
                          "Adding content for this request method or response status is not "
                          "allowed.");
    }
    if (cb) {
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([shared] { (*shared)(std::nullopt); });
    }
    return true;
  }
  if (!fromEnd && socket && link_ && link_->writableCorked() == 0) link_->corkUntilNextTick();
  if (chunkedEncoding && len != 0) {
    char hex[24];
    int n = std::snprintf(hex, sizeof hex, "%zx\r\n", len);
    send(hex, static_cast<std::size_t>(n), nullptr, {}, true);
    send(data, len, buf, {});
    return send(kCrlf.data(), kCrlf.size(), nullptr, std::move(cb));
  }
  return send(data, len, buf, std::move(cb));
}

void OutgoingMessage::addTrailers(const OutgoingHttpHeaders& headers) {
  trailer_.clear();
  for (const auto& [field, value] : headers) {
    validateHeaderName(field, "Trailer name");
    bool unique = false;
    if (!uniqueHeaders_.empty()) {
      std::string k = toLower(field);
      for (const auto& u : uniqueHeaders_) unique = unique || u == k;
    }
    if (value.isArray() && value.asArray().size() > 1 && !unique) {
      for (const Value& v : value.asArray()) {
        std::string s = valueToString(v);
        if (checkInvalidHeaderChar(s)) {
          throw errors::typeError("ERR_INVALID_CHAR",
                                  "Invalid character in trailer content [\"" + field + "\"]");
        }
        trailer_ += field + ": " + s + "\r\n";
      }
    } else {
      std::string s;
      if (value.isArray()) {
        bool first = true;
        for (const Value& v : value.asArray()) {
          if (!first) s += "; ";
          first = false;
          s += valueToString(v);
        }
      } else {
        s = valueToString(value);
      }
      if (checkInvalidHeaderChar(s)) {
        throw errors::typeError("ERR_INVALID_CHAR",
                                "Invalid character in trailer content [\"" + field + "\"]");
      }
      trailer_ += field + ": " + s + "\r\n";
    }
  }
}

void OutgoingMessage::flushHeaders() {
  if (header_.empty()) _implicitHeader();
  send("", 0, nullptr, {});
}

OutgoingMessage& OutgoingMessage::end(Callback cb) {
  return endImpl(nullptr, 0, nullptr, false, std::move(cb));
}

OutgoingMessage& OutgoingMessage::end(std::string_view chunk, std::string_view encoding,
                                      Callback cb) {
  if (chunk.empty()) return endImpl(nullptr, 0, nullptr, false, std::move(cb));  // '' is falsy
  if (isUtf8(encoding)) return endImpl(chunk.data(), chunk.size(), nullptr, true, std::move(cb));
  Buffer b = Buffer::from(chunk, encoding);
  return endImpl(nullptr, 0, &b, true, std::move(cb));
}

OutgoingMessage& OutgoingMessage::end(Buffer chunk, Callback cb) {
  return endImpl(nullptr, 0, &chunk, true, std::move(cb));
}

OutgoingMessage& OutgoingMessage::endImpl(const char* data, std::size_t len, Buffer* buf,
                                          bool hasChunk, Callback cb) {
  auto self = std::static_pointer_cast<OutgoingMessage>(shared_from_this());
  if (hasChunk) {
    if (finished) {
      onError(errors::error("ERR_STREAM_WRITE_AFTER_END", "write after end"), std::move(cb));
      return *this;
    }
    if (socket && link_) link_->cork();
    writeImpl(data, len, buf, {}, true);
  } else if (finished) {
    if (cb) {
      if (!writableFinished()) {
        auto shared = std::make_shared<Callback>(std::move(cb));
        once("finish", [shared]() { (*shared)(std::nullopt); });
      } else {
        cb(errors::error("ERR_STREAM_ALREADY_FINISHED",
                         "Cannot call end after a stream was finished"));
      }
    }
    return *this;
  } else if (header_.empty()) {
    if (socket && link_) link_->cork();
    contentLength_ = 0;
    _implicitHeader();
  }
  if (cb) {
    auto shared = std::make_shared<Callback>(std::move(cb));
    once("finish", [shared]() { (*shared)(std::nullopt); });
  }
  if (strictContentLength && contentLength_ && _hasBody && !removedContLen_ && !chunkedEncoding &&
      !hasHeader("transfer-encoding") && static_cast<double>(bytesWritten_) != *contentLength_) {
    throw errors::error("ERR_HTTP_CONTENT_LENGTH_MISMATCH",
                        "Response body's content-length of " + std::to_string(bytesWritten_) +
                            " byte(s) does not match the content-length of " +
                            util::detail::formatNumber(*contentLength_) + " byte(s) set in header");
  }
  // onFinish: 'finish' once the socket took the last bytes (unless the socket failed).
  Callback finish = [self](std::optional<Error>) {
    if (self->link_ && self->link_->hadError) return;
    self->onFinishInternal();
    self->emit("finish");
  };
  if (_hasBody && chunkedEncoding) {
    std::string last = "0\r\n" + trailer_ + "\r\n";
    send(last.data(), last.size(), nullptr, std::move(finish), true);
  } else if (!_headerSent || writableLength() != 0 || hasChunk) {
    send("", 0, nullptr, std::move(finish), true);
  } else {
    auto shared = std::make_shared<Callback>(std::move(finish));
    nextTick([shared] { (*shared)(std::nullopt); });
  }
  if (socket && link_) link_->uncorkAll();
  corked_ = 0;
  finished = true;
  if (outputData_.empty() && socket && link_ && link_->httpMessage == this) _finish();
  return *this;
}

// _storeHeader(firstLine, headers)
void OutgoingMessage::storeHeader(std::string_view firstLine, const OutgoingHttpHeaders* headers) {
  struct State {
    bool connection = false, contLen = false, te = false, date = false, expect = false,
         trailer = false;
  } state;
  using namespace std::string_view_literals;
  HeadBuf header;  // on the stack: most heads fit its inline bytes
  header.append(firstLine);

  auto matchHeader = [&](std::string_view field, std::string_view value) {
    if (field.size() < 4 || field.size() > 17) return;
    if (equalsLower(field, "connection")) {
      state.connection = true;
      removedConnection_ = false;
      if (detail::hasToken(value, "close"))
        _last = true;
      else
        shouldKeepAlive = true;
    } else if (equalsLower(field, "transfer-encoding")) {
      state.te = true;
      removedTE_ = false;
      if (detail::hasToken(value, "chunked")) chunkedEncoding = true;
    } else if (equalsLower(field, "content-length")) {
      state.contLen = true;
      contentLength_ = jsToNumber(value);  // Node: self._contentLength = +value
      removedContLen_ = false;
    } else if (equalsLower(field, "date")) {
      state.date = true;
    } else if (equalsLower(field, "expect")) {
      state.expect = true;
    } else if (equalsLower(field, "trailer")) {
      state.trailer = true;
    } else if (equalsLower(field, "keep-alive")) {
      defaultKeepAlive_ = false;
    }
  };
  auto storeOne = [&](std::string_view key, const std::string& value, bool validate) {
    if (validate) validateHeaderValue(key, Value(value));
    header.append(key);
    header.append(": "sv);
    header.append(value);
    header.append("\r\n"sv);
    matchHeader(key, value);
  };
  auto isUnique = [&](std::string_view key) {
    if (uniqueHeaders_.empty()) return false;
    std::string k = toLower(key);
    for (const auto& u : uniqueHeaders_) {
      if (u == k) return true;
    }
    return false;
  };
  auto processHeader = [&](std::string_view key, const Value& value, bool validate) {
    if (validate) validateHeaderName(key);
    if (value.isArray()) {
      const Array& a = value.asArray();
      if ((a.size() < 2 || !equalsLower(key, "cookie")) && !isUnique(key)) {
        for (const Value& v : a) {
          if (validate) validateHeaderValue(key, v);
          storeOne(key, valueToString(v), false);
        }
        return;
      }
      std::string joined;
      bool first = true;
      for (const Value& v : a) {
        if (!first) joined += "; ";
        first = false;
        joined += valueToString(v);
      }
      storeOne(key, joined, validate);
      return;
    }
    if (validate) validateHeaderValue(key, value);
    if (value.isString()) {
      const std::string& s = value.asString();
      header.append(key);
      header.append(": "sv);
      header.append(s);
      header.append("\r\n"sv);
      matchHeader(key, s);
      return;
    }
    storeOne(key, valueToString(value), false);
  };

  if (headers) {
    for (const auto& [k, v] : *headers) processHeader(k, v, true);
  } else if (hasHeadersMap_) {
    for (const auto& h : headersMap_) processHeader(h.name, h.value, false);
  }

  if (sendDate && !state.date) {
    header.append("Date: "sv);
    header.append(detail::utcDate());
    header.append("\r\n"sv);
  }
  int status = statusCodeForStore();
  if (chunkedEncoding && (status == 204 || status == 304)) {
    chunkedEncoding = false;
    shouldKeepAlive = false;
  }
  if (removedConnection_) {
    _last = !shouldKeepAlive;
  } else if (!state.connection) {
    bool shouldSendKeepAlive =
        shouldKeepAlive && (state.contLen || useChunkedEncodingByDefault || hasAgent());
    if (shouldSendKeepAlive && maxRequestsOnConnectionReached) {
      header.append("Connection: close\r\n"sv);
    } else if (shouldSendKeepAlive) {
      header.append("Connection: keep-alive\r\n"sv);
      if (_keepAliveTimeout != 0 && defaultKeepAlive_) {
        long secs = static_cast<long>(_keepAliveTimeout / 1000);
        header.append("Keep-Alive: timeout="sv);
        header.appendDecimal(secs);
        if (_maxRequestsPerSocket > 0) {
          header.append(", max="sv);
          header.appendDecimal(_maxRequestsPerSocket);
        }
        header.append("\r\n"sv);
      }
    } else {
      _last = true;
      header.append("Connection: close\r\n"sv);
    }
  }
  if (!state.contLen && !state.te) {
    if (!_hasBody) {
      chunkedEncoding = false;
    } else if (!useChunkedEncodingByDefault) {
      _last = true;
    } else if (!state.trailer && !removedContLen_ && contentLength_) {
      header.append("Content-Length: "sv);
      header.appendDecimal(static_cast<std::uint64_t>(*contentLength_));  // a length we set
      header.append("\r\n"sv);
    } else if (!removedTE_) {
      header.append("Transfer-Encoding: chunked\r\n"sv);
      chunkedEncoding = true;
    } else {
      _last = true;
    }
  }
  if (!chunkedEncoding && state.trailer) {
    throw errors::error("ERR_HTTP_TRAILER_INVALID",
                        "Trailers are invalid with this transfer encoding");
  }
  header.append("\r\n"sv);
  const std::string_view head = header.view();
  header_ = detail::slabCopy(head.data(), head.size());
  _headerSent = false;
  if (state.expect) send("", 0, nullptr, {});
}

std::shared_ptr<void> OutgoingMessage::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  socket.reset();
  link_.reset();
  auto output = std::exchange(outputData_, {});
  EventEmitter::releaseForTeardown();
  return keep;
}
// ---- pipe destination ----------------------------------------------------------------------

namespace {
class OutgoingDest final : public stream::PipeDest {
 public:
  explicit OutgoingDest(std::shared_ptr<OutgoingMessage> m) : m_(std::move(m)) {}
  EventEmitter& emitter() noexcept override { return *m_; }
  bool write(const Buffer& chunk) override { return m_->write(chunk); }
  bool write(std::string_view text) override { return m_->write(text); }
  void end() override { m_->end(); }
  bool writableNeedDrain() const noexcept override { return m_->writableNeedDrain(); }

 private:
  std::shared_ptr<OutgoingMessage> m_;
};
}  // namespace

std::shared_ptr<stream::PipeDest> makePipeDest(const std::shared_ptr<OutgoingMessage>& message) {
  return std::make_shared<OutgoingDest>(message);
}

}  // namespace nodecc::http
