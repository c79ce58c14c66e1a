#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(writable_backpressure) {
  stream::Writable::Options o;
  o.highWaterMark = 10;
  o.write = [](stream::Writable& w, Buffer chunk, stream::Callback cb) {
    console::log("_write", chunk.toString(), "length", w.writableLength());
    setImmediate([cb = std::move(cb)]() mutable { cb({}); });
  };
  auto w = std::make_shared<stream::Writable>(o);
  auto state = [w](const std::string& label) {
    console::log(label, "length", w->writableLength(), "needDrain", w->writableNeedDrain(), "ended",
                 w->writableEnded(), "finished", w->writableFinished());
  };
  w->on("drain", [w, state] {
    state("drain");
    w->end("last", [state](std::optional<Error> err) {
      console::log("end cb", err);
      state("after end cb");
    });
    state("after end()");
  });
  w->on("prefinish", [state] { state("prefinish"); });
  w->on("finish", [state] { state("finish"); });
  w->on("close", [w] { console::log("close, destroyed", w->destroyed(), "closed", w->closed()); });
  for (std::string s : {"aaaa", "bbbb", "cc", "dddd"}) {
    bool ret = w->write(s, [s](std::optional<Error> err) { console::log("write cb", s, err); });
    console::log("write", s, "returned", ret);
    state("  after write");
  }
  console::log("highWaterMark", w->writableHighWaterMark(), "writable", w->writable());
  process::nextTick([state] { state("tick"); });
}
