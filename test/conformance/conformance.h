// Conformance cases: each <case>.cc ports <case>.js line by line.
//
//   NODECC_CONFORMANCE_CASE(timers_ordering) { ...the main script... }
//
// The module's runner executable takes the case name as argv[1] and runs the
// body as the main script under nodecc::main; process.argv is Node-shaped
// (user arguments from index 2), and `conformance::selfArgs()` gives what a
// case passes to re-run itself (fork(process::execPath(), selfArgs(...))).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "nodecc/nodecc.h"

namespace conformance {
using CaseFn = void (*)();
std::map<std::string, CaseFn>& registry();
struct Registrar {
  Registrar(const char* name, CaseFn fn) { registry()[name] = fn; }
};
/// The running case's name.
const std::string& caseName();
/// Arguments that re-run this case with `extra` appended (for fork/spawn of self).
std::vector<std::string> selfArgs(std::vector<std::string> extra = {});
/// JS `typeof` of a Value (null, arrays and objects are "object").
inline std::string typeOf(const nodecc::Value& v) {
  if (v.isUndefined()) return "undefined";
  if (v.isNumber()) return "number";
  if (v.isString()) return "string";
  if (v.isBoolean()) return "boolean";
  return "object";
}
/// Runs the steps one after another: each step gets a `next` that starts the following one
/// (the JS cases' `const next = () => steps[i++](next)`). The runner holds itself weakly (no
/// cycle); each pending `next` holds it, so it is freed when the last step ends.
using Next = std::function<void()>;
inline void runSteps(std::shared_ptr<std::vector<std::function<void(Next)>>> steps) {
  auto i = std::make_shared<std::size_t>(0);
  auto run = std::make_shared<Next>();
  std::weak_ptr<Next> weakRun = run;
  *run = [steps, i, weakRun] {
    auto self = weakRun.lock();
    (*steps)[(*i)++]([self] { (*self)(); });
  };
  (*run)();
}
}  // namespace conformance

#define NODECC_CONFORMANCE_CASE(name)                                            \
  static void nodecc_case_##name();                                              \
  static ::conformance::Registrar nodecc_reg_##name(#name, &nodecc_case_##name); \
  static void nodecc_case_##name()
