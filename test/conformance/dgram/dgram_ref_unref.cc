// Port of dgram_ref_unref.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_ref_unref) {
  auto s = dgram::createSocket("udp4");
  s->bind(0, [s] {
    console::log("listening");
    s->unref();
    setTimeout([] { console::log("timer still runs"); }, 10);
  });
  auto revived = std::make_shared<bool>(false);
  process::on("beforeExit", [s, revived] {
    console::log("beforeExit");
    if (!*revived) {
      *revived = true;
      s->ref();
      setTimeout(
          [s] {
            console::log("closing");
            s->close([] { console::log("closed"); });
          },
          10);
    }
  });
  process::on("exit", [] { console::log("exit"); });
}
