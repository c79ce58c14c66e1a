// libFuzzer target: arbitrary bytes down the http server's request path (socket → parser →
// IncomingMessage → handler → ServerResponse), in pieces cut where the first bytes say, and
// the same bytes through the response parser of the client. Any crash, sanitizer report or
// leak is a failure; the server must answer or close every connection.
//
// Built with clang: a libFuzzer binary (test fuzz.http_server runs it for 60 s). Otherwise
// replay_main.cc runs it over the committed corpus (test fuzz.http_server.replay).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bindings/http_parser.h"
#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

namespace {

struct Sink : bindings::HttpParser::Delegate {
  std::size_t bytes = 0;
  int onHeadersComplete(const bindings::HttpParser::Head& h, std::string& url, std::string& st,
                        bindings::HttpHeaderBlock& headers) override {
    bytes += url.size() + st.size() + headers.bytes();
    return h.statusCode == 304 ? 1 : 0;
  }
  void onBody(const char*, std::size_t n) override { bytes += n; }
  void onMessageComplete(bindings::HttpHeaderBlock& t) override { bytes += t.bytes(); }
};

// The client's parser over the same bytes (a response stream), cut in `step`-byte pieces.
void parseAsResponse(const std::string& input, std::size_t step) {
  Sink sink;
  bindings::HttpParser p;
  p.init(bindings::HttpParser::Type::kResponse, &sink, 4096);
  for (std::size_t off = 0; off < input.size(); off += step) {
    auto r = p.execute(input.data() + off, std::min(step, input.size() - off));
    if (!r.ok || r.bytesParsed < std::min(step, input.size() - off)) return;
  }
  p.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::size_t cut = data[0] % 16;  // 0: one write; n: writes of n bytes
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  parseAsResponse(input, cut ? cut : input.size() + 1);
  nodecc::run([input, cut] {
    http::ServerOptions o;
    o.maxHeaderSize = 2048;
    auto server =
        http::createServer(o, [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
          (void)req->headers();
          (void)req->headersDistinct();
          (void)req->rawHeaders();
          auto n = std::make_shared<std::size_t>(0);
          req->on("data", [n](const Buffer& d) { *n += d.length(); });
          req->on("end", [req, res, n] {
            (void)req->trailers();
            if (req->url.size() % 3 == 0) res->setHeader("X-Len", static_cast<double>(*n));
            if (req->url.size() % 2 == 0) {
              res->write("chunk ");
              res->end(req->method);
            } else {
              res->end("done " + req->url);
            }
          });
        });
    server->on("upgrade", [](http::IncomingMessagePtr, net::SocketPtr socket, Buffer) {
      socket->end("HTTP/1.1 101 Switching Protocols\r\n\r\n");
    });
    server->listen(0, "127.0.0.1", [server, input, cut] {
      auto c = net::createConnection(server->address()->port, "127.0.0.1");
      c->on("connect", [c, input, cut] {
        std::size_t step = cut ? cut : input.size();
        for (std::size_t off = 0; off < input.size(); off += step) {
          c->write(Buffer::copyOf(input.data() + off, std::min(step, input.size() - off)));
        }
        c->end();
      });
      c->on("data", [](const Buffer&) {});
      c->on("error", [](const Error&) {});
      c->on("close", [server](bool) { server->close(); });
    });
  });
  return 0;
}
