#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::exec;
using child_process::execFile;
using Err = std::optional<Error>;

namespace {
std::string json(const std::string& s) { return Value(s).stringify(); }
}  // namespace

NODECC_CONFORMANCE_CASE(exec_limits) {
  exec("head -c 2000000 /dev/zero", [](Err err, std::string stdout, std::string stderr) {
    console::log("1:", err->name, err->code, err->message, err->info["cmd"], stdout.size(),
                 stderr.size());
    execFile("sh", {"-c", "printf 0123456789; sleep 5"}, {.maxBuffer = 4},
             [](Err err, std::string stdout, std::string) {
               console::log("2:", err->code, json(stdout));
               auto started = process::hrtime.bigint();
               auto child = std::make_shared<child_process::ChildProcessPtr>();
               *child =
                   exec("sleep 5", {.timeout = 100},
                        [started, child](Err err, std::string stdout, std::string) {
                          std::string first = err->message.substr(0, err->message.find('\n'));
                          bool quick = (process::hrtime.bigint() - started) < 4000000000ULL;
                          console::log("3:", first, err->info["code"], err->info["killed"],
                                       err->info["signal"], err->info["cmd"], json(stdout), quick);
                          console::log("3: child", (*child)->killed(), (*child)->signalCode(),
                                       (*child)->exitCode());
                          child->reset();
                          exec("sleep 5", {.timeout = 100, .killSignal = "SIGKILL"},
                               [](Err err, std::string, std::string) {
                                 console::log("4:", err->info["code"], err->info["killed"],
                                              err->info["signal"]);
                                 execFile("sh", {"-c", "head -c 100 /dev/zero >&2"},
                                          {.encoding = "buffer", .maxBuffer = 10},
                                          [](Err err, Buffer stdout, Buffer stderr) {
                                            console::log("5:", err->code, err->message, stdout,
                                                         stderr.length());
                                            try {
                                              exec("true", {.timeout = -5});
                                            } catch (const Error& e) {
                                              console::log("6:", e.name, e.code, e.message);
                                            }
                                            try {
                                              exec("true", {.maxBuffer = -1});
                                            } catch (const Error& e) {
                                              console::log("7:", e.name, e.code, e.message);
                                            }
                                            try {
                                              exec("true", {.killSignal = "SIGNOPE"});
                                            } catch (const Error& e) {
                                              console::log("8:", e.name, e.code, e.message);
                                            }
                                          });
                               });
                        });
             });
  });
}
