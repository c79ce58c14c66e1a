#include <functional>
#include <vector>

#include "conformance.h"
#include "nodecc/child_process.h"
#include "nodecc/os.h"
#include "nodecc/path.h"

using namespace nodecc;
using child_process::spawn;

namespace {

std::string json(const std::string& s) { return Value(s).stringify(); }

std::string dir() {
  return path::join(os::tmpdir(), "nodecc-cp-setup-" + std::to_string(process::pid()));
}

using Step = std::function<void(std::function<void()>)>;

void run(std::string label, std::string cmd, std::vector<std::string> args,
         child_process::SpawnOptions options, std::function<void()> next) {
  auto c = spawn(cmd, args, std::move(options));
  auto out = std::make_shared<std::string>();
  if (c->stdout()) {
    c->stdout()->setEncoding("utf8");
    c->stdout()->on("data", [out](const std::string& d) { *out += d; });
  }
  c->on("error", [label](const Error& err) {
    console::log(label, "error", err.code, err.syscall, err.path);
  });
  c->on("close", [label, out, next](std::optional<int> code, std::optional<std::string> signal) {
    console::log(label, "close", code, signal, json(*out));
    next();
  });
}

const char* kSid =
    "read p c s pp pg sid r < /proc/$$/stat; [ \"$sid\" = \"$$\" ] && echo leader || echo member";

std::vector<Step>& steps() {
  static std::vector<Step> s = {
      [](auto next) {
        run("swap", "sh", {"-c", "echo swapped-to-stderr; echo swapped-to-stdout >&2"},
            {.stdio = {"ignore", 2, 1}}, next);
      },
      [](auto next) {
        run("path", "nodecc-pathtool", {"arg"},
            {.env = child_process::Env{{"PATH", dir() + "/a:" + dir() + "/b"}}}, next);
      },
      [](auto next) {
        run("path-noexec", "nodecc-pathtool", {},
            {.env = child_process::Env{{"PATH", dir() + "/a"}}}, next);
      },
      [](auto next) {
        run("path-missing", "nodecc-pathtool", {},
            {.env = child_process::Env{{"PATH", "/nonexistent"}}}, next);
      },
      [](auto next) {
        run("cwd", "sh", {"-c", "basename \"$(pwd)\""}, {.cwd = dir() + "/b"}, next);
      },
      [](auto next) {
        run("cwd-missing", "sh", {"-c", "pwd"}, {.cwd = dir() + "/nope"}, next);
      },
      [](auto next) {
        run("session", "sh", {"-c", kSid}, {}, next);
      },
      [](auto next) {
        run("detached", "sh", {"-c", kSid}, {.detached = true}, next);
      },
      [](auto next) {
        run("signals", "grep", {"-E", "^Sig(Blk|Ign)", "/proc/self/status"}, {}, next);
      },
  };
  return s;
}

void step(std::size_t i) {
  if (i == steps().size()) {
    child_process::execSync("rm -rf " + dir());
    console::log("done");
    return;
  }
  steps()[i]([i] { step(i + 1); });
}

}  // namespace

NODECC_CONFORMANCE_CASE(spawn_child_setup) {
  const std::string d = dir();
  child_process::execSync("mkdir -p " + d + "/a " + d + "/b && printf 'x' > " + d +
                          "/a/nodecc-pathtool && printf '#!/bin/sh\\necho from-b \"$@\"\\n' > " +
                          d + "/b/nodecc-pathtool && chmod +x " + d + "/b/nodecc-pathtool");
  step(0);
}
