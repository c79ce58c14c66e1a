#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::ChildProcessPtr;
using child_process::spawn;
using child_process::Stdio;
using child_process::StdioSlot;

namespace {
std::string kinds(const ChildProcessPtr& c) {
  std::string s;
  for (std::size_t i = 0; i < c->stdio().size(); ++i) {
    if (i) s += ",";
    if (c->stdio()[i]) s += "stream";
  }
  return s;
}
const char* script = "echo out; echo err >&2";
std::vector<Stdio> forms() {
  return {
      Stdio(std::vector<StdioSlot>{"pipe", "ignore", "pipe"}),
      Stdio(std::vector<StdioSlot>{"ignore"}),
      Stdio(std::vector<StdioSlot>{nullptr, -1, nullptr, nullptr}),
      Stdio("overlapped"),
      Stdio("ignore"),
      Stdio(std::vector<StdioSlot>{"pipe", "pipe", "pipe", "pipe", "ignore", "pipe"}),
  };
}

void late() {
  auto c = spawn("true");
  c->stdin()->on("error", [](const Error& e) { console::log("late: stdin error", e.code); });
  c->on("exit", [c](std::optional<int> code) {
    console::log("late: exit", code, "destroyed", c->stdin()->destroyed());
  });
  c->on("close", [c](std::optional<int> code) {
    console::log("late: close", code, "destroyed", c->stdin()->destroyed(), "writable",
                 c->stdin()->writable());
    bool r = c->stdin()->write("late", [](std::optional<Error> err) {
      console::log("late: write cb", err->name, err->code, err->message);
    });
    console::log("late: write returned", r);
    c->stdin()->end([] { console::log("late: end cb"); });
  });
}

void step(std::size_t i) {
  auto all = forms();
  if (i == all.size()) return late();
  auto c = spawn("sh", {"-c", script}, {.stdio = all[i]});
  auto out = std::make_shared<std::string>();
  auto err = std::make_shared<std::string>();
  if (c->stdout()) c->stdout()->on("data", [out](const Buffer& d) { *out += d.toString(); });
  if (c->stderr()) c->stderr()->on("data", [err](const Buffer& d) { *err += d.toString(); });
  console::log(i, "stdio", c->stdio().size(), kinds(c), "stdin", c->stdin() == c->stdio()[0],
               "stdout",
               c->stdout() == nullptr ? Value(nullptr) : Value(c->stdout() == c->stdio()[1]));
  c->on("close", [i, out, err](std::optional<int> code) {
    console::log(i, "close", code, Value(*out).stringify(), Value(*err).stringify());
    step(i + 1);
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_stdio_forms) { step(0); }
