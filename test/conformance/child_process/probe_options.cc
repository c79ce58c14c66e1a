#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
namespace cp = child_process;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;

namespace {
Value maybe(const std::string& s) { return s.empty() ? Value() : Value(s); }

void collect(const std::string& label, cp::ChildProcessPtr c, std::function<void()> next) {
  auto out = std::make_shared<std::string>();
  c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  c->on("error", [label](const Error& e) {
    console::log(label, "error", e.message, e.code, *e.errnum, e.syscall, e.path,
                 e.info["spawnargs"]);
  });
  c->on("close", [label, c, out, next](Code code, Sig sig) {
    console::log(label, "close", code, sig, Value(*out).stringify(), c->spawnfile(),
                 c->spawnargs());
    next();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_options) {
  std::vector<std::pair<std::string, std::function<void()>>> tries = {
      {"exec empty", [] { cp::exec(""); }},
      {"execFile empty", [] { cp::execFile(""); }},
      {"execSync empty", [] { cp::execSync(""); }},
      {"killSignal 0", [] { cp::spawn("true", {}, {.killSignal = 0}); }},
      {"exec killSignal 0", [] { cp::exec("true", {.killSignal = 0}); }},
      {"spawnSync timeout -1", [] { cp::spawnSync("true", {}, {.timeout = -1}); }},
      {"spawnSync maxBuffer -1", [] { cp::spawnSync("true", {}, {.maxBuffer = -1}); }},
      {"spawnSync killSignal", [] { cp::spawnSync("true", {}, {.killSignal = "SIGX"}); }},
      {"null byte in shell", [] { cp::spawn("true", {}, {.shell = std::string("/bin/s\0h", 8)}); }},
  };
  for (auto& [name, t] : tries) {
    try {
      t();
      console::log(name, ": no error");
    } catch (const Error& e) {
      console::log(name, ":", e.name, e.code, e.message);
    }
  }
  collect("shell empty", cp::spawn("echo", {"$0", "x"}, {.shell = ""}), [] {
    collect("argv0 empty", cp::spawn("sh", {"-c", "echo \"[$0]\""}, {.argv0 = ""}), [] {
      collect("cwd empty", cp::spawn("sh", {"-c", "echo ran"}, {.cwd = ""}), [] {
        try {
          cp::spawn("sh", {"-c", "echo ran"}, {.cwd = "/etc/passwd"});
        } catch (const Error& e) {
          console::log("cwd file:", e.name, e.message, e.code, *e.errnum, e.syscall, maybe(e.path),
                       e.info["spawnargs"]);
        }
        collect("cwd missing", cp::spawn("sh", {"-c", "echo ran"}, {.cwd = "/nonexistent-dir"}),
                [] {
                  auto r = cp::spawnSync("echo", {"$0"}, {.encoding = "utf8", .shell = ""});
                  console::log("sync shell empty", r.status, r.stdout.stringify());
                  auto r2 = cp::spawnSync("sh", {"-c", "echo ran"}, {.cwd = "/etc/passwd"});
                  auto brief = [](const cp::SpawnSyncResult& r) {
                    if (!r.error) return Value();
                    return Value(std::vector<Value>{r.error->message, r.error->code, r.error->path,
                                                    r.error->info["spawnargs"]});
                  };
                  console::log("sync cwd file", r2.status, r2.output, brief(r2));
                  auto r3 = cp::spawnSync("sh", {"-c", "echo ran"}, {.cwd = ""});
                  console::log("sync cwd empty", r3.status, r3.output, brief(r3));
                  try {
                    auto v = cp::execSync("echo hi", {.shell = ""});
                    console::log("execSync shell empty", v);
                  } catch (const Error& e) {
                    console::log("execSync shell empty:", e.message, e.code);
                  }
                  cp::exec("echo hi", {.shell = ""},
                           [](std::optional<Error> e, std::string o, std::string) {
                             Value ev;
                             if (e)
                               ev = Value(std::vector<Value>{e->message, e->code, e->info["cmd"]});
                             else
                               ev = Value(nullptr);
                             console::log("exec shell empty", ev, Value(o).stringify());
                           });
                });
      });
    });
  });
}
