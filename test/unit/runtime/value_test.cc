// Value: JSON round trips, insertion order, JS number formatting, parse errors.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>

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
