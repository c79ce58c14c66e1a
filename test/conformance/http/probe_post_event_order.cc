#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe_post_event_order) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("S request", req->headers()["transfer-encoding"], "complete", req->complete);
    req->on("data", [req](const Buffer& d) {
      console::log("S data", Value(d.toString()).stringify(), req->complete);
    });
    req->on("end", [req, res] {
      console::log("S end", req->complete, "readableEnded", req->readableEnded());
      res->on("prefinish", [res] {
        console::log("S prefinish", res->writableEnded(), res->writableFinished());
      });
      res->on("finish",
              [res] { console::log("S finish", res->writableEnded(), res->writableFinished()); });
      res->on("close",
              [res] { console::log("S res close", res->writableFinished(), res->destroyed); });
      res->end("done", {}, [] { console::log("S end callback"); });
      console::log("S after end()", res->writableEnded(), res->writableFinished(),
                   res->headersSent());
    });
    req->on("close", [req] { console::log("S req close", req->complete, req->destroyed()); });
  });
  server->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = server->address()->port;
    o.method = "POST";
    auto req = http::request(o);
    req->on("socket", [req](net::SocketPtr) { console::log("C socket", req->headersSent()); });
    req->on("prefinish",
            [req] { console::log("C prefinish", req->writableEnded(), req->writableFinished()); });
    req->on("finish",
            [req] { console::log("C finish", req->writableEnded(), req->writableFinished()); });
    req->on("response", [](http::IncomingMessagePtr res) {
      console::log("C response", res->statusCode, res->headers()["transfer-encoding"],
                   res->complete);
      res->on("data",
              [res](const Buffer& d) { console::log("C data", d.toString(), res->complete); });
      res->on("end", [res] { console::log("C end", res->complete); });
      res->on("close", [res] { console::log("C res close", res->destroyed()); });
    });
    req->on("close", [req, server] {
      console::log("C req close", req->destroyed, req->writableFinished());
      server->close([] { console::log("closed"); });
    });
    bool w = req->write("one");
    console::log("write", w, req->headersSent());
    req->write(Buffer::from("two"));
    req->end("three", {}, [] { console::log("C end callback"); });
    console::log("after end()", req->writableEnded(), req->writableFinished());
  });
}
