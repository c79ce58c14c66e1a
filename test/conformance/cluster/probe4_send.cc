#include "conformance.h"
#include "nodecc/cluster.h"

using namespace nodecc;

namespace {
Value errValue(const std::optional<Error>& err) {
  return err ? Value(err->message) : Value(nullptr);
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_send) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto ends = std::make_shared<std::vector<std::string>>();
    auto w = cluster::fork();
    std::weak_ptr<cluster::Worker> ww = w;
    w->on("online", [ww] {
      auto w = ww.lock();
      bool r = w->send(Object{{"n", 1}, {"kind", "object"}}, [](std::optional<Error> err) {
        console::log("primary send cb", errValue(err));
      });
      console::log("send returned", r);
      nextTick([] { console::log("primary tick"); });
      w->send("two");
      w->send(3.5);
      w->send(Array{4, nullptr, true, "x"});
      w->send(Object{{"cmd", "NODE_CUSTOM"}, {"n", 5}});
      w->send(Object{{"cmd", "NODEX"}, {"n", 6}});
      try {
        w->send(Value());
      } catch (const Error& e) {
        console::log("send(undefined):", e.code, e.message);
      }
      w->send("done");
    });
    w->on("message", [](const Value& m, child_process::SendHandle h) {
      console::log("worker message", m.stringify(), h);
    });
    cluster::on(
        "message", [ww](cluster::WorkerPtr wk, const Value& m, child_process::SendHandle h) {
          console::log("cluster message", wk == ww.lock(), m.isObject() ? "object" : "?", h);
        });
    w->on("error", [](const Error& e) { console::log("worker error", e.code, e.message); });
    w->on("disconnect",
          [ww] { console::log("disconnect; late send returned", ww.lock()->send("late")); });
    w->on("exit", [ends](std::optional<int> code, std::optional<std::string> signal) {
      ends->push_back(util::format("exit %s %s", code, signal));
    });
    process::on("exit", [ends] {
      std::string s;
      for (auto& e : *ends) s += (s.empty() ? "" : "\n") + e;
      console::log(s);
    });
  } else {
    auto got = std::make_shared<Array>();
    auto worker = cluster::worker();
    process::on("internalMessage", [got](const Value& m, child_process::SendHandle) {
      if (m["cmd"] != Value("NODE_CLUSTER")) got->push_back("internal " + m.stringify());
    });
    worker->on("message", [got](const Value& m, child_process::SendHandle h) {
      got->push_back("worker.on " + m.stringify() + " " + util::inspect(h));
    });
    process::on("message", [got, worker](const Value& m) {
      got->push_back("process.on " + m.stringify());
      if (m != Value("done")) return;
      auto order = std::make_shared<Array>();
      bool r = process::send(Object{{"got", *got}}, [order](std::optional<Error> err) {
        order->push_back(util::format("cb %s", errValue(err)));
      });
      order->push_back(util::format("returned %s", r));
      nextTick([order] { order->push_back("tick"); });
      setImmediate([order, worker] {
        bool r2 = worker->send(Object{{"order", *order}}, [worker](std::optional<Error> err) {
          bool connected = worker->isConnected();
          worker->disconnect();
          process::send(Object{{"cbErr", errValue(err)},
                               {"connected", connected},
                               {"after", worker->isConnected()},
                               {"state", worker->state()}});
        });
        order->push_back(util::format("worker.send returned %s", r2));
      });
    });
  }
}
