#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(fork_options) {
  const auto& argv = process::argv();
  if (argv.size() > 2 && argv[2] == "child") {
    std::vector<std::string> args(argv.begin() + 3, argv.end());
    console::log("child: args", args, "in /tmp", process::cwd() == "/tmp", "FOO",
                 Maybe<std::string>(process::env.get("FOO")), "NODE_CHANNEL_FD",
                 Maybe<std::string>(process::env.get("NODE_CHANNEL_FD")));
    console::error("child: on stderr");
    process::send(Object{{"from", "child"}});
    return;
  }
  auto silent = child_process::fork(
      process::execPath(), conformance::selfArgs({"child", "a", "b"}),
      {.cwd = "/tmp", .env = child_process::Env{{"FOO", "foo"}}, .silent = true});
  auto out = std::make_shared<std::string>(), err = std::make_shared<std::string>();
  silent->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  silent->stderr()->on("data", [err](const Buffer& d) { *err += d.toString(); });
  silent->on("message", [](const Value& m) { console::log("parent: message", m); });
  silent->on("close", [out, err](std::optional<int> code) {
    console::log("silent: stdout", Value(*out).stringify(), "stderr", Value(*err).stringify(),
                 "code", code);
    auto odd = child_process::fork(process::execPath(), conformance::selfArgs({"child", "c"}),
                                   {.stdio = {"pipe", "pipe", "ignore", "ignore", "ipc"}});
    auto out2 = std::make_shared<std::string>();
    odd->stdout()->on("data", [out2](const Buffer& d) { *out2 += d.toString(); });
    odd->on("message", [](const Value& m) { console::log("parent: message", m); });
    std::weak_ptr<child_process::ChildProcess> weak = odd;
    odd->on("close", [out2, weak](std::optional<int> code) {
      console::log("ipc at 4: stdout", Value(*out2).stringify(), "code", code, "stdio",
                   weak.lock()->stdio().size());
    });
  });
}
