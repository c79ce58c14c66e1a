#include "conformance.h"
#include "nodecc/child_process.h"
#include "nodecc/fs.h"
#include "nodecc/os.h"
#include "nodecc/path.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::execSync;
using child_process::spawn;
using child_process::SpawnOptions;
using child_process::spawnSync;
using child_process::StdioSlot;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;
using conformance::Next;

namespace {
std::string dir;
// s.replace(dir, 'DIR') (the first occurrence)
std::string d(std::string s) {
  auto pos = s.find(dir);
  if (pos != std::string::npos) s.replace(pos, dir.size(), "DIR");
  return s;
}
std::string str(const Code& c) { return c ? std::to_string(*c) : "null"; }
std::string str(const Sig& s) { return s ? *s : "null"; }

void run(const std::string& label, const std::string& file, std::vector<std::string> args,
         SpawnOptions opts, Next next) {
  auto c = spawn(file, std::move(args), std::move(opts));
  auto ev = std::make_shared<std::vector<std::string>>();
  std::vector<Value> kinds;
  for (auto& s : c->stdio()) kinds.push_back(s ? Value("stream") : Value(nullptr));
  console::log(label, "sync", c->pid().has_value() ? "number" : "undefined", kinds);
  c->on("spawn", [ev] { ev->push_back("spawn"); });
  c->on("error", [label, file, ev, c](const Error& e) {
    ev->push_back("error");
    console::log(label, "error", d(e.message), e.code, *e.errnum, d(e.syscall), e.path == file,
                 e.info["spawnargs"], c->exitCode());
  });
  c->on("exit", [ev](Code code, Sig sig) { ev->push_back("exit " + str(code) + " " + str(sig)); });
  auto out = std::make_shared<std::string>();
  if (c->stdout()) c->stdout()->on("data", [out](const Buffer& b) { *out += b.toString(); });
  c->on("close", [label, ev, out, c, next](Code code, Sig sig) {
    ev->push_back("close " + str(code) + " " + str(sig));
    std::string joined;
    for (size_t i = 0; i < ev->size(); ++i) joined += (i ? " | " : "") + (*ev)[i];
    std::vector<Value> closed;
    for (auto& s : c->stdio()) closed.push_back(s ? Value(s->closed()) : Value(nullptr));
    console::log(label, joined, Value(d(*out)).stringify(), "closed", closed);
    console::log(label, "stdin destroyed",
                 c->stdin() ? Value(c->stdin()->destroyed()) : Value(nullptr), "writable",
                 c->stdin() ? Value(c->stdin()->writable()) : Value(nullptr));
    next();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_spawn_errors) {
  dir = fs::mkdtempSync(path::join(os::tmpdir(), "nodecc-probe4-"));
  fs::writeFileSync(path::join(dir, "noexec"), "echo should-not-run\n");
  fs::writeFileSync(path::join(dir, "noshebang"), "echo \"no shebang: $0 $1\"\nexit 7\n");
  fs::writeFileSync(path::join(dir, "empty"), "");
  execSync("chmod 644 " + dir + "/noexec; chmod 755 " + dir + "/noshebang " + dir + "/empty");

  auto steps = std::make_shared<std::vector<std::function<void(Next)>>>();
  steps->push_back([](Next next) { run("enoent", "nosuchcmd-probe4", {"a", "b"}, {}, next); });
  steps->push_back([](Next next) { run("relative", "./nosuch-probe4", {}, {.cwd = dir}, next); });
  steps->push_back([](Next next) { run("eacces", path::join(dir, "noexec"), {"x"}, {}, next); });
  steps->push_back(
      [](Next next) { run("noshebang", path::join(dir, "noshebang"), {"arg1"}, {}, next); });
  steps->push_back([](Next next) { run("empty", path::join(dir, "empty"), {}, {}, next); });
  steps->push_back([](Next next) {
    run("enoent-ignore", "nosuchcmd-probe4", {},
        {.stdio = std::vector<StdioSlot>{"ignore", "pipe", "ignore"}}, next);
  });
  steps->push_back([](Next) {
    for (std::string f : {"noexec", "noshebang", "empty"}) {
      auto r = spawnSync(path::join(dir, f), {"s"}, {.encoding = "utf8"});
      console::log("sync", f, r.status, r.signal,
                   r.stdout.isString() ? Value(d(r.stdout.get<std::string>())).stringify() : "null",
                   r.error ? Value(std::vector<Value>{r.error->code, d(r.error->syscall),
                                                      r.error->path == path::join(dir, f),
                                                      r.error->info["spawnargs"]})
                           : Value());
    }
    fs::rmSync(dir, {.recursive = true});
    console::log("done");
  });
  conformance::runSteps(steps);
}
