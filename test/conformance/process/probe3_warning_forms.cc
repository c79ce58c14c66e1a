// Port of probe3_warning_forms.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::string q(const std::string& s) { return "\"" + s + "\""; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_warning_forms) {
  console::log("warning listeners at start", process::listenerCount("warning"));
  process::on("warning", [](const Error& w) {
    bool hasDetail = w.info.isObject() && w.info["detail"].isString();
    console::log("warning", q(w.name), q(w.message), "code", w.code.empty() ? "none" : q(w.code),
                 "detail", hasDetail ? q(w.info["detail"].asString()) : std::string("none"));
  });
  process::nextTick([] { console::log("tick before"); });
  process::emitWarning("plain");
  process::emitWarning("typed", "CustomWarning");
  process::emitWarning("typed with code", "CustomWarning", "CODE_1");
  process::emitWarning("empty type", "");
  process::nextTick([] { console::log("tick between"); });
  {
    // emitWarning(msg, { type, code, detail }): Node makes this Error.
    Error w("with options");
    w.name = "OptWarning";
    w.code = "OPT_1";
    w.info = Object{{"detail", "some detail"}};
    process::emitWarning(std::move(w));
  }
  process::emitWarning(Error("an Error object"));
  Error e("named");
  e.name = "MyWarning";
  e.code = "MY_CODE";
  process::emitWarning(e);
  Error empty("");
  empty.name = "EmptyMessageWarning";
  process::emitWarning(empty);
  process::emitWarning("deprecated thing", "DeprecationWarning", "DEP_X");
  process::nextTick([] { console::log("tick after"); });
  console::log("sync end");
  setTimeout(
      [] {
        console::log("timer: warning listeners", process::listenerCount("warning"));
        process::emitWarning("from timer");
        Promise<>::resolved().then([] { console::log("microtask after timer warning"); });
      },
      1);
  process::on("exit", [] {
    console::log("exit");
    process::emitWarning("inside exit (dropped)");
  });
}
