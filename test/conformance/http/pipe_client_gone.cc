#include "conformance.h"
#include "nodecc/http.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pipe_client_gone) {
  auto produced = std::make_shared<int>(0);
  stream::Readable::Options ro;
  ro.read = [produced](stream::Readable& self, std::size_t) {
    ++*produced;
    self.push(Buffer::alloc(16384, 'x'));
  };
  auto src = std::make_shared<stream::Readable>(ro);
  auto server = std::make_shared<http::ServerPtr>();
  *server = http::createServer(
      [src, produced, server](http::IncomingMessagePtr, http::ServerResponsePtr res) {
        res->on("close", [r = res.get()] {
          console::log("server: res close, finished", r->writableFinished());
        });
        res->on("unpipe", [src, produced, server] {
          console::log("server: unpipe, source paused", src->isPaused(), "flowing",
                       *src->readableFlowing());
          int before = *produced;
          setTimeout(
              [produced, before, server] {
                console::log("server: source idle since", *produced == before);
                (*server)->close([] { console::log("server: closed"); });
                server->reset();
              },
              50);
        });
        src->pipe(res);
      });
  (*server)->listen(0, "127.0.0.1", [s = *server] {
    http::RequestOptions o;
    o.port = s->address()->port;
    o.host = "127.0.0.1";
    auto holder = std::make_shared<http::ClientRequestPtr>();
    *holder = http::get(o, [holder](http::IncomingMessagePtr res) {
      res->once("data", [holder](const Buffer&) {
        console::log("client: first data, destroying");
        (*holder)->destroy();
      });
    });
    (*holder)->on("error", [](const Error& e) { console::log("client: error", e.code); });
    (*holder)->on("close", [holder] {
      console::log("client: close");
      holder->reset();
    });
  });
}
