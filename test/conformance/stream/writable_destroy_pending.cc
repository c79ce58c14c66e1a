#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(writable_destroy_pending) {
  static stream::Callback pending;
  stream::Writable::Options o;
  o.highWaterMark = 4;
  o.write = [](stream::Writable&, Buffer chunk, stream::Callback cb) {
    console::log("_write", chunk.toString());
    pending = std::move(cb);
  };
  auto w = std::make_shared<stream::Writable>(o);
  auto code = [](const std::optional<Error>& e) { return e ? Value(e->code) : Value(nullptr); };
  w->on("error", [](const Error& e) { console::log("error event", e.code); });
  w->on("close", [w] {
    console::log("close, destroyed", w->destroyed(), "errored",
                 w->errored() ? Value(w->errored()->code) : Value(nullptr));
  });
  w->on("finish", [] { console::log("finish (never)"); });
  for (std::string s : {"a", "bb", "ccc"}) {
    bool ret =
        w->write(s, [s, code](std::optional<Error> err) { console::log("cb", s, code(err)); });
    console::log("write", s, ret, "length", w->writableLength());
  }
  setImmediate([w] {
    w->destroy();
    console::log("destroyed", w->destroyed(), "length", w->writableLength());
    stream::Callback cb = std::move(pending);
    cb(std::nullopt);  // the write in progress completes after the destroy
    w->write("late", [](std::optional<Error> err) {
      console::log("late cb", err ? Value(err->code) : Value(nullptr),
                   err ? Value(err->message) : Value(nullptr));
    });
    w->end([](std::optional<Error> err) {
      console::log("end cb", err ? Value(err->code) : Value(nullptr),
                   err ? Value(err->message) : Value(nullptr));
    });
    console::log("sync end");
  });
}
