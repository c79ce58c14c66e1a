// Port of probe3_server_state.js.
#include <deque>

#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
std::deque<std::function<void()>> steps;
// AddressInfo has no util::Inspector; every address() printed here is null.
std::string addr(const net::ServerPtr& s) { return s->address() ? "{...}" : "null"; }
void next() {
  if (steps.empty()) return;
  auto f = std::move(steps.front());
  steps.pop_front();
  f();
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_server_state) {
  steps.push_back([] {
    auto s = net::createServer();
    console::log("A new: address", addr(s), "listening", s->listening());
    s->listen(0);
    console::log("A after listen(0): listening", s->listening(), "family", s->address()->family);
    try {
      s->listen(0);
    } catch (const Error& e) {
      console::log("A listen again:", e.name, e.code, e.message);
    }
    s->on("listening", [] { console::log("A listening event"); });
    s->close([s](std::optional<Error> err) {
      console::log("A close cb", Maybe<Error>(err), "address", addr(s), "listening",
                   s->listening());
      next();
    });
    console::log("A after close(): listening", s->listening(), "address", addr(s));
  });

  steps.push_back([] {
    auto s = net::createServer();
    s->listen(0, "127.0.0.1", [] { console::log("B first listen cb"); });
    console::log("B listening while looking up", s->listening(), "address", addr(s));
    try {
      s->listen(0, "127.0.0.1", [s] { console::log("B second listen cb", s->address()->family); });
      console::log("B second listen() did not throw");
    } catch (const Error& e) {
      console::log("B listen again:", e.code);
    }
    s->on("listening", [s] {
      console::log("B listening event; listeners left", s->listenerCount("listening"));
      setTimeout(
          [s] {
            s->close([] {
              console::log("B closed");
              next();
            });
          },
          20);
    });
  });

  steps.push_back([] {
    auto s = net::createServer();
    s->on("listening", [] { console::log("C listening (unexpected)"); });
    s->listen(0, "127.0.0.1", [] { console::log("C listen cb (unexpected)"); });
    s->close([s](std::optional<Error> err) {
      console::log("C close cb", err ? err->code : "null", err ? err->message : "null");
      setTimeout(
          [s] {
            console::log("C later: listening", s->listening(), "address", addr(s));
            next();
          },
          50);
    });
    s->on("close", [] { console::log("C close event"); });
  });

  steps.push_back([] {
    auto s = net::createServer();
    s->on("listening",
          [] { console::log("D listening event (listener added before the first listen)"); });
    s->on("close", [] { console::log("D close event"); });
    s->listen(net::ListenOptions{.port = 0, .host = "localhost"},
              [] { console::log("D first listen cb (still registered)"); });
    s->close();
    s->listen(0, "127.0.0.1", [s] {
      console::log("D relisten cb", s->address()->address);
      s->close([] {
        console::log("D done");
        next();
      });
    });
  });
  next();
}
