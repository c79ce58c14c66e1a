#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(writable_final_errors) {
  auto show = [](const std::optional<Error>& e) {
    return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
             : Value(nullptr);
  };
  stream::Writable::Options co;
  co.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb({}); };
  co.final = [](stream::Writable&, stream::Callback cb) {
    console::log("c _final");
    setTimeout(
        [cb = std::move(cb)]() mutable {
          console::log("c final cb");
          cb({});
        },
        5);
  };
  auto c = std::make_shared<stream::Writable>(co);
  for (std::string ev : {"prefinish", "finish", "close"}) {
    c->on(ev, [c, ev] {
      console::log("c", ev, "finished", c->writableFinished(), "destroyed", c->destroyed());
    });
  }
  c->end("x", [](std::optional<Error> err) { console::log("c end cb", err); });
  console::log("c ended", c->writableEnded(), "finished", c->writableFinished());
  setTimeout(
      [show] {
        console::log("--- a");
        stream::Writable::Options ao;
        ao.write = [](stream::Writable&, Buffer chunk, stream::Callback cb) {
          console::log("a _write", chunk.toString());
          cb({});
        };
        ao.final = [](stream::Writable&, stream::Callback cb) {
          console::log("a _final");
          setTimeout(
              [cb = std::move(cb)]() mutable {
                console::log("a final cb");
                cb({});
              },
              5);
        };
        auto a = std::make_shared<stream::Writable>(ao);
        a->on("finish", [] { console::log("a finish (never)"); });
        a->on("error", [a, show](const Error& e) {
          console::log("a error", show(e), "errored", show(a->errored()));
        });
        a->on("close", [a] { console::log("a close, destroyed", a->destroyed()); });
        a->write("one");
        a->end([show](std::optional<Error> err) { console::log("a end cb", show(err)); });
        bool r = a->write("two", [show](std::optional<Error> err) {
          console::log("a write-after-end cb", show(err));
        });
        console::log("a write after end returned", r, "ended", a->writableEnded());
        process::nextTick([] { console::log("a tick"); });
      },
      20);
  setTimeout(
      [show] {
        console::log("--- b");
        stream::Writable::Options bo;
        bo.write = [](stream::Writable&, Buffer chunk, stream::Callback cb) {
          console::log("b _write", chunk.toString());
          if (chunk.toString() == "bad") {
            setImmediate([cb = std::move(cb)]() mutable { cb(Error("write failed")); });
          } else {
            cb({});
          }
        };
        auto b = std::make_shared<stream::Writable>(bo);
        b->on("error", [b](const Error& e) {
          console::log("b error", e.message, "destroyed", b->destroyed(), "errored",
                       b->errored() ? Value(b->errored()->message) : Value(nullptr), "closed",
                       b->closed());
        });
        b->on("close", [b, show] {
          console::log("b close, destroyed", b->destroyed(), "writable", b->writable());
          b->write("later",
                   [show](std::optional<Error> err) { console::log("b later cb", show(err)); });
          console::log("b later write sync");
        });
        b->on("finish", [] { console::log("b finish (never)"); });
        b->write("ok", [show](std::optional<Error> err) { console::log("b ok cb", show(err)); });
        b->write("bad", [b, show](std::optional<Error> err) {
          console::log("b bad cb", show(err), "destroyed", b->destroyed());
        });
        b->write("queued",
                 [show](std::optional<Error> err) { console::log("b queued cb", show(err)); });
        console::log("b length", b->writableLength(), "errored", b->errored());
      },
      40);
}
