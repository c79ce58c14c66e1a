#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(writable_cork_writev) {
  stream::Writable::Options o;
  o.highWaterMark = 100;
  o.write = [](stream::Writable& w, Buffer chunk, stream::Callback cb) {
    console::log("_write", chunk.toString(), "corked", w.writableCorked());
    process::nextTick([cb = std::move(cb)]() mutable { cb({}); });
  };
  o.writev = [](stream::Writable& w, std::vector<Buffer> chunks, stream::Callback cb) {
    std::string joined;
    for (std::size_t i = 0; i < chunks.size(); i++) {
      if (i) joined += "|";
      joined += chunks[i].toString();
    }
    console::log("_writev", chunks.size(), joined, "length", w.writableLength());
    setImmediate([cb = std::move(cb)]() mutable { cb({}); });
  };
  auto w = std::make_shared<stream::Writable>(o);
  auto cb = [w](std::string s) {
    return stream::Callback([w, s](std::optional<Error> err) {
      console::log("cb", s, err, "length", w->writableLength());
    });
  };
  w->write("first", {}, cb("first"));
  w->cork();
  console::log("corked", w->writableCorked());
  w->write("a", {}, cb("a"));
  w->cork();
  console::log("corked", w->writableCorked());
  w->write("b", {}, cb("b"));
  w->write("c", {}, cb("c"));
  console::log("length", w->writableLength());
  w->uncork();
  console::log("uncorked once", w->writableCorked(), "length", w->writableLength());
  w->uncork();
  console::log("uncorked twice", w->writableCorked(), "length", w->writableLength());
  w->uncork();
  console::log("extra uncork", w->writableCorked());
  setImmediate([w, cb] {
    console::log("--- nextTick uncork");
    w->cork();
    w->write("x", {}, cb("x"));
    w->write("y", {}, cb("y"));
    console::log("corked", w->writableCorked(), "length", w->writableLength());
    process::nextTick([w] {
      console::log("tick: uncork");
      w->uncork();
      console::log("after uncork", w->writableCorked(), "length", w->writableLength());
    });
    w->write("z", {}, cb("z"));
    console::log("after z", w->writableLength());
  });
  w->on("finish", [] { console::log("finish"); });
  setTimeout([w] { w->end([] { console::log("end cb"); }); }, 20);
}
