#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::spawn;
using child_process::StdioSlot;
using Code = std::optional<int>;
using Sig = std::optional<std::string>;
using conformance::Next;

namespace {
// [c.exitCode, c.signalCode, c.killed, typeof c.pid].join(',')
std::string st(const ChildProcessPtr& c) {
  std::string s = c->exitCode() ? std::to_string(*c->exitCode()) : "";
  s += ",";
  s += c->signalCode() ? *c->signalCode() : "";
  s += ",";
  s += c->killed() ? "true" : "false";
  s += ",";
  s += c->pid().has_value() ? "number" : "undefined";
  return s;
}
void later(const std::string& label) {
  process::nextTick([label] { console::log(label, "nextTick"); });
  queueMicrotask([label] { console::log(label, "microtask"); });
  setImmediate([label] { console::log(label, "immediate"); });
}
std::vector<Value> streams(const ChildProcessPtr& c) {
  std::vector<Value> v;
  for (auto& s : c->stdio()) v.push_back(s ? Value("stream") : Value(nullptr));
  return v;
}
std::string flowing(const std::optional<bool>& f) { return !f ? "null" : *f ? "true" : "false"; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_close_timing) {
  auto steps = std::make_shared<std::vector<std::function<void(Next)>>>();
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "exit 3"}, {.stdio = "ignore"});
    console::log("A", c->stdin(), c->stdout(), c->stderr(), c->stdio());
    c->on("spawn", [c] { console::log("A spawn", st(c)); });
    c->on("exit", [c](Code code, Sig sig) {
      console::log("A exit", code, sig, st(c));
      later("A");
    });
    c->on("close", [next](Code code, Sig sig) {
      console::log("A close", code, sig);
      setTimeout(next, 20);
    });
  });
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "read x; echo \"got $x\""},
                   {.stdio = std::vector<StdioSlot>{"pipe", "inherit", "ignore"}});
    console::log("B", c->stdin() != nullptr, c->stdout(), c->stderr(), streams(c));
    c->on("spawn", [c] {
      console::log("B spawn");
      c->stdin()->end("line\n");
    });
    c->on("exit", [c](Code code, Sig sig) {
      console::log("B exit", code, sig, "stdin destroyed", c->stdin()->destroyed());
      later("B");
    });
    c->on("close", [next](Code code, Sig sig) {
      console::log("B close", code, sig);
      setTimeout(next, 20);
    });
  });
  steps->push_back([](Next next) {
    // Nobody reads stdout: 'close' still comes (the streams are resumed after 'exit').
    auto c = spawn("sh", {"-c", "echo unread; echo unread2 >&2"});
    auto ended = std::make_shared<int>(0);
    c->stdout()->on("end", [ended] { ++*ended; });
    c->stderr()->on("end", [ended] { ++*ended; });
    c->on("close", [c, ended, next](Code code) {
      console::log("C close", code, "ends", *ended, "flowing",
                   flowing(c->stdout()->readableFlowing()),
                   flowing(c->stderr()->readableFlowing()));
      next();
    });
  });
  steps->push_back([](Next next) {
    // A 'data' listener added in the 'exit' listener still sees the output.
    auto c = spawn("sh", {"-c", "echo late-data"},
                   {.stdio = std::vector<StdioSlot>{"ignore", "pipe", "ignore"}});
    auto ev = std::make_shared<std::vector<std::string>>();
    c->on("exit", [c, ev](Code code) {
      ev->push_back("exit " + (code ? std::to_string(*code) : std::string("null")));
      c->stdout()->on("data", [ev](const Buffer& d) {
        ev->push_back("data " + Value(d.toString()).stringify());
      });
      c->stdout()->on("end", [ev] { ev->push_back("end"); });
    });
    c->on("close", [ev, next](Code code) {
      ev->push_back("close " + (code ? std::to_string(*code) : std::string("null")));
      std::string s;
      for (size_t i = 0; i < ev->size(); ++i) s += (i ? " | " : "") + (*ev)[i];
      console::log("D", s);
      next();
    });
  });
  steps->push_back([](Next next) {
    auto c = spawn("nosuchcmd-probe4", {"x"}, {.stdio = "ignore"});
    console::log("E", st(c), c->stdio());
    c->on("spawn", [] { console::log("E spawn (unexpected)"); });
    c->on("error", [c](const Error& e) {
      console::log("E error", e.message, e.code, *e.errnum, st(c));
      later("E");
    });
    c->on("close", [c, next](Code code, Sig sig) {
      bool k = c->kill();
      console::log("E close", code, sig, "kill", k);
      setTimeout(next, 20);
    });
  });
  steps->push_back([](Next next) {
    auto c = spawn("sh", {"-c", "exit 0"},
                   {.stdio = std::vector<StdioSlot>{"ignore", "pipe", "ignore"}});
    c->stdout()->destroy();
    console::log("F destroyed before spawn", c->stdout()->destroyed());
    c->on("spawn", [] { console::log("F spawn"); });
    c->on("exit", [](Code code) { console::log("F exit", code); });
    c->on("close", [c, next](Code code) {
      console::log("F close", code, "stdout closed", c->stdout()->closed());
      next();
    });
  });
  steps->push_back([](Next) {
    auto c = spawn("sleep", {"0.2"}, {.stdio = "ignore"});
    c->unref();
    c->on("spawn", [] { console::log("G spawn"); });
    c->on("exit", [] { console::log("G exit (unexpected)"); });
    process::on("exit", [c] { console::log("G process exit", c->exitCode()); });
  });
  conformance::runSteps(steps);
}
