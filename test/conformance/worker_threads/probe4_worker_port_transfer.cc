// Port of probe4_worker_port_transfer.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
template <class F>
void attempt(const char* what, F f) {
  try {
    f();
    console::log(what, "-> ok");
  } catch (const Error& e) {
    console::log(what, "->", e.name, e.code.empty() ? Value(e.info["code"]) : Value(e.code),
                 Value(e.message).stringify());
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_worker_port_transfer) {
  if (!isMainThread()) {
    parentPort()->on("message", [](const Value& m) {
      const Value* port = m.isObject() ? m.asObject().find("port") : nullptr;
      if (port) {
        std::string keys;
        for (const auto& [k, v] : m.asObject()) keys += (keys.empty() ? "" : ",") + k;
        auto p = port->host<MessagePort>();
        p->postMessage("hello through the port, keys " + keys);
        p->close();
      } else {
        parentPort()->postMessage("plain " + m.stringify());
        parentPort()->close();
      }
    });
  } else {
    auto w = Worker::create(nodecc_case_probe4_worker_port_transfer);
    Worker* wp = w.get();
    auto [port1, port2] = MessageChannel();
    MessagePort* p1 = port1.get();
    port1->on("message", [](const Value& m) { console::log("port1 message:", m); });
    port1->on("close", [wp, p1] {
      console::log("port1 close");
      MessageChannel extra;
      attempt("list only", [&] { wp->postMessage(Object{{"n", 1}}, {extra.port2}); });
      attempt("post the listed port", [&] { p1->postMessage(extra.port2, {extra.port2}); });
      extra.port1->close();
    });
    w->postMessage(Object{{"port", port2}, {"tag", "t"}}, {port2});
    attempt("move port2 again", [&] { w->postMessage(Object{{"port", port2}}, {port2}); });
    attempt("clone port2", [&] { w->postMessage(Object{{"port", port2}}); });
    MessageChannel closed;
    closed.port1->close();
    attempt("clone a closed port", [&] { w->postMessage(Array{closed.port1}); });
    attempt("move a closed port", [&] { w->postMessage(closed.port1, {closed.port1}); });
    w->on("message", [](const Value& m) { console::log("worker message:", m); });
    w->on("exit", [wp](int code) {
      console::log("exit", code);
      attempt("post after exit", [&] { wp->postMessage("late"); });
    });
  }
}
