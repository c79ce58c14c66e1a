// The C++ side of raw_helper.js, for the http conformance cases.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "nodecc/http.h"
#include "nodecc/net.h"

namespace httptest {

/// s.replace(/Date: [^\r\n]*\r\n/g, 'Date: X\r\n')
inline std::string mask(std::string s) {
  std::size_t pos = 0;
  while ((pos = s.find("Date: ", pos)) != std::string::npos) {
    std::size_t e = s.find("\r\n", pos);
    if (e == std::string::npos) break;
    s.replace(pos, e - pos, "Date: X");
    pos += 9;
  }
  return s;
}

/// A byte string quoted with \r \n \t and \xNN escapes.
inline std::string show(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string r = "\"";
  for (unsigned char c : s) {
    if (c == 13)
      r += "\\r";
    else if (c == 10)
      r += "\\n";
    else if (c == 9)
      r += "\\t";
    else if (c == '"' || c == '\\')
      (r += '\\') += static_cast<char>(c);
    else if (c < 0x20 || c > 0x7e)
      (((r += "\\x") += hex[c >> 4]) += hex[c & 15]);
    else
      r += static_cast<char>(c);
  }
  return r + "\"";
}

/// Sends `data`, half-closes, and calls `cb` with everything that came back.
inline void raw(int port, std::string data, std::function<void(std::string)> cb) {
  auto c = nodecc::net::createConnection(port, "127.0.0.1");
  auto out = std::make_shared<std::string>();
  c->on("connect", [c, data] { c->end(data, "latin1"); });
  c->on("data", [out](const nodecc::Buffer& d) { out->append(d.chars(), d.length()); });
  c->on("error", [out](const nodecc::Error& e) { *out += "[" + e.code + "]"; });
  c->on("close", [out, cb](bool) { cb(mask(*out)); });
}

}  // namespace httptest
