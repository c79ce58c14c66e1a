// util.inspect and util.format against strings recorded from Node 20.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

#include "helpers.h"

using namespace nodecc;

namespace {
Array range(int n, int step = 1) {
  Array a;
  for (int i = 0; i < n; ++i) a.push_back(i * step);
  return a;
}
}  // namespace

TEST(UtilInspect, NestedObjectsBreakAndStopAtDepth) {
  Value v = Object{{"a", 1},
                   {"b", "two"},
                   {"c", Array{1, 2, 3}},
                   {"d", Object{{"e", Object{{"f", Object{{"g", 1}}}}}}},
                   {"h", nullptr},
                   {"i", undefined},
                   {"j", true}};
  EXPECT_EQ(
      util::inspect(v),
      "{\n  a: 1,\n  b: 'two',\n  c: [ 1, 2, 3 ],\n  d: { e: { f: [Object] } },\n  h: null,\n  i: "
      "undefined,\n  j: true\n}");
  EXPECT_EQ(util::inspect(Value(Array{Array{Array{Array{Array{1}}}}})), "[ [ [ [Array] ] ] ]");
  EXPECT_EQ(util::inspect(Value(Array{1, "a", Array{2, "b"}, Object{{"k", Array{3}}}})),
            "[ 1, 'a', [ 2, 'b' ], { k: [ 3 ] } ]");
  EXPECT_EQ(util::inspect(Value(Array{Array{}, Object{}, Array{Array{}}, Array{Object{}}})),
            "[ [], {}, [ [] ], [ {} ] ]");
  Value longObj = Object{{"alpha", std::string(20, 'a')},
                         {"beta", std::string(20, 'b')},
                         {"gamma", std::string(20, 'c')},
                         {"delta", "dddd"}};
  EXPECT_EQ(util::inspect(longObj),
            "{\n  alpha: 'aaaaaaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: "
            "'cccccccccccccccccccc',\n  delta: 'dddd'\n}");
}

TEST(UtilInspect, LongArraysAreGroupedInColumns) {
  EXPECT_EQ(
      util::inspect(Value(range(26))),
      "[\n   0,  1,  2,  3,  4,  5,  6,  7,\n   8,  9, 10, 11, 12, 13, 14, 15,\n  16, 17, 18, 19, "
      "20, 21, 22, 23,\n  24, 25\n]");
  EXPECT_EQ(
      util::inspect(Value(range(120, 3))),
      "[\n    0,   3,   6,   9,  12,  15,  18,  21,  24,  27,  30,  33,\n   36,  39,  42,  45,  "
      "48,  "
      "51,  54,  57,  60,  63,  66,  69,\n   72,  75,  78,  81,  84,  87,  90,  93,  96,  99, 102, "
      "105,\n  108, 111, 114, 117, 120, 123, 126, 129, 132, 135, 138, 141,\n  144, 147, 150, 153, "
      "156, 159, 162, 165, 168, 171, 174, 177,\n  180, 183, 186, 189, 192, 195, 198, 201, 204, "
      "207, "
      "210, 213,\n  216, 219, 222, 225, 228, 231, 234, 237, 240, 243, 246, 249,\n  252, 255, 258, "
      "261, 264, 267, 270, 273, 276, 279, 282, 285,\n  288, 291, 294, 297,\n  ... 20 more "
      "items\n]");
  std::vector<std::string> fruit{"apple", "banana", "cherry",   "date", "elderberry",
                                 "fig",   "grape",  "honeydew", "kiwi"};
  EXPECT_EQ(util::inspect(fruit),
            "[\n  'apple',      'banana',\n  'cherry',     'date',\n  'elderberry', 'fig',\n  "
            "'grape',      "
            "'honeydew',\n  'kiwi'\n]");
}

TEST(UtilInspect, QuotesNumbersAndKeys) {
  std::vector<std::string> q{"it's",      "say \"hi\"", "both ' and \"",
                             "new\nline", "tab\t",      "back\\slash"};
  EXPECT_EQ(util::inspect(q),
            "[\n  \"it's\",\n  'say \"hi\"',\n  `both ' and \"`,\n  'new\\nline',\n  'tab\\t',\n  "
            "'back\\\\slash'\n]");
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(util::inspect(std::vector<double>{-0.0, 0, -1.5, 1e21, std::nan(""), inf}),
            "[ -0, 0, -1.5, 1e+21, NaN, Infinity ]");
  EXPECT_EQ(
      util::inspect(Value(Object{{"a-b", 1}, {"valid_id", 2}, {"1abc", 3}, {"", 4}, {"$x", 5}})),
      "{ 'a-b': 1, valid_id: 2, '1abc': 3, '': 4, '$x': 5 }");
  std::map<std::string, int> m{{"x", 1}, {"y", 2}};
  EXPECT_EQ(util::inspect(m), "{ x: 1, y: 2 }");
  EXPECT_EQ(util::inspect(std::optional<int>()), "null");
  EXPECT_EQ(util::inspect(std::string("plain")), "'plain'");
}

TEST(UtilFormat, Specifiers) {
  EXPECT_EQ(util::format("%s|%d|%i|%f|%j|%%|%s", "str", 42.5, 42.9, "3.5abc",
                         Value(Object{{"a", Array{1}}}), "extra"),
            "str|42.5|42|3.5|{\"a\":[1]}|%|extra");
  EXPECT_EQ(util::format("%d", "0x10"), "16");
  EXPECT_EQ(util::format("%i", "-7.9"), "-7");
  EXPECT_EQ(util::format("%s", 5), "5");
  EXPECT_EQ(util::format("%s %s", "only"), "only %s");
  EXPECT_EQ(util::format("a", "b", 3), "a b 3");
  EXPECT_EQ(util::format("%d%%", 50), "50%");
  EXPECT_EQ(util::format(1, 2), "1 2");
  EXPECT_EQ(util::format("%j", "str"), "\"str\"");
  EXPECT_EQ(util::format("%s", -0.0), "-0");
  EXPECT_EQ(util::format("%d", -0.0), "-0");
  EXPECT_EQ(util::format("%o", "x"), "'x'");
  EXPECT_EQ(util::format("%f", "abc"), "NaN");
  EXPECT_EQ(util::format("100%"), "100%");
  EXPECT_EQ(util::format("%x", 1), "%x 1");
  EXPECT_EQ(util::format("%s", nullptr), "null");
  EXPECT_EQ(util::format("%s", undefined), "undefined");
  EXPECT_EQ(util::format("%s", true), "true");
  EXPECT_EQ(util::format("%j", Value(Object{{"a", undefined}})), "{}");
}

TEST(UtilFormat, PercentSOfObjectsIsShallow) {
  // Node: %s inspects objects with depth 0, and a Buffer prints its text (Buffer#toString).
  EXPECT_EQ(util::format("%s", Value(Array{1, Array{2}})), "[ 1, [Array] ]");
  EXPECT_EQ(util::format("%s", Value(Object{{"a", Object{{"b", Object{{"c", 1}}}}}})),
            "{ a: [Object] }");
  EXPECT_EQ(util::format("%s", Buffer::from("hi")), "hi");
  EXPECT_EQ(util::format("%s", std::vector<std::vector<int>>{{1}}), "[ [Array] ]");
  // …while a plain argument is inspected with the default depth.
  EXPECT_EQ(util::format("x", Value(Array{1, Array{2}})), "x [ 1, [ 2 ] ]");
  EXPECT_EQ(
      util::format("%O", Value(Object{{"a", Object{{"b", Object{{"c", Object{{"d", 1}}}}}}}})),
      "{ a: { b: { c: [Object] } } }");
}
