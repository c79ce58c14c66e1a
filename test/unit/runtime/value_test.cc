// Value: JSON round trips, insertion order, JS number formatting, parse errors.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

#include "helpers.h"

using namespace nodecc;

TEST(Value, NumbersFormatLikeJs) {
  // String(n) in Node for each.
  const std::pair<double, const char*> cases[] = {
      {0, "0"},
      {-0.0, "0"},
      {1, "1"},
      {-1, "-1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1e21, "1e+21"},
      {1e20, "100000000000000000000"},
      {123456789012345680000.0, "123456789012345680000"},
      {1e-7, "1e-7"},
      {1.5e-7, "1.5e-7"},
      {0.000001, "0.000001"},
      {1.0 / 3, "0.3333333333333333"},
      {-1e-7, "-1e-7"},
      {9007199254740992.0, "9007199254740992"},
      {9007199254740994.0, "9007199254740994"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {100, "100"},
      {1e100, "1e+100"},
      {123.456, "123.456"},
      {-0.5, "-0.5"},
      {std::nan(""), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
  };
  for (const auto& [d, want] : cases) EXPECT_EQ(numberToString(d), want) << d;
  EXPECT_EQ(util::inspect(-0.0), "-0");  // inspect keeps the sign, String() does not
}

TEST(Value, StringifyKeepsInsertionOrderAndDropsUndefined) {
  Value v = Object{{"b", 1},
                   {"a", Array{1, "x", nullptr, true, Object{}}},
                   {"c", Object{{"d", undefined}, {"e", -0.0}, {"f", 1e21}}}};
  EXPECT_EQ(v.stringify(), R"({"b":1,"a":[1,"x",null,true,{}],"c":{"e":0,"f":1e+21}})");
  EXPECT_EQ(Value(Array{undefined, 1}).stringify(), "[null,1]");
  EXPECT_EQ(Value(Object{{"s", "q\"\\\n\t\x01é😀"}}).stringify(), R"({"s":"q\"\\\n\t\u0001é😀"})");
  EXPECT_EQ(Value(Buffer::from("hi")).stringify(), R"({"type":"Buffer","data":[104,105]})");
  EXPECT_EQ(Value(Object{{"a", Array{1, Object{{"b", 2}}}}, {"c", Array{}}}).stringify(2),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": []\n}");
}

TEST(Value, ParseRoundTripKeepsKeyOrder) {
  Value o = Value::parse(R"({"z":1,"a":2,"m":{"y":[1,2.5e3,-0.0,true,null,"s"]}})");
  std::vector<std::string> keys;
  for (const auto& [k, v] : o.asObject()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"z", "a", "m"}));
  EXPECT_EQ(o.stringify(), R"({"z":1,"a":2,"m":{"y":[1,2500,0,true,null,"s"]}})");
  EXPECT_EQ(o["m"]["y"][1].asNumber(), 2500);
  EXPECT_TRUE(o["m"]["y"][4].isNull());
  // Read through a const Value: like JS, reading a missing key adds nothing (the non-const
  // operator[] is nlohmann-style and would insert `missing: undefined`, so o would no
  // longer equal its JSON round trip, which drops undefined).
  EXPECT_TRUE(std::as_const(o)["missing"].isUndefined());
  EXPECT_FALSE(o.contains("missing"));
  // A round trip is the identity on JSON data.
  Value again = Value::parse(o.stringify());
  EXPECT_TRUE(again == o);
  // Unicode escapes decode to UTF-8, surrogate pairs included.
  EXPECT_EQ(Value::parse(R"("\u00e9\ud83d\ude00")").asString(), "é😀");
}

TEST(Value, ParseErrorsAreSyntaxErrors) {
  for (const char* bad : {"", "{\"a\":1,", "[1,2", "nul", "{\"a\" 1}", "1 2", "{'a':1}"}) {
    try {
      Value::parse(bad);
      ADD_FAILURE() << "no throw for " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.name, "SyntaxError") << bad;
      EXPECT_FALSE(e.message.empty());
    }
  }
  try {
    Value::parse("");
  } catch (const Error& e) {
    EXPECT_EQ(e.message, "Unexpected end of JSON input");  // V8's text
  }
}

