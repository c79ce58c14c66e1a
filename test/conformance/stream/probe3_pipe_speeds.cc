#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using RP = std::shared_ptr<stream::Readable>;
using WP = std::shared_ptr<stream::Writable>;
RP source3p(std::string name, int count) {
  auto i = std::make_shared<int>(0);
  stream::Readable::Options o;
  o.highWaterMark = 4;
  o.read = [name, count, i](stream::Readable& self, std::size_t) {
    (*i)++;
    if (*i <= count)
      self.push(name + std::to_string(*i));
    else
      self.push(nullptr);
  };
  return std::make_shared<stream::Readable>(o);
}
WP sink3p(std::string name, std::string mode) {
  auto got = std::make_shared<std::string>();
  stream::Writable::Options o;
  o.highWaterMark = 3;
  o.write = [got, mode](stream::Writable&, Buffer chunk, stream::Callback cb) {
    *got += chunk.toString();
    if (mode == "fast") {
      cb({});
    } else if (mode == "slow") {
      setImmediate([cb = std::move(cb)]() mutable {
        setImmediate([cb = std::move(cb)]() mutable { cb({}); });
      });
    }
    // "stuck": never calls back (the callback is dropped, as the JS one is never called)
  };
  auto w = std::make_shared<stream::Writable>(o);
  w->on("drain", [name, got] { console::log(name, "drain, got", *got); });
  w->on("finish", [name, got] { console::log(name, "finish, got", *got); });
  w->on("unpipe", [name](stream::Readable*) { console::log(name, "unpipe"); });
  w->on("close", [name] { console::log(name, "close"); });
  return w;
}
void part3() {
  console::log("--- unpipe all, end: false, late pipe");
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto s3 = std::make_shared<stream::Readable>(o);
  auto d1 = std::make_shared<stream::PassThrough>();
  auto d2 = std::make_shared<stream::PassThrough>();
  s3->pipe(d1);
  s3->pipe(d2, {.end = false});
  stream::Readable* s3raw = s3.get();
  for (auto& [n, d] : {std::pair<std::string, std::shared_ptr<stream::PassThrough>>{"d1", d1},
                       std::pair<std::string, std::shared_ptr<stream::PassThrough>>{"d2", d2}}) {
    std::string nn = n;
    d->on("unpipe", [nn, s3raw](stream::Readable* s) { console::log(nn, "unpipe", s == s3raw); });
    d->on("data", [nn](const Buffer& c) { console::log(nn, "data", c.toString()); });
    d->on("end", [nn] { console::log(nn, "end"); });
  }
  s3->push("a");
  setImmediate([s3, d1, d2] {
    s3->unpipe();
    console::log("unpiped all: flowing", s3->readableFlowing(), "d1 unpipe listeners",
                 d1->listenerCount("unpipe"));
    s3->push("b");
    s3->push(nullptr);
    setImmediate([s3, d2] {
      console::log("s3 length", s3->readableLength(), "ended", s3->readableEnded());
      s3->pipe(d2, {.end = false});
      s3->on("end", [d2] {
        console::log("s3 end; d2 ended", d2->writableEnded());
        stream::Readable::Options o4;
        o4.read = [](stream::Readable&, std::size_t) {};
        auto s4 = std::make_shared<stream::Readable>(o4);
        std::weak_ptr<stream::Readable> s4weak = s4;
        s4->on("end", [s4weak, d2] {
          setImmediate([s4 = s4weak.lock(), d2] {
            console::log("s4 ended; piping late");
            s4->pipe(d2);
          });
        });
        s4->resume();
        s4->push(nullptr);
      });
    });
  });
}
void part2() {
  console::log("--- stuck destination destroyed");
  auto s2 = source3p("t", 8);
  auto ok = sink3p("ok", "fast");
  auto stuck = sink3p("stuck", "stuck");
  s2->pipe(ok);
  s2->pipe(stuck);
  s2->on("end", [] { console::log("s2 end"); });
  setImmediate([s2, stuck] {
    setImmediate([s2, stuck] {
      console::log("destroying stuck; s2 flowing", s2->readableFlowing(), "needDrain",
                   stuck->writableNeedDrain());
      stuck->destroy();
    });
  });
  ok->on("close", [] { setImmediate(part3); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_pipe_speeds) {
  auto src = source3p("s", 6);
  auto pauses = std::make_shared<int>(0);
  src->on("pause", [pauses] { (*pauses)++; });
  src->on("end", [pauses] { console::log("src end, pauses>0", *pauses > 0); });
  auto fast = sink3p("fast", "fast");
  auto slow = sink3p("slow", "slow");
  src->pipe(fast);
  src->pipe(slow);
  slow->on("close", [] { setImmediate(part2); });
}
