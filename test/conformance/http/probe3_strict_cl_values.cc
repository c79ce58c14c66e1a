#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

namespace {
std::string decode(std::string s) {  // decodeURIComponent for the %20 used here
  std::size_t p;
  while ((p = s.find("%20")) != std::string::npos) s.replace(p, 3, " ");
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_strict_cl_values) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    res->strictContentLength = true;
    const std::string v = decode(req->url.substr(4));
    if (req->url == "/cl/float")
      res->setHeader("Content-Length", 2.5);
    else
      res->setHeader("Content-Length", v);
    try {
      res->end("abc");
      console::log(Value(v).stringify(), "end ok");
    } catch (const Error& e) {
      console::log(Value(v).stringify(), e.code, e.message, "headersSent", res->headersSent());
      res->destroy();
    }
  });
  auto urls = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "/cl/%202", "/cl/0x2", "/cl/", "/cl/float", "/cl/abc", "/cl/3%20", "/cl/0x3", "/cl/3"});
  server->listen(0, "127.0.0.1", [server, urls] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, urls, i, next] {
      if (*i == urls->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      std::string url = (*urls)[(*i)++];
      raw(server->address()->port, "GET " + url + " HTTP/1.1\r\nHost: a\r\n\r\n",
          [next](std::string r) {
            console::log(show(r));
            (*next)();
          });
    };
    (*next)();
  });
}
