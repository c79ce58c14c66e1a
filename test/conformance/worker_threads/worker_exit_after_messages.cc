// Port of worker_exit_after_messages.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
constexpr int N = 2000;
}

NODECC_CONFORMANCE_CASE(worker_exit_after_messages) {
  if (!isMainThread()) {
    for (int i = 0; i < N; i++) {
      parentPort()->postMessage(Object{{"i", i}, {"text", "message " + std::to_string(i)}});
    }
    process::exit(5);
  } else {
    process::on("worker",
                [](WorkerPtr w) { console::log("process worker event, threadId", w->threadId()); });
    auto w = Worker::create(nodecc_case_worker_exit_after_messages);
    struct State {
      bool online = false;
      int received = 0;
      bool inOrder = true;
    };
    auto s = std::make_shared<State>();
    w->on("online", [s] {
      s->online = true;
      console::log("online before any message:", s->received == 0);
    });
    w->on("message", [s](const Value& m) {
      if (m["i"].asNumber() != s->received ||
          m["text"].asString() != "message " + std::to_string(s->received)) {
        s->inOrder = false;
      }
      s->received++;
    });
    w->on("exit", [s](int code) {
      console::log("exit", code, "after", s->received, "messages, in order:", s->inOrder,
                   "online:", s->online);
    });
  }
}
