#include <unistd.h>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

namespace {
void writeChannel(std::string_view s) {
  if (::write(3, s.data(), s.size()) != static_cast<ssize_t>(s.size())) throw Error("write");
}
}  // namespace

NODECC_CONFORMANCE_CASE(ipc_malformed) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    // Raw bytes on the channel's descriptor, as the JS twin writes with fs.writeSync(3).
    int fd = *process::channel()->fd();
    if (fd != 3) throw Error("channel fd " + std::to_string(fd));
    writeChannel("{\"x\":1}\nnot json\n{\"dropped\":true}\n");
    setTimeout([] { writeChannel("{\"after\":2}\n{\"partial\":"); }, 200);
    setTimeout([] {}, 400);
    return;
  }
  process::on("uncaughtException",
              [](const Error& e, std::string) { console::log("uncaught", e.name); });
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  child->on("message", [](const Value& m) { console::log("message", m); });
  child->on("disconnect", [] { console::log("disconnect"); });
  child->on("exit", [](std::optional<int> code, std::optional<std::string> signal) {
    console::log("exit", code, signal);
  });
  child->on("close", [](std::optional<int> code, std::optional<std::string> signal) {
    console::log("close", code, signal);
  });
}
