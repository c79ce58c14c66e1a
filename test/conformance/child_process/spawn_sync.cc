#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::spawnSync;
using child_process::SpawnSyncResult;

namespace {
Value brief(const SpawnSyncResult& r) {
  Value error;
  if (r.error) {
    const Error& e = *r.error;
    error = Array{e.message, e.code, *e.errnum, e.syscall, e.path, e.info["spawnargs"]};
  }
  return Array{r.status ? Value(*r.status) : Value(nullptr),
               r.signal ? Value(*r.signal) : Value(nullptr),
               r.output ? Value(r.output->size()) : Value(nullptr), error};
}
std::string json(const Value& v) { return v.stringify(); }
}  // namespace

NODECC_CONFORMANCE_CASE(spawn_sync) {
  auto r = spawnSync("sh", {"-c", "echo out; echo err >&2; exit 3"});
  console::log("1:", brief(r), (*r.output)[0], r.stdout, r.stderr, r.pid > 0 ? "number" : "?");
  r = spawnSync("nosuchcmd", {"a"});
  console::log("2:", brief(r), r.pid, r.stdout, r.stderr);
  r = spawnSync("sh", {"-c", "kill -KILL $$"});
  console::log("3:", brief(r));
  r = spawnSync("sleep", {"5"}, {.timeout = 100});
  console::log("4:", brief(r));
  r = spawnSync("sleep", {"5"}, {.timeout = 100, .killSignal = "SIGKILL"});
  console::log("5:", brief(r));
  // The child is still running when the limit is passed (head alone may exit first).
  r = spawnSync("sh", {"-c", "head -c 3000 /dev/zero; exec sleep 5"}, {.maxBuffer = 100});
  console::log("6:", brief(r), r.stdout.asBuffer().length());
  r = spawnSync("cat", {.input = "piped in"});
  console::log("7:", brief(r), r.stdout.asBuffer().toString());
  r = spawnSync("cat", {.input = Buffer::from("bytes"), .encoding = "utf8"});
  console::log("8:", brief(r), json(r.stdout), json(r.stderr));
  r = spawnSync("sh", {"-c", "echo $0 $FOO; pwd"},
                {.cwd = "/tmp",
                 .argv0 = "myname",
                 .env = child_process::Env{{"FOO", "bar"}},
                 .encoding = "utf8"});
  console::log("9:", brief(r), json(r.stdout));
  r = spawnSync("sh", {"-c", "echo hidden; echo shown >&2"},
                {.stdio = {"ignore", "ignore", "pipe"}, .encoding = "utf8"});
  console::log("10:", brief(r), *r.output, r.stdout);
  r = spawnSync("echo $((6 * 7))", {.encoding = "latin1", .shell = true});
  console::log("11:", brief(r), r.stdout);
  try {
    spawnSync("true", {.stdio = "ipc"});
  } catch (const Error& e) {
    console::log("12:", e.name, e.code, e.message);
  }
  try {
    spawnSync("true", {}, {.stdio = {"pipe", "ipc"}});
  } catch (const Error& e) {
    console::log("13:", e.name, e.code, e.message);
  }
}
