#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::exec;
using child_process::execFile;
using Err = std::optional<Error>;

namespace {
// [e.message, e.code, e.killed, e.signal, e.cmd].map(JSON.stringify).join(' ')
std::string show(const Err& e) {
  if (!e) return "null";
  auto prop = [&](const char* k) { return e->info.contains(k) ? e->info[k].stringify() : ""; };
  std::string code =
      e->info.contains("code") ? e->info["code"].stringify() : Value(e->code).stringify();
  return Value(e->message).stringify() + " " + code + " " + prop("killed") + " " + prop("signal") +
         " " + prop("cmd");
}
std::string json(const std::string& s) { return Value(s).stringify(); }
}  // namespace

NODECC_CONFORMANCE_CASE(exec_basic) {
  exec("echo out; echo err >&2", [](Err err, std::string stdout, std::string stderr) {
    console::log("1:", show(err), json(stdout), json(stderr));
    exec("echo out; echo oops >&2; exit 3", [](Err err, std::string stdout, std::string stderr) {
      console::log("2:", show(err), json(stdout), json(stderr));
      console::log("2: error code" + err->code);
      execFile("nosuchcmd", {"x", "y"}, [](Err err, std::string, std::string) {
        console::log("3:", show(err), *err->errnum, err->syscall, err->path,
                     err->info["spawnargs"]);
        execFile("printf", {"%s|%s", "a b", "c"}, {.encoding = "buffer"},
                 [](Err err, Buffer stdout, Buffer) {
                   console::log("4:", err, stdout, true);
                   auto child =
                       exec("printf \"ab\\ncd\"", {.encoding = "hex"},
                            [](Err err, std::string stdout, std::string) {
                              console::log("5:", err, stdout);
                              auto c6 = exec("echo streamed");
                              c6->stdout()->on("data", [](const std::string& d) {
                                console::log("6: data", "string", json(d));
                              });
                              c6->on("close", [](std::optional<int> code) {
                                console::log("6: close", code);
                                execFile("sh", {"-c", "echo \"$0 $1\"", "x", "y"}, {.shell = false},
                                         [](Err err, std::string out, std::string) {
                                           console::log("7:", err, json(out));
                                           exec("echo $0", {.shell = "/bin/bash"},
                                                [](Err err, std::string out, std::string) {
                                                  console::log("8:", err, json(out));
                                                });
                                         });
                              });
                            });
                 });
      });
    });
  });
}
