#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(finished_pipeline) {
  auto show = [](const std::optional<Error>& e) {
    return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
             : Value(undefined);
  };
  stream::Readable::Options noop;
  noop.read = [](stream::Readable&, std::size_t) {};
  auto r1 = std::make_shared<stream::Readable>(noop);
  stream::finished(r1, [r1, show](std::optional<Error> err) {
    console::log("finished r1", show(err), "ended", r1->readableEnded());
  });
  r1->on("end", [] { console::log("r1 end"); });
  r1->resume();
  r1->push("x");
  r1->push(nullptr);
  stream::Writable::Options wo;
  wo.write = [](stream::Writable&, Buffer, stream::Callback cb) {
    setImmediate([cb = std::move(cb)]() mutable { cb({}); });
  };
  auto w1 = std::make_shared<stream::Writable>(wo);
  stream::finished(w1, [w1, show](std::optional<Error> err) {
    console::log("finished w1", show(err), "destroyed", w1->destroyed());
  });
  w1->on("close", [] { console::log("w1 close"); });
  w1->write("a");
  w1->destroy();
  console::log("w1 destroyed", w1->destroyed());
  setTimeout(
      [show, noop] {
        console::log("--- pipeline ok");
        auto got = std::make_shared<std::string>();
        auto src = std::make_shared<stream::Readable>(noop);
        stream::Writable::Options dwo;
        dwo.write = [got](stream::Writable&, Buffer c, stream::Callback cb) {
          *got += c.toString();
          setImmediate([cb = std::move(cb)]() mutable { cb({}); });
        };
        auto dst = std::make_shared<stream::Writable>(dwo);
        dst->on("finish", [] { console::log("dst finish"); });
        stream::pipeline(src, dst, [show, got, src, dst](std::optional<Error> err) {
          console::log("pipeline ok cb", show(err), *got, "src destroyed", src->destroyed(),
                       "dst destroyed", dst->destroyed());
        });
        src->push("he");
        src->push("llo");
        src->push(nullptr);
      },
      10);
  setTimeout(
      [show, noop] {
        console::log("--- pipeline error");
        auto calls = std::make_shared<int>(0);
        auto src = std::make_shared<stream::Readable>(noop);
        src->on("close", [src] {
          console::log("src close, destroyed", src->destroyed(), "ended", src->readableEnded());
        });
        src->on("error", [show](const Error& e) { console::log("src error", show(e)); });
        stream::Writable::Options dwo;
        dwo.write = [](stream::Writable&, Buffer c, stream::Callback cb) {
          console::log("dst _write", c.toString());
          setImmediate([cb = std::move(cb)]() mutable { cb(Error("disk full", "EFULL")); });
        };
        auto dst = std::make_shared<stream::Writable>(dwo);
        dst->on("error", [show](const Error& e) { console::log("dst error", show(e)); });
        dst->on("close", [] { console::log("dst close"); });
        stream::pipeline(src, dst, [show, calls, src](std::optional<Error> err) {
          ++*calls;
          console::log("pipeline err cb", show(err), "calls", *calls, "src destroyed",
                       src->destroyed());
          setTimeout([calls] { console::log("calls total", *calls); }, 5);
        });
        src->push("a");
        src->push("b");
      },
      30);
}
