// util.inspect / util.format, following Node's lib/internal/util/inspect.js rules.
#include "nodecc/util.h"

#include <cxxabi.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace nodecc::util {

std::string typeName(const std::type_info& t) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> d(abi::__cxa_demangle(t.name(), nullptr, nullptr, &status),
                                           std::free);
  std::string s = status == 0 && d ? d.get() : t.name();
  // Shorten the standard library's spelling of std::string.
  const std::string longStr =
      "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >";
  for (std::size_t p; (p = s.find(longStr)) != std::string::npos;)
    s.replace(p, longStr.size(), "std::string");
  return s;
}

namespace detail {

namespace {

// Decodes one UTF-8 code point at s[i]; returns its length (1 for invalid bytes).
std::size_t decodeAt(std::string_view s, std::size_t i, std::uint32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) {
    cp = c;
    return 1;
  }
  cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

bool needsEscape(std::uint32_t cp, bool singleQuoted) {
  return cp < 0x20 || cp == 0x5C || (singleQuoted && cp == 0x27) || (cp >= 0x7F && cp <= 0x9F);
}

std::string escapeCp(std::uint32_t cp) {
  switch (cp) {
    case '\b':
      return "\\b";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\f':
      return "\\f";
    case '\r':
      return "\\r";
    case '\'':
      return "\\'";
    case '\\':
      return "\\\\";
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", cp);
      return buf;
    }
  }
}

}  // namespace

std::string quoteString(std::string_view str) {
  char quote = '\'';
  if (str.find('\'') != std::string_view::npos) {
    if (str.find('"') == std::string_view::npos)
      quote = '"';
    else if (str.find('`') == std::string_view::npos && str.find("${") == std::string_view::npos)
      quote = '`';
  }
  std::string out;
  out.reserve(str.size() + 2);
  out.push_back(quote);
  for (std::size_t i = 0; i < str.size();) {
    std::uint32_t cp;
    std::size_t len = decodeAt(str, i, cp);
    if (needsEscape(cp, quote == '\''))
      out += escapeCp(cp);
    else
      out.append(str.data() + i, len);
    i += len;
  }
  out.push_back(quote);
  return out;
}

