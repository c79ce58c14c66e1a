// EventEmitter: typed listeners, once, prepend, removal during emit, newListener /
// removeListener order, the max-listeners warning, errorMonitor.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

#include "helpers.h"

using namespace nodecc;
using nodecc_test::runScript;

namespace {
// A class that declares its events' argument types, as net.Socket does.
class Typed : public EventEmitter {
 protected:
  const detail::SigInfo* declaredSignature(std::string_view event) const override {
    if (event == "data") return &detail::SigOf<Buffer>::info;
    if (event == "pair") return &detail::SigOf<int, std::string>::info;
    return nullptr;
  }
};

// A class with a built-in listener shared by every instance, as net.Socket's 'end'
// (Node's onReadableStreamEnd reads `this`).
class WithShared : public EventEmitter {
 public:
  WithShared() { addSharedListener("end", listener()); }
  explicit WithShared(const char* first) {
    on(first, [] {});
    addSharedListener("end", listener());
  }
  static const Listener& listener() {
    thread_local const Listener l = std::make_shared<detail::ThisListener<&onEnd>>();
    return l;
  }
  int ends = 0;

 private:
  static void onEnd(EventEmitter& self) { ++dynamic_cast<WithShared&>(self).ends; }
};
}  // namespace

TEST(EventEmitter, WrongListenerForDeclaredEventFailsAtRegistration) {
  Typed t;
  t.on("data", [](const Buffer&) {});  // exact
  t.on("pair", [](int) {});            // a prefix is fine
  t.on("pair", [] {});                 // so is nothing
  try {
    t.on("data", [](const std::string&) {});
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.name, "TypeError");
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_TYPE");
    EXPECT_NE(e.message.find("'data'"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("nodecc::Buffer"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("std::string"), std::string::npos) << e.message;
  }
  try {
    t.on("pair", [](int, const std::string&, bool) {});  // too many parameters
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_TYPE");
    EXPECT_NE(e.message.find("at most 2"), std::string::npos) << e.message;
  }
  EXPECT_EQ(t.listenerCount("data"), 1u);  // the rejected listener was not added
  EXPECT_EQ(t.listenerCount("pair"), 2u);
}

TEST(EventEmitter, WrongListenerForUndeclaredEventFailsAtEmit) {
  EventEmitter e;
  int calls = 0;
  e.on("x", [&calls](int) { ++calls; });
  EXPECT_TRUE(e.emit("x", 1));
  try {
    e.emit("x", std::string("not an int"));
    FAIL() << "no throw";
  } catch (const Error& err) {
    EXPECT_EQ(err.name, "TypeError");
    EXPECT_EQ(err.code, "ERR_INVALID_ARG_TYPE");
    EXPECT_NE(err.message.find("'x'"), std::string::npos);
    EXPECT_NE(err.message.find("(int)"), std::string::npos) << err.message;
    EXPECT_NE(err.message.find("(std::string)"), std::string::npos) << err.message;
  }
  EXPECT_EQ(calls, 1);
  // String literals travel as std::string.
  e.on("s", [&calls](const std::string& s) { calls += s == "lit" ? 10 : 0; });
  e.emit("s", "lit");
  EXPECT_EQ(calls, 11);
}

TEST(EventEmitter, WrongListenerInsideAScriptIsAnUncaughtTypeError) {
  testing::internal::CaptureStderr();
  int code = runScript([] {
    auto e = std::make_shared<EventEmitter>();
    e->on("n", [](double) {});
    setTimeout([e] { e->emit("n", std::string("x")); }, 1);
  });
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 1);
  EXPECT_EQ(
      err.rfind("TypeError [ERR_INVALID_ARG_TYPE]: The \"listener\" argument for event 'n'", 0), 0u)
      << err;
}

TEST(EventEmitter, OnceRemovesItselfBeforeRunning) {
  EventEmitter e;
  std::vector<std::string> log;
  e.once("a", [&](int n) {
    log.push_back("once " + std::to_string(n) + " count " + std::to_string(e.listenerCount("a")));
    e.emit("a", n + 1);
  });
  e.on("a", [&](int n) { log.push_back("on " + std::to_string(n)); });
  e.emit("a", 1);
  e.emit("a", 5);
  EXPECT_EQ(log, (std::vector<std::string>{"once 1 count 1", "on 2", "on 1", "on 5"}));
}

TEST(EventEmitter, PrependOrder) {
  EventEmitter e;
  std::string order;
  e.on("x", [&] { order += "c"; });
  e.prependListener("x", [&] { order += "b"; });
  e.prependOnceListener("x", [&] { order += "a"; });
  e.emit("x");
  e.emit("x");
  EXPECT_EQ(order, "abcbc");
}

TEST(EventEmitter, RemovalDuringEmitUsesTheSnapshot) {
  EventEmitter e;
  int a = 0, b = 0, c = 0;
  Listener lb = makeListener([&] { ++b; });
  Listener lc = makeListener([&] { ++c; });
  e.on("x", [&] {
    ++a;
    e.off("x", lb);
    e.on("x", lc);  // added during the emit: not called by this emit
  });
  e.on("x", lb);
  e.emit("x");
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, 1);  // removed mid-emit, still called
  EXPECT_EQ(c, 0);
  e.emit("x");
  EXPECT_EQ(b, 1);
  EXPECT_EQ(c, 1);
}

