// nodecc/errors.h — Node-shaped errors.
//
// Every error nodecc throws or emits is a `nodecc::Error`: one class carrying
// what Node's error objects carry (`name`, `code`, `message`, and for system
// errors `errno`, `syscall`, `address`, `port`, `path`, `dest`). Differences
// from Node: JS's `err.errno` is `errnum` here (`errno` is a C macro); there is
// no JS stack, so `stack()` is the first line of Node's stack only.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "nodecc/value.h"

namespace nodecc {

/// Node's Error (and TypeError, RangeError, SystemError … by `name`).
class Error : public std::exception {
 public:
  std::string name = "Error";  ///< "Error", "TypeError", "RangeError", "SyntaxError", …
  std::string code;            ///< "ERR_…" or a system code such as "ECONNREFUSED"; may be empty
  std::string message;
  std::optional<int> errnum;  ///< JS `err.errno` (a negative libuv error number)
  std::string syscall;        ///< "connect", "listen", "open", …
  std::string address;
  std::optional<int> port;
  std::string path;
  std::string dest;
  Value info;               ///< other own properties (an object), e.g. exec's `killed`
  bool codeInName = false;  ///< Node's internal errors show "Name [CODE]: message"

  Error() = default;
  explicit Error(std::string msg) : message(std::move(msg)) {}
  Error(std::string msg, std::string c) : code(std::move(c)), message(std::move(msg)) {}

  const char* what() const noexcept override { return message.c_str(); }
  /// First line of Node's `err.stack`: "TypeError [ERR_X]: message" or "Error: message".
  std::string header() const;
  /// Node's `err.stack` (header only: there are no JS frames).
  std::string stack() const { return header(); }
  /// `String(err)`: "Name: message", or "Name [CODE]: message" for Node's internal errors.
  std::string toString() const;
};

/// Builders for the errors Node's `internal/errors.js` makes.
namespace errors {
/// A Node internal error: name + [code] in its stack header.
Error make(std::string_view name, std::string_view code, std::string message);
inline Error typeError(std::string_view code, std::string message) {
  return make("TypeError", code, std::move(message));
}
inline Error rangeError(std::string_view code, std::string message) {
  return make("RangeError", code, std::move(message));
}
inline Error error(std::string_view code, std::string message) {
  return make("Error", code, std::move(message));
}
/// ERR_INVALID_ARG_TYPE: `The "<name>" argument must be <expected>. Received <received>`.
Error invalidArgType(std::string_view name, std::string_view expected, std::string_view received);
/// ERR_INVALID_ARG_VALUE: `The argument '<name>' <reason>. Received <received>`.
Error invalidArgValue(std::string_view name, std::string_view received,
                      std::string_view reason = "is invalid");
/// ERR_OUT_OF_RANGE: `The value of "<name>" is out of range. It must be <range>. Received
/// <received>`.
Error outOfRange(std::string_view name, std::string_view range, std::string_view received);
/// Describes a number as Node's error messages do in "Received …" (e.g. "type number (65536)").
std::string describeNumber(double v);
/// Describes a string as Node's messages do: "type string ('abc')".
std::string describeString(std::string_view s);

/// libuv error name ("ECONNREFUSED") for a negative libuv error number.
std::string uvErrName(int err);
/// libuv error message ("connection refused").
std::string uvErrMessage(int err);
/// Node's `uvException`: "<CODE>: <uv message>, <syscall> '<path>' -> '<dest>'".
Error uvException(int err, std::string_view syscall, std::string_view path = {},
                  std::string_view dest = {});
/// Node's `exceptionWithHostPort`: "<syscall> <CODE> <address>:<port>".
Error exceptionWithHostPort(int err, std::string_view syscall, std::string_view address,
                            std::optional<int> port, std::string_view additional = {});
/// Node's `uvExceptionWithHostPort`: "<syscall> <CODE>: <uv message> <address>:<port>".
Error uvExceptionWithHostPort(int err, std::string_view syscall, std::string_view address,
                              std::optional<int> port);
/// Node's `errnoException`: "<syscall> <CODE>[ <original>]".
Error errnoException(int err, std::string_view syscall, std::string_view original = {});
/// Converts any in-flight exception into an Error (a non-Error C++ exception becomes an
/// Error whose message is `what()`).
Error fromException(std::exception_ptr ep);
}  // namespace errors

}  // namespace nodecc
