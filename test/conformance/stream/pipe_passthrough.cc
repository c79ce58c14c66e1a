#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

static void part2();

NODECC_CONFORMANCE_CASE(pipe_passthrough) {
  static int i = 0;
  stream::Readable::Options so;
  so.highWaterMark = 8;
  so.read = [](stream::Readable& self, std::size_t) {
    i++;
    if (i <= 10) {
      self.push(std::string("<") + (i < 10 ? "0" : "") + std::to_string(i) + ">");
    } else {
      self.push(nullptr);
    }
  };
  auto src = std::make_shared<stream::Readable>(so);
  stream::Duplex::Options po;
  po.readableHighWaterMark = 8;
  po.writableHighWaterMark = 8;
  auto pt = std::make_shared<stream::PassThrough>(po);
  auto got = std::make_shared<std::string>();
  stream::Writable::Options wo;
  wo.highWaterMark = 4;
  wo.write = [got](stream::Writable&, Buffer chunk, stream::Callback cb) {
    *got += chunk.toString();
    setTimeout([cb = std::move(cb)]() mutable { cb({}); }, 1);
  };
  auto slow = std::make_shared<stream::Writable>(wo);
  auto pauses = std::make_shared<int>(0), resumes = std::make_shared<int>(0);
  src->on("pause", [pauses] { ++*pauses; });
  src->on("resume", [resumes] { ++*resumes; });
  stream::Readable* srcp = src.get();
  stream::Readable* ptp = pt.get();
  pt->on("pipe", [srcp](stream::Readable* s) { console::log("pt pipe from src", s == srcp); });
  slow->on("pipe", [ptp](stream::Readable* s) { console::log("slow pipe from pt", s == ptp); });
  pt->on("unpipe", [srcp](stream::Readable* s) { console::log("pt unpipe from src", s == srcp); });
  slow->on("unpipe", [ptp](stream::Readable* s) { console::log("slow unpipe from pt", s == ptp); });
  src->on("end", [] { console::log("src end"); });
  pt->on("end", [] { console::log("pt end"); });
  pt->on("finish", [] { console::log("pt finish"); });
  slow->on("finish", [got, pauses, resumes] {
    console::log("slow finish", *got, got->size());
    console::log("src paused at least once", *pauses > 0, "resumed", *resumes > 1);
    part2();
  });
  src->pipe(pt)->pipe(slow);
  auto flowing = [](const stream::Readable& s) {
    auto f = s.readableFlowing();
    return f ? Value(*f) : Value(nullptr);
  };
  console::log("flowing", flowing(*src), flowing(*pt));
}

static void part2() {
  auto flowing = [](const stream::Readable& s) {
    auto f = s.readableFlowing();
    return f ? Value(*f) : Value(nullptr);
  };
  console::log("--- end: false");
  auto dest = std::make_shared<stream::PassThrough>();
  auto out = std::make_shared<std::string>();
  dest->on("data", [out](const Buffer& d) { *out += d.toString(); });
  stream::Readable::Options noop;
  noop.read = [](stream::Readable&, std::size_t) {};
  auto a = std::make_shared<stream::Readable>(noop);
  a->pipe(dest, {.end = false});
  a->push("a1");
  a->push(nullptr);
  a->on("end", [dest, out, noop, flowing] {
    setImmediate([dest, out, noop, flowing] {
      console::log("a ended, dest writable", dest->writable(), "ended", dest->writableEnded(),
                   *out);
      auto b = std::make_shared<stream::Readable>(noop);
      b->pipe(dest, {.end = false});
      b->push("b1");
      setImmediate([b, dest, out, flowing] {
        b->unpipe(dest);
        console::log("unpiped, flowing", flowing(*b), "out", *out);
        b->push("b2");
        setImmediate([b, dest, out] {
          console::log("after unpipe out", *out, "b length", b->readableLength());
          dest->end("!");
          dest->on("end", [out] { console::log("dest end", *out); });
        });
      });
    });
  });
}