TEST(EventEmitter, OffRemovesTheMostRecentMatch) {
  EventEmitter e;
  std::string order;
  Listener l = makeListener([&] { order += "l"; });
  e.on("x", l);
  e.on("x", [&] { order += "m"; });
  e.on("x", l);
  e.off("x", l);
  e.emit("x");
  EXPECT_EQ(order, "lm");
  e.off("x", makeListener([] {}));  // unknown listener: nothing happens
  EXPECT_EQ(e.listenerCount("x"), 2u);
}

TEST(EventEmitter, NewListenerAndRemoveListenerOrder) {
  EventEmitter e;
  std::vector<std::string> log;
  e.on("newListener", [&](const std::string& name) {
    log.push_back("new " + name + " (count " + std::to_string(e.listenerCount(name)) + ")");
  });
  e.on("removeListener", [&](const std::string& name) {
    log.push_back("removed " + name + " (count " + std::to_string(e.listenerCount(name)) + ")");
  });
  Listener l = makeListener([] {});
  e.on("x", l);
  e.off("x", l);
  e.once("y", [] {});
  e.emit("y");
  EXPECT_EQ(log, (std::vector<std::string>{"new removeListener (count 0)", "new x (count 0)",
                                           "removed x (count 0)", "new y (count 0)",
                                           "removed y (count 0)"}));
}

TEST(EventEmitter, MaxListenersWarningOncePerEvent) {
  testing::internal::CaptureStderr();
  std::vector<std::string> warnings;
  int code = runScript([&warnings] {
    process::on("warning",
                [&warnings](const Error& w) { warnings.push_back(w.name + ": " + w.message); });
    auto e = std::make_shared<EventEmitter>();
    e->setMaxListeners(2);
    for (int i = 0; i < 5; ++i) e->on("evt", [] {});
    for (int i = 0; i < 3; ++i) e->on("other", [] {});
    EXPECT_TRUE(warnings.empty());  // emitted on the next tick
  });
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 0);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(
      warnings[0],
      "MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 3 evt listeners "
      "added "
      "to [EventEmitter]. MaxListeners is 2. Use emitter.setMaxListeners() to increase limit");
  EXPECT_NE(warnings[1].find("3 other listeners"), std::string::npos);
  EXPECT_NE(
      err.find(") MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 3 evt"),
      std::string::npos)
      << err;
}

TEST(EventEmitter, SetMaxListenersRejectsNegative) {
  EventEmitter e;
  try {
    e.setMaxListeners(-1);
    FAIL() << "no throw";
  } catch (const Error& err) {
    EXPECT_EQ(err.code, "ERR_OUT_OF_RANGE");
  }
  e.setMaxListeners(0);
  for (int i = 0; i < 50; ++i) e.on("x", [] {});  // 0 = unlimited, and no Environment needed
  EXPECT_EQ(e.listenerCount("x"), 50u);
}

TEST(EventEmitter, ErrorMonitorSeesErrorsFirstAndDoesNotHandleThem) {
  EventEmitter e;
  std::vector<std::string> log;
  e.on(events::errorMonitor, [&](const Error& err) { log.push_back("monitor " + err.message); });
  try {
    e.emit("error", Error("boom"));
    FAIL() << "no throw";
  } catch (const Error& err) {
    EXPECT_EQ(err.message, "boom");
  }
  e.on("error", [&](const Error& err) { log.push_back("handler " + err.message); });
  EXPECT_TRUE(e.emit("error", Error("again")));
  EXPECT_EQ(log, (std::vector<std::string>{"monitor boom", "monitor again", "handler again"}));
  EXPECT_EQ(e.listenerCount("error"), 1u);
}

TEST(EventEmitter, UnhandledNonErrorValues) {
  EventEmitter e;
  try {
    e.emit("error", 42);
    FAIL() << "no throw";
  } catch (const Error& err) {
    EXPECT_EQ(err.code, "ERR_UNHANDLED_ERROR");
    EXPECT_EQ(err.message, "Unhandled error. (42)");
    EXPECT_EQ(err.header(), "Error [ERR_UNHANDLED_ERROR]: Unhandled error. (42)");
  }
}

