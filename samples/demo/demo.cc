// The main demo (`./dev.sh demo`): nodecc's modules at work in one short program that
// exits by itself.
//
//  1. The event loop's ordering: synchronous code, then process.nextTick, then promise
//     reactions / queueMicrotask, then timers and setImmediate — as in Node.
//  2. A TCP echo server and a client talking over loopback (net).
//  3. An HTTP server and an http.get against it (http).
//  4. A worker thread that adds two numbers and posts the result back (worker_threads).
//
// Everything binds port 0 on 127.0.0.1; when the last handle closes the loop is empty,
// 'beforeExit' and 'exit' fire and main returns 0.
#include <nodecc/http.h>
#include <nodecc/net.h>
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include <memory>
#include <string>

using namespace nodecc;

namespace {

void step4Worker() {
  console::log("\n== 4. worker_threads: a Worker with its own event loop ==");
  auto worker = worker_threads::Worker::create(
      [] {
        worker_threads::parentPort()->on("message", [](const Value& task) {
          double sum = task["a"].asNumber() + task["b"].asNumber();
          worker_threads::parentPort()->postMessage(Value(sum));
        });
      },
      {});
  worker->on("online", [] { console::log("worker: online"); });
  worker->on("message", [worker](const Value& v) {
    console::log("main: worker says 2 + 40 =", v);
    worker->terminate();
  });
  worker->on("exit", [](int code) {
    console::log("worker: exit", code, "(terminate() ends a worker with 1, as in Node)");
  });
  worker->postMessage(Value{{"a", 2}, {"b", 40}});
}

void step3Http() {
  console::log("\n== 3. http: a server and http.get ==");
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("server: request", req->method, req->url);
    res->setHeader("Content-Type", "text/plain");
    res->end("hello from nodecc\n");
  });
  server->listen(0, "127.0.0.1", [server] {
    std::string url = "http://127.0.0.1:" + std::to_string(server->address()->port) + "/hello";
    http::get(url, [server](http::IncomingMessagePtr res) {
      console::log("client: status", res->statusCode, "content-type",
                   res->headers()["content-type"]);
      res->setEncoding("utf8");
      auto body = std::make_shared<std::string>();
      res->on("data", [body](const std::string& d) { *body += d; });
      res->on("end", [body, server] {
        console::log("client: body", util::inspect(*body));
        server->close([] { step4Worker(); });
      });
    });
  });
}

void step2Net() {
  console::log("\n== 2. net: an echo server and a client ==");
  auto server = net::createServer([](net::SocketPtr socket) {
    console::log("server: connection from", socket->remoteAddress());
    socket->on("data", [socket](const Buffer& d) {
      console::log("server: got", util::inspect(d.toString()), "- echoing it back");
      socket->write(d);
    });
    socket->on("end", [socket] {
      console::log("server: client ended");
      socket->end();
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto port = server->address()->port;
    auto client = net::createConnection({.port = port, .host = "127.0.0.1"});
    client->on("connect", [client] {
      console::log("client: connected");
      client->write("ping");
    });
    client->on("data", [client](const Buffer& d) {
      console::log("client: got", util::inspect(d.toString()));
      client->end();
    });
    client->on("close", [server](bool hadError) {
      console::log("client: close, hadError =", hadError);
      server->close([] { step3Http(); });
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    console::log("== 1. the event loop's ordering ==");
    console::log("script start");
    setTimeout([] { console::log("setTimeout 0"); }, 0);
    setImmediate([] { console::log("setImmediate"); });
    // (From the main script, setTimeout 0 and setImmediate race, in Node too.)
    setTimeout([] { step2Net(); }, 10);
    Promise<>::resolved().then([] { console::log("promise.then"); });
    queueMicrotask([] { console::log("queueMicrotask"); });
    process::nextTick([] { console::log("process.nextTick"); });
    console::log("script end");

    process::on("beforeExit", [] { console::log("\nprocess: beforeExit (the loop is empty)"); });
    process::on("exit", [](int code) { console::log("process: exit", code); });
  });
}