TEST(Value, TypedAccessAndTruthiness) {
  Value v;
  EXPECT_TRUE(v.isUndefined());
  v["a"]["b"] = 3;  // undefined becomes an object on write
  EXPECT_EQ(v["a"]["b"].asInt(), 3);
  EXPECT_EQ(v.size(), 1u);
  try {
    v["a"].asString();
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_TYPE");
  }
  EXPECT_FALSE(Value(0).truthy());
  EXPECT_FALSE(Value("").truthy());
  EXPECT_FALSE(Value(nullptr).truthy());
  EXPECT_FALSE(Value(std::nan("")).truthy());
  EXPECT_TRUE(Value("0").truthy());
  EXPECT_TRUE(Value(Array{}).truthy());
  EXPECT_EQ(Value(1.5).toString(), "1.5");
  EXPECT_EQ(Value(nullptr).toString(), "null");
  EXPECT_EQ(Value(true).toString(), "true");
}

// ---- Value::parse against a reference parser (nlohmann-json) and JS's JSON.parse ----

namespace {

// Structural equality of a parsed Value and a nlohmann document.
bool sameAs(const Value& v, const nlohmann::ordered_json& j) {
  using T = nlohmann::ordered_json::value_t;
  switch (j.type()) {
    case T::null:
      return v.isNull();
    case T::boolean:
      return v.isBoolean() && v.asBoolean() == j.get<bool>();
    case T::number_integer:
    case T::number_unsigned:
    case T::number_float:
      return v.isNumber() && v.asNumber() == j.get<double>();
    case T::string:
      return v.isString() && v.asString() == j.get<std::string>();
    case T::array: {
      if (!v.isArray() || v.asArray().size() != j.size()) return false;
      for (std::size_t i = 0; i < j.size(); ++i)
        if (!sameAs(v.asArray()[i], j[i])) return false;
      return true;
    }
    case T::object: {
      if (!v.isObject() || v.asObject().size() != j.size()) return false;
      auto it = v.asObject().begin();
      for (auto jt = j.begin(); jt != j.end(); ++jt, ++it)
        if (it->first != jt.key() || !sameAs(it->second, jt.value())) return false;
      return true;
    }
    default:
      return false;
  }
}

struct Gen {
  std::uint64_t s;
  bool surrogates = true;  // "\\ud83d\\ude00": a mutation can leave a lone surrogate
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::string text() {
    static const char* const pieces[] = {
        "a", "key", "\\n", "\\\"", "\\\\",   "\\/", "\\u00e9", "\\ud83d\\ude00",
        "é", "😀",   " ",   "\\t",  "\\u0000"};
    std::string s = "\"";
    for (std::size_t n = below(5); n > 0; --n) {
      std::size_t k = below(std::size(pieces));
      if (!surrogates && k == 7) continue;
      s += pieces[k];
    }
    return s + "\"";
  }
  std::string number() {
    static const char* const nums[] = {"0",
                                       "-0",
                                       "1",
                                       "-17",
                                       "3.25",
                                       "1e3",
                                       "2.5E-3",
                                       "123456789012345678901234567890",
                                       "0.1",
                                       "-1e+21",
                                       "18446744073709551615",
                                       "9007199254740993",
                                       "5e-324"};
    return nums[below(std::size(nums))];
  }
  std::string doc(int depth) {
    switch (depth > 3 ? below(5) : below(7)) {
      case 0:
        return number();
      case 1:
        return text();
      case 2:
        return "true";
      case 3:
        return "false";
      case 4:
        return "null";
      case 5: {
        std::string s = "[";
        for (std::size_t n = below(4), i = 0; i < n; ++i) s += (i ? ", " : "") + doc(depth + 1);
        return s + "]";
      }
      default: {
        std::string s = "{ ";
        for (std::size_t n = below(4), i = 0; i < n; ++i)
          s += (i ? ",\n" : "") + text() + " : " + doc(depth + 1);
        return s + "}";
      }
    }
  }
};

bool parses(std::string_view text, Value* out = nullptr) {
  try {
    Value v = Value::parse(text);
    if (out) *out = std::move(v);
    return true;
  } catch (const Error& e) {
    EXPECT_EQ(e.name, "SyntaxError");
    return false;
  }
}

}  // namespace

