// http: lib/_http_incoming.js (IncomingMessage).
#include <cstring>

#include "modules/src/http_internal.h"
#include "nodecc/environment.h"
#include "nodecc/pool.h"

namespace nodecc::http {

using detail::toLower;

// Header lines in one allocation: this header, then 2 * pairs end offsets, then the bytes of the
// names and values (make() and the class operator delete go together).
struct IncomingMessage::Lines {
  std::uint32_t pairs = 0;
  std::uint32_t limit = 0;  // pairs headers() shows
  std::size_t size = 0;     // of the whole block
  static Lines* make(std::uint32_t pairs, std::size_t bytes) {
    const std::size_t size = sizeof(Lines) + pairs * 2 * sizeof(std::uint32_t) + bytes;
    auto* l = ::new (nodecc::detail::pool::allocateBytes(size)) Lines;
    l->pairs = pairs;
    l->size = size;
    return l;
  }
  static void operator delete(Lines* p, std::destroying_delete_t) {
    const std::size_t size = p->size;
    p->~Lines();
    nodecc::detail::pool::deallocateBytes(p, size);
  }
  char* mem() { return reinterpret_cast<char*>(this + 1); }
  const char* mem() const { return reinterpret_cast<const char*>(this + 1); }
  const std::uint32_t* ends() const { return reinterpret_cast<const std::uint32_t*>(mem()); }
  const char* bytes() const { return mem() + pairs * 2 * sizeof(std::uint32_t); }
  std::string_view name(std::size_t i) const {
    std::uint32_t b = i ? ends()[2 * i - 1] : 0;
    return {bytes() + b, ends()[2 * i] - b};
  }
  std::string_view value(std::size_t i) const {
    std::uint32_t b = ends()[2 * i];
    return {bytes() + b, ends()[2 * i + 1] - b};
  }
};

namespace {

stream::Readable::Options readableOptions(const net::SocketPtr& socket) {
  stream::Readable::Options o;
  if (socket) o.highWaterMark = socket->readableHighWaterMark();
  return o;
}

// matchKnownFields: the lower-case name and how duplicates combine.
enum class Join { kComma, kSetCookie, kCookie, kDropDuplicate };
struct Known {
  std::string_view name;
  Join join;
};
constexpr Known kKnown[] = {
    {"age", Join::kDropDuplicate},
    {"host", Join::kDropDuplicate},
    {"from", Join::kDropDuplicate},
    {"etag", Join::kDropDuplicate},
    {"date", Join::kComma},
    {"vary", Join::kComma},
    {"server", Join::kDropDuplicate},
    {"cookie", Join::kCookie},
    {"origin", Join::kComma},
    {"expect", Join::kComma},
    {"accept", Join::kComma},
    {"referer", Join::kDropDuplicate},
    {"expires", Join::kDropDuplicate},
    {"upgrade", Join::kComma},
    {"location", Join::kDropDuplicate},
    {"if-match", Join::kComma},
    {"user-agent", Join::kDropDuplicate},
    {"set-cookie", Join::kSetCookie},
    {"connection", Join::kComma},
    {"retry-after", Join::kDropDuplicate},
    {"content-type", Join::kDropDuplicate},
    {"max-forwards", Join::kDropDuplicate},
    {"authorization", Join::kDropDuplicate},
    {"last-modified", Join::kDropDuplicate},
    {"cache-control", Join::kComma},
    {"if-none-match", Join::kComma},
    {"content-length", Join::kDropDuplicate},
    {"accept-encoding", Join::kComma},
    {"accept-language", Join::kComma},
    {"x-forwarded-for", Join::kComma},
    {"content-encoding", Join::kComma},
    {"x-forwarded-host", Join::kComma},
    {"if-modified-since", Join::kDropDuplicate},
    {"transfer-encoding", Join::kComma},
    {"x-forwarded-proto", Join::kComma},
    {"proxy-authorization", Join::kDropDuplicate},
    {"if-unmodified-since", Join::kDropDuplicate},
};

Join joinOf(std::string_view lower) {
  for (const Known& k : kKnown) {
    if (k.name == lower) return k.join;
  }
  return Join::kComma;
}

// _addHeaderLine(field, value, dest)
void addHeaderLine(Object& dest, std::string_view field, std::string_view value,
                   bool joinDuplicates) {
  std::string key = toLower(field);
  Join j = joinOf(key);
  Value* cur = dest.find(key);
  switch (j) {
    case Join::kComma:
    case Join::kCookie:
      if (cur && cur->isString()) {
        std::string& str = std::get<std::string>(cur->variant());
        str.append(j == Join::kComma ? ", " : "; ");
        str.append(value);
      } else {
        dest[key] = Value(std::string(value));
      }
      return;
    case Join::kSetCookie:
      if (cur)
        cur->push_back(Value(std::string(value)));
      else
        dest[key] = Value(Array{Value(std::string(value))});
      return;
    case Join::kDropDuplicate:
      if (joinDuplicates) {
        if (!cur) {
          dest[key] = Value(std::string(value));
        } else {
          std::string& str = std::get<std::string>(cur->variant());
          str.append(", ");
          str.append(value);
        }
      } else if (!cur) {
        dest[key] = Value(std::string(value));
      }
      return;
  }
}

}  // namespace

IncomingMessage::IncomingMessage(net::SocketPtr s)
    : stream::Readable(readableOptions(s)), socket(std::move(s)) {
  setReadingMore(true);
}

IncomingMessage::~IncomingMessage() = default;

const nodecc::detail::SigInfo* IncomingMessage::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "aborted") return &SigOf<>::info;
  if (event == "timeout") return &SigOf<net::SocketPtr>::info;
  return stream::Readable::declaredSignature(event);
}

