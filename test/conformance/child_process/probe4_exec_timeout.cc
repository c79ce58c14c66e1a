#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::exec;
using child_process::execFile;
using Err = std::optional<Error>;
using conformance::Next;
using ChildRef = std::shared_ptr<ChildProcessPtr>;

namespace {
std::string jp(const Value& v) { return v.isNullish() ? "" : v.toString(); }
std::string json(const std::string& s) { return Value(s).stringify(); }
// [e.name, JSON.stringify(e.message), e.code, e.killed, e.signal, JSON.stringify(e.cmd)].join(' ')
std::string show(const Err& e) {
  if (!e) return "null";
  std::string code = e->info.contains("code") ? jp(e->info["code"]) : e->code;
  return e->name + " " + json(e->message) + " " + code + " " + jp(e->info["killed"]) + " " +
         jp(e->info["signal"]) + " " + e->info["cmd"].stringify();
}
// [c.exitCode, c.signalCode, c.killed].join(',')
std::string st(const ChildProcessPtr& c) {
  std::string s = c->exitCode() ? std::to_string(*c->exitCode()) : "";
  s += ",";
  s += c->signalCode() ? *c->signalCode() : "";
  s += ",";
  s += c->killed() ? "true" : "false";
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_exec_timeout) {
  auto steps = std::make_shared<std::vector<std::function<void(Next)>>>();
  steps->push_back([](Next next) {
    auto c = std::make_shared<ChildProcessPtr>();
    *c = exec("trap \"exit 9\" TERM; echo ready; while :; do sleep 0.02; done", {.timeout = 150},
              [c, next](Err err, std::string stdout, std::string) {
                console::log("1:", show(err), json(stdout), st(*c));
                c->reset();
                next();
              });
  });
  steps->push_back([](Next next) {
    auto c = std::make_shared<ChildProcessPtr>();
    *c = execFile("sleep", {"5"}, {.timeout = 50, .killSignal = 9},
                  [c, next](Err err, std::string stdout, std::string) {
                    console::log("2:", show(err), json(stdout), st(*c));
                    c->reset();
                    next();
                  });
  });
  steps->push_back([](Next next) {
    auto c = std::make_shared<ChildProcessPtr>();
    *c = exec("printf partial; printf err >&2; exec sleep 5",
              {.timeout = 150, .killSignal = "SIGINT"},
              [c, next](Err err, std::string stdout, std::string stderr) {
                console::log("3:", show(err), json(stdout), json(stderr), st(*c));
                c->reset();
                next();
              });
  });
  steps->push_back([](Next next) {
    // sh exits at once; the background sleep keeps stdout open until the timeout destroys it.
    auto c = std::make_shared<ChildProcessPtr>();
    *c = exec("echo hi; sleep 0.6 &", {.timeout = 150},
              [c, next](Err err, std::string stdout, std::string) {
                console::log("4:", show(err), json(stdout), st(*c));
                c->reset();
                next();
              });
    ChildProcessPtr cp = *c;
    cp->on("exit", [cp](std::optional<int> code, std::optional<std::string> sig) {
      bool k = cp->kill(0);
      console::log("4: exit", code, sig, "kill now", k);
    });
  });
  steps->push_back([](Next next) {
    auto c = std::make_shared<ChildProcessPtr>();
    *c = exec("echo hi; sleep 0.6 & exit 4", {.timeout = 150},
              [c, next](Err err, std::string stdout, std::string) {
                console::log("5:", show(err), json(stdout), st(*c));
                c->reset();
                next();
              });
  });
  steps->push_back([](Next next) {
    execFile("nosuchcmd-probe4", {"a"}, {.timeout = 50},
             [next](Err err, std::string stdout, std::string) {
               console::log("6:", show(err), *err->errnum, err->syscall, err->path,
                            err->info["spawnargs"], json(stdout));
               setTimeout(next, 100);
             });
  });
  steps->push_back([](Next next) {
    // The child finishes before the timeout: no kill, success.
    auto c = std::make_shared<ChildProcessPtr>();
    *c = execFile("echo", {"quick"}, {.timeout = 1000},
                  [c, next](Err err, std::string stdout, std::string) {
                    console::log("7:", show(err), json(stdout), st(*c));
                    c->reset();
                    next();
                  });
  });
  steps->push_back([](Next) {
    // exit code and signal from a self-kill, with args in cmd.
    execFile("sh", {"-c", "echo x >&2; kill -USR2 $$", "zero"},
             [](Err err, std::string, std::string stderr) {
               console::log("8:", show(err), json(stderr));
             });
  });
  conformance::runSteps(steps);
}
