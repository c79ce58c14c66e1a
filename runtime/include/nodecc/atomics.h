// nodecc/atomics.h — JS `Atomics` over the bytes of a SharedArrayBuffer.
//
// JS code shares memory between threads with a SharedArrayBuffer
// (`Buffer::allocShared` here) and reads/writes it with `Atomics.*` on a typed
// array. Here the typed array is implied by the template argument: `Atomics::add<
// std::int32_t>(sab, 0, 1)` is `Atomics.add(new Int32Array(sab), 0, 1)`. Indexes
// count elements of T from the view's start, as a typed array's do. The
// operations are sequentially consistent (std::atomic_ref), as in JS.
//
// Differences from JS: `and`/`or`/`xor` are C++ keywords, so they are `and_`,
// `or_`, `xor_`; `wait` works on std::int32_t only (Int32Array; no BigInt64Array).
// Accesses to shared bytes that are not done through Atomics race, as they do in JS
// (ThreadSanitizer reports them).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "nodecc/buffer.h"

namespace nodecc::Atomics {

namespace detail {
/// Throws RangeError "Invalid atomic access index" (JS's message) when out of bounds
/// or misaligned.
[[noreturn]] void throwBadIndex();
template <class T>
std::atomic_ref<T> at(const Buffer& b, std::size_t index) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>,
                "nodecc::Atomics: T must be an integer type (Int8 … BigUint64 arrays)");
  std::size_t n = b.length() / sizeof(T);
  auto* p = const_cast<std::uint8_t*>(b.data());
  if (index >= n || reinterpret_cast<std::uintptr_t>(p) % alignof(std::atomic_ref<T>) != 0)
    throwBadIndex();
  return std::atomic_ref<T>(reinterpret_cast<T*>(p)[index]);
}
}  // namespace detail

/// `Atomics.load(ta, index)`.
template <class T>
T load(const Buffer& b, std::size_t index) {
  return detail::at<T>(b, index).load();
}
/// `Atomics.store(ta, index, value)`: returns `value`.
template <class T>
T store(const Buffer& b, std::size_t index, T value) {
  detail::at<T>(b, index).store(value);
  return value;
}
/// `Atomics.add(ta, index, value)`: returns the old value.
template <class T>
T add(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).fetch_add(value);
}
/// `Atomics.sub(ta, index, value)`: returns the old value.
template <class T>
T sub(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).fetch_sub(value);
}
/// `Atomics.and(ta, index, value)`: returns the old value.
template <class T>
T and_(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).fetch_and(value);
}
/// `Atomics.or(ta, index, value)`: returns the old value.
template <class T>
T or_(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).fetch_or(value);
}
/// `Atomics.xor(ta, index, value)`: returns the old value.
template <class T>
T xor_(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).fetch_xor(value);
}
/// `Atomics.exchange(ta, index, value)`: returns the old value.
template <class T>
T exchange(const Buffer& b, std::size_t index, T value) {
  return detail::at<T>(b, index).exchange(value);
}
/// `Atomics.compareExchange(ta, index, expected, replacement)`: returns the old value.
template <class T>
T compareExchange(const Buffer& b, std::size_t index, T expected, T replacement) {
  detail::at<T>(b, index).compare_exchange_strong(expected, replacement);
  return expected;
}
/// `Atomics.isLockFree(size)`.
constexpr bool isLockFree(std::size_t size) noexcept {
  return size == 1 || size == 2 || size == 4 || size == 8;
}

/// `Atomics.wait(int32array, index, value[, timeout])`: blocks the calling thread
/// (its event loop too, as in JS) until `notify` wakes it, returning "ok"; "not-equal"
/// when the element is not `value`; "timed-out" after `timeoutMs`.
std::string_view wait(const Buffer& b, std::size_t index, std::int32_t value,
                      double timeoutMs = std::numeric_limits<double>::infinity());
/// `Atomics.notify(int32array, index[, count])`: wakes up to `count` waiters on the
/// element; returns how many were woken.
std::size_t notify(const Buffer& b, std::size_t index,
                   std::size_t count = std::numeric_limits<std::size_t>::max());

}  // namespace nodecc::Atomics
