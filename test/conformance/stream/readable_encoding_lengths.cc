#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(readable_encoding_lengths) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  o.highWaterMark = 6;
  auto r = std::make_shared<stream::Readable>(o);
  r->setEncoding("utf8");
  auto text = [](const std::optional<Buffer>& b) {
    return b ? Value(b->toString()).stringify() : std::string("null");
  };
  bool pushed = r->push("héllo");
  console::log("push", pushed, "length", r->readableLength());
  pushed = r->push("€😀");
  console::log("push", pushed, "length", r->readableLength());
  auto got = r->read(2);
  console::log("read(2)", text(got), "length", r->readableLength());
  got = r->read(4);
  console::log("read(4)", text(got), "length", r->readableLength());
  got = r->read(2);
  console::log("read(2)", text(got), "length", r->readableLength());
  got = r->read(9);
  console::log("read(9)", got ? Value(got->toString()) : Value(nullptr), "length",
               r->readableLength());
  r->push(Buffer::from({0xf0, 0x9f}));
  console::log("half an emoji: length", r->readableLength());
  r->push(Buffer::from({0x98, 0x80, 0x21}));
  console::log("whole: length", r->readableLength());
  r->push(nullptr);
  got = r->read();
  console::log("read()", text(got), "length", r->readableLength());
  r->on("end", [] { console::log("end"); });
}
