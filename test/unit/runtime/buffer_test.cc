// Buffer: encodings and views, against outputs recorded from Node 20.
#include <gtest/gtest.h>

#include "helpers.h"

using namespace nodecc;
using nodecc_test::hex;

TEST(Buffer, Utf8InvalidSequencesBecomeReplacementCharacters) {
  // Node: Buffer.from([...]).toString('utf8') re-encoded as UTF-8 hex.
  Buffer b = Buffer::from({0x61, 0xff, 0x62, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x98,
                           0x80, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80});
  EXPECT_EQ(
      hex(b.toString()),
      "61efbfbd62efbfbd28efbfbdf09f9880efbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbd");
  EXPECT_EQ(hex(Buffer::from({0xe2, 0x82}).toString()),
            "efbfbd");  // truncated sequence: one U+FFFD
  EXPECT_EQ(Buffer::from("héllo").toString(), "héllo");
}

TEST(Buffer, Hex) {
  EXPECT_EQ(Buffer::from("héllo").toString("hex"), "68c3a96c6c6f");
  EXPECT_EQ(Buffer::from("abcdefg", "hex").toString("hex"),
            "abcdef");                                  // odd length: last nibble dropped
  EXPECT_EQ(Buffer::from("zz11", "hex").length(), 0u);  // stops at the first bad pair
  EXPECT_EQ(Buffer::from("11zz22", "hex").toString("hex"), "11");
  EXPECT_EQ(Buffer::from("DEADbeef", "hex").toString("hex"), "deadbeef");
}

TEST(Buffer, Base64) {
  EXPECT_EQ(Buffer::from("hello world!?").toString("base64"), "aGVsbG8gd29ybGQhPw==");
  EXPECT_EQ(Buffer::from({0xfb, 0xff, 0xfe}).toString("base64url"), "-__-");
  EXPECT_EQ(Buffer::from({0xfb, 0xff, 0xfe}).toString("base64"), "+//+");
  EXPECT_EQ(Buffer::from("aGVsbG8", "base64").toString(), "hello");  // no padding
  EXPECT_EQ(Buffer::from("aGVs\nbG8g d29y bGQ=", "base64").toString(),
            "hello world");  // whitespace
  EXPECT_EQ(Buffer::from("-__-", "base64url").toString("hex"), "fbfffe");
  EXPECT_EQ(Buffer::from("-__-", "base64").toString("hex"),
            "fbfffe");  // Node's decoder takes both alphabets
  EXPECT_EQ(Buffer::from("", "base64").length(), 0u);
}

TEST(Buffer, Latin1AsciiUtf16le) {
  EXPECT_EQ(Buffer::from("é€", "latin1").toString("hex"),
            "e9ac");  // code points truncated to 8 bits
  EXPECT_EQ(Buffer::from({0xe9, 0xff, 0x41}).toString("latin1"), "éÿA");
  EXPECT_EQ(Buffer::from({0xe9, 0x41}).toString("ascii"), "iA");  // Node's ascii masks the high bit
  EXPECT_EQ(Buffer::from("a€😀", "utf16le").toString("hex"), "6100ac203dd800de");
  EXPECT_EQ(hex(Buffer::from("610000d83dde", "hex").toString("utf16le")), "61f09088bd");
  EXPECT_EQ(Buffer::from("6100ac2000", "hex").toString("utf16le"), "a€");  // odd byte ignored
  EXPECT_EQ(Buffer::from("a€", "ucs2").toString("hex"), "6100ac20");
}

TEST(Buffer, ByteLengthAndEncodingNames) {
  EXPECT_EQ(Buffer::byteLength("héllo"), 6u);
  EXPECT_EQ(Buffer::byteLength("héllo", "latin1"), 5u);
  EXPECT_EQ(Buffer::byteLength("aGVsbG8=", "base64"), 5u);
  EXPECT_EQ(Buffer::byteLength("abc", "hex"), 1u);
  EXPECT_EQ(Buffer::byteLength("a€", "utf16le"), 4u);
  EXPECT_TRUE(Buffer::isEncoding("UTF-8"));
  EXPECT_TRUE(Buffer::isEncoding("binary"));
  EXPECT_TRUE(Buffer::isEncoding("ucs-2"));
  EXPECT_FALSE(Buffer::isEncoding("nope"));
  try {
    Buffer::from("x", "bogus");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_UNKNOWN_ENCODING");
    EXPECT_EQ(e.name, "TypeError");
    EXPECT_EQ(e.message, "Unknown encoding: bogus");
  }
}

