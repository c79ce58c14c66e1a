// nodecc/util.h — Node's util.format and util.inspect for C++ values.
//
// `inspect` prints what Node's `util.inspect` prints for the equivalent JS
// value: numbers as JS formats them, strings quoted inside containers,
// `<Buffer 68 69>`, `{ a: 1, b: 'x' }` with Node's line-breaking rules
// (breakLength 80, compact 3, depth 2). C++ types map to JS ones: integers and
// floating point → number, std::string/const char* → string, bool, nullptr
// and empty std::optional → null, Undefined → undefined, std::vector → array,
// std::map<std::string, T> and Object → object. Other types: specialise
// `nodecc::util::Inspector<T>`.
#pragma once

#include <cstdint>
#include <map>
#include <typeinfo>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "nodecc/buffer.h"
#include "nodecc/errors.h"
#include "nodecc/value.h"

namespace nodecc::util {

struct InspectOptions {
  int depth = 2;  ///< nesting shown before `[Object]`; negative = unlimited
  int breakLength = 80;
  int compact = 3;
  bool showHidden = false;
};

/// Mutable state of one inspect call (mirrors Node's `ctx`).
struct InspectContext {
  InspectOptions opts;
  int indentationLvl = 0;
  int currentDepth = 0;
};

/// Demangled C++ type name, for error messages.
std::string typeName(const std::type_info& t);

/// Specialise for your own types: `static std::string inspect(const T&, InspectContext&, int)`.
template <class T, class = void>
struct Inspector {
  static constexpr bool kUnsupported = true;
};

/// True when `util::inspect` can print a T.
template <class T>
inline constexpr bool isInspectable = !requires {
  Inspector<std::decay_t<T>>::kUnsupported;
};

namespace detail {
/// Node's strEscape: single quotes unless the string contains them, then " or `.
std::string quoteString(std::string_view s);
/// Object key as Node prints it (bare identifier or quoted).
std::string formatKey(std::string_view key);
/// Node's reduceToSingleString + groupArrayElements.
std::string reduceToSingleString(InspectContext& ctx, std::vector<std::string> output,
                                 std::string_view base, std::string_view open,
                                 std::string_view close, bool isArray, int recurseTimes,
                                 std::size_t valueLength);
std::string formatNumber(double d);
std::string formatBigInt(long long v);
std::string formatUnsigned(unsigned long long v);
std::string inspectValue(const Value& v, InspectContext& ctx, int recurseTimes);
std::string inspectBuffer(const Buffer& b);
std::string inspectError(const Error& e, InspectContext& ctx, int recurseTimes);
}  // namespace detail

template <class T>
std::string inspectAt(const T& v, InspectContext& ctx, int recurseTimes) {
  static_assert(isInspectable<T>,
                "nodecc::util::inspect: no Inspector for this type; specialise "
                "nodecc::util::Inspector<T> with `static std::string inspect(const T&, "
                "InspectContext&, int recurseTimes)`");
  return Inspector<std::decay_t<T>>::inspect(v, ctx, recurseTimes);
}

/// util.inspect when the type is printable, else `[<C++ type name>]`.
template <class T>
std::string inspectOrName(const T& v);

/// `util.inspect(value[, options])`.
template <class T>
std::string inspect(const T& v, InspectOptions opts = {}) {
  InspectContext ctx{opts};
  return inspectAt(v, ctx, 0);
}

template <>
struct Inspector<bool> {
  static std::string inspect(bool b, InspectContext&, int) { return b ? "true" : "false"; }
};
template <class T>
struct Inspector<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                     !std::is_same_v<T, char>>> {
  static std::string inspect(T v, InspectContext&, int) {
    if constexpr (std::is_signed_v<T>)
      return detail::formatBigInt(static_cast<long long>(v));
    else
      return detail::formatUnsigned(static_cast<unsigned long long>(v));
  }
};
template <class T>
struct Inspector<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static std::string inspect(T v, InspectContext&, int) {
    return detail::formatNumber(static_cast<double>(v));
  }
};
template <>
struct Inspector<char> {
  static std::string inspect(char c, InspectContext&, int) {
    return detail::quoteString(std::string_view(&c, 1));
  }
};
template <>
struct Inspector<std::string> {
  static std::string inspect(const std::string& s, InspectContext&, int) {
    return detail::quoteString(s);
  }
};
template <>
struct Inspector<std::string_view> {
  static std::string inspect(std::string_view s, InspectContext&, int) {
    return detail::quoteString(s);
  }
};
template <>
struct Inspector<const char*> {
  static std::string inspect(const char* s, InspectContext&, int) {
    return s ? detail::quoteString(s) : "null";
  }
};
template <>
struct Inspector<char*> : Inspector<const char*> {};
template <>
struct Inspector<std::nullptr_t> {
  static std::string inspect(std::nullptr_t, InspectContext&, int) { return "null"; }
};
template <>
struct Inspector<Undefined> {
  static std::string inspect(Undefined, InspectContext&, int) { return "undefined"; }
};
template <>
struct Inspector<Buffer> {
  static std::string inspect(const Buffer& b, InspectContext&, int) {
    return detail::inspectBuffer(b);
  }
};
template <>
struct Inspector<Value> {
  static std::string inspect(const Value& v, InspectContext& ctx, int r) {
    return detail::inspectValue(v, ctx, r);
  }
};
template <>
struct Inspector<Array> {
  static std::string inspect(const Array& a, InspectContext& ctx, int r) {
    return detail::inspectValue(Value(a), ctx, r);
  }
};
template <>
struct Inspector<Object> {
  static std::string inspect(const Object& o, InspectContext& ctx, int r) {
    return detail::inspectValue(Value(o), ctx, r);
  }
};
template <>
struct Inspector<Error> {
  static std::string inspect(const Error& e, InspectContext& ctx, int r) {
    return detail::inspectError(e, ctx, r);
  }
};
template <class T>
struct Inspector<std::optional<T>> {
  static std::string inspect(const std::optional<T>& o, InspectContext& ctx, int r) {
    return o ? inspectAt(*o, ctx, r) : "null";
  }
};
template <class T>
struct Inspector<Maybe<T>> {
  static std::string inspect(const Maybe<T>& o, InspectContext& ctx, int r) {
    return o ? inspectAt(*o, ctx, r) : "undefined";
  }
};
template <class T>
struct Inspector<std::shared_ptr<T>> {
  static std::string inspect(const std::shared_ptr<T>& p, InspectContext& ctx, int r) {
    if (!p) return "null";
    if constexpr (isInspectable<T>)
      return inspectAt(*p, ctx, r);
    else
      return "[" + typeName(typeid(T)) + "]";
  }
};

