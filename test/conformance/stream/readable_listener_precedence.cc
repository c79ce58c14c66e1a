#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(readable_listener_precedence) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto r = std::make_shared<stream::Readable>(o);
  auto flowing = [r] {
    auto f = r->readableFlowing();
    return f ? Value(*f) : Value(nullptr);
  };
  r->on("data", [](const Buffer& d) { console::log("data", d.toString()); });
  console::log("after data: flowing", flowing());
  Listener onReadable = makeListener([r] {
    while (auto c = r->read()) console::log("read", c->toString());
    console::log("readable done, length", r->readableLength());
  });
  r->on("readable", onReadable);
  console::log("after readable: flowing", flowing());
  r->push("one");
  r->push("two");
  setImmediate([r, onReadable, flowing] {
    r->removeListener("readable", onReadable);
    console::log("removed: flowing", flowing(), "paused", r->isPaused());
    r->push("three");
    process::nextTick([flowing] { console::log("next tick: flowing", flowing()); });
    setImmediate([r] {
      r->push("four");
      r->push(nullptr);
    });
  });
  r->on("end", [] { console::log("end"); });
}
