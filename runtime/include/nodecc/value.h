// nodecc/value.h — message data: JSON-compatible values plus binary.
//
// A `Value` is what JS code would pass to `process.send`, `worker.postMessage`
// or a cluster message: undefined, null, booleans, numbers (doubles, as in JS),
// strings, arrays, objects (keys kept in insertion order, as in JS) and
// Buffers (a SharedArrayBuffer is a Buffer whose storage is shared). JSON text
// is read by a single-pass parser of our own (Value::parse; numbers as JS reads
// them, "-0" included). Host objects (a MessagePort in a message) are carried
// opaquely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "nodecc/buffer.h"

namespace nodecc {

class Value;

/// JS `undefined`.
struct Undefined {
  friend bool operator==(Undefined, Undefined) { return true; }
};
inline constexpr Undefined undefined{};

/// A property that may be `undefined` (console.log prints "undefined" when empty,
/// where an empty std::optional prints "null"): `socket->remoteAddress()` …
template <class T>
class Maybe : public std::optional<T> {
 public:
  using std::optional<T>::optional;
  Maybe(std::optional<T> o) : std::optional<T>(std::move(o)) {}  // NOLINT
};

/// A JS array of Values.
using Array = std::vector<Value>;

namespace detail {
/// The key's value when it is a canonical array index ("0".."4294967294"), which JS
/// objects list first, in ascending order.
std::optional<std::uint32_t> arrayIndex(std::string_view key) noexcept;
}  // namespace detail

/// A JS plain object: string keys in JS property order (array-index keys first, ascending,
/// then the others in insertion order).
class Object {
 public:
  using Entry = std::pair<std::string, Value>;
  Object() = default;
  Object(std::initializer_list<Entry> init);
  Object(const Object&);
  Object(Object&&) noexcept;
  Object& operator=(const Object&);
  Object& operator=(Object&&) noexcept;
  ~Object();

  /// Inserts `undefined` when absent, like assigning a new property.
  Value& operator[](std::string_view key);
  /// Pointer to the value or nullptr.
  const Value* find(std::string_view key) const noexcept;
  Value* find(std::string_view key) noexcept;
  bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
  /// `delete obj[key]`; returns whether it existed.
  bool erase(std::string_view key);
  std::size_t size() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  std::vector<Entry>::const_iterator begin() const noexcept;
  std::vector<Entry>::const_iterator end() const noexcept;
  std::vector<Entry>::iterator begin() noexcept;
  std::vector<Entry>::iterator end() noexcept;
  friend bool operator==(const Object& a, const Object& b);

 private:
  std::vector<Entry> entries_;
};

/// An object that travels inside a Value without being serialised (for example a
/// MessagePort in a transfer list). `type` names it for inspection and errors.
struct HostObject {
  std::shared_ptr<void> ptr;
  std::string type;
  friend bool operator==(const HostObject& a, const HostObject& b) { return a.ptr == b.ptr; }
};

/// Formats a double as JS's `Number.prototype.toString()` does.
std::string numberToString(double d);

/// A JS value as carried in messages.
class Value {
 public:
  using Variant = std::variant<Undefined, std::nullptr_t, bool, double, std::string, Array, Object,
                               Buffer, HostObject>;
  enum class Type { Undefined, Null, Boolean, Number, String, Array, Object, Buffer, Host };

  Value() noexcept = default;
  Value(Undefined) noexcept {}                     // NOLINT
  Value(std::nullptr_t) noexcept : v_(nullptr) {}  // NOLINT
  /// Exactly a bool: a pointer or a captureless lambda must not become `true` (in a
  /// message, JS would throw DataCloneError for a function; here it does not compile).
  template <class B, std::enable_if_t<std::is_same_v<B, bool>, int> = 0>
  Value(B b) noexcept : v_(b) {}  // NOLINT
  template <class T>
  Value(T*) = delete;
  Value(char* s) : v_(std::string(s)) {}  // NOLINT
  template <class N, std::enable_if_t<std::is_arithmetic_v<N> && !std::is_same_v<N, bool>, int> = 0>
  Value(N n) noexcept : v_(static_cast<double>(n)) {}  // NOLINT
  Value(const char* s) : v_(std::string(s)) {}         // NOLINT
  Value(std::string s) noexcept : v_(std::move(s)) {}  // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}    // NOLINT
  Value(Array a) noexcept : v_(std::move(a)) {}        // NOLINT
  Value(Object o) noexcept : v_(std::move(o)) {}       // NOLINT
  Value(Buffer b) noexcept : v_(std::move(b)) {}       // NOLINT
  Value(HostObject h) noexcept : v_(std::move(h)) {}   // NOLINT
  /// A shared object whose class names itself with `static constexpr std::string_view
  /// kHostObjectType` (worker_threads::MessagePort) travels as a HostObject.
  template <class T, std::enable_if_t<!std::is_void_v<decltype(T::kHostObjectType)>, int> = 0>
  Value(std::shared_ptr<T> p)  // NOLINT
      : v_(HostObject{std::move(p), std::string(T::kHostObjectType)}) {}
  /// nlohmann-style: a list of [string, value] pairs is an object, anything else an array.
  Value(std::initializer_list<Value> init);

