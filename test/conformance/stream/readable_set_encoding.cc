#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value encOf(const stream::Readable& r) {
  std::string e = r.readableEncoding();
  return e.empty() ? Value(nullptr) : Value(e);
}

void run(std::string name, std::string enc, std::vector<Buffer> chunks,
         std::function<void()> next) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto r = std::make_shared<stream::Readable>(o);
  console::log(name, "encoding before", encOf(*r));
  r->setEncoding(enc);
  console::log(name, "encoding after", encOf(*r));
  r->on("data", [name](const std::string& d) {
    console::log(name, "data", "string", "[" + d + "]", d.size());
  });
  r->on("end", [name, next] {
    console::log(name, "end");
    next();
  });
  auto i = std::make_shared<std::size_t>(0);
  auto step = std::make_shared<std::function<void()>>();
  *step = [r, i, name, chunks, weak = std::weak_ptr<std::function<void()>>(step)] {
    if (*i < chunks.size()) {
      bool ok = r->push(chunks[*i]);
      console::log(name, "push", chunks[*i].length(), "bytes ->", ok, "length",
                   r->readableLength());
      (*i)++;
      auto s = weak.lock();
      setImmediate([s] { (*s)(); });
    } else {
      r->push(nullptr);
    }
  };
  setImmediate([step] { (*step)(); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(readable_set_encoding) {
  auto b = [](std::initializer_list<int> a) { return Buffer::from(a); };
  auto s = [](const char* a) { return Buffer::from(a); };
  run("utf8", "utf8", {b({0x61, 0xe2, 0x82}), b({0xac}), b({0xf0, 0x9f}), b({0x98, 0x80, 0x7a})},
      [=] {
        run("hex", "hex", {b({0xde, 0xad}), b({0xbe}), b({0xef})}, [=] {
          run("base64", "base64", {s("ab"), s("cde"), s("f"), s("gh")}, [=] {
            run("utf8-tail", "utf-8", {b({0x41, 0xe2, 0x82})}, [] {
              stream::Readable::Options o;
              o.read = [](stream::Readable&, std::size_t) {};
              auto r = std::make_shared<stream::Readable>(o);
              r->push(Buffer::from({0x68, 0xc3}));
              r->push(Buffer::from({0xa9, 0x21}));
              console::log("buffered length", r->readableLength());
              r->setEncoding("latin1");
              console::log("latin1 encoding", encOf(*r), "length", r->readableLength());
              auto str = r->read();
              console::log("latin1 read", "[" + str->toString() + "]", "length",
                           r->readableLength());
            });
          });
        });
      });
}
