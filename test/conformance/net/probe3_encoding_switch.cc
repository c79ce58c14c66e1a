// Port of probe3_encoding_switch.js.
#include <deque>
#include <map>

#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_encoding_switch) {
  static std::map<char, Buffer> chunks = {
      {'a', Buffer::from(std::vector<std::uint8_t>{0xe2, 0x82})},
      {'b', Buffer::from(std::vector<std::uint8_t>{0xac, 0x41})},
      {'c', Buffer::from("hello")},
      {'d', Buffer::from(std::vector<std::uint8_t>{0xe2, 0x82, 0xac, 0xff})},
      {'e', Buffer::from("xyz")},
      {'f', Buffer::from("ab")},
      {'g', Buffer::from("ok")},
      {'h', Buffer::from("abcd")},
  };
  auto server = net::createServer([](net::SocketPtr s) {
    s->setEncoding("latin1");
    s->on("data", [s](const std::string& d) {
      for (char k : d) s->write(chunks[k]);
    });
    s->on("end", [s] { s->end(); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    auto state = [c](const char* tag) {
      console::log(tag, "encoding", c->readableEncoding(), "length", c->readableLength(), "flowing",
                   c->readableFlowing());
    };
    // A std::string 'data' listener needs a decoder when it is added (the JS adds it before
    // the first setEncoding); step 1's setEncoding("utf8") then replaces this decoder.
    c->setEncoding("utf8");
    c->on("data",
          [](const std::string& d) { console::log("data", "string", Value(d).stringify()); });
    c->on("end", [server] {
      console::log("end");
      server->close();
    });
    auto steps = std::make_shared<std::deque<std::function<void()>>>();
    steps->push_back([c, state] {
      c->setEncoding("utf8");
      state("utf8");
      c->write("a");
    });
    steps->push_back([c, state] {
      c->setEncoding("latin1");
      state("latin1");
      c->write("b");
    });
    steps->push_back([c] {
      c->setEncoding("hex");
      c->write("c");
    });
    steps->push_back([c] {
      c->pause();
      c->write("d");
    });
    steps->push_back([c, state] {
      state("paused");
      c->setEncoding("base64");
      state("base64");
      c->write("e");
    });
    steps->push_back([c, state] {
      state("more");
      auto r = c->read();
      auto r2 = c->read();
      console::log("read", r ? "string" : "object", r ? Value(r->toString()).stringify() : "null",
                   "then", r2);
      c->resume();
      c->write("f");
    });
    steps->push_back([c, state] {
      state("f");
      c->setEncoding("utf8");
      c->write("g");
    });
    steps->push_back([c] {
      c->setEncoding("base64");
      c->write("h");
    });
    steps->push_back([c] { c->end(); });
    auto run = std::make_shared<std::function<void()>>();
    *run = [steps, run] {
      if (steps->empty()) {
        *run = nullptr;  // break the self-reference
        return;
      }
      auto f = std::move(steps->front());
      steps->pop_front();
      f();
      setTimeout(
          [run] {
            if (*run) (*run)();
          },
          40);
    };
    c->on("connect", [run] { (*run)(); });
  });
}
