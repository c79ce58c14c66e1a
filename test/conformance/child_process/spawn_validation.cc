#include <functional>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
namespace cp = child_process;

NODECC_CONFORMANCE_CASE(spawn_validation) {
  std::vector<std::pair<std::string, std::function<void()>>> tries = {
      {"empty file", [] { cp::spawn(""); }},
      {"null byte in args", [] { cp::spawn("ls", {std::string("a\0b", 3)}); }},
      {"null byte in file", [] { cp::spawn(std::string_view("l\0s", 3)); }},
      {"bad stdio string", [] { cp::spawn("ls", {}, {.stdio = "foo"}); }},
      {"bad stdio entry",
       [] {
         cp::spawn("ls", {}, {.stdio = {"pipe", "bogus"}});
       }},
      {"two ipc",
       [] {
         cp::spawn("ls", {}, {.stdio = {"ipc", "ipc"}});
       }},
      {"bad killSignal", [] { cp::spawn("ls", {}, {.killSignal = "SIGFOO"}); }},
      {"bad killSignal number", [] { cp::spawn("ls", {}, {.killSignal = 99}); }},
      {"negative timeout", [] { cp::spawn("ls", {}, {.timeout = -1}); }},
      {"fractional timeout", [] { cp::spawn("ls", {}, {.timeout = 1.5}); }},
      {"fork without ipc",
       [] {
         cp::fork("x.js", {}, {.stdio = {"pipe", "pipe", "pipe"}});
       }},
      {"bad serialization", [] { cp::spawn("ls", {}, {.serialization = "foo"}); }},
      {"negative maxBuffer", [] { cp::execFile("ls", {}, {.maxBuffer = -1}); }},
      {"ipc in spawnSync",
       [] {
         cp::spawnSync("ls", {}, {.stdio = {"pipe", "pipe", "pipe", "ipc"}});
       }},
      {"null byte in cwd", [] { cp::spawn("ls", {}, {.cwd = std::string("a\0b", 3)}); }},
      {"null byte in env",
       [] {
         cp::spawn("ls", {}, {.env = cp::Env{{"A", std::string("x\0y", 3)}}});
       }},
      {"null byte in argv0", [] { cp::spawn("ls", {}, {.argv0 = std::string("a\0", 2)}); }},
  };
  for (auto& [name, t] : tries) {
    try {
      t();
      console::log(name, ": no error");
    } catch (const Error& e) {
      console::log(name, ":", e.name, e.code, e.message);
    }
  }
  auto c = cp::spawn("true");
  // Node has no send/disconnect without IPC; here they throw TypeError.
  auto kind = [&](auto f) {
    try {
      f();
      return "function";
    } catch (const Error&) {
      return "undefined";
    }
  };
  console::log("no ipc: send", kind([&] { c->send(1); }), "disconnect",
               kind([&] { c->disconnect(); }), "connected", c->connected(), "channel",
               c->channel() ? Value("set") : Value());
  c->on("close", [](std::optional<int> code) { console::log("true closed", code); });
}
