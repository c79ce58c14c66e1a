// Structured clone of messages: copies, transfers (moves without copying), shared
// memory, and Node's errors for what cannot be cloned or transferred.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <type_traits>

#include "nodecc/nodecc.h"
#include "nodecc/worker_threads.h"

namespace nodecc {
namespace {

using worker_threads::MessageChannel;
using worker_threads::MessagePort;
using worker_threads::MessagePortPtr;
using worker_threads::receiveMessageOnPort;

// What cannot be cloned does not even compile: a Value holds no functions.
static_assert(!std::is_constructible_v<Value, std::function<void()>>);
static_assert(!std::is_constructible_v<Value, void (*)()>);
static_assert(!std::is_constructible_v<Value, decltype([] {})>);
static_assert(!std::is_constructible_v<Value, int*>);
static_assert(!std::is_constructible_v<Value, std::shared_ptr<int>>);
static_assert(std::is_constructible_v<Value, MessagePortPtr>);

// Posts `v` on a fresh channel and returns what the other end receives.
Value roundTrip(const Value& v, const worker_threads::TransferList& list = {}) {
  auto [a, b] = MessageChannel();
  a->postMessage(v, list);
  Value r = receiveMessageOnPort(b);
  EXPECT_TRUE(r.isObject());
  return r["message"];
}

Error catchError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error thrown";
  return Error("none");
}

TEST(WorkerClone, PlainValuesArriveEqual) {
  nodecc::run([] {
    Value v = Object{{"a", 1},       {"s", "text"},
                     {"n", nullptr}, {"u", undefined},
                     {"t", true},    {"arr", Array{1, "two", Array{3}, Object{{"x", 4.5}}}}};
    Value got = roundTrip(v);
    EXPECT_EQ(got, v);
    EXPECT_EQ(util::inspect(got), util::inspect(v));
    EXPECT_TRUE(roundTrip(undefined).isUndefined());
    EXPECT_EQ(roundTrip("just a string"), Value("just a string"));
  });
}

TEST(WorkerClone, BufferIsCopiedWithItsWholeBackingStore) {
  nodecc::run([] {
    Buffer whole = Buffer::from("0123456789");
    Buffer view = whole.subarray(2, 5);
    Value got = roundTrip(Object{{"v", view}, {"again", whole.subarray(4, 6)}});
    const Buffer& r = got["v"].asBuffer();
    EXPECT_EQ(r.toString(), "234");
    EXPECT_EQ(r.byteOffset(), 2u);            // Node: the view's byteOffset survives
    EXPECT_EQ(r.byteLengthOfStorage(), 10u);  // and the whole ArrayBuffer came along
    EXPECT_FALSE(r.sharesMemoryWith(whole));  // a copy
    EXPECT_TRUE(r.sharesMemoryWith(got["again"].asBuffer()));  // one store in, one store out
    whole[3] = 'X';
    EXPECT_EQ(r.toString(), "234");
    EXPECT_EQ(view.toString(), "2X4");  // the sender keeps its Buffer
  });
}

TEST(WorkerClone, TransferMovesTheBytesAndDetachesTheSender) {
  nodecc::run([] {
    Buffer big = Buffer::alloc(1 << 20, 7);
    Buffer other = big.subarray(10);
    const std::uint8_t* bytes = big.data();
    Value got = roundTrip(Object{{"buf", big}}, {big});
    const Buffer& r = got["buf"].asBuffer();
    EXPECT_EQ(r.data(), bytes);  // not copied
    EXPECT_EQ(r.length(), 1u << 20);
    EXPECT_EQ(r[12345], 7);
    EXPECT_TRUE(big.detached());
    EXPECT_EQ(big.length(), 0u);
    EXPECT_EQ(other.length(), 0u);  // every view of the moved store is empty
    EXPECT_EQ(big.data(), nullptr);
  });
}

TEST(WorkerClone, TransferredBytesOutliveTheSendersViews) {
  Buffer received;
  nodecc::run([&] {
    Buffer b = Buffer::from("payload");
    {
      Buffer sender = b;
      received = roundTrip(sender, {sender}).asBuffer();
    }
    b = Buffer();
  });
  EXPECT_EQ(received.toString(), "payload");  // (ASan checks the memory is still owned)
}

TEST(WorkerClone, SharedArrayBufferIsSharedNotCopied) {
  nodecc::run([] {
    Buffer sab = Buffer::allocShared(16);
    EXPECT_TRUE(sab.isShared());
    Value got = roundTrip(Array{sab});
    const Buffer& r = got[0].asBuffer();
    EXPECT_TRUE(r.sharesMemoryWith(sab));
    Atomics::store<std::int32_t>(r, 1, 42);
    EXPECT_EQ(Atomics::load<std::int32_t>(sab, 1), 42);
    EXPECT_FALSE(sab.detached());
  });
}

TEST(WorkerClone, UntransferableBufferIsCopiedInstead) {
  nodecc::run([] {
    Buffer b = Buffer::from("keep");
    worker_threads::markAsUntransferable(b);
    Value got = roundTrip(b, {b});
    EXPECT_FALSE(b.detached());
    EXPECT_EQ(b.toString(), "keep");
    EXPECT_EQ(got.asBuffer().toString(), "keep");
    EXPECT_FALSE(got.asBuffer().sharesMemoryWith(b));
  });
}

TEST(WorkerClone, DetachedBufferInTheListArrivesEmpty) {
  nodecc::run([] {
    Buffer b = Buffer::from("abcd");
    roundTrip(b, {b});
    ASSERT_TRUE(b.detached());
    Value got = roundTrip(b, {b});  // Node: accepted, a 0-byte ArrayBuffer arrives
    EXPECT_TRUE(got.isBuffer());
    EXPECT_EQ(got.asBuffer().length(), 0u);
  });
}

TEST(WorkerClone, ErrorsHaveNodesShapes) {
  nodecc::run([] {
    auto [a, b] = MessageChannel();
    auto [c, d] = MessageChannel();

    Error e = catchError([&, a = a, c = c] { a->postMessage(Object{{"p", c}}); });
    EXPECT_EQ(e.name, "TypeError");
    EXPECT_EQ(e.code, "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST");
    EXPECT_EQ(e.message,
              "Object that needs transfer was found in message but not listed in transferList");

    Buffer sab = Buffer::allocShared(8);
    e = catchError([&, a = a] { a->postMessage(sab, {sab}); });
    EXPECT_EQ(e.name, "TypeError");
    EXPECT_EQ(e.code, "ERR_INVALID_TRANSFER_OBJECT");
    EXPECT_EQ(e.message, "Found invalid object in transferList");

    e = catchError([&, a = a] { a->postMessage(a, {a}); });
    EXPECT_EQ(e.name, "DataCloneError");
    EXPECT_EQ(e.message, "Transfer list contains source port");
    EXPECT_EQ(e.info["code"], Value(25));

    Buffer buf = Buffer::from("xy");
    e = catchError([&, a = a] { a->postMessage(buf, {buf, buf}); });
    EXPECT_EQ(e.message, "Transfer list contains duplicate ArrayBuffer");
    EXPECT_FALSE(buf.detached());  // a failed post transfers nothing

    e = catchError([&, a = a, c = c] { a->postMessage(c, {c, c}); });
    EXPECT_EQ(e.message, "Transfer list contains duplicate MessagePort");
    EXPECT_TRUE(c->active());

    e = catchError([&, a = a] { a->postMessage(HostObject{std::make_shared<int>(1), "Socket"}); });
    EXPECT_EQ(e.name, "DataCloneError");
    EXPECT_EQ(e.message, "Socket could not be cloned.");

    Buffer gone = Buffer::from("zz");
    a->postMessage(gone, {gone});
    e = catchError([&, a = a] { a->postMessage(Array{gone}); });
    EXPECT_EQ(e.name, "DataCloneError");
    EXPECT_EQ(e.message, "An ArrayBuffer is detached and could not be cloned.");

    a->postMessage(Object{{"p", c}}, {c});  // c moves into b's queue
    e = catchError([&, a = a, c = c] { a->postMessage(c, {c}); });
    EXPECT_EQ(e.name, "DataCloneError");
    EXPECT_EQ(e.message, "MessagePort in transfer list is already detached");

    e = catchError([] { receiveMessageOnPort(nullptr); });
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_TYPE");
    EXPECT_EQ(e.message, "The \"port\" argument must be a MessagePort instance");
    for (auto* p : {&a, &b, &c, &d}) (*p)->close();
  });
}

TEST(WorkerClone, PostingToAClosedPortIsSilentlyDroppedButStillChecked) {
  nodecc::run([] {
    auto [a, b] = MessageChannel();
    a->close();
    EXPECT_NO_THROW(a->postMessage("dropped"));
    Buffer buf = Buffer::from("moved anyway");
    a->postMessage(buf, {buf});
    EXPECT_TRUE(buf.detached());  // Node serialises (and transfers) before dropping
    EXPECT_THROW(a->postMessage(HostObject{std::make_shared<int>(1), "Socket"}), Error);
    EXPECT_TRUE(receiveMessageOnPort(b).isUndefined());
  });
}

}  // namespace
}  // namespace nodecc
