// Requests in sequence through a keep-alive Agent: every request after the first reuses the
// same connection (`req.reusedSocket`), and the agent keeps one free socket between them.
//
//   const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
//   function next(i) {
//     const req = http.get({ agent, host, port, path: '/' + i }, (res) => {
//       res.resume();
//       res.on('end', () => {
//         console.log(i, res.statusCode, 'reused', req.reusedSocket);
//         if (i < n) setImmediate(() => next(i + 1)); else agent.destroy();
//       });
//     });
//   }
//
// Usage: keepalive_client [port] [count] (defaults 8080, 5); host 127.0.0.1.
#include <string>

#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& argv = process::argv();
    int port = argv.size() > 2 ? std::stoi(argv[2]) : 8080;
    int count = argv.size() > 3 ? std::stoi(argv[3]) : 5;
    http::AgentOptions ao;
    ao.keepAlive = true;
    ao.maxSockets = 1;
    auto agent = std::make_shared<http::Agent>(ao);
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [agent, port, count, next](int i) {
      http::RequestOptions o;
      o.agent = agent;
      o.host = "127.0.0.1";
      o.port = port;
      o.path = std::to_string(i);
      o.path.insert(0, 1, '/');  // ("/" + to_string(i) trips GCC 12's -Warray-bounds at -O3)
      auto holder = std::make_shared<http::ClientRequestPtr>();
      *holder = http::get(o, [=](http::IncomingMessagePtr res) {
        res->resume();
        res->on("end", [=] {
          console::log(i, res->statusCode, "reused", (*holder)->reusedSocket);
          if (i < count) {
            setImmediate([next, i] { (*next)(i + 1); });
          } else {
            agent->destroy();
            *next = nullptr;
          }
        });
      });
      (*holder)->on("error", [next](const Error& e) {
        console::error(e.message);
        process::exitCode = 1;
        *next = nullptr;
      });
    };
    (*next)(1);
  });
}
