// runtime/src/text.h — UTF-8 and hex pieces shared by Buffer's codecs (buffer.cc) and
// JSON.parse (value.cc). Internal to runtime/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace nodecc::detail::text {

/// Appends code point `cp` (at most 0x10FFFF) as UTF-8.
inline void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// What a lead byte (>= 0x80) starts, per Unicode's table of well-formed UTF-8: `trail`
/// continuation bytes, the first in [lo, hi] (excluding overlongs, surrogates and code
/// points above 0x10FFFF), the others in [0x80, 0xBF]. False when it starts nothing.
struct Utf8Lead {
  std::size_t trail;
  unsigned lo, hi;
};
inline bool utf8Lead(unsigned char c, Utf8Lead& l) {
  l = {0, 0x80, 0xBF};
  if (c >= 0xC2 && c <= 0xDF) {
    l.trail = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    l.trail = 2;
    if (c == 0xE0) l.lo = 0xA0;
    if (c == 0xED) l.hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    l.trail = 3;
    if (c == 0xF0) l.lo = 0x90;
    if (c == 0xF4) l.hi = 0x8F;
  } else {
    return false;
  }
  return true;
}

/// The length of the well-formed sequence at p[0, n) whose lead byte is >= 0x80, or 0.
inline std::size_t utf8SequenceLength(const char* p, std::size_t n) {
  Utf8Lead l;
  if (!utf8Lead(static_cast<unsigned char>(p[0]), l) || n <= l.trail) return 0;
  for (std::size_t i = 1; i <= l.trail; ++i) {
    auto d = static_cast<unsigned char>(p[i]);
    if (d < (i == 1 ? l.lo : 0x80) || d > (i == 1 ? l.hi : 0xBF)) return 0;
  }
  return l.trail + 1;
}

/// The value of a hex digit, or -1.
inline int hexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace nodecc::detail::text
