// Port of stream_shape.js.
#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {

void probe(const std::string& name, EventEmitter& e) {
  e.on("removeListener", [name](const std::string& ev, const Listener&) {
    console::log(name, "removeListener", ev);
  });
  Listener f = makeListener([] {});
  Listener g = makeListener([] {});
  e.on("foo", f);
  e.on("bar", f);
  e.on("data", f);
  e.on("error", f);
  console::log(name, "names", e.eventNames());
  e.off("foo", f);
  e.on("foo", g);
  console::log(name, "foo back", e.eventNames());
  e.on("data", g);
  e.off("data", g);
  e.off("data", f);
  console::log(name, "data gone", e.eventNames(), e.listenerCount("data"));
  e.on("data", f);
  console::log(name, "data back", e.eventNames());
  e.removeAllListeners("bar");
  e.off("error", f);
  e.on("error", f);
  console::log(name, "after removeAllListeners(bar)", e.eventNames());
  e.removeAllListeners();
  console::log(name, "all removed", e.eventNames());
  e.on("removeListener", [name](const std::string& ev, const Listener&) {
    console::log(name, "removeListener again", ev);
  });
  e.on("end", f);
  e.on("close", f);
  e.off("end", f);
  console::log(name, "fresh", e.eventNames());
}

void quiet(const std::string& name, EventEmitter& e) {
  Listener f = makeListener([] {});
  e.on("end", f);
  e.on("close", f);
  e.removeAllListeners("nothing");
  e.on("removeListener", [name](const std::string& ev, const Listener&) {
    console::log(name, "quiet: removeListener", ev);
  });
  e.off("end", f);
  e.on("end", f);
  console::log(name, "quiet", e.eventNames());
}

void bulk(const std::string& name, EventEmitter& e) {
  Listener f = makeListener([] {});
  Listener g = makeListener([] {});
  e.on("removeListener", [name](const std::string& ev, const Listener&) {
    console::log(name, "bulk: removeListener", ev);
  });
  e.on("data", f);
  e.on("data", g);
  e.on("zzz", f);
  e.on("finish", f);
  e.removeAllListeners();
  console::log(name, "bulk", e.eventNames());
}

std::shared_ptr<EventEmitter> make(const std::string& kind) {
  if (kind == "EventEmitter") return std::make_shared<EventEmitter>();
  if (kind == "Readable") {
    stream::Readable::Options o;
    o.read = [](stream::Readable&, std::size_t) {};
    return std::make_shared<stream::Readable>(std::move(o));
  }
  if (kind == "Writable") {
    stream::Writable::Options o;
    o.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb(std::nullopt); };
    return std::make_shared<stream::Writable>(std::move(o));
  }
  if (kind == "Duplex") {
    stream::Duplex::Options o;
    o.read = [](stream::Readable&, std::size_t) {};
    o.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb(std::nullopt); };
    return std::make_shared<stream::Duplex>(std::move(o));
  }
  return std::make_shared<stream::PassThrough>();
}

}  // namespace

NODECC_CONFORMANCE_CASE(stream_shape) {
  for (const char* kind : {"EventEmitter", "Readable", "Writable", "Duplex", "PassThrough"}) {
    probe(kind, *make(kind));
    quiet(kind, *make(kind));
    bulk(kind, *make(kind));
  }
}
