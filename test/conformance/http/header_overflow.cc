#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(header_overflow) {
  const std::string CRLF = "\r\n";
  const std::string DUMMY_HEADER_NAME = "Cookie: ";
  const std::string DUMMY_HEADER_VALUE(http::maxHeaderSize - DUMMY_HEADER_NAME.size() + 2, 'a');
  const std::string PAYLOAD_GET = "GET /blah HTTP/1.1";
  const std::string PAYLOAD = PAYLOAD_GET + CRLF + DUMMY_HEADER_NAME + DUMMY_HEADER_VALUE;
  console::log("maxHeaderSize", http::maxHeaderSize, "payload", PAYLOAD.size());
  auto server = http::createServer();
  server->on("connection", [PAYLOAD](net::SocketPtr socket) {
    socket->on("error", [PAYLOAD](const Error& err) {
      console::log("socket error", err.code, err.message);
      console::log("rawPacket is the payload",
                   err.info["rawPacket"].asBuffer().toString() == PAYLOAD);
    });
  });
  server->listen(0, [server, PAYLOAD] {
    auto c = net::createConnection(server->address()->port);
    auto received = std::make_shared<std::string>();
    c->on("connect", [c, PAYLOAD] { c->write(PAYLOAD); });
    c->on("data", [received](const Buffer& data) { *received += data.toString(); });
    c->on("end", [c, received] {
      console::log("client got", Value(*received).stringify());
      c->end();
    });
    c->on("close", [server](bool) { server->close([] { console::log("closed"); }); });
  });
}