  Type type() const noexcept { return static_cast<Type>(v_.index()); }
  bool isUndefined() const noexcept { return v_.index() == 0; }
  bool isNull() const noexcept { return v_.index() == 1; }
  bool isNullish() const noexcept { return v_.index() <= 1; }
  bool isBoolean() const noexcept { return v_.index() == 2; }
  bool isNumber() const noexcept { return v_.index() == 3; }
  bool isString() const noexcept { return v_.index() == 4; }
  bool isArray() const noexcept { return v_.index() == 5; }
  bool isObject() const noexcept { return v_.index() == 6; }
  bool isBuffer() const noexcept { return v_.index() == 7; }
  bool isHost() const noexcept { return v_.index() == 8; }

  /// Typed access; throws a TypeError (ERR_INVALID_ARG_TYPE) on the wrong type.
  bool asBoolean() const;
  double asNumber() const;
  std::int64_t asInt() const;
  const std::string& asString() const;
  const Array& asArray() const;
  Array& asArray();
  const Object& asObject() const;
  Object& asObject();
  const Buffer& asBuffer() const;
  const HostObject& asHost() const;
  /// The host object as a T (see the shared_ptr constructor), or nullptr when this
  /// Value is not one: `msg["port"].host<worker_threads::MessagePort>()`.
  template <class T>
  std::shared_ptr<T> host() const {
    if (!isHost() || std::get<HostObject>(v_).type != T::kHostObjectType) return nullptr;
    return std::static_pointer_cast<T>(std::get<HostObject>(v_).ptr);
  }

  /// Property access. On a non-const undefined Value, `v["k"] = x` makes it an object.
  Value& operator[](std::string_view key);
  const Value& operator[](std::string_view key) const;  // undefined when absent
  Value& operator[](const char* key) { return (*this)[std::string_view(key)]; }
  const Value& operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  /// Array element; non-const access grows the array.
  Value& operator[](std::size_t i);
  const Value& operator[](std::size_t i) const;  // undefined when out of range
  Value& operator[](int i) { return (*this)[static_cast<std::size_t>(i)]; }
  const Value& operator[](int i) const { return (*this)[static_cast<std::size_t>(i)]; }
  bool contains(std::string_view key) const noexcept;
  /// Array length, object key count, string length; 0 otherwise.
  std::size_t size() const noexcept;
  void push_back(Value v);

  /// Conversions by target type: bool, arithmetic types, std::string, Array, Object, Buffer.
  template <class T>
  T get() const {
    if constexpr (std::is_same_v<T, bool>)
      return asBoolean();
    else if constexpr (std::is_arithmetic_v<T>)
      return static_cast<T>(asNumber());
    else if constexpr (std::is_same_v<T, std::string>)
      return asString();
    else if constexpr (std::is_same_v<T, Array>)
      return asArray();
    else if constexpr (std::is_same_v<T, Object>)
      return asObject();
    else if constexpr (std::is_same_v<T, Buffer>)
      return asBuffer();
    else
      static_assert(sizeof(T) == 0, "Value::get<T>: unsupported T");
  }

  /// JS truthiness.
  bool truthy() const noexcept;
  /// JS `String(v)`.
  std::string toString() const;
  /// `JSON.stringify(v)`; Buffers serialise as `{"type":"Buffer","data":[...]}` like Node.
  /// Undefined (top level) gives "undefined"'s JSON absence as an empty optional-like "".
  std::string stringify() const;
  /// `JSON.stringify(v, null, indent)`.
  std::string stringify(int indent) const;
  /// `JSON.parse(text)`; throws a SyntaxError-named nodecc::Error on bad input.
  static Value parse(std::string_view text);

  const Variant& variant() const noexcept { return v_; }
  Variant& variant() noexcept { return v_; }

  friend bool operator==(const Value& a, const Value& b);

 private:
  Variant v_;
};

}  // namespace nodecc
