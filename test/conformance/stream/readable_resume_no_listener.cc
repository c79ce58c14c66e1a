#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(readable_resume_no_listener) {
  static int n = 0;
  stream::Readable::Options o;
  o.read = [](stream::Readable& self, std::size_t) {
    n++;
    if (n <= 4) {
      auto r = std::dynamic_pointer_cast<stream::Readable>(self.shared_from_this());
      setImmediate([r] { r->push("x" + std::to_string(n)); });
    } else {
      self.push(nullptr);
    }
  };
  auto r = std::make_shared<stream::Readable>(o);
  r->resume();
  console::log("flowing", r->readableFlowing() ? Value(*r->readableFlowing()) : Value(nullptr),
               "paused", r->isPaused());
  r->on("resume", [] { console::log("resume event"); });
  // The listener finds itself through a weak reference (no cycle).
  auto self = std::make_shared<std::weak_ptr<detail::ListenerImpl>>();
  Listener onData = makeListener([r, self](const Buffer& d) {
    console::log("data", d.toString());
    r->removeListener("data", Listener(self->lock()));
    console::log("removed, flowing",
                 r->readableFlowing() ? Value(*r->readableFlowing()) : Value(nullptr));
  });
  *self = onData;
  setImmediate([r, onData] { setImmediate([r, onData] { r->on("data", onData); }); });
  r->on("end", [r] { console::log("end, didRead", r->readableDidRead()); });
  r->on("close", [] { console::log("close"); });
}
