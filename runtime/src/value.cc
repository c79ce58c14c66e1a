// Value: JS-like message data; JSON parsing through nlohmann-json.
#include "nodecc/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "nodecc/errors.h"

namespace nodecc {

// ---- Object -----------------------------------------------------------------

Object::Object(std::initializer_list<Entry> init) {
  for (const auto& e : init) (*this)[e.first] = e.second;
}
Object::Object(const Object&) = default;
Object::Object(Object&&) noexcept = default;
Object& Object::operator=(const Object&) = default;
Object& Object::operator=(Object&&) noexcept = default;
Object::~Object() = default;

Value& Object::operator[](std::string_view key) {
  if (Value* v = find(key)) return *v;
  entries_.emplace_back(std::string(key), Value());
  return entries_.back().second;
}
const Value* Object::find(std::string_view key) const noexcept {
  for (const auto& e : entries_)
    if (e.first == key) return &e.second;
  return nullptr;
}
Value* Object::find(std::string_view key) noexcept {
  for (auto& e : entries_)
    if (e.first == key) return &e.second;
  return nullptr;
}
bool Object::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}
std::size_t Object::size() const noexcept { return entries_.size(); }
std::vector<Object::Entry>::const_iterator Object::begin() const noexcept {
  return entries_.begin();
}
std::vector<Object::Entry>::const_iterator Object::end() const noexcept { return entries_.end(); }
std::vector<Object::Entry>::iterator Object::begin() noexcept { return entries_.begin(); }
std::vector<Object::Entry>::iterator Object::end() noexcept { return entries_.end(); }
bool operator==(const Object& a, const Object& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [k, v] : a) {
    const Value* o = b.find(k);
    if (!o || !(*o == v)) return false;
  }
  return true;
}

// ---- numbers ------------------------------------------------------------------

std::string numberToString(double d) {
  if (std::isnan(d)) return "NaN";
  if (d == 0) return "0";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  // sci: [-]d[.ddd]e[+-]xx
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  auto epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int exp = std::stoi(sci.substr(epos + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits.push_back(c);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int k = static_cast<int>(digits.size());
  int n = exp + 1;
  std::string out = neg ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += (n - 1 >= 0) ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

// ---- Value ----------------------------------------------------------------------

Value::Value(std::initializer_list<Value> init) {
  bool isObj = init.size() > 0;
  for (const auto& v : init) {
    if (!v.isArray() || v.asArray().size() != 2 || !v.asArray()[0].isString()) {
      isObj = false;
      break;
    }
  }
  if (isObj) {
    Object o;
    for (const auto& v : init) o[v.asArray()[0].asString()] = v.asArray()[1];
    v_ = std::move(o);
  } else {
    v_ = Array(init);
  }
}

namespace {
const char* typeNameOf(const Value& v) {
  switch (v.type()) {
    case Value::Type::Undefined:
      return "undefined";
    case Value::Type::Null:
      return "null";
    case Value::Type::Boolean:
      return "boolean";
    case Value::Type::Number:
      return "number";
    case Value::Type::String:
      return "string";
    case Value::Type::Array:
      return "Array";
    case Value::Type::Object:
      return "Object";
    case Value::Type::Buffer:
      return "Buffer";
    case Value::Type::Host:
      return "HostObject";
  }
  return "unknown";
}
[[noreturn]] void wrongType(const Value& v, const char* want) {
  throw errors::invalidArgType("value", std::string("of type ") + want,
                               std::string("type ") + typeNameOf(v));
}
const Value& undefinedValue() {
  static const Value u;
  return u;
}
}  // namespace

bool Value::asBoolean() const {
  if (!isBoolean()) wrongType(*this, "boolean");
  return std::get<bool>(v_);
}
double Value::asNumber() const {
  if (!isNumber()) wrongType(*this, "number");
  return std::get<double>(v_);
}
std::int64_t Value::asInt() const { return static_cast<std::int64_t>(asNumber()); }
const std::string& Value::asString() const {
  if (!isString()) wrongType(*this, "string");
  return std::get<std::string>(v_);
}
const Array& Value::asArray() const {
  if (!isArray()) wrongType(*this, "Array");
  return std::get<Array>(v_);
}
Array& Value::asArray() {
  if (!isArray()) wrongType(*this, "Array");
  return std::get<Array>(v_);
}
const Object& Value::asObject() const {
  if (!isObject()) wrongType(*this, "Object");
  return std::get<Object>(v_);
}
Object& Value::asObject() {
  if (!isObject()) wrongType(*this, "Object");
  return std::get<Object>(v_);
}
const Buffer& Value::asBuffer() const {
  if (!isBuffer()) wrongType(*this, "Buffer");
  return std::get<Buffer>(v_);
}
const HostObject& Value::asHost() const {
  if (!isHost()) wrongType(*this, "HostObject");
  return std::get<HostObject>(v_);
}

Value& Value::operator[](std::string_view key) {
  if (isUndefined() || isNull()) v_ = Object();
  return asObject()[key];
}
const Value& Value::operator[](std::string_view key) const {
  if (!isObject()) return undefinedValue();
  const Value* v = asObject().find(key);
  return v ? *v : undefinedValue();
}
Value& Value::operator[](std::size_t i) {
  if (isUndefined() || isNull()) v_ = Array();
  Array& a = asArray();
  if (i >= a.size()) a.resize(i + 1);
  return a[i];
}
const Value& Value::operator[](std::size_t i) const {
  if (!isArray() || i >= asArray().size()) return undefinedValue();
  return asArray()[i];
}
bool Value::contains(std::string_view key) const noexcept {
  return isObject() && std::get<Object>(v_).contains(key);
}
std::size_t Value::size() const noexcept {
  if (isArray()) return std::get<Array>(v_).size();
  if (isObject()) return std::get<Object>(v_).size();
  if (isString()) return std::get<std::string>(v_).size();
  if (isBuffer()) return std::get<Buffer>(v_).length();
  return 0;
}
void Value::push_back(Value v) {
  if (isUndefined() || isNull()) v_ = Array();
  asArray().push_back(std::move(v));
}

bool Value::truthy() const noexcept {
  switch (type()) {
    case Type::Undefined:
    case Type::Null:
      return false;
    case Type::Boolean:
      return std::get<bool>(v_);
    case Type::Number: {
      double d = std::get<double>(v_);
      return d != 0 && !std::isnan(d);
    }
    case Type::String:
      return !std::get<std::string>(v_).empty();
    default:
      return true;
  }
}

std::string Value::toString() const {
  switch (type()) {
    case Type::Undefined:
      return "undefined";
    case Type::Null:
      return "null";
    case Type::Boolean:
      return std::get<bool>(v_) ? "true" : "false";
    case Type::Number:
      return numberToString(std::get<double>(v_));
    case Type::String:
      return std::get<std::string>(v_);
    case Type::Array: {
      std::string out;
      const Array& a = std::get<Array>(v_);
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ',';
        if (!a[i].isNullish()) out += a[i].toString();
      }
      return out;
    }
    case Type::Object:
      return "[object Object]";
    case Type::Buffer:
      return std::get<Buffer>(v_).toString();
    case Type::Host:
      return "[object " + std::get<HostObject>(v_).type + "]";
  }
  return {};
}

namespace {

void jsonQuote(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

// JSON.stringify; returns false when the value is not serialisable (undefined).
bool stringifyTo(std::string& out, const Value& v, int indent, int level) {
  auto newline = [&](int lvl) {
    if (indent > 0) {
      out.push_back('\n');
      out.append(static_cast<std::size_t>(indent * lvl), ' ');
    }
  };
  switch (v.type()) {
    case Value::Type::Undefined:
    case Value::Type::Host:
      return false;
    case Value::Type::Null:
      out += "null";
      return true;
    case Value::Type::Boolean:
      out += v.asBoolean() ? "true" : "false";
      return true;
    case Value::Type::Number: {
      double d = v.asNumber();
      out += std::isfinite(d) ? numberToString(d) : "null";
      return true;
    }
    case Value::Type::String:
      jsonQuote(out, v.asString());
      return true;
    case Value::Type::Buffer: {
      // Buffer.prototype.toJSON: {"type":"Buffer","data":[...]}
      Value o = Object{{"type", "Buffer"}, {"data", Array()}};
      Array& data = o["data"].asArray();
      for (std::uint8_t b : v.asBuffer()) data.push_back(static_cast<double>(b));
      return stringifyTo(out, o, indent, level);
    }
    case Value::Type::Array: {
      const Array& a = v.asArray();
      out.push_back('[');
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out.push_back(',');
        newline(level + 1);
        if (!stringifyTo(out, a[i], indent, level + 1)) out += "null";
      }
      if (!a.empty()) newline(level);
      out.push_back(']');
      return true;
    }
    case Value::Type::Object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, val] : v.asObject()) {
        if (val.isUndefined() || val.isHost()) continue;
        if (!first) out.push_back(',');
        first = false;
        newline(level + 1);
        jsonQuote(out, k);
        out.push_back(':');
        if (indent > 0) out.push_back(' ');
        stringifyTo(out, val, indent, level + 1);
      }
      if (!first) newline(level);
      out.push_back('}');
      return true;
    }
  }
  return false;
}

