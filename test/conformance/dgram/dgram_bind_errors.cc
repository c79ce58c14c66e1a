// Port of dgram_bind_errors.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_bind_errors) {
  auto first = dgram::createSocket("udp4");
  first->bind(0, "127.0.0.1", [first] {
    int port = first->address().port;
    auto second = dgram::createSocket("udp4");
    second->on("error", [=](const Error& err) {
      console::log(err.code + " " + std::to_string(*err.errnum) + " " + err.syscall + " " +
                   err.address + " " + (err.port == port ? "true" : "false"));
      std::string m = err.message;
      m.replace(m.find(std::to_string(port)), std::to_string(port).size(), "PORT");
      console::log(m);
      console::log("listening listeners: " + std::to_string(second->listenerCount("listening")));
      second->close();
      auto third = dgram::createSocket("udp4");
      third->on("error", [=](const Error& e) {
        console::log("bad host: " + e.code + " " + e.message);
        third->close();
        auto fourth = dgram::createSocket("udp4");
        fourth->on("error", [=](const Error& e2) {
          console::log("not local: " + e2.code + " " + e2.message);
          fourth->close();
          first->close();
        });
        fourth->bind(0, "192.0.2.123");
      });
      third->bind(0, "nosuch.invalid", [] { console::log("never"); });
    });
    second->bind(port, "127.0.0.1", [] { console::log("never"); });
  });
}
