// Port of seed_nexttick_emit_constructor.js.
#include <memory>

#include "conformance.h"

using namespace nodecc;

namespace {
class StreamLibSync : public EventEmitter {
 public:
  StreamLibSync() { emit("start"); }
};
class StreamLib : public EventEmitter {
 public:
  // shared_from_this is not available in a constructor: the tick holds a weak pointer
  // set by the factory, as the JS closure holds `this`.
  static std::shared_ptr<StreamLib> create() {
    auto s = std::make_shared<StreamLib>();
    std::weak_ptr<StreamLib> weak = s;
    process::nextTick([weak] {
      if (auto self = weak.lock()) self->emit("start");
    });
    return s;
  }
};
std::shared_ptr<StreamLibSync> s1;
std::shared_ptr<StreamLib> s2;
}  // namespace

NODECC_CONFORMANCE_CASE(seed_nexttick_emit_constructor) {
  s1 = std::make_shared<StreamLibSync>();
  s1->on("start", [] { console::log("sync: start received"); });
  s2 = StreamLib::create();
  s2->on("start", [] { console::log("nextTick: start received"); });
  console::log("subscribed");
  process::on("exit", [] { console::log("sync listener count", s1->listenerCount("start")); });
}