namespace detail {
template <class Seq>
std::string inspectSequence(const Seq& seq, InspectContext& ctx, int recurseTimes) {
  if (std::size(seq) == 0) return "[]";
  if (ctx.opts.depth >= 0 && recurseTimes > ctx.opts.depth) return "[Array]";
  ctx.currentDepth = recurseTimes;
  std::vector<std::string> out;
  std::size_t i = 0;
  ctx.indentationLvl += 2;
  for (const auto& e : seq) {
    if (i++ == 100) break;
    out.push_back(inspectAt(e, ctx, recurseTimes + 1));
  }
  ctx.indentationLvl -= 2;
  std::size_t n = std::size(seq);
  if (n > 100) {
    out.push_back("... " + std::to_string(n - 100) + " more item" + (n - 100 > 1 ? "s" : ""));
  }
  return reduceToSingleString(ctx, std::move(out), "", "[", "]", true, recurseTimes, n);
}
template <class Map>
std::string inspectMapAsObject(const Map& m, InspectContext& ctx, int recurseTimes) {
  if (ctx.opts.depth >= 0 && recurseTimes > ctx.opts.depth) return "[Object]";
  if (m.empty()) return "{}";
  ctx.currentDepth = recurseTimes;
  std::vector<std::string> out;
  ctx.indentationLvl += 2;
  for (const auto& [k, v] : m)
    out.push_back(formatKey(k) + ": " + inspectAt(v, ctx, recurseTimes + 1));
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, std::move(out), "", "{", "}", false, recurseTimes, 0);
}
}  // namespace detail

