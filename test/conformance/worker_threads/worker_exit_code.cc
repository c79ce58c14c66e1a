// Port of worker_exit_code.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
void parent();
void child1();
void child2();
void child3();
void child4();
void child5();
void child6();
void child7();
void exitReport(const char* name) {
  process::on("exit", [name](int code) {
    parentPort()->postMessage(std::string(name) + " 'exit' listener saw " + std::to_string(code));
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(worker_exit_code) {
  if (isMainThread()) {
    parent();
  } else {
    parentPort()->once("message", [](const Value& msg) {
      std::string m = msg.asString();
      if (m == "child1") return child1();
      if (m == "child2") return child2();
      if (m == "child3") return child3();
      if (m == "child4") return child4();
      if (m == "child5") return child5();
      if (m == "child6") return child6();
      if (m == "child7") return child7();
      throw Error("invalid");
    });
  }
}

namespace {
void child1() {
  process::exitCode = 42;
  exitReport("child1");
}

void child2() {
  process::exitCode = 99;
  exitReport("child2");
  process::exit(42);
}

void child3() {
  process::exitCode = 99;
  exitReport("child3");
  process::exit(0);
}

void child4() {
  process::exitCode = 99;
  exitReport("child4");
  throw Error("ok");
}

void child5() {
  process::exitCode = 95;
  process::on("exit", [](int code) {
    parentPort()->postMessage("child5 'exit' listener saw " + std::to_string(code));
    process::exitCode = 99;
  });
}

void child6() {
  exitReport("child6");
  process::on("uncaughtException", [](const Error&, std::string) {});
  throw Error("ok");
}

void child7() {
  exitReport("child7");
  process::on("uncaughtException", [](const Error&, std::string) { process::exitCode = 97; });
  throw Error("ok");
}

struct Test {
  const char* arg;
  int exit;
};
const Test kTests[] = {{"child1", 42}, {"child2", 42}, {"child3", 0}, {"child4", 1},
                       {"child5", 99}, {"child6", 0},  {"child7", 97}};

void next(std::size_t i) {
  if (i == std::size(kTests)) return;
  auto [arg, exit] = kTests[i];
  auto w = Worker::create(nodecc_case_worker_exit_code);
  // 'message' and 'error' come on two ports (their relative order is not fixed, in
  // Node either): print them at 'exit', messages first.
  auto messages = std::make_shared<std::vector<std::string>>();
  auto errors = std::make_shared<std::vector<std::string>>();
  w->on("message", [messages](const Value& m) { messages->push_back(m.asString()); });
  w->on("error", [errors, arg](const Error& err) {
    errors->push_back(std::string(arg) + " error: " + err.toString());
  });
  w->on("exit", [i, arg, exit, messages, errors](int code) {
    for (auto* list : {messages.get(), errors.get()})
      for (const std::string& line : *list) console::log(line);
    console::log(std::string(code == exit ? "ok" : "not ok") + " - " + arg + " exited with " +
                 std::to_string(code));
    next(i + 1);
  });
  w->postMessage(arg);
}

void parent() { next(0); }
}  // namespace
