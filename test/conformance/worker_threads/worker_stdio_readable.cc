// Port of worker_stdio_readable.js.
#include <set>

#include "conformance.h"
#include "nodecc/stream.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_stdio_readable) {
  if (!isMainThread()) {
    console::log("line one");
    console::log("line two", 2);
    console::error("to stderr");
    return;
  }
  auto w = Worker::create(nodecc_case_worker_stdio_readable, {.stdout = true, .stderr = true});
  console::log("stdout is", w->stdout()->className(), "function", w->stdout()->readable());
  w->stdout()->setEncoding("utf8");
  auto text = std::make_shared<std::string>();
  auto types = std::make_shared<std::set<std::string>>();
  w->stdout()->on("data", [text, types](const std::string& d) {
    *text += d;
    types->insert("string");
  });
  w->stdout()->on("end", [text, types] {
    std::string t;
    for (const auto& x : *types) t += (t.empty() ? "" : ",") + x;
    console::log("stdout end", Value(*text).stringify(), t);
  });
  w->stdout()->on("close", [] { console::log("stdout close"); });
  auto chunks = std::make_shared<std::string>();
  stream::Writable::Options wo;
  wo.write = [chunks](stream::Writable&, Buffer c, stream::Callback cb) {
    *chunks += c.toString();
    cb({});
  };
  auto sink = std::make_shared<stream::Writable>(wo);
  sink->on("finish", [chunks] { console::log("sink finish", Value(*chunks).stringify()); });
  console::log("pipe returns the sink", w->stderr()->pipe(sink) == sink);
  w->on("exit", [wp = w.get()](int code) {
    console::log("exit", code, "stdout readableEnded", wp->stdout()->readableEnded());
    process::nextTick([] { console::log("tick after exit"); });
  });
}