void IncomingMessage::_addHeaderLines(const bindings::HttpHeaderBlock& block, bool trailers,
                                      std::size_t maxPairs) {
  std::uint32_t pairs = static_cast<std::uint32_t>(block.size());
  // Node's parser makes the strings from latin1 (OneByteString): a byte >= 0x80 is one
  // character, two bytes of UTF-8 here.
  std::size_t high = 0;
  if (detail::hasHighBit(block.data()))
    for (unsigned char c : block.data()) high += c >> 7;
  std::unique_ptr<Lines> lines(Lines::make(pairs, block.bytes() + high));
  lines->limit = static_cast<std::uint32_t>(maxPairs < pairs ? maxPairs : pairs);
  auto* ends = reinterpret_cast<std::uint32_t*>(lines->mem());
  char* out = lines->mem() + pairs * 2 * sizeof(std::uint32_t);
  if (pairs == 0) {
    // no lines (block.ends() may be null)
  } else if (high == 0) {
    // ASCII (the usual case): the block's layout is already ours.
    std::memcpy(ends, block.ends(), pairs * 2 * sizeof(std::uint32_t));
    std::memcpy(out, block.data().data(), block.bytes());
  } else {
    std::uint32_t off = 0;
    auto copy = [&](std::string_view t) {
      for (unsigned char c : t) {
        if (c < 0x80) {
          out[off++] = static_cast<char>(c);
        } else {
          out[off++] = static_cast<char>(0xC0 | (c >> 6));
          out[off++] = static_cast<char>(0x80 | (c & 0x3F));
        }
      }
    };
    for (std::uint32_t i = 0; i < pairs; ++i) {
      copy(block.name(i));
      ends[2 * i] = off;
      copy(block.value(i));
      ends[2 * i + 1] = off;
    }
  }
  if (trailers) {
    trailerLines_ = std::move(lines);
    trailers_.reset();
    trailersDistinct_.reset();
    rawTrailers_.reset();
  } else {
    headerLines_ = std::move(lines);
    headers_.reset();
    headersDistinct_.reset();
    rawHeaders_.reset();
  }
}

bool IncomingMessage::_hasRawHeader(std::string_view lower) const noexcept {
  if (!headerLines_) return false;
  const Lines& l = *headerLines_;
  for (std::uint32_t i = 0; i < l.limit; ++i) {
    if (detail::equalsLower(l.name(i), lower)) return true;
  }
  return false;
}

std::optional<std::string> IncomingMessage::_rawHeader(std::string_view lower) const {
  if (!headerLines_) return std::nullopt;
  const Lines& l = *headerLines_;
  std::optional<std::string> out;
  Join j = joinOf(lower);
  for (std::uint32_t i = 0; i < l.limit; ++i) {
    if (!detail::equalsLower(l.name(i), lower)) continue;
    if (!out) {
      out = std::string(l.value(i));
    } else if (j == Join::kDropDuplicate && !joinDuplicateHeaders) {
      continue;
    } else {
      out->append(j == Join::kCookie ? "; " : ", ");
      out->append(l.value(i));
    }
  }
  return out;
}

const Value& IncomingMessage::headers() {
  if (!headers_) {
    Object o;
    if (headerLines_) {
      for (std::uint32_t i = 0; i < headerLines_->limit; ++i) {
        addHeaderLine(o, headerLines_->name(i), headerLines_->value(i), joinDuplicateHeaders);
      }
    }
    headers_ = Value(std::move(o));
  }
  return *headers_;
}