TEST(Buffer, Concat) {
  EXPECT_EQ(Buffer::concat({Buffer::from("ab"), Buffer::from(""), Buffer::from("cd")}).toString(),
            "abcd");
  std::vector<Buffer> parts{Buffer::from("ab"), Buffer::from("cd")};
  EXPECT_EQ(Buffer::concat(parts, 3).toString(), "abc");
  std::vector<Buffer> one{Buffer::from("ab")};
  EXPECT_EQ(Buffer::concat(one, 4).toString("hex"), "61620000");  // zero-filled to totalLength
  EXPECT_EQ(Buffer::concat({}).length(), 0u);
  // concat copies: changing the result leaves the parts alone.
  Buffer a = Buffer::from("xy");
  Buffer c = Buffer::concat({a});
  c[0] = 'Z';
  EXPECT_EQ(a.toString(), "xy");
}

TEST(Buffer, SubarraySharesMemory) {
  Buffer big = Buffer::from("hello world");
  Buffer sub = big.subarray(-5, -1);
  sub[0] = 0x57;
  EXPECT_EQ(sub.toString(), "Worl");
  EXPECT_EQ(big.toString(), "hello World");
  EXPECT_TRUE(sub.sharesMemoryWith(big));
  EXPECT_EQ(sub.byteOffset(), 6u);
  EXPECT_EQ(big.subarray(3).toString(), "lo World");
  EXPECT_EQ(big.subarray(5, 2).length(), 0u);
  EXPECT_EQ(big.slice(-3).toString(), "rld");
  EXPECT_EQ(big.subarray(-100, 100).length(), big.length());  // clamped
  // A view outlives the original variable (the storage is refcounted).
  Buffer keep;
  {
    Buffer tmp = Buffer::from("temporary");
    keep = tmp.subarray(4);
  }
  EXPECT_EQ(keep.toString(), "orary");
  Buffer deep = Buffer::copyOf(big);
  EXPECT_FALSE(deep.sharesMemoryWith(big));
  EXPECT_TRUE(deep.equals(big));
}

TEST(Buffer, CompareIndexOfWrite) {
  EXPECT_EQ(Buffer::from("a").compare(Buffer::from("b")), -1);
  EXPECT_EQ(Buffer::from("b").compare(Buffer::from("a")), 1);
  EXPECT_EQ(Buffer::from("a").compare(Buffer::from("a")), 0);
  EXPECT_EQ(Buffer::from("a").compare(Buffer::from("ab")), -1);
  Buffer big = Buffer::from("hello World");
  EXPECT_EQ(big.indexOf("o"), 4);
  EXPECT_EQ(big.indexOf("o", 5), 7);
  EXPECT_EQ(big.indexOf("zz"), -1);
  EXPECT_EQ(big.indexOf(std::uint8_t{0x6c}), 2);
  EXPECT_EQ(big.indexOf("o", -4), 7);
  Buffer w = Buffer::alloc(8);
  EXPECT_EQ(w.write("hi"), 2u);
  EXPECT_EQ(w.write("héllo", 2), 6u);
  EXPECT_EQ(w.toString("hex"), "686968c3a96c6c6f");
  EXPECT_EQ(big.toString("utf8", 1, 4), "ell");
  EXPECT_EQ(big.toString("hex", 9), "6c64");
}

TEST(Buffer, Integers) {
  Buffer n = Buffer::alloc(8);
  n.writeUInt32BE(0xdeadbeef, 0);
  n.writeUInt16BE(0x1234, 4);
  n.writeUInt8(0xff, 6);
  EXPECT_EQ(n.toString("hex"), "deadbeef1234ff00");
  EXPECT_EQ(n.readUInt32LE(0), 4022250974u);
  EXPECT_EQ(n.readUInt16LE(4), 13330u);
  EXPECT_EQ(n.readInt32BE(0), -559038737);
  try {
    n.readUInt32BE(6);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_OUT_OF_RANGE");
    EXPECT_EQ(e.name, "RangeError");
    EXPECT_EQ(e.message,
              "The value of \"offset\" is out of range. It must be >= 0 and <= 4. Received 6");
  }
}

TEST(Buffer, Inspect) {
  EXPECT_EQ(util::inspect(Buffer::from("hi")), "<Buffer 68 69>");
  EXPECT_EQ(util::inspect(Buffer()), "<Buffer >");
  EXPECT_EQ(
      util::inspect(Buffer::alloc(51)),
      "<Buffer 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
      "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ... 1 more byte>");
}