std::string formatKey(std::string_view key) {
  bool ident = !key.empty();
  for (std::size_t i = 0; i < key.size() && ident; ++i) {
    char c = key[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    ident = ok;
  }
  return ident ? std::string(key) : quoteString(key);
}

std::string formatNumber(double d) {
  if (d == 0 && std::signbit(d)) return "-0";
  return numberToString(d);
}
std::string formatBigInt(long long v) { return std::to_string(v); }
std::string formatUnsigned(unsigned long long v) { return std::to_string(v); }

namespace {

// Display width: count code points (East Asian wide characters as 2, like getStringWidth).
std::size_t displayWidth(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp;
    i += decodeAt(s, i, cp);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

std::size_t codeUnits(std::string_view s) {
  // JS string length (UTF-16 code units).
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp;
    i += decodeAt(s, i, cp);
    n += cp >= 0x10000 ? 2 : 1;
  }
  return n;
}

bool isBelowBreakLength(const InspectContext& ctx, const std::vector<std::string>& output,
                        std::size_t start, std::string_view base) {
  std::size_t total = output.size() + start;
  if (total + output.size() > static_cast<std::size_t>(ctx.opts.breakLength)) return false;
  for (const auto& o : output) {
    total += codeUnits(o);
    if (total > static_cast<std::size_t>(ctx.opts.breakLength)) return false;
  }
  return base.empty() || base.find('\n') == std::string_view::npos;
}

std::string padStart(const std::string& s, std::size_t width) {
  std::size_t len = codeUnits(s);
  return len >= width ? s : std::string(width - len, ' ') + s;
}
std::string padEnd(const std::string& s, std::size_t width) {
  std::size_t len = codeUnits(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

std::vector<std::string> groupArrayElements(const InspectContext& ctx,
                                            std::vector<std::string> output, bool moreItems,
                                            bool allNumbers) {
  std::size_t totalLength = 0, maxLength = 0;
  std::size_t outputLength = output.size() - (moreItems ? 1 : 0);
  const std::size_t separatorSpace = 2;
  std::vector<std::size_t> dataLen(outputLength);
  for (std::size_t i = 0; i < outputLength; ++i) {
    std::size_t len = displayWidth(output[i]);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    maxLength = std::max(maxLength, len);
  }
  std::size_t actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + static_cast<std::size_t>(ctx.indentationLvl) <
          static_cast<std::size_t>(ctx.opts.breakLength) &&
      (static_cast<double>(totalLength) / static_cast<double>(actualMax) > 5 || maxLength <= 6)) {
    double averageBias =
        std::sqrt(static_cast<double>(actualMax) -
                  static_cast<double>(totalLength) / static_cast<double>(output.size()));
    double biasedMax = std::max(static_cast<double>(actualMax) - 3 - averageBias, 1.0);
    double c1 =
        std::round(std::sqrt(2.5 * biasedMax * static_cast<double>(outputLength)) / biasedMax);
    double c2 = std::floor(static_cast<double>(ctx.opts.breakLength - ctx.indentationLvl) /
                           static_cast<double>(actualMax));
    double columnsD = std::min({c1, c2, static_cast<double>(ctx.opts.compact * 4), 15.0});
    if (columnsD <= 1) return output;
    auto columns = static_cast<std::size_t>(columnsD);
    std::vector<std::size_t> maxLineLength;
    for (std::size_t i = 0; i < columns; ++i) {
      std::size_t lineLength = 0;
      for (std::size_t j = i; j < outputLength; j += columns)
        lineLength = std::max(lineLength, dataLen[j]);
      maxLineLength.push_back(lineLength + separatorSpace);
    }
    std::vector<std::string> tmp;
    for (std::size_t i = 0; i < outputLength; i += columns) {
      std::size_t max = std::min(i + columns, outputLength);
      std::string str;
      std::size_t j = i;
      for (; j < max - 1; ++j) {
        std::size_t padding = maxLineLength[j - i] + codeUnits(output[j]) - dataLen[j];
        str += allNumbers ? padStart(output[j] + ", ", padding) : padEnd(output[j] + ", ", padding);
      }
      if (allNumbers) {
        std::size_t padding =
            maxLineLength[j - i] + codeUnits(output[j]) - dataLen[j] - separatorSpace;
        str += padStart(output[j], padding);
      } else {
        str += output[j];
      }
      tmp.push_back(std::move(str));
    }
    if (moreItems) tmp.push_back(output.back());
    return tmp;
  }
  return output;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += v[i];
  }
  return s;
}

// True when `s` is what formatNumber / formatBigInt / formatUnsigned print: the
// entry of a number (or 64-bit integer, Node's bigint) element.
bool isNumberText(std::string_view s) {
  if (s == "NaN" || s == "Infinity" || s == "-Infinity") return true;
  auto digit = [&s](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  std::size_t i = 0, digits = 0;
  if (i < s.size() && s[i] == '-') ++i;
  for (; digit(i); ++i) ++digits;
  if (i < s.size() && s[i] == '.') {
    for (++i; digit(i); ++i) ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && s[i] == 'e') {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == s.size();
}

// reduceToSingleString with groupArrayElements' choice of padding made by the caller:
// `numbers` is Node's "every element is a number or a bigint" (padStart, right-aligned);
// anything else (strings, nested objects, null...) is padEnd, left-aligned.
std::string reduceToSingleStringImpl(InspectContext& ctx, std::vector<std::string> output,
                                     std::string_view base, std::string_view open,
                                     std::string_view close, bool isArray, int recurseTimes,
                                     std::size_t valueLength, bool numbers) {
  std::size_t entries = output.size();
  if (ctx.opts.compact >= 1) {
    if (isArray && entries > 6) {
      bool more = valueLength > output.size() || (valueLength > 100);
      output = groupArrayElements(ctx, std::move(output), more && valueLength > 100, numbers);
    }
    if (ctx.currentDepth - recurseTimes < ctx.opts.compact && entries == output.size()) {
      std::size_t start = output.size() + static_cast<std::size_t>(ctx.indentationLvl) +
                          open.size() + base.size() + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        std::string joined = join(output, ", ");
        if (joined.find('\n') == std::string::npos) {
          return (base.empty() ? "" : std::string(base) + " ") + std::string(open) + " " + joined +
                 " " + std::string(close);
        }
      }
    }
  }
  std::string indentation = "\n" + std::string(static_cast<std::size_t>(ctx.indentationLvl), ' ');
  return (base.empty() ? "" : std::string(base) + " ") + std::string(open) + indentation + "  " +
         join(output, "," + indentation + "  ") + indentation + std::string(close);
}

}  // namespace

std::string reduceToSingleString(InspectContext& ctx, std::vector<std::string> output,
                                 std::string_view base, std::string_view open,
                                 std::string_view close, bool isArray, int recurseTimes,
                                 std::size_t valueLength) {
  // Callers without the element values (the C++ container Inspectors) pass only the
  // printed entries: the elements are numbers when every entry, the "... n more items"
  // line aside, prints as one.
  bool numbers = isArray;
  if (isArray) {
    std::size_t n = output.size() - (valueLength > 100 && output.size() > 100 ? 1 : 0);
    for (std::size_t i = 0; i < n && numbers; ++i) numbers = isNumberText(output[i]);
  }
  return reduceToSingleStringImpl(ctx, std::move(output), base, open, close, isArray, recurseTimes,
                                  valueLength, numbers);
}

std::string inspectBuffer(const Buffer& b) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Node: `<Buffer ${hex pairs joined by spaces}>`, so an empty Buffer is "<Buffer >".
  std::string s = "<Buffer ";
  std::size_t n = std::min<std::size_t>(b.length(), 50);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += kHex[b[i] >> 4];
    s += kHex[b[i] & 15];
  }
  if (b.length() > 50)
    s +=
        " ... " + std::to_string(b.length() - 50) + " more byte" + (b.length() - 50 > 1 ? "s" : "");
  s += '>';
  return s;
}