const Value& IncomingMessage::trailers() {
  if (!trailers_) {
    Object o;
    if (trailerLines_) {
      for (std::uint32_t i = 0; i < trailerLines_->limit; ++i) {
        addHeaderLine(o, trailerLines_->name(i), trailerLines_->value(i), joinDuplicateHeaders);
      }
    }
    trailers_ = Value(std::move(o));
  }
  return *trailers_;
}

namespace {
Value distinct(const IncomingMessage::Lines* l) {
  Object o;
  if (l) {
    for (std::uint32_t i = 0; i < l->limit; ++i) {
      std::string key = toLower(l->name(i));
      Value* cur = o.find(key);
      if (cur)
        cur->push_back(Value(std::string(l->value(i))));
      else
        o[key] = Value(Array{Value(std::string(l->value(i)))});
    }
  }
  return Value(std::move(o));
}
std::vector<std::string> raw(const IncomingMessage::Lines* l) {
  std::vector<std::string> r;
  if (l) {
    r.reserve(l->pairs * 2);
    for (std::uint32_t i = 0; i < l->pairs; ++i) {
      r.emplace_back(l->name(i));
      r.emplace_back(l->value(i));
    }
  }
  return r;
}
}  // namespace

const Value& IncomingMessage::headersDistinct() {
  if (!headersDistinct_) headersDistinct_ = distinct(headerLines_.get());
  return *headersDistinct_;
}

const Value& IncomingMessage::trailersDistinct() {
  if (!trailersDistinct_) trailersDistinct_ = distinct(trailerLines_.get());
  return *trailersDistinct_;
}

const std::vector<std::string>& IncomingMessage::rawHeaders() {
  if (!rawHeaders_) rawHeaders_ = raw(headerLines_.get());
  return *rawHeaders_;
}

const std::vector<std::string>& IncomingMessage::rawTrailers() {
  if (!rawTrailers_) rawTrailers_ = raw(trailerLines_.get());
  return *rawTrailers_;
}

IncomingMessage& IncomingMessage::setTimeout(double msecs, std::function<void()> callback) {
  if (callback) on("timeout", std::move(callback));
  if (socket) socket->setTimeout(msecs);
  return *this;
}

void IncomingMessage::_read(std::size_t) {
  if (!_consuming) {
    setReadingMore(false);
    _consuming = true;
  }
  // parserOnBody fills the buffer; reading only has to let the socket flow again.
  if (socket && socket->readable() && _link) _link->readStart();
}

void IncomingMessage::_destroy(std::optional<Error> err, stream::Callback cb) {
  if (!readableEnded() || !complete) {
    aborted = true;
    emit("aborted");
  }
  // The callback waits on the message (destroy runs once), so the ticks below carry two
  // pointers and allocate nothing on the common path.
  destroyCallback_ = std::move(cb);
  auto keep = shared_from_this();
  if (socket && !socket->destroyed() && aborted) {
    socket->destroy(err);
    stream::finished(socket, [keep, this, err](std::optional<Error> e) {
      if (e && e->code == "ERR_STREAM_PREMATURE_CLOSE") e.reset();
      std::optional<Error> pass = e ? e : err;
      nextTick([keep, this, pass]() mutable { finishDestroy(std::move(pass)); });
    });
  } else if (!err) {
    nextTick([keep, this] { finishDestroy(std::nullopt); });
  } else {
    nextTick([keep, this, err]() mutable { finishDestroy(std::move(err)); });
  }
}

// onError of _http_incoming.js: the error is passed on only when someone listens for it
// (backward compatibility).
void IncomingMessage::finishDestroy(std::optional<Error> e) {
  stream::Callback cb = std::move(destroyCallback_);
  if (!cb) return;
  if (listenerCount("error") == 0)
    cb(std::nullopt);
  else
    cb(std::move(e));
}

void IncomingMessage::afterClose() {
  // After 'close' the listeners (lambdas that may capture this message) are released, as
  // sockets release theirs. The tick that emitted 'close' holds this message.
  dropListeners();
}

void IncomingMessage::_dump() {
  if (!_dumped) {
    _dumped = true;
    removeAllListeners("data");
    resume();
  }
}

std::shared_ptr<void> IncomingMessage::releaseForTeardown() {
  std::shared_ptr<void> keep = weak_from_this().lock();
  socket.reset();
  _link.reset();
  stream::Callback pending = std::move(destroyCallback_);
  stream::Readable::releaseForTeardown();
  return keep;
}
}  // namespace nodecc::http