Value fromJson(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null:
      return nullptr;
    case nlohmann::ordered_json::value_t::boolean:
      return j.get<bool>();
    case nlohmann::ordered_json::value_t::number_integer:
      return static_cast<double>(j.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return static_cast<double>(j.get<std::uint64_t>());
    case nlohmann::ordered_json::value_t::number_float:
      return j.get<double>();
    case nlohmann::ordered_json::value_t::string:
      return j.get<std::string>();
    case nlohmann::ordered_json::value_t::array: {
      Array a;
      a.reserve(j.size());
      for (const auto& e : j) a.push_back(fromJson(e));
      return a;
    }
    case nlohmann::ordered_json::value_t::object: {
      Object o;
      for (auto it = j.begin(); it != j.end(); ++it) o[it.key()] = fromJson(it.value());
      return o;
    }
    default:
      return Value();
  }
}

}  // namespace

std::string Value::stringify() const {
  std::string out;
  if (!stringifyTo(out, *this, 0, 0)) return {};
  return out;
}

std::string Value::stringify(int indent) const {
  std::string out;
  if (!stringifyTo(out, *this, std::min(indent, 10), 0)) return {};
  return out;
}

Value Value::parse(std::string_view text) {
  try {
    return fromJson(nlohmann::ordered_json::parse(text.begin(), text.end()));
  } catch (const nlohmann::json::parse_error& e) {
    // V8's message differs per case; keep the shape "Unexpected … in JSON at position N".
    Error err("Unexpected token in JSON at position " +
              std::to_string(e.byte > 0 ? e.byte - 1 : 0));
    if (text.empty()) err.message = "Unexpected end of JSON input";
    err.name = "SyntaxError";
    throw err;
  }
}

bool operator==(const Value& a, const Value& b) { return a.variant() == b.variant(); }

}  // namespace nodecc
