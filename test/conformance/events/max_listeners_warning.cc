// Port of max_listeners_warning.js.
#include "conformance.h"

using namespace nodecc;

namespace {
class Custom : public EventEmitter {};
std::shared_ptr<EventEmitter> e, z;
std::shared_ptr<Custom> c;
}  // namespace

NODECC_CONFORMANCE_CASE(max_listeners_warning) {
  e = std::make_shared<EventEmitter>();
  e->setMaxListeners(1);
  process::on("warning",
              [](const Error& warning) { console::log(warning.name, "|", warning.message); });
  e->on("event-type", [] {});
  e->on("event-type", [] {});  // Trigger warning.
  e->on("event-type", [] {});  // Verify that warning is emitted only once.
  c = std::make_shared<Custom>();
  for (int i = 0; i < 11; i++) c->on("data", [] {});
  console::log("default max", EventEmitter::defaultMaxListeners.load(), c->getMaxListeners());
  z = std::make_shared<EventEmitter>();
  z->setMaxListeners(0);
  for (int i = 0; i < 20; i++) z->on("x", [] {});
  console::log("listeners added");
}
