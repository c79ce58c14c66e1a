// nodecc/buffer.h — Node's Buffer: refcounted bytes with zero-copy views.
//
// Differences from Node: a Buffer is a value type (copying it makes another
// view of the same bytes, like `buf.subarray()` in Node; use `Buffer::copyOf`
// for a deep copy). Indexing is unchecked like a C array; `at()` checks.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define NODECC_HAVE_SINGLE_THREADED 1
#else
#define NODECC_HAVE_SINGLE_THREADED 0
#endif

namespace nodecc {

namespace detail {
/// glibc's __libc_single_threaded (as libstdc++'s shared_ptr uses it): when set, the calling
/// thread is the only one, and a count needs no atomic instruction. A Buffer reaches another
/// thread only through that thread's start or later.
inline bool singleThreaded() noexcept {
#if NODECC_HAVE_SINGLE_THREADED
  return __libc_single_threaded != 0;
#else
  return false;
#endif
}

/// Shared backing store of one or more Buffer views (Node's ArrayBuffer).
struct BufferStorage {
  std::atomic<std::size_t> refs{1};
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  void (*release)(BufferStorage*) = nullptr;  // frees `data` (and maybe the storage)
  bool shared = false;                        // SharedArrayBuffer semantics: never detached
  bool untransferable = false;                // worker_threads.markAsUntransferable()
  void ref() noexcept {
    if (singleThreaded())
      refs.store(refs.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    else
      refs.fetch_add(1, std::memory_order_relaxed);
  }
  void unref() noexcept;
};
}  // namespace detail

/// Node's `Buffer` (a `Uint8Array` view over an `ArrayBuffer`).
class Buffer {
 public:
  Buffer() noexcept = default;
  Buffer(const Buffer& o) noexcept;
  Buffer(Buffer&& o) noexcept;
  Buffer& operator=(const Buffer& o) noexcept;
  Buffer& operator=(Buffer&& o) noexcept;
  ~Buffer();

  /// `Buffer.alloc(size[, fill])`: zero-filled (or `fill`-filled) bytes.
  static Buffer alloc(std::size_t size, std::uint8_t fill = 0);
  /// `Buffer.allocUnsafe(size)`: uninitialised bytes.
  static Buffer allocUnsafe(std::size_t size);
  /// `Buffer.from(string[, encoding])`; encodings: utf8 (default), utf-8, hex, base64,
  /// base64url, latin1, binary, ascii, utf16le, ucs2. Unknown encodings throw
  /// ERR_UNKNOWN_ENCODING like Node.
  static Buffer from(std::string_view s, std::string_view encoding = "utf8");
  static Buffer from(const char* s, std::string_view encoding = "utf8") {
    return from(std::string_view(s), encoding);
  }
  static Buffer from(const std::string& s, std::string_view encoding = "utf8") {
    return from(std::string_view(s), encoding);
  }
  /// `Buffer.from(array)`: one byte per element (values are truncated to 8 bits).
  static Buffer from(std::initializer_list<int> bytes);
  static Buffer from(std::span<const std::uint8_t> bytes);
  /// Copies `n` bytes from `data`.
  static Buffer copyOf(const void* data, std::size_t n);
  /// A deep copy (Node: `Buffer.from(buf)`).
  static Buffer copyOf(const Buffer& b) { return copyOf(b.data(), b.length()); }
  /// `Buffer.concat(list[, totalLength])`.
  static Buffer concat(std::span<const Buffer> list, std::optional<std::size_t> totalLength = {});
  static Buffer concat(std::initializer_list<Buffer> list) {
    return concat(std::span<const Buffer>(list.begin(), list.size()));
  }
  /// `Buffer.byteLength(string[, encoding])`.
  static std::size_t byteLength(std::string_view s, std::string_view encoding = "utf8");
  /// `Buffer.isEncoding(encoding)`.
  static bool isEncoding(std::string_view encoding);
  /// Takes ownership of `data` (allocated with `new std::uint8_t[]`). Not a Node API.
  static Buffer adopt(std::uint8_t* data, std::size_t size);
  /// `new SharedArrayBuffer(size)` seen through a byte view: zero-filled memory that a
  /// postMessage shares instead of copying, so both threads see the same bytes. Use
  /// <nodecc/atomics.h> for accesses that race (as JS code uses `Atomics`).
  static Buffer allocShared(std::size_t size);
  /// True for the bytes of a SharedArrayBuffer (`allocShared`).
  bool isShared() const noexcept { return storage_ && storage_->shared; }

  std::size_t length() const noexcept { return storage_ && storage_->data ? length_ : 0; }
  std::size_t size() const noexcept { return length(); }
  bool empty() const noexcept { return length() == 0; }
  std::uint8_t* data() noexcept {
    return storage_ && storage_->data ? storage_->data + offset_ : nullptr;
  }
  const std::uint8_t* data() const noexcept {
    return storage_ && storage_->data ? storage_->data + offset_ : nullptr;
  }
  const char* chars() const noexcept { return reinterpret_cast<const char*>(data()); }
  std::uint8_t* begin() noexcept { return data(); }
  std::uint8_t* end() noexcept { return data() + length(); }
  const std::uint8_t* begin() const noexcept { return data(); }
  const std::uint8_t* end() const noexcept { return data() + length(); }
  std::uint8_t& operator[](std::size_t i) noexcept { return data()[i]; }
  std::uint8_t operator[](std::size_t i) const noexcept { return data()[i]; }
  /// Checked access; throws ERR_OUT_OF_RANGE.
  std::uint8_t at(std::size_t i) const;
  /// The bytes as a string_view (no decoding).
  std::string_view view() const noexcept { return {chars(), length()}; }

