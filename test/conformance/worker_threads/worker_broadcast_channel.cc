// Port of worker_broadcast_channel.js. Listeners get the data (Node: a MessageEvent).
#include <algorithm>
#include <string>
#include <vector>

#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_broadcast_channel) {
  if (!isMainThread()) {
    auto bc = BroadcastChannel::create("news");
    // The answer waits for the question and for main's 'go'. Main says 'go' from an
    // immediate, after b's listener: an answer that arrived while b was still draining
    // its queue would reach b before a had its turn, and b would close a first.
    auto asked = std::make_shared<bool>(false);
    auto go = std::make_shared<bool>(false);
    auto answer = [bc = bc.get(), asked, go] {
      if (!*asked || !*go) return;
      bc->postMessage("worker: yes");
      bc->close();
    };
    bc->on("message", [asked, answer](const Value& data) {
      if (data == Value("main: are you there?")) {
        *asked = true;
        answer();
      }
    });
    parentPort()->once("message", [go, answer](const Value&) {
      *go = true;
      answer();
    });
    parentPort()->postMessage("ready");
  } else {
    auto a = BroadcastChannel::create("news");
    auto b = BroadcastChannel::create("news");
    auto c = BroadcastChannel::create("sports");
    console::log(a->name(), c->name());
    c->on("message", [](const Value& data) { console::log("c got (never)", data); });
    // Which of a and b sees the worker's answer first depends on thread timing (in Node
    // too): the lines are printed sorted once both have it.
    auto got = std::make_shared<std::vector<std::string>>();
    auto w = std::make_shared<Worker*>(nullptr);  // (JS: the const w declared below)
    auto received = [got, w, a, b, c](std::string name) {
      return [name, got, w, a, b, c](const Value& data) {
        got->push_back(name + " got " + data.asString());
        if (data == Value("main: are you there?")) setImmediate([w] { (*w)->postMessage("go"); });
        auto answers = std::count_if(got->begin(), got->end(), [](const std::string& l) {
          return l.size() >= 11 && l.compare(l.size() - 11, 11, "worker: yes") == 0;
        });
        if (answers != 2) return;
        std::sort(got->begin(), got->end());
        for (const std::string& line : *got) console::log(line);
        a->close();
        b->close();
        c->close();
        try {
          a->postMessage("too late");
        } catch (const Error& e) {
          console::log(e.name, e.message, e.info["code"]);
        }
      };
    };
    a->on("message", received("a"));
    b->on("message", received("b"));
    auto worker = Worker::create(nodecc_case_worker_broadcast_channel);
    *w = worker.get();
    worker->on("message", [a](const Value&) { a->postMessage("main: are you there?"); });
    // (When the worker's exit is seen depends on thread timing: print it at the end.)
    auto exitCode = std::make_shared<int>(-1);
    worker->on("exit", [exitCode](int code) { *exitCode = code; });
    process::on("exit", [exitCode](int) { console::log("worker exit", *exitCode); });
  }
}
