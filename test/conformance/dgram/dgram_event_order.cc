// Port of dgram_event_order.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_event_order) {
  auto log = [](const std::string& s) { console::log(s); };
  auto receiver = dgram::createSocket("udp4");
  auto sender = dgram::createSocket("udp4");

  receiver->on("listening", [log] { log("receiver listening"); });
  receiver->bind(0, "127.0.0.1", [=] {
    log("receiver bind callback");
    int port = receiver->address().port;
    sender->on("listening", [log] { log("sender listening"); });
    sender->send("one", port, "127.0.0.1", [log](std::optional<Error> err, std::size_t bytes) {
      log("send one callback " + std::string(err ? err->toString() : "null") + " " +
          std::to_string(bytes));
    });
    sender->send(Buffer::from("two!"), port, [log](std::optional<Error> err, std::size_t bytes) {
      log("send two callback " + std::string(err ? err->toString() : "null") + " " +
          std::to_string(bytes));
    });
    nextTick([log] { log("tick after sends"); });
    setImmediate([log] { log("immediate after sends"); });
    log("sends issued");
  });
  log("bind issued");

  auto count = std::make_shared<int>(0);
  receiver->on("message", [=](Buffer msg, dgram::RemoteInfo rinfo) {
    log("message " + msg.toString() + " size " + std::to_string(rinfo.size) + " family " +
        rinfo.family + " from " + rinfo.address);
    if (++*count == 2) {
      receiver->close([log] { log("receiver close callback"); });
      receiver->on("close", [log] { log("receiver close event"); });
      nextTick([log] { log("tick after close"); });
      sender->close();
      sender->on("close", [log] { log("sender close event"); });
      log("close issued");
    }
  });
  process::on("exit", [log](int code) { log("exit " + std::to_string(code)); });
}
