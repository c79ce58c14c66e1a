#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::execFileSync;
using child_process::execSync;
using child_process::spawnSync;
using child_process::StdioSlot;

namespace {
Value sys(const Error& e) {
  return Value(std::vector<Value>{e.message, e.code, e.errnum ? Value(*e.errnum) : Value(),
                                  e.syscall, e.path, e.info["spawnargs"], e.info["status"],
                                  e.info["signal"]});
}
Value undefOr(const std::optional<Error>& e) {
  if (!e) return Value();
  return Value(std::vector<Value>{e->code, e->message});
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_sync_shapes) {
  try {
    execFileSync("sleep", {"5"}, {.timeout = 50});
  } catch (const Error& e) {
    console::log("1:", sys(e), e.info["stdout"], e.info["stderr"], e.info["output"],
                 e.info["pid"].isNumber() ? "number" : "?");
  }
  try {
    execSync("printf 12345678; sleep 5", {.maxBuffer = 4, .encoding = "utf8"});
  } catch (const Error& e) {
    console::log("2:", sys(e), e.info["stdout"].stringify(), e.info["output"]);
  }
  try {
    execSync("echo E >&2; exit 1");
  } catch (const Error& e) {
    console::log("3:", Value(e.message).stringify(), e.info["status"], e.info["signal"],
                 e.info["stderr"], e.info["output"]);
  }
  try {
    execFileSync("sh", {"-c", "printf e >&2; exit 2"},
                 {.stdio = std::vector<StdioSlot>{"pipe", "pipe", "ignore"}});
  } catch (const Error& e) {
    console::log("4:", Value(e.message).stringify(), e.info["status"], e.info["stderr"],
                 e.info["output"]);
  }
  auto r = spawnSync("true", {.stdio = "inherit"});
  console::log("5:", r.status, r.signal, r.output, r.stdout, r.stderr,
               r.error ? Value(r.error->message) : Value());
  r = spawnSync("sh", {"-c", "printf err >&2"},
                {.stdio = std::vector<StdioSlot>{"pipe", "inherit", "pipe"}, .encoding = "utf8"});
  console::log("6:", r.status, r.output, r.stdout, r.stderr);
  r = spawnSync("cat", {.input = "dropped",
                        .stdio = std::vector<StdioSlot>{"ignore", "pipe", "pipe"},
                        .encoding = "utf8"});
  console::log("7:", r.status, r.stdout.stringify(), r.error ? Value(r.error->message) : Value());
  r = spawnSync("sleep", {"5"}, {.timeout = 50, .killSignal = 9});
  console::log("8:", r.status, r.signal, r.error->code, r.error->message, r.output);
  console::log(
      "9:", execFileSync("cat", child_process::SpawnSyncOptions{.input = "hi", .encoding = "hex"}));
  console::log("10:", execSync("echo warn >&2; echo ok", {.stdio = "pipe", .encoding = "utf8"}));
  r = spawnSync("sh", {"-c", "printf abcdefgh >&2; exec sleep 5"}, {.maxBuffer = 3});
  console::log("11:", r.status, r.signal, undefOr(r.error), r.stderr);
}
