#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::SendHandle;

NODECC_CONFORMANCE_CASE(send_keep_open) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    process::on("message", [](const Value& msg, SendHandle handle) {
      net::SocketPtr socket = handle.socket();
      console::log("child got", msg, "with a socket", socket != nullptr);
      socket->write("child", [] { process::send("child_done"); });
    });
    return;
  }
  auto result = std::make_shared<std::string>();
  process::on("exit", [result](int) { console::log("result", Value(*result).stringify()); });
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  child->on("exit", [](std::optional<int> exitCode, std::optional<std::string> signalCode) {
    console::log("child exit", exitCode, signalCode);
  });
  auto server = std::make_shared<net::ServerPtr>();
  *server = net::createServer([child, server](net::SocketPtr socket) {
    child->on("message", [child, server, socket](const Value& msg) {
      console::log("parent got", msg);
      socket->end("parent", [child, server] {
        (*server)->close();
        server->reset();
        child->disconnect();
      });
    });
    child->send("socket", socket, {.keepOpen = true},
                [](std::optional<Error> err) { console::log("send callback", err); });
  });
  (*server)->listen(0, "127.0.0.1", [server, result] {
    auto socket = net::connect((*server)->address()->port, "127.0.0.1");
    socket->setEncoding("utf8");
    socket->on("data", [result](const std::string& data) { *result += data; });
  });
}
