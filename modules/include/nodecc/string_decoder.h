// nodecc/string_decoder.h — Node's `string_decoder`: decodes a series of Buffers
// into strings without splitting multi-byte characters across chunks.
//
// Strings are UTF-8 std::strings (what a JS string holds, re-encoded); invalid
// input becomes U+FFFD as in Node.
#pragma once

#include <string>
#include <string_view>

#include "nodecc/buffer.h"

namespace nodecc {

class StringDecoder {
 public:
  /// `new StringDecoder([encoding])`; throws ERR_UNKNOWN_ENCODING like Node.
  explicit StringDecoder(std::string_view encoding = "utf8");
  /// `decoder.write(buffer)`: the decoded text, holding back an incomplete character.
  std::string write(const Buffer& buf);
  std::string write(std::string_view bytes);
  /// `decoder.end([buffer])`: flushes what is held back (as U+FFFD when incomplete).
  std::string end();
  std::string end(const Buffer& buf) { return write(buf) + end(); }
  /// The normalised encoding name ("utf8", "hex", "base64", "latin1", "utf16le", …).
  const std::string& encoding() const noexcept { return encoding_; }

 private:
  std::string encoding_;
  std::string pending_;  // bytes of an incomplete character
};

}  // namespace nodecc
