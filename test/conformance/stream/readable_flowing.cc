#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(readable_flowing) {
  static int n = 0;
  stream::Readable::Options o;
  o.highWaterMark = 4;
  o.read = [](stream::Readable& r, std::size_t size) {
    n++;
    console::log("_read", n, "size", size);
    if (n <= 3) {
      auto self = std::dynamic_pointer_cast<stream::Readable>(r.shared_from_this());
      setImmediate([self] { self->push("chunk" + std::to_string(n)); });
    } else {
      r.push(nullptr);
    }
  };
  auto r = std::make_shared<stream::Readable>(o);
  auto flowing = [](const stream::Readable& s) {
    auto f = s.readableFlowing();
    return f ? Value(*f) : Value(nullptr);
  };
  console::log("flowing before", flowing(*r));
  r->on("pause", [r, flowing] { console::log("pause event, flowing", flowing(*r)); });
  r->on("resume", [r, flowing] { console::log("resume event, flowing", flowing(*r)); });
  r->on("data", [r](const Buffer& d) {
    console::log("data", d.toString(), "length", r->readableLength());
    if (d.toString() == "chunk1") {
      r->pause();
      console::log("paused", r->isPaused());
      setTimeout(
          [r] {
            console::log("resuming");
            r->resume();
          },
          50);
    }
  });
  console::log("flowing after on(data)", flowing(*r));
  r->on("end",
        [r] { console::log("end, ended", r->readableEnded(), "destroyed", r->destroyed()); });
  r->on("close", [r] { console::log("close, destroyed", r->destroyed(), "closed", r->closed()); });
  process::nextTick([] { console::log("tick"); });
}
