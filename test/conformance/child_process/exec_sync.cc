#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::execFileSync;
using child_process::execSync;

NODECC_CONFORMANCE_CASE(exec_sync) {
  console::log("1:", execSync("echo hello"), execSync("echo hello", {.encoding = "utf8"}));
  console::log("2:", execFileSync("printf", {"%s-%s", "a", "b"}).toString());
  try {
    execSync("echo partial; echo problem >&2; exit 2", {.stdio = "pipe"});
  } catch (const Error& e) {
    console::log("3:", e.name, Value(e.message).stringify(), e.info["status"], e.info["signal"],
                 e.info["output"], e.info["stdout"], e.info["stderr"],
                 e.info["pid"].isNumber() ? "number" : "?",
                 e.code.empty() ? Value() : Value(e.code));
  }
  try {
    execFileSync("sh", {"-c", "kill -TERM $$"}, {.stdio = "pipe", .encoding = "utf8"});
  } catch (const Error& e) {
    console::log("4:", Value(e.message).stringify(), e.info["status"], e.info["signal"],
                 e.info["output"]);
  }
  try {
    execFileSync("nosuchcmd", {"x"});
  } catch (const Error& e) {
    console::log("5:", e.message, e.code, *e.errnum, e.syscall, e.path, e.info["spawnargs"],
                 e.info["status"], e.info["signal"], e.info["output"], e.info["pid"],
                 e.info["stdout"], e.info["stderr"]);
  }
  try {
    execSync("sleep 5", {.timeout = 50});
  } catch (const Error& e) {
    console::log("6:", e.message, e.code, e.info["status"], e.info["signal"]);
  }
  console::log("7:", execSync("cat", {.input = "from input", .encoding = "utf8"}));
  console::log("8:", execFileSync("sh", {"-c", "echo $0"}, {.argv0 = "zero", .encoding = "utf8"}));
}
