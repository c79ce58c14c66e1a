// Value: JS-like message data, JSON.stringify and JSON.parse.
#include "nodecc/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "nodecc/errors.h"
#include "runtime/src/text.h"

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

namespace detail {
std::optional<std::uint32_t> arrayIndex(std::string_view key) noexcept {
  // A canonical array index: "0", or 1-10 digits without a leading zero, below 2^32 - 1.
  if (key.empty() || key.size() > 10 || key[0] < '0' || key[0] > '9') return std::nullopt;
  if (key[0] == '0' && key.size() > 1) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v >= 0xFFFFFFFFull) return std::nullopt;
  return static_cast<std::uint32_t>(v);
}
}  // namespace detail

Value& Object::operator[](std::string_view key) {
  if (Value* v = find(key)) return *v;
  // JS property order: array-index keys first, ascending; then the others as inserted.
  if (auto idx = detail::arrayIndex(key)) {
    auto it = entries_.begin();
    while (it != entries_.end()) {
      auto other = detail::arrayIndex(it->first);
      if (!other || *other > *idx) break;
      ++it;
    }
    return entries_.emplace(it, std::string(key), Value())->second;
  }
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

// JSON.parse: a single pass straight into Values (the IPC channel parses every message
// with it; through nlohmann's DOM, or even its SAX events, parsing was a quarter of an IPC
// round trip). Iterative, so nesting depth is bounded by memory only. Numbers become
// doubles (std::from_chars: correctly rounded, "-0" is -0 as in JS); a repeated key keeps
// its first place and takes the last value; strings must be valid UTF-8 (callers that
// receive raw bytes decode them first, as Node does); a lone surrogate escape becomes
// U+FFFD (the bytes Node writes for it).
class JsonParser {
 public:
  explicit JsonParser(std::string_view t)
      : p_(t.data()), begin_(t.data()), end_(t.data() + t.size()) {}

  // False on a syntax error; errorAt() is then the offending byte's offset.
  bool parse(Value& out) {
    struct Frame {
      Value* v;
      bool object;
    };
    std::vector<Frame> stack;
    Value* slot = &out;
    std::string key;
    while (true) {
      // ---- one value into *slot ----
      skipSpace();
      if (p_ == end_) return false;
      switch (*p_) {
        case '{':
          ++p_;
          *slot = Value(Object());
          skipSpace();
          if (p_ < end_ && *p_ == '}') {
            ++p_;
            break;  // empty: a complete value
          }
          stack.push_back({slot, true});
          if (!readKey(key)) return false;
          slot = &slot->asObject()[key];
          continue;
        case '[':
          ++p_;
          *slot = Value(Array());
          skipSpace();
          if (p_ < end_ && *p_ == ']') {
            ++p_;
            break;
          }
          stack.push_back({slot, false});
          slot = &slot->asArray().emplace_back();
          continue;
        case '"': {
          std::string str;
          if (!readString(str)) return false;
          *slot = Value(std::move(str));
          break;
        }
        case 't':
          if (!literal("true")) return false;
          *slot = Value(true);
          break;
        case 'f':
          if (!literal("false")) return false;
          *slot = Value(false);
          break;
        case 'n':
          if (!literal("null")) return false;
          *slot = Value(nullptr);
          break;
        default: {
          double d;
          if (!readNumber(d)) return false;
          *slot = Value(d);
          break;
        }
      }
      // ---- the value is complete: close containers until one continues ----
      while (true) {
        if (stack.empty()) {
          skipSpace();
          return p_ == end_;
        }
        skipSpace();
        if (p_ == end_) return false;
        Frame& top = stack.back();
        if (*p_ == ',') {
          ++p_;
          if (top.object) {
            skipSpace();
            if (!readKey(key)) return false;
            slot = &top.v->asObject()[key];
          } else {
            slot = &top.v->asArray().emplace_back();
          }
          break;
        }
        if (*p_ != (top.object ? '}' : ']')) return false;
        ++p_;
        stack.pop_back();
      }
    }
  }

  std::size_t errorAt() const { return static_cast<std::size_t>(p_ - begin_); }

 private:
  void skipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(std::string_view word) {
    for (char c : word) {
      if (p_ == end_ || *p_ != c) return false;
      ++p_;
    }
    return true;
  }
  // `"key"` then `:`.
  bool readKey(std::string& key) {
    if (p_ == end_ || *p_ != '"') return false;
    key.clear();
    if (!readString(key)) return false;
    skipSpace();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  // One or more digits.
  bool digits() {
    const char* from = p_;
    while (p_ < end_ && digit(*p_)) ++p_;
    return p_ != from;
  }
  bool readNumber(double& out) {
    const char* start = p_;
    const bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    if (p_ < end_ && *p_ == '0') {
      ++p_;
    } else if (!digits()) {
      return false;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!digits()) return false;
    }
    bool tinyExponent = false;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) tinyExponent = *p_++ == '-';
      if (!digits()) return false;
    }
    auto [ptr, ec] = std::from_chars(start, p_, out);
    if (ec == std::errc::result_out_of_range) {
      // Too large is ±Infinity in JS, too small is ±0 (from_chars leaves out untouched).
      out = tinyExponent ? 0.0 : std::numeric_limits<double>::infinity();
      if (negative) out = -out;
      return true;
    }
    return ec == std::errc() && ptr == p_;
  }
  int hex4() {
    if (end_ - p_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      int d = detail::text::hexValue(static_cast<unsigned char>(p_[i]));
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    p_ += 4;
    return v;
  }
  // At the opening quote; appends the decoded string.
  bool readString(std::string& out) {
    ++p_;
    while (true) {
      const char* run = p_;
      while (p_ < end_) {
        unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      out.append(run, p_);
      if (p_ == end_) return false;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        std::size_t n = detail::text::utf8SequenceLength(p_, static_cast<std::size_t>(end_ - p_));
        if (n == 0) return false;
        out.append(p_, n);
        p_ += n;
        continue;
      }
      // A backslash escape.
      ++p_;
      if (p_ == end_) return false;
      char e = *p_++;
      // \" \\ \/ \b \f \n \r \t, or \uXXXX.
      static constexpr std::string_view kEscapes = "\"\\/bfnrt", kMeanings = "\"\\/\b\f\n\r\t";
      if (std::size_t k = kEscapes.find(e); k != std::string_view::npos) {
        out.push_back(kMeanings[k]);
        continue;
      }
      if (e != 'u') {
        --p_;
        return false;
      }
      int u = hex4();
      if (u < 0) return false;
      std::uint32_t cp = static_cast<std::uint32_t>(u);
      if (cp >= 0xD800 && cp <= 0xDBFF && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
        const char* save = p_;
        p_ += 2;
        int lo = hex4();
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00);
        } else {
          p_ = save;  // not a pair: the next escape is read on its own
          if (lo < 0) return false;
        }
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
      detail::text::appendUtf8(out, cp);
    }
  }

  const char* p_;
  const char* begin_;
  const char* end_;
};

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
  Value out;
  JsonParser parser(text);
  if (parser.parse(out)) return out;
  // V8's message differs per case; keep the shape "Unexpected … in JSON at position N".
  std::size_t at = parser.errorAt();
  Error err(at >= text.size() ? std::string("Unexpected end of JSON input")
                              : "Unexpected token in JSON at position " + std::to_string(at));
  err.name = "SyntaxError";
  throw err;
}

bool operator==(const Value& a, const Value& b) { return a.variant() == b.variant(); }

}  // namespace nodecc
