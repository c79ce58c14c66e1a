#include "nodecc/string_decoder.h"

#include "nodecc/errors.h"

namespace nodecc {

StringDecoder::StringDecoder(std::string_view enc) {
  auto e = encoding::normalize(enc);
  if (!e) throw errors::typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + std::string(enc));
  encoding_ = std::string(*e);
}

std::string StringDecoder::write(const Buffer& buf) { return write(buf.view()); }

std::string StringDecoder::write(std::string_view bytes) {
  if (encoding_ == "hex" || encoding_ == "latin1" || encoding_ == "ascii") {
    return Buffer::copyOf(bytes.data(), bytes.size()).toString(encoding_);
  }
  std::string data = pending_;
  data.append(bytes);
  pending_.clear();
  std::size_t complete = data.size();
  if (encoding_ == "utf8") {
    complete = encoding::utf8CompletePrefix(data);
  } else if (encoding_ == "base64" || encoding_ == "base64url") {
    complete = data.size() - data.size() % 3;
  } else if (encoding_ == "utf16le") {
    complete = data.size() & ~std::size_t{1};
    // Hold back a lone high surrogate at the end: its pair may come next.
    if (complete >= 2) {
      unsigned u = static_cast<unsigned char>(data[complete - 2]) |
                   (static_cast<unsigned>(static_cast<unsigned char>(data[complete - 1])) << 8);
      if (u >= 0xD800 && u <= 0xDBFF) complete -= 2;
    }
  }
  pending_ = data.substr(complete);
  if (complete == 0) return {};
  return Buffer::copyOf(data.data(), complete).toString(encoding_);
}

std::string StringDecoder::end() {
  if (pending_.empty()) return {};
  std::string rest;
  rest.swap(pending_);
  if (encoding_ == "utf16le" && rest.size() % 2 == 1) rest.pop_back();
  return Buffer::copyOf(rest.data(), rest.size()).toString(encoding_);
}

}  // namespace nodecc