TEST(EventEmitter, EventsOnceResolvesAndRejects) {
  std::vector<std::string> log;
  int code = runScript([&log] {
    auto e = std::make_shared<EventEmitter>();
    events::once<int, std::string>(e, "ready")
        .then([&log, e](const std::tuple<int, std::string>& args) {
          log.push_back("ready " + std::to_string(std::get<0>(args)) + " " + std::get<1>(args) +
                        " listeners " +
                        std::to_string(e->listenerCount("ready") + e->listenerCount("error")));
        });
    events::once<int>(e, "never").catch_([&log](const Error& err) {
      log.push_back("rejected " + err.message);
      return std::tuple<int>{0};
    });
    process::nextTick([e] { e->emit("ready", 7, "go"); });
    setImmediate([e] { e->emit("error", Error("bad")); });
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(log, (std::vector<std::string>{"ready 7 go listeners 1", "rejected bad"}));
}

TEST(EventEmitter, SharedListenerSeesTheEmitterThatEmits) {
  WithShared a, b;
  a.emit("end");
  a.emit("end");
  b.emit("end");
  EXPECT_EQ(a.ends, 2);
  EXPECT_EQ(b.ends, 1);
  // One function for every emitter, as a JS function on the prototype chain.
  ASSERT_EQ(a.listeners("end").size(), 1u);
  EXPECT_EQ(a.listeners("end")[0], b.listeners("end")[0]);
  EXPECT_EQ(a.eventNames(), std::vector<std::string>{"end"});
}

TEST(EventEmitter, ChangingASharedTableCopiesIt) {
  WithShared a, b, c;
  std::vector<std::string> log;
  a.on("end", [&] { log.push_back("a2"); });
  b.on("data", [&] { log.push_back("b-data"); });
  c.removeAllListeners("end");
  a.emit("end");
  b.emit("end");
  b.emit("data");
  c.emit("end");
  EXPECT_EQ(a.ends, 1);
  EXPECT_EQ(b.ends, 1);
  EXPECT_EQ(c.ends, 0);
  EXPECT_EQ(log, (std::vector<std::string>{"a2", "b-data"}));
  EXPECT_EQ(a.listenerCount("end"), 2u);
  EXPECT_EQ(b.eventNames(), (std::vector<std::string>{"end", "data"}));
  EXPECT_EQ(c.listenerCount("end"), 0u);
  EXPECT_TRUE(c.eventNames().empty());
  // A fresh emitter still gets the untouched shared table.
  WithShared d;
  EXPECT_EQ(d.listenerCount("end"), 1u);
  d.off("end", WithShared::listener());
  EXPECT_EQ(d.listenerCount("end"), 0u);
  EXPECT_EQ(WithShared().listenerCount("end"), 1u);
}

TEST(EventEmitter, SharedListenerAfterOtherEventsAndDuringEmit) {
  // With an event already there, the emitter's own table holds the shared listener array.
  WithShared a("data");
  EXPECT_EQ(a.eventNames(), (std::vector<std::string>{"data", "end"}));
  a.emit("end");
  EXPECT_EQ(a.ends, 1);
  // Adding to the shared table from inside its emit: this emit keeps its snapshot, the
  // other emitters keep the shared table.
  WithShared b, c;
  int added = 0;
  b.prependListener("x", [] {});
  c.on("end", [&] {});
  WithShared d;
  Listener late = makeListener([&] { ++added; });
  d.prependOnceListener("end", [&] { d.on("end", late); });
  d.emit("end");
  EXPECT_EQ(added, 0);
  EXPECT_EQ(d.ends, 1);
  d.emit("end");
  EXPECT_EQ(added, 1);
  EXPECT_EQ(d.ends, 2);
  EXPECT_EQ(WithShared().listenerCount("end"), 1u);
}

// The listener arrays and the event table are pooled vectors: past 1 KiB (43 entries, 22
// events) they move to operator new and back, keeping order and contents.
TEST(EventEmitter, ManyListenersAndEventsCrossThePoolLimit) {
  EventEmitter e;
  std::vector<int> order;
  std::vector<Listener> added;
  for (int i = 0; i < 100; ++i) {
    added.push_back(makeListener([&order, i] { order.push_back(i); }));
    e.on("x", added.back());
  }
  for (int i = 0; i < 30; ++i) e.on("event" + std::to_string(i), [] {});
  e.emit("x");
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
  for (int i = 0; i < 100; i += 2) e.off("x", added[static_cast<std::size_t>(i)]);
  for (int i = 0; i < 25; ++i) e.removeAllListeners("event" + std::to_string(i));
  order.clear();
  e.emit("x");
  ASSERT_EQ(order.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], 2 * i + 1);
  EXPECT_EQ(e.eventNames().size(), 6u);
  e.removeAllListeners();
  EXPECT_TRUE(e.eventNames().empty());
}

TEST(PoolAllocator, ArraysUpToOneKibFromThePoolLargerFromOperatorNew) {
  std::vector<std::uint64_t, nodecc::detail::PoolAllocator<std::uint64_t>> v;
  std::uint64_t sum = 0;
  for (std::uint64_t i = 1; i <= 1000; ++i) {  // 8 KiB at the end: both sides of 1 KiB
    v.push_back(i);
    sum += i;
  }
  EXPECT_EQ(std::accumulate(v.begin(), v.end(), std::uint64_t{0}), sum);
  v.resize(3);
  v.shrink_to_fit();
  EXPECT_EQ(v[2], 3u);
  nodecc::detail::PoolAllocator<std::uint64_t> a;
  std::uint64_t* none = a.allocate(0);  // a zero count goes to operator new, not a class
  a.deallocate(none, 0);
  std::uint64_t* full = a.allocate(128);  // exactly 1 KiB: the pool's largest class
  full[127] = 7;
  EXPECT_EQ(full[127], 7u);
  a.deallocate(full, 128);
}
