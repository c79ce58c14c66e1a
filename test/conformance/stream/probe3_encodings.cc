#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
std::string show3n(const Error& e) { return e.name + " " + e.code + " " + e.message; }
Value enc3n(const std::string& s) { return s.empty() ? Value(nullptr) : Value(s); }
stream::Readable::Options ropts3n() {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  return o;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_encodings) {
  auto r = std::make_shared<stream::Readable>(ropts3n());
  stream::Writable::Options wo;
  wo.write = [](stream::Writable&, Buffer c, stream::Callback cb) {
    console::log("w _write", c.toString("hex"));
    cb({});
  };
  auto w = std::make_shared<stream::Writable>(wo);
  stream::Duplex::Options dopt;
  dopt.read = [](stream::Readable&, std::size_t) {};
  dopt.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb({}); };
  auto d = std::make_shared<stream::Duplex>(dopt);
  auto p = std::make_shared<stream::PassThrough>();
  stream::Duplex::Options d2o;
  d2o.readableHighWaterMark = 5;
  d2o.writableHighWaterMark = 7;
  d2o.read = [](stream::Readable&, std::size_t) {};
  auto d2 = std::make_shared<stream::Duplex>(d2o);
  console::log("Readable", r->readableHighWaterMark(), "Writable", w->writableHighWaterMark());
  console::log("Duplex", d->readableHighWaterMark(), d->writableHighWaterMark(), "PassThrough",
               p->readableHighWaterMark(), p->writableHighWaterMark());
  console::log("Duplex per side", d2->readableHighWaterMark(), d2->writableHighWaterMark());
  console::log("encoding", enc3n(r->readableEncoding()), enc3n(d->readableEncoding()));
  for (std::string enc : {"UTF-8", "hex", "binary", "ucs2", "Base64"}) {
    auto x = std::make_shared<stream::Readable>(ropts3n());
    x->setEncoding(enc);
    console::log("setEncoding", enc, "->", enc3n(x->readableEncoding()));
  }
  auto yo = ropts3n();
  yo.encoding = "latin1";
  auto y = std::make_shared<stream::Readable>(yo);
  console::log("option latin1", enc3n(y->readableEncoding()));
  try {
    std::make_shared<stream::Readable>(ropts3n())->setEncoding("bogus");
  } catch (const Error& e) {
    console::log("setEncoding bogus", show3n(e));
  }
  console::log("setDefaultEncoding HEX returns this", &w->setDefaultEncoding("HEX") == w.get());
  w->write("abcd");
  w->write("xy", "latin1");
  w->setDefaultEncoding("base64");
  w->write("AAE=");
  try {
    w->setDefaultEncoding("BOGUS");
  } catch (const Error& e) {
    console::log("setDefaultEncoding BOGUS", show3n(e));
  }
  try {
    w->write("x", "nope");
  } catch (const Error& e) {
    console::log("write nope", show3n(e));
  }
  try {
    w->write("x", "buffer");
  } catch (const Error& e) {
    console::log("write buffer", show3n(e));
  }
  try {
    stream::Writable::Options bad;
    bad.defaultEncoding = "nah";
    stream::Writable tmp(bad);
  } catch (const Error& e) {
    console::log("ctor nah", show3n(e));
  }
  stream::Writable::Options ho;
  ho.defaultEncoding = "hex";
  ho.write = [](stream::Writable&, Buffer c, stream::Callback cb) {
    console::log("h _write", c.toString());
    cb({});
  };
  auto h = std::make_shared<stream::Writable>(ho);
  h->write("6869");
  h->end("21");
  auto u = std::make_shared<stream::Readable>(ropts3n());
  u->setEncoding("utf8");
  u->push(Buffer::from({0xe2}));
  bool px = u->push("x");
  console::log("push string while a char is pending", px, "length", u->readableLength());
  u->push(Buffer::from({0x82, 0xac}));
  auto ur = u->read();
  console::log("utf8 read", (ur ? Value(ur->toString()) : Value(nullptr)).stringify());
  auto b = std::make_shared<stream::Readable>(ropts3n());
  b->setEncoding("base64");
  b->push(Buffer::from("a"));
  b->push("QkM=", "base64");
  b->push(nullptr);
  auto br = b->read();
  console::log("base64 read", (br ? Value(br->toString()) : Value(nullptr)).stringify());
}
