// MessageChannel / MessagePort / BroadcastChannel on one thread: order, referencing,
// closing, transfer of ports, receiveMessageOnPort.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "nodecc/nodecc.h"
#include "nodecc/worker_threads.h"

namespace nodecc {
namespace {

using worker_threads::BroadcastChannel;
using worker_threads::MessageChannel;
using worker_threads::MessagePort;
using worker_threads::MessagePortPtr;
using worker_threads::receiveMessageOnPort;

TEST(MessagePort, ReceiveMessageOnPortIsFifoAndEmitsNothing) {
  // test-worker-message-port-receive-message.js
  int emitted = 0;
  nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    Value message1 = Object{{"hello", "world"}};
    Value message2 = Object{{"foo", "bar"}};
    EXPECT_TRUE(receiveMessageOnPort(port2).isUndefined());
    port1->postMessage(message1);
    port1->postMessage(message2);
    EXPECT_EQ(receiveMessageOnPort(port2), (Value(Object{{"message", message1}})));
    EXPECT_EQ(receiveMessageOnPort(port2), (Value(Object{{"message", message2}})));
    EXPECT_TRUE(receiveMessageOnPort(port2).isUndefined());
    port2->on("message", [&](const Value&) { ++emitted; });
    port1->postMessage(message1);
    EXPECT_EQ(receiveMessageOnPort(port2), (Value(Object{{"message", message1}})));
    port1->close();
  });
  EXPECT_EQ(emitted, 0);
}

TEST(MessagePort, UnrefdUntilItHasAMessageListener) {
  bool fired = false;
  auto start = std::chrono::steady_clock::now();
  int rc = nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    EXPECT_FALSE(port2->hasRef());
    port1->postMessage("queued");  // nobody listens: the loop may end with it queued
    setTimeout([&] { fired = true; }, 1);
  });
  EXPECT_EQ(rc, 0);
  EXPECT_TRUE(fired);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));

  std::vector<std::string> log;
  nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    auto listener = makeListener([&, p = port2.get()](const Value& v) {
      log.push_back(v.asString());
      EXPECT_TRUE(p->hasRef());
    });
    port2->on("message", listener);
    EXPECT_TRUE(port2->hasRef());
    port1->postMessage("one");
    setTimeout(
        [&, port1 = port1, port2 = port2, listener] {
          port2->off("message", listener);  // no listener: unref'd and stopped
          EXPECT_FALSE(port2->hasRef());
          port1->postMessage("two");  // stays queued
          setTimeout(
              [&, port2 = port2] {
                EXPECT_EQ(receiveMessageOnPort(port2), (Value(Object{{"message", "two"}})));
              },
              20);
        },
        20);
  });
  EXPECT_EQ(log, (std::vector<std::string>{"one"}));
}

TEST(MessagePort, CloseReachesThePeerAfterWhatWasSentBefore) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    port2->on("message", [&](const Value& m) { log.push_back("p2 " + m.toString()); });
    port1->on("close", [&] { log.push_back("p1 close"); });
    port2->on("close", [&] { log.push_back("p2 close"); });
    port1->postMessage(1);
    port1->postMessage(2);
    port1->close();
    port1->postMessage(3);  // after close: dropped
    nextTick([&] { log.push_back("tick"); });
  });
  EXPECT_EQ(log, (std::vector<std::string>{"tick", "p2 1", "p2 2", "p1 close", "p2 close"}));
}

TEST(MessagePort, MessagesPendingOnTheClosingPortAreDropped) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto [port1, port2] = MessageChannel();
    port1->on("message", [&](const Value&) { log.push_back("p1 message"); });
    port2->postMessage("x");
    port1->close([&] { log.push_back("p1 close"); });
    port2->on("close", [&] { log.push_back("p2 close"); });
    port2->ref();  // an unref'd port would let the loop end before its close message
  });
  EXPECT_EQ(log, (std::vector<std::string>{"p1 close", "p2 close"}));
}