std::string inspectValue(const Value& v, InspectContext& ctx, int recurseTimes) {
  switch (v.type()) {
    case Value::Type::Undefined:
      return "undefined";
    case Value::Type::Null:
      return "null";
    case Value::Type::Boolean:
      return v.asBoolean() ? "true" : "false";
    case Value::Type::Number:
      return formatNumber(v.asNumber());
    case Value::Type::String: {
      const std::string& s = v.asString();
      if (codeUnits(s) > 10000) {
        std::string cut = s.substr(0, 10000);
        return quoteString(cut) + "... " + std::to_string(codeUnits(s) - 10000) +
               " more characters";
      }
      return quoteString(s);
    }
    case Value::Type::Buffer:
      return inspectBuffer(v.asBuffer());
    case Value::Type::Host:
      return v.asHost().type + " {}";
    case Value::Type::Array: {
      const Array& a = v.asArray();
      if (a.empty()) return "[]";
      if (ctx.opts.depth >= 0 && recurseTimes > ctx.opts.depth) return "[Array]";
      ctx.currentDepth = recurseTimes;
      std::vector<std::string> out;
      ctx.indentationLvl += 2;
      for (std::size_t i = 0; i < a.size() && i < 100; ++i) {
        out.push_back(inspectValue(a[i], ctx, recurseTimes + 1));
      }
      ctx.indentationLvl -= 2;
      if (a.size() > 100) {
        out.push_back("... " + std::to_string(a.size() - 100) + " more item" +
                      (a.size() - 100 > 1 ? "s" : ""));
      }
      // Node checks `typeof value[i]` for i < output.length, so with more than 100
      // elements the 101st counts too.
      bool allNumbers = true;
      for (std::size_t i = 0; i < a.size() && i < out.size() && allNumbers; ++i)
        allNumbers = a[i].isNumber();
      return reduceToSingleStringImpl(ctx, std::move(out), "", "[", "]", true, recurseTimes,
                                      a.size(), allNumbers);
    }
    case Value::Type::Object: {
      const Object& o = v.asObject();
      if (o.empty()) return "{}";
      if (ctx.opts.depth >= 0 && recurseTimes > ctx.opts.depth) return "[Object]";
      ctx.currentDepth = recurseTimes;
      std::vector<std::string> out;
      ctx.indentationLvl += 2;
      for (const auto& [k, val] : o)
        out.push_back(formatKey(k) + ": " + inspectValue(val, ctx, recurseTimes + 1));
      ctx.indentationLvl -= 2;
      return reduceToSingleString(ctx, std::move(out), "", "{", "}", false, recurseTimes, 0);
    }
  }
  return {};
}

