// Node-shaped errors.
#include "nodecc/errors.h"

#include <uv.h>

#include <cmath>

#include "nodecc/util.h"

namespace nodecc {

std::string Error::header() const {
  std::string h = name.empty() ? "Error" : name;
  if (codeInName && !code.empty()) h += " [" + code + "]";
  if (!message.empty()) h += ": " + message;
  return h;
}

std::string Error::toString() const {
  std::string h = name.empty() ? "Error" : name;
  // Node's internal errors override toString() with `${name} [${code}]: ${message}`.
  if (codeInName && !code.empty()) return h + " [" + code + "]: " + message;
  if (!message.empty()) h += ": " + message;
  return h;
}

namespace errors {

Error make(std::string_view name, std::string_view code, std::string message) {
  Error e(std::move(message), std::string(code));
  e.name = std::string(name);
  e.codeInName = true;
  return e;
}

std::string describeNumber(double v) {
  return "type number (" + util::detail::formatNumber(v) + ")";
}

std::string describeString(std::string_view s) {
  std::string shown(s.substr(0, 25));
  if (s.size() > 25) shown += "...";
  return "type string (" + util::detail::quoteString(shown) + ")";
}

Error invalidArgType(std::string_view name, std::string_view expected, std::string_view received) {
  std::string msg = "The \"" + std::string(name) + "\" argument must be " + std::string(expected) +
                    ". Received " + std::string(received);
  return typeError("ERR_INVALID_ARG_TYPE", std::move(msg));
}

Error invalidArgValue(std::string_view name, std::string_view received, std::string_view reason) {
  std::string kind = name.find('.') == std::string_view::npos ? "argument" : "property";
  std::string msg = "The " + kind + " '" + std::string(name) + "' " + std::string(reason) +
                    ". Received " + std::string(received);
  return typeError("ERR_INVALID_ARG_VALUE", std::move(msg));
}

namespace {
// Node's ERR_OUT_OF_RANGE prints an integer above 2^32 in magnitude with `_` between every
// three digits (addNumericalSeparator); `received` is the number as Node formats it.
std::string withSeparators(std::string_view received) {
  std::string_view digits = received;
  bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 21) return std::string(received);
  for (char c : digits)
    if (c < '0' || c > '9') return std::string(received);
  if (digits.size() < 10 || (digits.size() == 10 && digits <= "4294967296"))
    return std::string(received);
  std::string out = neg ? "-" : "";
  std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits.substr(0, lead));
  for (std::size_t i = lead; i < digits.size(); i += 3) {
    out.push_back('_');
    out.append(digits.substr(i, 3));
  }
  return out;
}
}  // namespace

Error outOfRange(std::string_view name, std::string_view range, std::string_view received) {
  std::string msg = "The value of \"" + std::string(name) + "\" is out of range. It must be " +
                    std::string(range) + ". Received " + withSeparators(received);
  return rangeError("ERR_OUT_OF_RANGE", std::move(msg));
}

std::string uvErrName(int err) {
  char buf[64];
  uv_err_name_r(err, buf, sizeof buf);
  return buf;
}

std::string uvErrMessage(int err) {
  char buf[256];
  uv_strerror_r(err, buf, sizeof buf);
  return buf;
}

Error uvException(int err, std::string_view syscall, std::string_view path, std::string_view dest) {
  std::string code = uvErrName(err);
  std::string msg = code + ": " + uvErrMessage(err) + ", " + std::string(syscall);
  Error e;
  if (!path.empty()) {
    msg += " '" + std::string(path) + "'";
    e.path = std::string(path);
  }
  if (!dest.empty()) {
    msg += " -> '" + std::string(dest) + "'";
    e.dest = std::string(dest);
  }
  e.message = std::move(msg);
  e.code = code;
  e.errnum = err;
  e.syscall = std::string(syscall);
  return e;
}

Error exceptionWithHostPort(int err, std::string_view syscall, std::string_view address,
                            std::optional<int> port, std::string_view additional) {
  std::string code = uvErrName(err);
  std::string details;
  if (port && *port > 0)
    details = " " + std::string(address) + ":" + std::to_string(*port);
  else if (!address.empty())
    details = " " + std::string(address);
  if (!additional.empty()) details += " - Local (" + std::string(additional) + ")";
  Error e(std::string(syscall) + " " + code + details);
  e.errnum = err;
  e.code = code;
  e.syscall = std::string(syscall);
  e.address = std::string(address);
  if (port && *port > 0) e.port = port;
  return e;
}

Error uvExceptionWithHostPort(int err, std::string_view syscall, std::string_view address,
                              std::optional<int> port) {
  std::string code = uvErrName(err);
  std::string details;
  if (port && *port > 0)
    details = " " + std::string(address) + ":" + std::to_string(*port);
  else if (!address.empty())
    details = " " + std::string(address);
  Error e(std::string(syscall) + " " + code + ": " + uvErrMessage(err) + details);
  e.errnum = err;
  e.code = code;
  e.syscall = std::string(syscall);
  e.address = std::string(address);
  if (port && *port > 0) e.port = port;
  return e;
}

Error errnoException(int err, std::string_view syscall, std::string_view original) {
  std::string code = uvErrName(err);
  std::string msg = std::string(syscall) + " " + code;
  if (!original.empty()) msg += " " + std::string(original);
  Error e(std::move(msg));
  e.errnum = err;
  e.code = code;
  e.syscall = std::string(syscall);
  return e;
}

Error fromException(std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const Error& e) {
    return e;
  } catch (const std::exception& e) {
    return Error(e.what());
  } catch (const std::string& s) {
    return Error(s);
  } catch (const char* s) {
    return Error(s);
  } catch (...) {
    return Error("Unknown C++ exception");
  }
}

}  // namespace errors
}  // namespace nodecc
