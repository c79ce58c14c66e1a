#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using WP = std::shared_ptr<stream::Writable>;
Value show3c(const std::optional<Error>& e) {
  return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
           : Value(nullptr);
}
std::string st3c(const stream::Writable& w) {
  return "length " + std::to_string(w.writableLength()) + " needDrain " +
         (w.writableNeedDrain() ? "true" : "false") + " corked " +
         std::to_string(w.writableCorked());
}
WP mk3c(std::string name, bool withWrite = false) {
  stream::Writable::Options o;
  o.highWaterMark = 5;
  o.writev = [name](stream::Writable& w, std::vector<Buffer> chunks, stream::Callback cb) {
    std::string s;
    for (std::size_t i = 0; i < chunks.size(); i++) {
      if (i) s += "|";
      s += chunks[i].toString();
    }
    console::log(name, "_writev", chunks.size(), s, "length", w.writableLength(), "needDrain",
                 w.writableNeedDrain());
    if (s.find("bad") != std::string::npos)
      setImmediate([cb = std::move(cb)]() mutable { cb(Error("writev failed")); });
    else
      setImmediate([cb = std::move(cb)]() mutable { cb({}); });
  };
  if (withWrite) {
    o.write = [](stream::Writable&, Buffer c, stream::Callback cb) {
      console::log("b _write", c.toString());
      setImmediate([cb = std::move(cb)]() mutable { cb({}); });
    };
  }
  auto w = std::make_shared<stream::Writable>(o);
  stream::Writable* raw = w.get();
  for (std::string ev : {"drain", "finish", "close"})
    w->on(ev, [name, ev, raw] { console::log(name, ev, st3c(*raw)); });
  w->on("error", [name, raw](const Error& e) {
    console::log(name, "error", show3c(e), "errored", show3c(raw->errored()), st3c(*raw));
  });
  return w;
}
stream::Callback cb3c(std::string n, std::string s) {
  return stream::Callback(
      [n, s](std::optional<Error> err) { console::log(n, "cb", s, show3c(err)); });
}
void partC() {
  console::log("--- c");
  auto c = mk3c("c");
  c->cork();
  c->write("p", {}, cb3c("c", "p"));
  c->write("q", {}, cb3c("c", "q"));
  c->end(cb3c("c", "end()"));
  console::log("c ended while corked", st3c(*c));
  c->cork();
  console::log("c corked again", st3c(*c));
  c->destroy();
  console::log("c destroyed", st3c(*c));
}
void partB() {
  console::log("--- b");
  auto b = mk3c("b", true);
  b->write("first", {}, cb3c("b", "first"));
  b->write("ok", {}, cb3c("b", "ok"));
  b->write("bad", {}, cb3c("b", "bad"));
  b->write("after", {}, cb3c("b", "after"));
  console::log("b", st3c(*b));
  b->on("close", [] { setImmediate(partC); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_cork_needdrain) {
  auto a = mk3c("a");
  a->write("one", {}, cb3c("a", "one"));
  console::log("a single write went to writev", st3c(*a));
  a->cork();
  bool r = a->write("abc", {}, cb3c("a", "abc"));
  console::log("a write abc", r, st3c(*a));
  r = a->write("def", {}, cb3c("a", "def"));
  console::log("a write def", r, st3c(*a));
  a->uncork();
  console::log("a uncorked", st3c(*a));
  stream::Writable* raw = a.get();
  a->once("drain", [raw] {
    raw->cork();
    raw->cork();
    raw->write("x", {}, cb3c("a", "x"));
    raw->write("y");
    raw->write("z", {}, cb3c("a", "z"));
    console::log("a corked twice", st3c(*raw));
    raw->end("end", {}, cb3c("a", "end()"));
    console::log("a after end", st3c(*raw), "ended", raw->writableEnded());
  });
  a->on("close", [] { setImmediate(partB); });
}