TEST(Value, ParseAgreesWithAReferenceParserOnGeneratedDocuments) {
  Gen g{0x9e3779b97f4a7c15ULL};
  for (int i = 0; i < 3000; ++i) {
    std::string text = g.doc(0);
    Value v;
    ASSERT_TRUE(parses(text, &v)) << text;
    EXPECT_TRUE(sameAs(v, nlohmann::ordered_json::parse(text))) << text;
  }
}

TEST(Value, ParseAcceptsAndRejectsWhatTheReferenceParserDoes) {
  // Single-byte mutations (deleted, doubled or replaced by a JSON metacharacter) of
  // generated documents: both parsers agree on whether the text is JSON. (No surrogate
  // pairs here: a broken pair leaves a lone surrogate, which JSON.parse and Value::parse
  // accept and the reference parser rejects.)
  Gen g{42, false};
  const char metas[] = "{}[],:\"\\ 0-.eE+tfn";
  for (int i = 0; i < 5000; ++i) {
    std::string text = g.doc(0);
    std::size_t at = g.below(text.size());
    switch (g.below(3)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        text.insert(at, 1, text[at]);
        break;
      default:
        text[at] = metas[g.below(sizeof metas - 1)];
    }
    bool ref = true;
    try {
      nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(text);
      ref = !parsed.is_discarded();
    } catch (const nlohmann::json::out_of_range&) {
      continue;  // "5e324": JSON.parse (and Value::parse) read Infinity
    } catch (const nlohmann::json::parse_error&) {
      ref = false;
    }
    Value v;
    EXPECT_EQ(parses(text, &v), ref) << text;
    if (ref) {
      EXPECT_TRUE(sameAs(v, nlohmann::ordered_json::parse(text))) << text;
    }
  }
}

TEST(Value, ParseReadsNumbersAndStringsAsJsonParse) {
  Value v;
  ASSERT_TRUE(parses("-0", &v));
  EXPECT_TRUE(std::signbit(v.asNumber()));  // JSON.parse('-0') is -0
  ASSERT_TRUE(parses("1e400", &v));
  EXPECT_EQ(v.asNumber(), std::numeric_limits<double>::infinity());
  ASSERT_TRUE(parses("-1e400", &v));
  EXPECT_EQ(v.asNumber(), -std::numeric_limits<double>::infinity());
  ASSERT_TRUE(parses("1e-400", &v));
  EXPECT_EQ(v.asNumber(), 0);
  ASSERT_TRUE(parses(" \t\r\n[ 1 , 2 ]\n", &v));
  EXPECT_EQ(v.asArray().size(), 2u);
  // A lone surrogate is kept by JS; written as UTF-8 it is U+FFFD.
  ASSERT_TRUE(parses(R"("a\ud800b\udc00c")", &v));
  EXPECT_EQ(v.asString(),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c");
  // A repeated key keeps its first place and takes the last value.
  ASSERT_TRUE(parses(R"({"a":1,"b":2,"a":3})", &v));
  EXPECT_EQ(v.stringify(), R"({"a":3,"b":2})");
  for (const char* bad : {"01", "1.", ".5", "+1", "[1,]", "{\"a\":1,}", "\"\t\"", "\"\\x\"",
                          "\"\\u12\"", "tru", "nulll", "[1 2]", "{\"a\"}", "\"\xC3\"",
                          "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xC0\xAF\""})
    EXPECT_FALSE(parses(bad)) << bad;
}

TEST(Value, ParseHandlesDeepNestingWithoutRecursion) {
  const std::size_t depth = 5000;  // (destroying the Value recurses; parsing does not)
  std::string text(depth, '[');
  text.append(depth, ']');
  Value v;
  ASSERT_TRUE(parses(text, &v));
  std::size_t seen = 0;
  for (const Value* p = &v; p->isArray() && !p->asArray().empty(); p = &p->asArray()[0]) ++seen;
  EXPECT_EQ(seen, depth - 1);
}

TEST(Value, ParseErrorsNameThePosition) {
  try {
    Value::parse("[1, }");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.message, "Unexpected token in JSON at position 4");
  }
  try {
    Value::parse("{\"a\":");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.message, "Unexpected end of JSON input");
  }
}
