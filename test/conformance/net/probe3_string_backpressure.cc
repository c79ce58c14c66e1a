// Port of probe3_string_backpressure.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
std::string repeat(const std::string& s, int n) {
  std::string r;
  for (int i = 0; i < n; i++) r += s;
  return r;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_string_backpressure) {
  auto server = net::createServer([](net::SocketPtr s) {
    s->resume();
    s->on("end", [s] { s->end(); });
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    using Case = std::pair<std::string, std::function<bool(net::Socket&)>>;
    auto cases = std::make_shared<std::vector<Case>>(std::vector<Case>{
        {"utf8 2-byte x10000", [](net::Socket& c) { return c.write(repeat("\u00e9", 10000)); }},
        {"hex 18000 chars", [](net::Socket& c) { return c.write(repeat("ab", 9000), "hex"); }},
        {"base64 20000 chars",
         [](net::Socket& c) { return c.write(repeat("QUJD", 5000), "base64"); }},
        {"utf16le 9000 chars",
         [](net::Socket& c) { return c.write(repeat("x", 9000), "utf16le"); }},
        {"buffer 16384", [](net::Socket& c) { return c.write(Buffer::alloc(16384)); }},
    });
    auto left = std::make_shared<int>(static_cast<int>(cases->size()));
    auto drainCounts = std::make_shared<std::vector<int>>();
    for (auto& [name, write] : *cases) {
      auto c = net::connect(port, "127.0.0.1");
      bool ret = write(*c);
      console::log(name, "returned", ret, "writableLength", c->writableLength(), "bytesWritten",
                   c->bytesWritten(), "needDrain", c->writableNeedDrain());
      auto drains = std::make_shared<int>(0);
      c->on("drain", [drains] { ++*drains; });
      c->on("connect", [c] { c->end(); });
      drainCounts->push_back(0);
      std::size_t i = drainCounts->size() - 1;
      c->on("close", [drains, drainCounts, i, left, cases, server] {
        (*drainCounts)[i] = *drains;
        if (--*left > 0) return;
        for (std::size_t j = 0; j < cases->size(); j++)
          console::log((*cases)[j].first, "drains", (*drainCounts)[j]);
        server->close();
      });
    }
  });
}
