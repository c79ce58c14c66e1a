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

NODECC_CONFORMANCE_CASE(probe_exec_errors) {
  exec("nosuchcmd_probe a b", [](Err err, std::string stdout, std::string stderr) {
    console::log("1:", show(err), json(stdout), json(stderr));
    exec("echo before; kill -TERM $$", [](Err err, std::string stdout, std::string stderr) {
      console::log("2:", show(err), json(stdout), json(stderr));
      exec("printf \"e1\\ne2\" >&2; exit 3", {.encoding = "buffer"},
           [](Err err, Buffer stdout, Buffer stderr) {
             console::log("3:", show(err), stdout, stderr);
             execFile("sh", {"-c", "echo \"x y\" >&2; exit 4", "arg0"},
                      [](Err err, std::string, std::string stderr) {
                        console::log("4:", show(err), json(stderr));
                        execFile(
                            "echo", {"$0", ";", "exit", "5"}, {.shell = true},
                            [](Err err, std::string stdout, std::string) {
                              console::log("5:", show(err), json(stdout));
                              execFile("/tmp", [](Err err) {
                                console::log("6:", show(err), *err->errnum, err->syscall, err->path,
                                             err->info["spawnargs"]);
                                exec("printf \"\\377ok\" >&2; exit 1", {.encoding = "latin1"},
                                     [](Err err, std::string, std::string stderr) {
                                       console::log("7:", show(err), json(stderr));
                                       exec("exit 0", {.encoding = "hex"},
                                            [](Err err, std::string stdout, std::string stderr) {
                                              console::log("8:", err, json(stdout), json(stderr));
                                              auto c = exec(
                                                  "sleep 10",
                                                  [](Err err, std::string stdout, std::string) {
                                                    console::log("9:", show(err), json(stdout));
                                                  });
                                              c->on("spawn", [c] {
                                                bool sent = c->kill("SIGINT");
                                                console::log("9: kill", sent);
                                              });
                                            });
                                     });
                              });
                            });
                      });
           });
    });
  });
}