template <class T, class A>
struct Inspector<std::vector<T, A>> {
  static std::string inspect(const std::vector<T, A>& v, InspectContext& ctx, int r) {
    return detail::inspectSequence(v, ctx, r);
  }
};
template <class V, class C, class A>
struct Inspector<std::map<std::string, V, C, A>> {
  static std::string inspect(const std::map<std::string, V, C, A>& m, InspectContext& ctx, int r) {
    return detail::inspectMapAsObject(m, ctx, r);
  }
};

namespace detail {
/// One argument of util.format, erased.
struct FormatArg {
  bool isString = false;      // a JS string (printed raw by %s and at top level)
  std::string str;            // the string when isString
  std::string inspected;      // util.inspect(arg) when !isString
  std::optional<double> num;  // numeric value for %d/%i/%f when the arg is a number
  std::string json;           // JSON.stringify for %j ("" → use inspected)
  bool isNumberLike = false;
  bool isBigIntLike = false;  // 64-bit integers print without loss
  // %s of an object is util.inspect at depth 0 (or String() for a Buffer, whose toString is
  // not the built-in one); computed only when a %s asks, from the argument itself.
  std::string (*forPercentS)(const void*) = nullptr;
  const void* arg = nullptr;
};
template <class T>
std::string percentS(const void* p) {
  const T& v = *static_cast<const T*>(p);
  if constexpr (std::is_same_v<T, Buffer>) {
    return v.toString();
  } else if constexpr (std::is_same_v<T, Value>) {
    if (v.isBuffer()) return v.asBuffer().toString();
    return inspect(v, InspectOptions{.depth = 0});
  } else {
    return inspect(v, InspectOptions{.depth = 0});
  }
}
template <class T>
FormatArg makeFormatArg(const T& v) {
  using D = std::decay_t<T>;
  FormatArg a;
  if constexpr (std::is_same_v<D, std::string> || std::is_same_v<D, std::string_view>) {
    a.isString = true;
    a.str = std::string(v);
  } else if constexpr (std::is_same_v<D, const char*> || std::is_same_v<D, char*>) {
    a.isString = true;
    // A string literal arrives as a char array, which cannot be null (and testing it
    // is a -Waddress error).
    if constexpr (std::is_array_v<T>)
      a.str = v;
    else
      a.str = v ? v : "null";
  } else if constexpr (std::is_same_v<D, char>) {
    a.isString = true;
    a.str = std::string(1, v);
  } else if constexpr (std::is_same_v<D, Maybe<std::string>>) {
    if (v) {
      a.isString = true;
      a.str = *v;
    } else {
      a.inspected = "undefined";
    }
  } else if constexpr (std::is_same_v<D, std::optional<std::string>>) {
    // A string or null (child_process's signal codes): the string prints raw, as in Node.
    if (v) {
      a.isString = true;
      a.str = *v;
    } else {
      a.inspected = "null";
    }
  } else if constexpr (std::is_same_v<D, Value>) {
    if (v.isString()) {
      a.isString = true;
      a.str = v.asString();
    } else {
      a.inspected = inspect(v);
      if (v.isNumber()) {
        a.num = v.asNumber();
        a.isNumberLike = true;
      }
      a.json = v.stringify();
      if (v.isArray() || v.isObject() || v.isBuffer()) {
        a.forPercentS = &percentS<Value>;
        a.arg = &v;
      }
    }
  } else {
    a.inspected = inspect(v);
    if constexpr (std::is_class_v<D>) {
      a.forPercentS = &percentS<D>;
      a.arg = &v;
    }
    if constexpr (std::is_arithmetic_v<D> && !std::is_same_v<D, bool>) {
      a.num = static_cast<double>(v);
      a.isNumberLike = true;
      a.json = a.inspected;
    }
  }
  return a;
}
std::string formatArgs(std::vector<FormatArg>& args);
}  // namespace detail

/// `util.format(format, ...args)`: %s %d %i %f %j %o %O %c %% as in Node.
template <class... A>
std::string format(const A&... args) {
  std::vector<detail::FormatArg> v;
  v.reserve(sizeof...(A));
  (v.push_back(detail::makeFormatArg(args)), ...);
  return detail::formatArgs(v);
}

template <class T>
std::string inspectOrName(const T& v) {
  if constexpr (isInspectable<T>)
    return inspect(v);
  else
    return "[" + typeName(typeid(T)) + "]";
}

}  // namespace nodecc::util
