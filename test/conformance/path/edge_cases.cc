// Port of edge_cases.js.
#include <nodecc/path.h>

#include <vector>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string json(const std::string& s) { return Value(s).stringify(); }
std::string json(bool b) { return b ? "true" : "false"; }
std::string json(const path::ParsedPath& p) {
  return Value(Object{{"root", p.root},
                      {"dir", p.dir},
                      {"base", p.base},
                      {"ext", p.ext},
                      {"name", p.name}})
      .stringify();
}
template <class T>
void show(const std::string& name, const std::vector<std::string>& args, const T& out) {
  std::string a;
  for (std::size_t i = 0; i < args.size(); ++i) a += (i ? ", " : "") + json(args[i]);
  console::log(name + "(" + a + ") = " + json(out));
}
std::string join(const std::vector<std::string>& v) {
  std::vector<std::string_view> sv(v.begin(), v.end());
  return path::join(std::span<const std::string_view>(sv));
}
std::string resolve(const std::vector<std::string>& v) {
  std::vector<std::string_view> sv(v.begin(), v.end());
  return path::resolve(std::span<const std::string_view>(sv));
}
}  // namespace

NODECC_CONFORMANCE_CASE(edge_cases) {
  const std::vector<std::string> one = {"",
                                        ".",
                                        "..",
                                        "/",
                                        "//",
                                        "///",
                                        "a",
                                        "a/",
                                        "a//",
                                        "/a",
                                        "/a/",
                                        "//a",
                                        "//a/b",
                                        "a/b/c",
                                        "a/b/c/",
                                        "/a/b/c",
                                        "/a/b/../c",
                                        "a/../..",
                                        "../a/./b/..",
                                        "./",
                                        ".a",
                                        ".a.b",
                                        "a.",
                                        "a..",
                                        "..a",
                                        "file.txt",
                                        "/dir/file.tar.gz",
                                        "/dir.d/file",
                                        "dir/.hidden",
                                        "a/b.c/",
                                        "///a//b//",
                                        "/..",
                                        "/../a"};
  for (const auto& p : one) {
    show("normalize", {p}, path::normalize(p));
    show("dirname", {p}, path::dirname(p));
    show("basename", {p}, path::basename(p));
    show("extname", {p}, path::extname(p));
    show("isAbsolute", {p}, path::isAbsolute(p));
    auto parsed = path::parse(p);
    show("parse", {p}, parsed);
    show("format(parse)", {p}, path::format(parsed));
  }
  const std::vector<std::pair<std::string, std::string>> suffixes = {
      {"/a/b.txt", ".txt"}, {"/a/b.txt/", ".txt"}, {"aaa/bbb", "bbb"},  {"aaa/bbb", "a/bbb"},
      {"a.txt", "a.txt"},   {"/a/b", "b"},         {"b", "xb"},         {"/a/b.txt", "txt"},
      {".txt", ".txt"},     {"x.txt", ""},         {"//a.js//", ".js"}, {"a", "a"}};
  for (const auto& [p, s] : suffixes) show("basename", {p, s}, path::basename(p, s));
  const std::vector<std::vector<std::string>> joins = {{},
                                                       {""},
                                                       {"", ""},
                                                       {"a", "b"},
                                                       {"/a", "/b"},
                                                       {"a", "", "b"},
                                                       {"a/", "/b/"},
                                                       {"/", ".."},
                                                       {"a", "..", "..", "b"},
                                                       {".", "."},
                                                       {"//x", "y"},
                                                       {"a", "b/../../../c"}};
  for (const auto& j : joins) show("join", j, join(j));
  process::chdir("/tmp");
  const std::vector<std::vector<std::string>> resolves = {
      {},
      {""},
      {"a"},
      {"/a", "b"},
      {"/a", "/b"},
      {"/a/", "./b/"},
      {"a", "..", ".."},
      {"/", "..", ".."},
      {"/foo/bar", "./baz"},
      {"/foo/bar", "/tmp/file/"},
      {"wwwroot", "static_files/png/", "../gif/image.gif"}};
  for (const auto& r : resolves) show("resolve", r, resolve(r));
  const std::vector<std::pair<std::string, std::string>> rels = {
      {"/a/b", "/a/b"},
      {"/a/b", "/a/b/c"},
      {"/a/b/c", "/a/b"},
      {"/", "/a"},
      {"/a", "/"},
      {"/a/b", "/c/d"},
      {"a", "b"},
      {"", ""},
      {"/data/orandea/test/aaa", "/data/orandea/impl/bbb"},
      {"/foo/bar", "/foo/barbaz"},
      {"/foo/barbaz", "/foo/bar"},
      {".", "/tmp/x"}};
  for (const auto& [f, t] : rels) show("relative", {f, t}, path::relative(f, t));
  auto showFormat = [](const std::string& arg, const path::ParsedPath& p) {
    console::log("format(" + arg + ") = " + json(path::format(p)));
  };
  showFormat(R"({"name":"a","ext":"txt"})", {.ext = "txt", .name = "a"});
  showFormat(R"({"root":"/","name":"x","ext":".c"})", {.root = "/", .ext = ".c", .name = "x"});
  showFormat(R"({"dir":"/d","base":"b","name":"ignored"})",
             {.dir = "/d", .base = "b", .name = "ignored"});
  console::log(path::sep, path::delimiter);
}
