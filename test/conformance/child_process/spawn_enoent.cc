#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::spawn;

NODECC_CONFORMANCE_CASE(spawn_enoent) {
  auto child = spawn("nosuchcmd", {"a", "b"});
  console::log("pid", child->pid(), "stdin", child->stdin() != nullptr, "stdio",
               child->stdio().size());
  console::log("connected", child->connected(), "killed", child->killed());
  child->on("spawn", [] { console::log("spawn (unexpected)"); });
  child->on("exit", [] { console::log("exit (unexpected)"); });
  child->on("error", [child](const Error& err) {
    console::log("error:", err.message);
    console::log(*err.errnum, err.code, err.syscall, err.path, err.info["spawnargs"]);
    console::log("exitCode", child->exitCode(), "signalCode", child->signalCode());
  });
  child->on("close", [child](std::optional<int> code, std::optional<std::string> signal) {
    console::log("close", code, signal);
    console::log("kill after close", child->kill());
  });
  process::nextTick([] { console::log("tick"); });
}
