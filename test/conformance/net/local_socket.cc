#include "conformance.h"
#include "nodecc/fs.h"
#include "nodecc/net.h"
#include "nodecc/os.h"
#include "nodecc/path.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(local_socket) {
  std::string p =
      path::join(os::tmpdir(), "nodecc-conf-" + std::to_string(process::pid()) + ".sock");
  auto server = net::createServer([](net::SocketPtr s) {
    console::log("server: remoteAddress", s->remoteAddress(), "remotePort", s->remotePort());
    s->on("data", [s](const Buffer& d) { s->end("echo:" + d.toString()); });
  });
  server->listen(p, [server, p] {
    console::log("address is the path", server->address()->address == p);
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(std::string_view(p), [c] {
      console::log("client: connected; localAddress", (*c)->localAddress());
      (*c)->write("hi");
    });
    (*c)->setEncoding("utf8");
    (*c)->on("data", [](const std::string& d) { console::log("client: data", d); });
    (*c)->on("close", [server, p, c](bool e) {
      console::log("client: close", e);
      server->close([p] { console::log("socket file removed", !fs::existsSync(p)); });
      c->reset();
    });
  });
}
