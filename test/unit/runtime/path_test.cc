// path: the POSIX functions, against outputs recorded from Node 20 (the conformance pair
// path/edge_cases covers the full table; these are the cases worth naming).
#include <gtest/gtest.h>

#include <nodecc/path.h>

#include "helpers.h"

using namespace nodecc;

TEST(Path, Normalize) {
  EXPECT_EQ(path::normalize(""), ".");
  EXPECT_EQ(path::normalize("./"), "./");
  EXPECT_EQ(path::normalize("//a//b/../"), "/a/");
  EXPECT_EQ(path::normalize("a/../.."), "..");
  EXPECT_EQ(path::normalize("/../a"), "/a");
  EXPECT_EQ(path::normalize("/foo/bar//baz/asdf/quux/.."), "/foo/bar/baz/asdf");
}

TEST(Path, JoinAndResolve) {
  EXPECT_EQ(path::join(), ".");
  EXPECT_EQ(path::join("", ""), ".");
  EXPECT_EQ(path::join("/foo", "bar", "baz/asdf", "quux", ".."), "/foo/bar/baz/asdf");
  EXPECT_EQ(path::join("a", "b/../../../c"), "../c");
  Environment env;
  EXPECT_EQ(path::resolve("/foo/bar", "./baz"), "/foo/bar/baz");
  EXPECT_EQ(path::resolve("/foo/bar", "/tmp/file/"), "/tmp/file");
  EXPECT_EQ(path::resolve("/", "..", ".."), "/");
  EXPECT_EQ(path::resolve(), process::cwd());
  EXPECT_EQ(path::resolve("rel"), process::cwd() + "/rel");
  std::string s = "/x";
  std::string_view sv = "y";
  EXPECT_EQ(path::resolve(s, sv, "z"), "/x/y/z");  // mixed string types
}

TEST(Path, DirnameBasenameExtname) {
  EXPECT_EQ(path::dirname("/a/b/"), "/a");
  EXPECT_EQ(path::dirname("//a"), "//");
  EXPECT_EQ(path::dirname("a"), ".");
  EXPECT_EQ(path::dirname("/"), "/");
  EXPECT_EQ(path::basename("/a/b.txt/", ".txt"), "b");
  EXPECT_EQ(path::basename("aaa/bbb", "bbb"), "bbb");  // the suffix is the whole name: kept
  EXPECT_EQ(path::basename("a.txt", "a.txt"), "");
  EXPECT_EQ(path::basename("/dir/"), "dir");
  EXPECT_EQ(path::extname(".bashrc"), "");
  EXPECT_EQ(path::extname("a.."), ".");
  EXPECT_EQ(path::extname("/dir/file.tar.gz"), ".gz");
  EXPECT_EQ(path::extname("dir.d/file"), "");
}

TEST(Path, RelativeIsAbsoluteParseFormat) {
  EXPECT_EQ(path::relative("/data/orandea/test/aaa", "/data/orandea/impl/bbb"), "../../impl/bbb");
  EXPECT_EQ(path::relative("/a/b", "/a/b"), "");
  EXPECT_EQ(path::relative("/foo/bar", "/foo/barbaz"), "../barbaz");
  EXPECT_EQ(path::relative("/", "/a"), "a");
  EXPECT_TRUE(path::isAbsolute("/x"));
  EXPECT_FALSE(path::isAbsolute("x/"));
  EXPECT_FALSE(path::isAbsolute(""));
  auto p = path::parse("/home/u/f.txt");
  EXPECT_EQ(p, (path::ParsedPath{"/", "/home/u", "f.txt", ".txt", "f"}));
  EXPECT_EQ(path::format(p), "/home/u/f.txt");
  EXPECT_EQ(path::format({.ext = "txt", .name = "a"}), "a.txt");
  EXPECT_EQ(path::sep, "/");
  EXPECT_EQ(path::delimiter, ":");
}
