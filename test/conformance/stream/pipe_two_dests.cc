#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pipe_two_dests) {
  static int n = 0;
  stream::Readable::Options ro;
  ro.highWaterMark = 2;
  ro.read = [](stream::Readable& self, std::size_t) {
    n++;
    if (n <= 6)
      self.push("c" + std::to_string(n));
    else
      self.push(nullptr);
  };
  auto src = std::make_shared<stream::Readable>(ro);
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
    return s;
  };
  auto sink = [src, join](std::string name, int delay) {
    auto got = std::make_shared<std::vector<std::string>>();
    stream::Writable::Options wo;
    wo.highWaterMark = 2;
    wo.write = [=](stream::Writable& w, Buffer chunk, stream::Callback cb) {
      got->push_back(chunk.toString());
      if (name == "fast" && got->size() == 3) {
        src->unpipe(&w);
        console::log("unpiped fast, src flowing",
                     src->readableFlowing() ? Value(*src->readableFlowing()) : Value(nullptr));
      }
      if (delay) {
        auto shared = std::make_shared<stream::Callback>(std::move(cb));
        setTimeout([shared] { (*shared)(std::nullopt); }, delay);
      } else {
        cb(std::nullopt);
      }
    };
    auto w = std::make_shared<stream::Writable>(wo);
    w->on("pipe", [name, src](stream::Readable* s) { console::log(name, "pipe", s == src.get()); });
    w->on("unpipe", [name, src, got, join](stream::Readable* s) {
      console::log(name, "unpipe", s == src.get(), "got", join(*got));
    });
    w->on("finish", [name, got, join] { console::log(name, "finish", join(*got)); });
    return w;
  };
  auto fast = sink("fast", 0);
  auto slow = sink("slow", 2);
  src->pipe(fast);
  src->pipe(slow);
  src->on("end", [] { console::log("src end"); });
  src->on("close", [] { console::log("src close"); });
  slow->on("close", [] { console::log("slow close"); });
}
