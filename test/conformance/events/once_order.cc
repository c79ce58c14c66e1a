// Port of once_order.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(once_order) {
  EventEmitter ee;
  std::vector<std::string> log;
  ee.on("newListener", [&log](const std::string& name) { log.push_back("newListener " + name); });
  ee.on("removeListener",
        [&log](const std::string& name) { log.push_back("removeListener " + name); });
  ee.once("ping", [&](int n) {
    log.push_back("ping " + std::to_string(n) + " (listeners now " +
                  std::to_string(ee.listenerCount("ping")) + ")");
    ee.emit("ping", n + 1);
  });
  ee.on("ping", [&log](int n) { log.push_back("persistent ping " + std::to_string(n)); });
  ee.emit("ping", 1);
  ee.emit("ping", 10);
  std::string s;
  for (const auto& l : log) s += (s.empty() ? "" : "\n") + l;
  console::log(s);
}