TEST(MessagePort, APortTravelsInAMessageAndKeepsItsQueue) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto [a1, a2] = MessageChannel();
    auto [b1, b2] = MessageChannel();
    b1->on("close", [&] { log.push_back("original b1 close"); });
    b2->postMessage("sent before the move");
    a1->postMessage(Object{{"port", b1}}, {b1});
    EXPECT_FALSE(b1->active());
    b1->postMessage("lost");  // a transferred port drops what it is given
    Value got = receiveMessageOnPort(a2);
    MessagePortPtr moved = got["message"]["port"].host<MessagePort>();
    ASSERT_TRUE(moved);
    EXPECT_NE(moved, b1);
    EXPECT_EQ(receiveMessageOnPort(moved), (Value(Object{{"message", "sent before the move"}})));
    b2->on("message", [&, b2 = b2](const Value& m) {
      log.push_back("b2 " + m.asString());
      b2->close();
    });
    moved->postMessage("via the moved port");
    moved->on("close", [&] { log.push_back("moved close"); });
    moved->ref();  // without a 'message' listener it would not keep the loop alive
    a1->close();
  });
  // The message arrives in the poll phase; the original's handle closes in the close
  // phase of that same loop iteration (as in Node).
  EXPECT_EQ(
      log, (std::vector<std::string>{"b2 via the moved port", "original b1 close", "moved close"}));
}

TEST(MessagePort, DroppingAnUnrefdPortClosesItsPeer) {
  bool peerClosed = false;
  nodecc::run([&] {
    MessagePortPtr keep;
    {
      auto [port1, port2] = MessageChannel();
      keep = port1;
    }  // port2 is gone: as when Node collects it
    keep->on("close", [&] { peerClosed = true; });
    keep->ref();
  });
  EXPECT_TRUE(peerClosed);
}

TEST(MessagePort, AThrowingListenerLeavesTheRestForTheNextTurn) {
  std::vector<std::string> log;
  nodecc::run([&] {
    process::on("uncaughtException",
                [&](const Error& e, std::string) { log.push_back("uncaught " + e.message); });
    auto [port1, port2] = MessageChannel();
    port2->on("message", [&, port2 = port2](const Value& m) {
      log.push_back("got " + m.toString());
      if (m.asNumber() == 1) throw Error("boom");
      if (m.asNumber() == 3) port2->close();
    });
    for (int i = 1; i <= 3; ++i) port1->postMessage(i);
  });
  EXPECT_EQ(log, (std::vector<std::string>{"got 1", "uncaught boom", "got 2", "got 3"}));
}

TEST(MessagePort, InspectShowsState) {
  nodecc::run([] {
    auto [port1, port2] = MessageChannel();
    EXPECT_EQ(util::inspect(*port1), "MessagePort { active: true, refed: false }");
    port1->ref();
    EXPECT_EQ(util::inspect(port1), "MessagePort { active: true, refed: true }");
    port1->close();
    EXPECT_EQ(util::inspect(port1), "MessagePort { active: false }");
    auto bc = BroadcastChannel::create("inspect");
    EXPECT_EQ(util::inspect(bc), "BroadcastChannel { name: 'inspect', active: true }");
    bc->close();
  });
}

TEST(BroadcastChannel, OtherChannelsOfTheNameReceive) {
  std::vector<std::string> log;
  std::string closedError;
  nodecc::run([&] {
    auto a = BroadcastChannel::create("ch");
    auto b = BroadcastChannel::create("ch");
    auto c = BroadcastChannel::create("other");
    b->on("message", [&](const Value& v) { log.push_back("b " + v["x"].toString()); });
    c->on("message", [&](const Value&) { log.push_back("c"); });
    a->on("message", [&](const Value&) { log.push_back("a (never: not to itself)"); });
    a->postMessage(Object{{"x", 1}});
    setTimeout(
        [&, a, b, c] {
          a->close();
          b->close();
          c->close();
          a->close();  // idempotent
          try {
            a->postMessage(1);
          } catch (const Error& e) {
            closedError = e.name + ": " + e.message;
          }
        },
        20);
  });
  EXPECT_EQ(log, (std::vector<std::string>{"b 1"}));
  EXPECT_EQ(closedError, "InvalidStateError: BroadcastChannel is closed.");
}

TEST(BroadcastChannel, KeepsTheLoopAliveUntilUnrefd) {
  auto start = std::chrono::steady_clock::now();
  nodecc::run([] { BroadcastChannel::create("unref")->unref(); });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace nodecc
