#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::Env;
using child_process::execFileSync;
using child_process::execSync;
using child_process::spawnSync;
using child_process::SpawnSyncOptions;
using child_process::StdioSlot;

namespace {
std::string jp(const Value& v) { return v.isNullish() ? "" : v.toString(); }
// [e.name, JSON.stringify(e.message), e.code, e.status, e.signal].join(' ')
std::string brief(const Error& e) {
  return e.name + " " + Value(e.message).stringify() + " " + e.code + " " + jp(e.info["status"]) +
         " " + jp(e.info["signal"]);
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_sync_more) {
  try {
    execFileSync("sh", {"-c", "exit 2", "a b"}, {.argv0 = "myname"});
  } catch (const Error& e) {
    console::log("1:", brief(e), e.info["stdout"], e.info["stderr"]);
  }
  try {
    execSync("exit 3");
  } catch (const Error& e) {
    console::log("2:", brief(e), e.info["stderr"], e.info["output"]);
  }
  try {
    execSync("exit 4", {.stdio = "inherit"});
  } catch (const Error& e) {
    console::log("3:", brief(e), e.info["stdout"], e.info["stderr"], e.info["output"]);
  }
  try {
    execSync("echo \"TypeError: forwarded\" >&2; exit 5");
  } catch (const Error& e) {
    console::log("4:", brief(e));
  }
  try {
    execSync("echo \"TypeError: not forwarded\" >&2; exit 6", {.stdio = "pipe"});
  } catch (const Error& e) {
    console::log("5:", brief(e));
  }
  console::log("6:", execFileSync("sh", {"-c", "echo \"RangeError: ok-forwarded\" >&2; echo fine"},
                                  SpawnSyncOptions{.encoding = "utf8"}));
  auto r = spawnSync("sh", {"-c", "trap \"exit 9\" TERM; while :; do sleep 0.02; done"},
                     {.timeout = 100});
  console::log("7:", r.status, r.signal,
               r.error ? Value(std::vector<Value>{r.error->code, r.error->message, r.error->syscall,
                                                  *r.error->errnum})
                       : Value());
  try {
    execSync("trap \"exit 9\" TERM; while :; do sleep 0.02; done",
             {.timeout = 100, .encoding = "utf8"});
  } catch (const Error& e) {
    console::log("8:", brief(e), e.syscall, e.path, e.info["spawnargs"],
                 e.info["stdout"].stringify());
  }
  r = spawnSync("cat", SpawnSyncOptions{.input = "aGVsbG8=", .encoding = "base64"});
  console::log("9:", r.stdout, r.stderr);
  r = spawnSync("cat", SpawnSyncOptions{.input = Buffer::from("hello")});
  console::log("10:", r.stdout);
  r = spawnSync("cat", SpawnSyncOptions{.input = "h\u00e9llo", .encoding = "latin1"});
  console::log("11:", r.stdout.stringify(), Buffer::from(r.stdout.get<std::string>(), "latin1"));
  Env env;
  env.set("Z", "1");
  env.set("A", "");
  env.set("K=V", "x");
  env.set("M", "multi\nline");
  r = spawnSync("/usr/bin/env", SpawnSyncOptions{.env = env, .encoding = "utf8"});
  console::log("12:", r.stdout.stringify());
  r = spawnSync("sh", {"-c", "echo three >&3; echo four >&4; echo one"},
                {.stdio = std::vector<StdioSlot>{"pipe", "pipe", "pipe", "pipe", "ignore"},
                 .encoding = "utf8"});
  console::log("13:", r.status, r.output);
  r = spawnSync("sh", {"-c", "exit 300"});
  console::log("14:", r.status, r.signal);
  console::log("15:", execFileSync("sh", {"-c", "printf \"%s|\" \"$@\"", "zero", "a b", "", "c"},
                                   SpawnSyncOptions{.encoding = "utf8"}));
  try {
    execFileSync("sh", {"-c", "echo out; exit 1"},
                 {.stdio = std::vector<StdioSlot>{"pipe", "pipe", "ignore"}, .encoding = "utf8"});
  } catch (const Error& e) {
    console::log("16:", brief(e), e.info["stdout"].stringify(), e.info["stderr"], e.info["output"]);
  }
}
