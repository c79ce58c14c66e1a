#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(expect_continue) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->url, req->headers()["expect"]);
    req->resume();
    req->on("end", [req, res] { res->end("done " + req->url); });
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    auto make = [](std::string path, std::string expect) {
      return "POST /" + path + " HTTP/1.1\r\nHost: a\r\nExpect: " + expect +
             "\r\nContent-Length: 3\r\n\r\nabc";
    };
    raw(port, make("auto", "100-continue"), [=](std::string r1) {
      console::log(show(r1));
      server->on("checkContinue",
                 [server](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
                   console::log("checkContinue", req->url);
                   res->writeContinue([] { console::log("writeContinue callback"); });
                   server->emit("request", req, res);
                 });
      raw(port, make("listener", "100-Continue"), [=](std::string r2) {
        console::log(show(r2));
        raw(port, make("odd", "something-else"), [=](std::string r3) {
          console::log(show(r3));
          server->on("checkExpectation",
                     [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
                       console::log("checkExpectation", req->headers()["expect"]);
                       res->writeHead(402);
                       res->end();
                     });
          raw(port, make("odd2", "something-else"), [=](std::string r4) {
            console::log(show(r4));
            http::RequestOptions o;
            o.port = port;
            o.host = "127.0.0.1";
            o.method = "PUT";
            o.path = "/client";
            o.headers = {{"Expect", "100-continue"}};
            auto req = http::request(o);
            req->on("continue", [req] {
              console::log("client: continue");
              req->end("xyz");
            });
            req->on("information", [](const http::ClientRequest::Information& info) {
              console::log("client: information", info.statusCode);
            });
            req->on("response", [server](http::IncomingMessagePtr res) {
              res->setEncoding("utf8");
              res->on("data", [](const std::string& d) { console::log("client: body", d); });
              res->on("end", [server] { server->close([] { console::log("closed"); }); });
            });
          });
        });
      });
    });
  });
}
