// Buffer: refcounted storage, views, and Node's encodings.
#include "nodecc/buffer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "nodecc/errors.h"
#include "runtime/src/internal.h"
#include "runtime/src/text.h"

namespace nodecc {

namespace detail {

std::atomic<std::uint64_t> gArrayBufferBytes{0};

// process.memoryUsage().arrayBuffers' count, without a locked instruction while the process
// has one thread.
void countArrayBufferBytes(std::uint64_t n, bool add) noexcept {
  if (singleThreaded()) {
    const std::uint64_t v = gArrayBufferBytes.load(std::memory_order_relaxed);
    gArrayBufferBytes.store(add ? v + n : v - n, std::memory_order_relaxed);
  } else if (add) {
    gArrayBufferBytes.fetch_add(n, std::memory_order_relaxed);
  } else {
    gArrayBufferBytes.fetch_sub(n, std::memory_order_relaxed);
  }
}

void BufferStorage::unref() noexcept {
  std::size_t before;
  if (singleThreaded()) {
    before = refs.load(std::memory_order_relaxed);
    refs.store(before - 1, std::memory_order_relaxed);
  } else {
    before = refs.fetch_sub(1, std::memory_order_acq_rel);
  }
  if (before == 1) {
    countArrayBufferBytes(size, false);
    release(this);
  }
}

namespace {
// One allocation: the header, then the bytes.
BufferStorage* newInlineStorage(std::size_t n) {
  void* mem = std::malloc(sizeof(BufferStorage) + (n ? n : 1));
  if (!mem) throw std::bad_alloc();
  auto* s = ::new (mem) BufferStorage();
  s->data = reinterpret_cast<std::uint8_t*>(s + 1);
  s->size = n;
  s->release = [](BufferStorage* st) {
    st->~BufferStorage();
    std::free(st);
  };
  countArrayBufferBytes(n, true);
  return s;
}

// Storage whose bytes were allocated separately (adopted or transferred).
BufferStorage* newExternalStorage(std::uint8_t* data, std::size_t n,
                                  void (*freeData)(std::uint8_t*)) {
  struct External : BufferStorage {
    void (*freeData)(std::uint8_t*);
    std::uint8_t* owned;
  };
  auto* s = new External();
  s->data = data;
  s->owned = data;
  s->size = n;
  s->freeData = freeData;
  s->release = [](BufferStorage* st) {
    auto* e = static_cast<External*>(st);
    if (e->owned) e->freeData(e->owned);
    delete e;
  };
  countArrayBufferBytes(n, true);
  return s;
}
}  // namespace
}  // namespace detail

using detail::BufferStorage;

Buffer::Buffer(const Buffer& o) noexcept
    : storage_(o.storage_), offset_(o.offset_), length_(o.length_) {
  if (storage_) storage_->ref();
}
Buffer::Buffer(Buffer&& o) noexcept
    : storage_(std::exchange(o.storage_, nullptr)),
      offset_(std::exchange(o.offset_, 0)),
      length_(std::exchange(o.length_, 0)) {}
Buffer& Buffer::operator=(const Buffer& o) noexcept {
  if (this != &o) {
    if (o.storage_) o.storage_->ref();
    if (storage_) storage_->unref();
    storage_ = o.storage_;
    offset_ = o.offset_;
    length_ = o.length_;
  }
  return *this;
}
Buffer& Buffer::operator=(Buffer&& o) noexcept {
  if (this != &o) {
    if (storage_) storage_->unref();
    storage_ = std::exchange(o.storage_, nullptr);
    offset_ = std::exchange(o.offset_, 0);
    length_ = std::exchange(o.length_, 0);
  }
  return *this;
}
Buffer::~Buffer() {
  if (storage_) storage_->unref();
}

Buffer Buffer::view(BufferStorage* s, std::size_t off, std::size_t len) noexcept {
  Buffer b;
  if (s) s->ref();
  b.storage_ = s;
  b.offset_ = off;
  b.length_ = len;
  return b;
}

Buffer Buffer::allocUnsafe(std::size_t size) {
  Buffer b;
  b.storage_ = detail::newInlineStorage(size);
  b.length_ = size;
  return b;
}

Buffer Buffer::alloc(std::size_t size, std::uint8_t fill) {
  Buffer b = allocUnsafe(size);
  if (size) std::memset(b.data(), fill, size);
  return b;
}

Buffer Buffer::adopt(std::uint8_t* data, std::size_t size) {
  Buffer b;
  b.storage_ = detail::newExternalStorage(data, size, [](std::uint8_t* p) { delete[] p; });
  b.length_ = size;
  return b;
}

Buffer Buffer::copyOf(const void* data, std::size_t n) {
  Buffer b = allocUnsafe(n);
  if (n) std::memcpy(b.data(), data, n);
  return b;
}

Buffer Buffer::from(std::initializer_list<int> bytes) {
  Buffer b = allocUnsafe(bytes.size());
  std::size_t i = 0;
  for (int v : bytes) b.data()[i++] = static_cast<std::uint8_t>(v);
  return b;
}

Buffer Buffer::from(std::span<const std::uint8_t> bytes) {
  return copyOf(bytes.data(), bytes.size());
}

Buffer Buffer::concat(std::span<const Buffer> list, std::optional<std::size_t> totalLength) {
  std::size_t total = 0;
  if (totalLength) {
    total = *totalLength;
  } else {
    for (const auto& b : list) total += b.length();
  }
  Buffer out = allocUnsafe(total);
  std::size_t pos = 0;
  for (const auto& b : list) {
    if (pos >= total) break;
    std::size_t n = std::min(b.length(), total - pos);
    if (n) std::memcpy(out.data() + pos, b.data(), n);
    pos += n;
  }
  if (pos < total) std::memset(out.data() + pos, 0, total - pos);
  return out;
}

std::uint8_t Buffer::at(std::size_t i) const {
  if (i >= length()) {
    throw errors::outOfRange("index", ">= 0 and <= " + std::to_string(length() ? length() - 1 : 0),
                             std::to_string(i));
  }
  return data()[i];
}

Buffer Buffer::subarray(std::ptrdiff_t start, std::optional<std::ptrdiff_t> end) const {
  auto len = static_cast<std::ptrdiff_t>(length());
  auto clamp = [len](std::ptrdiff_t v) {
    if (v < 0) v += len;
    return std::clamp<std::ptrdiff_t>(v, 0, len);
  };
  std::ptrdiff_t s = clamp(start);
  std::ptrdiff_t e = end ? clamp(*end) : len;
  if (e < s) e = s;
  return view(storage_, offset_ + static_cast<std::size_t>(s), static_cast<std::size_t>(e - s));
}

bool Buffer::equals(const Buffer& o) const noexcept {
  return length() == o.length() && (length() == 0 || std::memcmp(data(), o.data(), length()) == 0);
}

int Buffer::compare(const Buffer& o) const noexcept {
  std::size_t n = std::min(length(), o.length());
  int c = n ? std::memcmp(data(), o.data(), n) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  if (length() == o.length()) return 0;
  return length() < o.length() ? -1 : 1;
}

std::ptrdiff_t Buffer::indexOf(std::string_view needle, std::ptrdiff_t byteOffset) const noexcept {
  std::string_view hay = view();
  if (byteOffset < 0)
    byteOffset = std::max<std::ptrdiff_t>(0, static_cast<std::ptrdiff_t>(hay.size()) + byteOffset);
  if (static_cast<std::size_t>(byteOffset) > hay.size()) return -1;
  auto p = hay.find(needle, static_cast<std::size_t>(byteOffset));
  return p == std::string_view::npos ? -1 : static_cast<std::ptrdiff_t>(p);
}

std::ptrdiff_t Buffer::indexOf(std::uint8_t byte, std::ptrdiff_t byteOffset) const noexcept {
  char c = static_cast<char>(byte);
  return indexOf(std::string_view(&c, 1), byteOffset);
}

std::size_t Buffer::copy(Buffer& target, std::size_t targetStart, std::size_t sourceStart,
                         std::size_t sourceEnd) const {
  sourceEnd = std::min(sourceEnd, length());
  if (sourceStart >= sourceEnd || targetStart >= target.length()) return 0;
  std::size_t n = std::min(sourceEnd - sourceStart, target.length() - targetStart);
  std::memmove(target.data() + targetStart, data() + sourceStart, n);
  return n;
}

Buffer& Buffer::fill(std::uint8_t value) noexcept {
  if (length()) std::memset(data(), value, length());
  return *this;
}

namespace {
void checkRead(const Buffer& b, std::size_t offset, std::size_t n) {
  if (offset + n > b.length() || offset + n < offset) {
    throw errors::outOfRange("offset",
                             ">= 0 and <= " + std::to_string(b.length() >= n ? b.length() - n : 0),
                             std::to_string(offset));
  }
}
}  // namespace

std::uint8_t Buffer::readUInt8(std::size_t o) const {
  checkRead(*this, o, 1);
  return data()[o];
}
std::uint16_t Buffer::readUInt16BE(std::size_t o) const {
  checkRead(*this, o, 2);
  return static_cast<std::uint16_t>((data()[o] << 8) | data()[o + 1]);
}
std::uint16_t Buffer::readUInt16LE(std::size_t o) const {
  checkRead(*this, o, 2);
  return static_cast<std::uint16_t>(data()[o] | (data()[o + 1] << 8));
}
std::uint32_t Buffer::readUInt32BE(std::size_t o) const {
  checkRead(*this, o, 4);
  const std::uint8_t* p = data() + o;
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}
std::uint32_t Buffer::readUInt32LE(std::size_t o) const {
  checkRead(*this, o, 4);
  const std::uint8_t* p = data() + o;
  return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) |
         p[0];
}
std::int32_t Buffer::readInt32BE(std::size_t o) const {
  return static_cast<std::int32_t>(readUInt32BE(o));
}
std::size_t Buffer::writeUInt8(std::uint8_t v, std::size_t o) {
  checkRead(*this, o, 1);
  data()[o] = v;
  return o + 1;
}
std::size_t Buffer::writeUInt16BE(std::uint16_t v, std::size_t o) {
  checkRead(*this, o, 2);
  data()[o] = static_cast<std::uint8_t>(v >> 8);
  data()[o + 1] = static_cast<std::uint8_t>(v);
  return o + 2;
}
std::size_t Buffer::writeUInt32BE(std::uint32_t v, std::size_t o) {
  checkRead(*this, o, 4);
  for (int i = 0; i < 4; ++i) data()[o + i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
  return o + 4;
}
std::size_t Buffer::writeUInt32LE(std::uint32_t v, std::size_t o) {
  checkRead(*this, o, 4);
  for (int i = 0; i < 4; ++i) data()[o + i] = static_cast<std::uint8_t>(v >> (8 * i));
  return o + 4;
}

Buffer Buffer::detachStorage() {
  if (!storage_ || !storage_->data) return Buffer();
  if (storage_->shared) return *this;
  // The bytes may live inside the old storage's own allocation (inline storage), so
  // instead of copying them a new storage takes the pointer and keeps the old one
  // referenced until it is released itself. The old views become empty (detached).
  struct Moved : BufferStorage {
    BufferStorage* origin;
  };
  BufferStorage* origin = storage_;
  auto* moved = new Moved();
  moved->data = origin->data;
  moved->size = origin->size;
  moved->origin = origin;
  moved->release = [](BufferStorage* st) {
    auto* m = static_cast<Moved*>(st);
    BufferStorage* o = m->origin;
    delete m;
    o->unref();
  };
  origin->ref();
  origin->data = nullptr;
  origin->size = 0;  // the bytes are now accounted to `moved` (same total)
  Buffer out;
  out.storage_ = moved;
  out.offset_ = offset_;
  out.length_ = length_;
  return out;
}

Buffer Buffer::allocShared(std::size_t size) {
  Buffer b = alloc(size);
  b.storage_->shared = true;
  return b;
}

// ---- encodings --------------------------------------------------------------

namespace encoding {

std::optional<std::string_view> normalize(std::string_view enc) noexcept {
  std::string lower;
  lower.reserve(enc.size());
  for (char c : enc) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (lower == "utf8" || lower == "utf-8" || lower.empty()) return "utf8";
  if (lower == "hex") return "hex";
  if (lower == "base64") return "base64";
  if (lower == "base64url") return "base64url";
  if (lower == "latin1" || lower == "binary") return "latin1";
  if (lower == "ascii") return "ascii";
  if (lower == "utf16le" || lower == "utf-16le" || lower == "ucs2" || lower == "ucs-2")
    return "utf16le";
  return std::nullopt;
}

std::size_t utf8CompletePrefix(std::string_view s) noexcept {
  // Look back at most 3 bytes for the start of a multi-byte sequence.
  std::size_t n = s.size();
  for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
    auto c = static_cast<unsigned char>(s[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (c >= 0xF8) need = 1;
    return need > back ? n - back : n;
  }
  return n;
}

std::string sanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // Fast path: copy a run of ASCII.
      std::size_t j = i + 1;
      while (j < n && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    detail::text::Utf8Lead lead;
    if (!detail::text::utf8Lead(c, lead)) {
      out.append(kReplacement, 3);
      ++i;
      continue;
    }
    const std::size_t need = lead.trail;
    const unsigned lo = lead.lo, hi = lead.hi;
    std::size_t j = i + 1;
    std::size_t got = 0;
    bool bad = false;
    while (got < need) {
      if (j >= n) {
        bad = true;
        break;
      }
      auto d = static_cast<unsigned char>(s[j]);
      unsigned l = got == 0 ? lo : 0x80, h = got == 0 ? hi : 0xBF;
      if (d < l || d > h) {
        bad = true;
        break;
      }
      ++j;
      ++got;
    }
    if (bad) {
      out.append(kReplacement, 3);
      i = j;  // maximal subpart replaced by one U+FFFD
      continue;
    }
    out.append(s.data() + i, need + 1);
    i = j;
  }
  return out;
}

}  // namespace encoding

namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kB64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int b64Value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

std::string decodeBase64(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3 / 4);
  unsigned acc = 0;
  int bits = 0;
  for (unsigned char c : s) {
    if (c == '=') break;
    int v = b64Value(c);
    if (v < 0) continue;  // Node skips whitespace and invalid characters
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::string encodeBase64(const std::uint8_t* p, std::size_t n, bool url) {
  const char* tbl = url ? kB64Url : kB64;
  std::string out;
  out.reserve((n + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < n; i += 3) {
    unsigned v = (unsigned{p[i]} << 16) | (unsigned{p[i + 1]} << 8) | p[i + 2];
    out.push_back(tbl[(v >> 18) & 63]);
    out.push_back(tbl[(v >> 12) & 63]);
    out.push_back(tbl[(v >> 6) & 63]);
    out.push_back(tbl[v & 63]);
  }
  if (i < n) {
    unsigned v = unsigned{p[i]} << 16;
    if (i + 1 < n) v |= unsigned{p[i + 1]} << 8;
    out.push_back(tbl[(v >> 18) & 63]);
    out.push_back(tbl[(v >> 12) & 63]);
    if (i + 1 < n)
      out.push_back(tbl[(v >> 6) & 63]);
    else if (!url)
      out.push_back('=');
    if (!url) out.push_back('=');
  }
  return out;
}

// UTF-8 (sanitised) → UTF-16LE bytes.
std::string utf8ToUtf16le(std::string_view s) {
  std::string clean = encoding::sanitizeUtf8(s);
  std::string out;
  out.reserve(clean.size() * 2);
  auto put = [&out](std::uint32_t u) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  };
  for (std::size_t i = 0; i < clean.size();) {
    auto c = static_cast<unsigned char>(clean[i]);
    std::uint32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if (c < 0xE0) {
      cp = c & 0x1F;
      len = 2;
    } else if (c < 0xF0) {
      cp = c & 0x0F;
      len = 3;
    } else {
      cp = c & 0x07;
      len = 4;
    }
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(clean[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

std::string utf16leToUtf8(const std::uint8_t* p, std::size_t n) {
  std::string out;
  out.reserve(n);
  std::size_t units = n / 2;
  for (std::size_t i = 0; i < units; ++i) {
    std::uint32_t u = p[2 * i] | (std::uint32_t{p[2 * i + 1]} << 8);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
      std::uint32_t v = p[2 * i + 2] | (std::uint32_t{p[2 * i + 3]} << 8);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        detail::text::appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        ++i;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
    detail::text::appendUtf8(out, u);
  }
  return out;
}

std::string_view requireEncoding(std::string_view enc) {
  auto e = encoding::normalize(enc);
  if (!e) throw errors::typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + std::string(enc));
  return *e;
}

std::string bytesFromString(std::string_view s, std::string_view enc) {
  if (enc == "utf8") return encoding::sanitizeUtf8(s);
  if (enc == "hex") {
    std::string out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
      int hi = detail::text::hexValue(static_cast<unsigned char>(s[i]));
      int lo = detail::text::hexValue(static_cast<unsigned char>(s[i + 1]));
      if (hi < 0 || lo < 0) break;  // Node truncates at the first invalid pair
      out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
  }
  if (enc == "base64" || enc == "base64url") return decodeBase64(s);
  if (enc == "latin1" || enc == "ascii") {
    // The string is UTF-8 in C++: each code point becomes one byte (low 8 bits).
    std::string clean = encoding::sanitizeUtf8(s);
    std::string out;
    out.reserve(clean.size());
    for (std::size_t i = 0; i < clean.size();) {
      auto c = static_cast<unsigned char>(clean[i]);
      std::uint32_t cp;
      std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(clean[i + k]) & 0x3F);
      out.push_back(static_cast<char>(cp & 0xFF));
      i += len;
    }
    return out;
  }
  return utf8ToUtf16le(s);  // utf16le
}

}  // namespace

Buffer Buffer::from(std::string_view s, std::string_view enc) {
  std::string_view e = requireEncoding(enc);
  if (e == "utf8") {
    // Valid UTF-8 (the common case) is copied as is.
    bool ascii = true;
    for (char c : s) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return copyOf(s.data(), s.size());
  }
  std::string bytes = bytesFromString(s, e);
  return copyOf(bytes.data(), bytes.size());
}

std::size_t Buffer::byteLength(std::string_view s, std::string_view enc) {
  std::string_view e = requireEncoding(enc);
  if (e == "utf8") return encoding::sanitizeUtf8(s).size();
  return bytesFromString(s, e).size();
}

bool Buffer::isEncoding(std::string_view enc) { return encoding::normalize(enc).has_value(); }

std::size_t Buffer::write(std::string_view s, std::size_t offset, std::string_view enc) {
  std::string bytes = bytesFromString(s, requireEncoding(enc));
  if (offset > length())
    throw errors::outOfRange("offset", ">= 0 && <= " + std::to_string(length()),
                             std::to_string(offset));
  std::size_t n = std::min(bytes.size(), length() - offset);
  if (requireEncoding(enc) == "utf8") {
    // Never write a partial character.
    n = encoding::utf8CompletePrefix(std::string_view(bytes.data(), n));
  }
  std::memcpy(data() + offset, bytes.data(), n);
  return n;
}

std::string Buffer::toString(std::string_view enc, std::size_t start, std::size_t end) const {
  std::string_view e = requireEncoding(enc);
  end = std::min(end, length());
  if (start >= end) return {};
  const std::uint8_t* p = data() + start;
  std::size_t n = end - start;
  if (e == "utf8")
    return encoding::sanitizeUtf8(std::string_view(reinterpret_cast<const char*>(p), n));
  if (e == "hex") {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(n * 2, '\0');
    for (std::size_t i = 0; i < n; ++i) {
      out[2 * i] = kHex[p[i] >> 4];
      out[2 * i + 1] = kHex[p[i] & 15];
    }
    return out;
  }
  if (e == "base64") return encodeBase64(p, n, false);
  if (e == "base64url") return encodeBase64(p, n, true);
  if (e == "latin1" || e == "ascii") {
    std::string out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      detail::text::appendUtf8(out, e == "ascii" ? (p[i] & 0x7F) : p[i]);
    return out;
  }
  return utf16leToUtf8(p, n);
}

}  // namespace nodecc