std::string inspectError(const Error& e, InspectContext& ctx, int recurseTimes) {
  std::string base = e.stack();
  if (e.name != "Error" && base.rfind(e.name, 0) != 0) base = e.name + ": " + e.message;
  std::vector<std::string> out;
  ctx.currentDepth = recurseTimes;
  ctx.indentationLvl += 2;
  if (e.errnum) out.push_back("errno: " + formatNumber(*e.errnum));
  if (!e.code.empty()) out.push_back("code: " + quoteString(e.code));
  if (!e.syscall.empty()) out.push_back("syscall: " + quoteString(e.syscall));
  if (!e.path.empty()) out.push_back("path: " + quoteString(e.path));
  if (!e.dest.empty()) out.push_back("dest: " + quoteString(e.dest));
  if (!e.address.empty()) out.push_back("address: " + quoteString(e.address));
  if (e.port) out.push_back("port: " + formatNumber(*e.port));
  if (e.info.isObject()) {
    for (const auto& [k, val] : e.info.asObject())
      out.push_back(formatKey(k) + ": " + inspectValue(val, ctx, recurseTimes + 1));
  }
  ctx.indentationLvl -= 2;
  if (out.empty()) return base;
  // Node's base is a multi-line stack, which always breaks the properties onto lines.
  std::string indentation = "\n" + std::string(static_cast<std::size_t>(ctx.indentationLvl), ' ');
  return base + " {" + indentation + "  " + join(out, "," + indentation + "  ") + indentation + "}";
}

namespace {
// Number.parseInt / parseFloat of a String(arg).
double parseIntJs(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  const char* p = s.c_str() + i;
  char* end = nullptr;
  long long v = std::strtoll(p, &end, 10);
  if (end == p) return std::nan("");
  return static_cast<double>(v);
}
double parseFloatJs(const std::string& s) {
  const char* p = s.c_str();
  while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
  if (std::string_view(p).rfind("Infinity", 0) == 0) return INFINITY;
  if (std::string_view(p).rfind("-Infinity", 0) == 0) return -INFINITY;
  char* end = nullptr;
  double v = std::strtod(p, &end);
  if (end == p) return std::nan("");
  return v;
}
}  // namespace

std::string formatArgs(std::vector<FormatArg>& args) {
  std::string str;
  std::size_t a = 0;
  std::string joinStr;
  if (args.empty()) return str;
  if (args[0].isString) {
    const std::string& first = args[0].str;
    if (args.size() == 1) return first;
    std::size_t lastPos = 0;
    std::string tempStr;
    for (std::size_t i = 0; i + 1 < first.size(); ++i) {
      if (first[i] != '%') continue;
      char next = first[++i];
      if (a + 1 != args.size()) {
        switch (next) {
          case 's': {
            const FormatArg& t = args[++a];
            tempStr = t.isString ? t.str : t.forPercentS ? t.forPercentS(t.arg) : t.inspected;
            break;
          }
          case 'j': {
            const FormatArg& t = args[++a];
            tempStr = t.isString ? "\"" + t.str + "\"" : (t.json.empty() ? t.inspected : t.json);
            break;
          }
          case 'd': {
            const FormatArg& t = args[++a];
            if (t.num)
              tempStr = formatNumber(*t.num);
            else if (t.isString)
              tempStr = formatNumber(t.str.empty() ? 0 : parseFloatJs(t.str));
            else
              tempStr = "NaN";
            break;
          }
          case 'O':
            tempStr = args[++a].isString ? quoteString(args[a].str) : args[a].inspected;
            break;
          case 'o':
            tempStr = args[++a].isString ? quoteString(args[a].str) : args[a].inspected;
            break;
          case 'i': {
            const FormatArg& t = args[++a];
            if (t.num)
              tempStr = formatNumber(std::trunc(*t.num));
            else if (t.isString)
              tempStr = formatNumber(parseIntJs(t.str));
            else
              tempStr = "NaN";
            break;
          }
          case 'f': {
            const FormatArg& t = args[++a];
            if (t.num)
              tempStr = formatNumber(*t.num);
            else if (t.isString)
              tempStr = formatNumber(parseFloatJs(t.str));
            else
              tempStr = "NaN";
            break;
          }
          case 'c':
            ++a;
            tempStr.clear();
            break;
          case '%':
            str.append(first, lastPos, i - lastPos);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos != i - 1) str.append(first, lastPos, i - 1 - lastPos);
        str += tempStr;
        lastPos = i + 1;
      } else if (next == '%') {
        str.append(first, lastPos, i - lastPos);
        lastPos = i + 1;
      }
    }
    if (lastPos != 0) {
      ++a;
      joinStr = " ";
      if (lastPos < first.size()) str.append(first, lastPos, std::string::npos);
    }
  }
  while (a < args.size()) {
    str += joinStr;
    str += args[a].isString ? args[a].str : args[a].inspected;
    joinStr = " ";
    ++a;
  }
  return str;
}

}  // namespace detail
}  // namespace nodecc::util
