// Seed process.nextTick use case 3 — emitting an event from a constructor.
//
//   function StreamLib() { this.emit("start"); }
//   var stream = new StreamLib();
//   stream.on("start", () => { console.log('xx') });   // never called
//
// on() and emit() are synchronous: the event fires before anyone listens. Emitting it
// on the next tick gives the caller time to subscribe:
//
//   function StreamLib() { process.nextTick(() => { this.emit("start"); }); }
#include <nodecc/nodecc.h>

#include <memory>

using namespace nodecc;

namespace {
class StreamLibSync : public EventEmitter {
 public:
  StreamLibSync() { emit("start"); }  // nobody can be listening yet
};

class StreamLib : public EventEmitter {
 public:
  // The object must exist (as a shared_ptr) before the tick can refer to it, so a
  // factory schedules the emit; the tick holds a weak pointer, as a JS closure would
  // simply keep `this`.
  static std::shared_ptr<StreamLib> create() {
    auto s = std::make_shared<StreamLib>();
    std::weak_ptr<StreamLib> weak = s;
    process::nextTick([weak] {
      if (auto self = weak.lock()) self->emit("start");
    });
    return s;
  }
};

std::shared_ptr<StreamLibSync> stream1;
std::shared_ptr<StreamLib> stream2;
}  // namespace

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    stream1 = std::make_shared<StreamLibSync>();
    stream1->on("start", [] { console::log("synchronous emit: received (never printed)"); });
    stream2 = StreamLib::create();
    stream2->on("start", [] { console::log("emit on next tick: received"); });
  });
}