  /// `buf.toString([encoding[, start[, end]]])`; invalid UTF-8 becomes U+FFFD as in Node.
  std::string toString(std::string_view encoding = "utf8", std::size_t start = 0,
                       std::size_t end = SIZE_MAX) const;
  /// `buf.subarray(start, end)` / `buf.slice(start, end)`: a view sharing memory.
  /// Negative indexes count from the end, as in Node.
  Buffer subarray(std::ptrdiff_t start = 0, std::optional<std::ptrdiff_t> end = {}) const;
  Buffer slice(std::ptrdiff_t start = 0, std::optional<std::ptrdiff_t> end = {}) const {
    return subarray(start, end);
  }
  bool equals(const Buffer& other) const noexcept;
  int compare(const Buffer& other) const noexcept;
  /// `buf.indexOf(value[, byteOffset])`; -1 when absent.
  std::ptrdiff_t indexOf(std::string_view needle, std::ptrdiff_t byteOffset = 0) const noexcept;
  std::ptrdiff_t indexOf(std::uint8_t byte, std::ptrdiff_t byteOffset = 0) const noexcept;
  bool includes(std::string_view needle) const noexcept { return indexOf(needle) >= 0; }
  /// `buf.write(string[, offset[, length]][, encoding])`: bytes written.
  std::size_t write(std::string_view s, std::size_t offset = 0, std::string_view encoding = "utf8");
  /// `buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]])`: bytes copied.
  std::size_t copy(Buffer& target, std::size_t targetStart = 0, std::size_t sourceStart = 0,
                   std::size_t sourceEnd = SIZE_MAX) const;
  /// `buf.fill(value)`.
  Buffer& fill(std::uint8_t value) noexcept;
  std::uint8_t readUInt8(std::size_t offset = 0) const;
  std::uint16_t readUInt16BE(std::size_t offset = 0) const;
  std::uint16_t readUInt16LE(std::size_t offset = 0) const;
  std::uint32_t readUInt32BE(std::size_t offset = 0) const;
  std::uint32_t readUInt32LE(std::size_t offset = 0) const;
  std::int32_t readInt32BE(std::size_t offset = 0) const;
  std::size_t writeUInt8(std::uint8_t v, std::size_t offset = 0);
  std::size_t writeUInt16BE(std::uint16_t v, std::size_t offset = 0);
  std::size_t writeUInt32BE(std::uint32_t v, std::size_t offset = 0);
  std::size_t writeUInt32LE(std::uint32_t v, std::size_t offset = 0);
  std::vector<std::uint8_t> toVector() const { return {begin(), end()}; }

  /// Bytes of the whole backing store (Node: `buf.buffer.byteLength`).
  std::size_t byteLengthOfStorage() const noexcept { return storage_ ? storage_->size : 0; }
  /// Offset of this view in its backing store (Node: `buf.byteOffset`).
  std::size_t byteOffset() const noexcept { return offset_; }
  /// True when both views share one backing store.
  bool sharesMemoryWith(const Buffer& o) const noexcept {
    return storage_ && storage_ == o.storage_;
  }
  /// True when the backing store was transferred away (Node: a detached ArrayBuffer).
  bool detached() const noexcept { return storage_ && !storage_->data; }

  /// Internal: take the backing store away from every view (they become empty) and
  /// return a new view that owns it, without copying the bytes. Used by
  /// worker_threads transfer lists. A shared store is returned as is.
  Buffer detachStorage();
  /// Internal: the backing store.
  detail::BufferStorage* storage() const noexcept { return storage_; }
  /// Internal: a view of `len` bytes at `off` in `s` (takes a new reference).
  static Buffer view(detail::BufferStorage* s, std::size_t off, std::size_t len) noexcept;

 private:
  detail::BufferStorage* storage_ = nullptr;
  std::size_t offset_ = 0;
  std::size_t length_ = 0;
};

inline bool operator==(const Buffer& a, const Buffer& b) noexcept { return a.equals(b); }

/// Encoding helpers shared by Buffer, streams and console.
namespace encoding {
/// Normalises an encoding name as Node does ("UTF-8" → "utf8", "binary" → "latin1",
/// "ucs-2" → "utf16le"); empty optional when unknown.
std::optional<std::string_view> normalize(std::string_view enc) noexcept;
/// Replaces invalid UTF-8 sequences with U+FFFD (WHATWG decoder, as V8 does).
std::string sanitizeUtf8(std::string_view bytes);
/// Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence.
std::size_t utf8CompletePrefix(std::string_view bytes) noexcept;
}  // namespace encoding

}  // namespace nodecc
