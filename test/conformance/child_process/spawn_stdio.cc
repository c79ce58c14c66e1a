#include <fcntl.h>
#include <unistd.h>

#include "conformance.h"
#include "nodecc/child_process.h"
#include "nodecc/fs.h"
#include "nodecc/os.h"
#include "nodecc/path.h"

using namespace nodecc;
using child_process::spawn;
using Code = std::optional<int>;

namespace {
std::string json(const std::string& s) { return Value(s).stringify(); }
void step2();
void step3();
void step4();
void step5();
void step6();
void step7();

void step1() {
  auto cat = spawn("cat");
  auto out = std::make_shared<std::string>();
  cat->stdout()->setEncoding("utf8");
  cat->stdout()->on("data", [out](const std::string& d) { *out += d; });
  cat->on("close", [out](Code code) {
    console::log("1: cat echoed", json(*out), "code", code);
    step2();
  });
  console::log("1: stdin writable", cat->stdin()->writable(), "stdout readable",
               cat->stdout()->readable(), "stdio", cat->stdio().size(),
               cat->stdio()[0] == cat->stdin(), cat->stdio()[1] == cat->stdout());
  cat->stdin()->write("hello ");
  cat->stdin()->end("cat\n");
}

void step2() {
  auto c =
      spawn("sh", {"-c", "echo visible; echo hidden >&2"}, {.stdio = {"ignore", "pipe", "ignore"}});
  Array shape;
  for (auto& s : c->stdio()) shape.push_back(s ? Value("socket") : Value(nullptr));
  console::log("2: stdin", c->stdin(), "stderr", c->stderr(), "stdio", shape);
  c->stdout()->on("data", [](const Buffer& d) { console::log("2: stdout", json(d.toString())); });
  c->on("close", [](Code code) {
    console::log("2: close", code);
    step3();
  });
}

void step3() {
  std::string file =
      path::join(os::tmpdir(), "nodecc-cp-stdio-" + std::to_string(process::pid()) + ".txt");
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  auto c = spawn("sh", {"-c", "echo to-file"}, {.stdio = {"ignore", fd, "inherit"}});
  c->on("close", [fd, file](Code code) {
    ::close(fd);
    console::log("3: close", code, "file has", json(fs::readFileSync(file, "utf8")));
    fs::unlinkSync(file);
    step4();
  });
}

void step4() {
  auto producer = spawn("printf", {"b\\na\\nc\\n"});
  auto sorter = spawn("sort", {}, {.stdio = {producer->stdout(), "pipe", "inherit"}});
  auto out = std::make_shared<std::string>();
  sorter->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  sorter->on("close", [out](Code code) {
    console::log("4: sorted", json(*out), code);
    step5();
  });
}

void step5() {
  auto c = spawn(
      "sh", {"-c", "echo \"$0|$FOO|$PATH_SET|$(pwd)\"; echo extra >&3"},
      {.cwd = "/tmp",
       .env = child_process::Env{{"FOO", "bar"}, {"PATH_SET", process::env["PATH"] ? "y" : "n"}},
       .argv0 = "renamed",
       .stdio = {"pipe", "pipe", "pipe", "pipe"}});
  auto out = std::make_shared<std::string>(), extra = std::make_shared<std::string>();
  c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  c->stdio()[3]->on("data", [extra](const Buffer& d) { *extra += d.toString(); });
  std::weak_ptr<child_process::ChildProcess> weak = c;
  c->on("close", [out, extra, weak](Code code) {
    console::log("5:", json(*out), json(*extra), code, weak.lock()->stdio().size());
    step6();
  });
}

void step6() {
  auto c = spawn("echo", {"$HOME", "|", "tr", "a-z", "A-Z"}, {.shell = true});
  auto out = std::make_shared<std::string>();
  c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  std::weak_ptr<child_process::ChildProcess> weak = c;
  c->on("close", [out, weak](Code code) {
    std::string home = process::env["HOME"].valueOr("");
    for (char& ch : home) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto c = weak.lock();
    console::log("6:", *out == home + "\n", code, c->spawnfile(), c->spawnargs());
    step7();
  });
}

void step7() {
  auto c = spawn("sh", {"-c", "exit 0"}, {.stdio = "inherit"});
  console::log("7: inherit: stdin", c->stdin(), "stdout", c->stdout(), "stdio", c->stdio());
  c->on("exit", [](Code code) { console::log("7: exit", code); });
  c->on("close", [](Code code) { console::log("7: close", code); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(spawn_stdio) { step1(); }
