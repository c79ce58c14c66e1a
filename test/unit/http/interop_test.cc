// http interop: Node's own client against our server, our client (with a keep-alive Agent)
// against a Node server, and curl against our server. Every scenario is also run with Node on
// both ends (the same Node client against a Node twin of our server, the same curl commands
// against that twin, the same request sequence with Node's client), so the expected text below
// is checked against Node 20 on every run, not only against what it said when it was written.
//
// Each test runs one script under nodecc::run: it binds port 0, kills its children and closes
// every handle, so run() returns only once the loop is empty. node is /usr/bin/node and curl
// /usr/bin/curl; a test whose tool is missing is skipped.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "nodecc/child_process.h"
#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;
namespace cp = nodecc::child_process;

namespace {

const char* kNode = "/usr/bin/node";
const char* kCurl = "/usr/bin/curl";
bool have(const char* path) { return ::access(path, X_OK) == 0; }

// Every child of this process has been reaped.
bool noChildLeft() {
  errno = 0;
  return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// A chain of asynchronous steps, each given the continuation that starts the next one.
using Step = std::function<void(std::function<void()> next)>;
void runSteps(std::shared_ptr<std::vector<Step>> steps, std::size_t i = 0) {
  if (i == steps->size()) {
    steps->clear();  // the steps may hold the last references to what they captured
    return;
  }
  Step step = (*steps)[i];
  step([steps, i] { runSteps(steps, i + 1); });
}

// Starts `node -e script`; `onPort` gets the port the script prints as its first line.
cp::ChildProcessPtr startNodeServer(const std::string& script, std::function<void(int)> onPort) {
  cp::SpawnOptions so;
  so.stdio = cp::Stdio{"ignore", "pipe", "inherit"};
  so.timeout = 60000;  // a wedged test still leaves no server behind
  auto child = cp::spawn(kNode, {"-e", script}, std::move(so));
  auto buf = std::make_shared<std::string>();
  auto fired = std::make_shared<bool>(false);
  child->stdout()->on("data", [buf, fired, onPort](const Buffer& d) {
    *buf += d.toString();
    auto nl = buf->find('\n');
    if (!*fired && nl != std::string::npos) {
      *fired = true;
      onPort(std::stoi(buf->substr(0, nl)));
    }
  });
  child->on("error", [](const Error& e) { ADD_FAILURE() << "node server: " << e.message; });
  return child;
}

// `file args...` to completion; `out` gets its stdout (stderr goes into failures).
Step execStep(std::string file, std::function<std::vector<std::string>()> args, std::string* out) {
  return [file, args, out](std::function<void()> next) {
    cp::ExecOptions eo;
    eo.timeout = 30000;
    cp::execFile(file, args(), std::move(eo),
                 [out, next, file](std::optional<Error> err, std::string so, std::string se) {
                   if (err) ADD_FAILURE() << file << ": " << err->message << "\n" << se;
                   *out = std::move(so);
                   next();
                 });
  };
}

// Kills the Node server and waits for its 'close'.
Step killStep(std::shared_ptr<cp::ChildProcessPtr> child) {
  return [child](std::function<void()> next) {
    (*child)->on("close", [next](std::optional<int>, std::optional<std::string>) { next(); });
    (*child)->kill();
    child->reset();
  };
}

// ---- the server of scenarios 1 and 3, in Node and in C++ ----------------------------------

const char* kEchoServerJs = R"JS(
const http = require('http');
const server = http.createServer((req, res) => {
  const h = req.headers;
  if (req.url === '/echo') {
    res.write(`${req.method} te=${h['transfer-encoding']} cl=${h['content-length']} type=${h['content-type']} expect=${h.expect}\n`);
    req.on('data', (d) => res.write(d));
    req.on('end', () => res.end());
  } else if (req.url === '/chunked') {
    res.write('part1,');
    res.end('part2');
  } else if (req.url.startsWith('/len')) {
    const body = 'hello ' + req.url;
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  } else {
    res.setHeader('Content-Type', 'text/plain');
    res.end('hello ' + req.url);
  }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
)JS";

http::ServerPtr makeEchoServer() {
  return http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    Value h = req->headers();
    if (req->url == "/echo") {
      res->write(req->method + " te=" + h["transfer-encoding"].toString() +
                 " cl=" + h["content-length"].toString() + " type=" + h["content-type"].toString() +
                 " expect=" + h["expect"].toString() + "\n");
      req->on("data", [res](const Buffer& d) { res->write(d); });
      req->on("end", [res] { res->end(); });
    } else if (req->url == "/chunked") {
      res->write("part1,");
      res->end("part2");
    } else if (req->url.rfind("/len", 0) == 0) {
      std::string body = "hello " + req->url;
      res->setHeader("Content-Length", static_cast<double>(body.size()));
      res->end(body);
    } else {
      res->setHeader("Content-Type", "text/plain");
      res->end("hello " + req->url);
    }
  });
}

}  // namespace

// ---- 1. Node's client against our server ---------------------------------------------------

namespace {

// Keep-alive GETs over one socket, a chunked POST echoed back, HEADs; argv[1] is the port.
const char* kNodeClientJs = R"JS(
const http = require('http');
const port = +process.argv[1];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function req(method, path, chunks) {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method, path, agent }, (res) => {
      const local = res.socket.localPort;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => body += d);
      res.on('end', () => resolve({ r, res, body, local }));
    });
    r.on('error', reject);
    for (const c of chunks || []) r.write(c);
    r.end();
  });
}
const show = ({ r, res, body }) => `${res.statusCode} reused=${r.reusedSocket} connection=${res.headers.connection} keep-alive=${res.headers['keep-alive']} te=${res.headers['transfer-encoding']} cl=${res.headers['content-length']} body=${JSON.stringify(body)}`;
(async () => {
  const locals = new Set();
  for (let i = 0; i < 3; i++) {
    const x = await req('GET', '/len/' + i);
    locals.add(x.local);
    console.log(`GET /len/${i} ` + show(x));
  }
  console.log(`one connection: ${locals.size === 1}`);
  const big = 'x'.repeat(100000);
  const p = await req('POST', '/echo', ['abc', 'defg', big]);
  console.log(`POST /echo ${p.res.statusCode} reused=${p.r.reusedSocket} te=${p.res.headers['transfer-encoding']} echoed=${p.body === 'POST te=chunked cl=undefined type=undefined expect=undefined\nabcdefg' + big}`);
  console.log('HEAD /len/0 ' + show(await req('HEAD', '/len/0')));
  console.log('HEAD /x ' + show(await req('HEAD', '/x')));
  console.log('GET /chunked ' + show(await req('GET', '/chunked')));
  agent.destroy();
})().catch((e) => { console.log('error', e.code, e.message); process.exitCode = 1; });
)JS";

// What Node 20's client prints against Node 20's server. (After a HEAD answered without a
// Content-Length Node's client does not reuse the socket: the GET that follows gets a new one.)
const char* kNodeClientExpected =
    "GET /len/0 200 reused=false connection=keep-alive keep-alive=timeout=5 te=undefined cl=12 "
    "body=\"hello /len/0\"\n"
    "GET /len/1 200 reused=true connection=keep-alive keep-alive=timeout=5 te=undefined cl=12 "
    "body=\"hello /len/1\"\n"
    "GET /len/2 200 reused=true connection=keep-alive keep-alive=timeout=5 te=undefined cl=12 "
    "body=\"hello /len/2\"\n"
    "one connection: true\n"
    "POST /echo 200 reused=true te=chunked echoed=true\n"
    "HEAD /len/0 200 reused=true connection=keep-alive keep-alive=timeout=5 te=undefined cl=12 "
    "body=\"\"\n"
    "HEAD /x 200 reused=true connection=keep-alive keep-alive=timeout=5 te=undefined "
    "cl=undefined body=\"\"\n"
    "GET /chunked 200 reused=false connection=keep-alive keep-alive=timeout=5 te=chunked "
    "cl=undefined body=\"part1,part2\"\n";

}  // namespace

TEST(HttpInterop, NodeClientAgainstOurServer) {
  if (!have(kNode)) GTEST_SKIP() << kNode << " is not installed";
  std::string againstNode, againstUs;
  int requests = 0;
  bool serverClosed = false;
  int code = nodecc::run([&] {
    auto server = makeEchoServer();
    server->on("request", [&](http::IncomingMessagePtr, http::ServerResponsePtr) { ++requests; });
    auto nodeServer = std::make_shared<cp::ChildProcessPtr>();
    auto nodePort = std::make_shared<int>(0);
    auto steps = std::make_shared<std::vector<Step>>();
    steps->push_back([nodeServer, nodePort](std::function<void()> next) {
      *nodeServer = startNodeServer(kEchoServerJs, [nodePort, next](int port) {
        *nodePort = port;
        next();
      });
    });
    steps->push_back([server](std::function<void()> next) {
      server->listen(0, "127.0.0.1", [next] { next(); });
    });
    steps->push_back(execStep(
        kNode,
        [nodePort] {
          return std::vector<std::string>{"-e", kNodeClientJs, std::to_string(*nodePort)};
        },
        &againstNode));
    steps->push_back(execStep(
        kNode,
        [server] {
          return std::vector<std::string>{"-e", kNodeClientJs,
                                          std::to_string(server->address()->port)};
        },
        &againstUs));
    steps->push_back(killStep(nodeServer));
    steps->push_back([&, server](std::function<void()>) {
      server->close([&](std::optional<Error> err) {
        EXPECT_FALSE(err);
        serverClosed = true;
      });
    });
    runSteps(steps);
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(againstNode, kNodeClientExpected) << "Node 20 itself answers differently";
  EXPECT_EQ(againstUs, kNodeClientExpected);
  EXPECT_EQ(requests, 7);  // 3 GETs, the POST, 2 HEADs, a GET
  EXPECT_TRUE(serverClosed);
  EXPECT_TRUE(noChildLeft());
}

// ---- 2. our client against a Node server ---------------------------------------------------

namespace {

// Every response says which client port it answered (X-Peer-Port). /hangup destroys the
// socket without answering; /bye answers, then ends the idle keep-alive socket 50 ms later.
const char* kPoolServerJs = R"JS(
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('X-Peer-Port', req.socket.remotePort);
  const u = req.url;
  if (u === '/cl') { res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 5 }); res.end('hello'); }
  else if (u === '/chunked') { res.write('a'); res.write('bb'); setTimeout(() => res.end('ccc'), 10); }
  else if (u === '/hangup') { req.socket.destroy(); }
  else if (u === '/bye') { res.on('finish', () => setTimeout(() => req.socket.end(), 50)); res.end('bye'); }
  else { res.statusCode = 404; res.end('nope'); }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
)JS";

// The request sequence with Node's client: one line of events per request.
const char* kPoolClientJs = R"JS(
const http = require('http');
const port = +process.argv[1];
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let lastPeer = '';
function get(path) {
  return new Promise((resolve) => {
    const ev = [];
    const r = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      const peer = res.headers['x-peer-port'];
      ev.push(`response ${res.statusCode} reused=${r.reusedSocket} conn=${peer === lastPeer ? 'same' : 'new'} port-ok=${String(res.socket.localPort) === peer}`);
      lastPeer = peer;
      ev.push(`te=${res.headers['transfer-encoding']} cl=${res.headers['content-length']} connection=${res.headers.connection} keep-alive=${res.headers['keep-alive']} type=${res.headers['content-type']}`);
      let d = '';
      res.setEncoding('utf8');
      res.on('data', (c) => d += c);
      res.on('end', () => ev.push(`end body=${d}`));
    });
    r.on('socket', () => ev.push('socket'));
    r.on('error', (e) => ev.push(`error ${e.code} ${e.message} reused=${r.reusedSocket}`));
    r.on('close', () => { ev.push('close'); setImmediate(() => resolve(`${path}: ${ev.join(' ')}`)); });
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  for (const p of ['/cl', '/chunked', '/cl', '/hangup', '/cl', '/bye']) console.log(await get(p));
  await sleep(500);
  console.log(await get('/cl'));
  console.log(await get('/missing'));
  agent.destroy();
})();
)JS";

// Node 20's client: sequential requests share the socket; a request on a kept-alive socket
// that the server then destroys is not retried, it fails with ECONNRESET "socket hang up" and
// reusedSocket true (Node leaves the retry to the application); a free socket the server
// ended is dropped from the pool, so the next request connects again.
const char* kPoolExpected =
    "/cl: socket response 200 reused=false conn=new port-ok=true te=undefined cl=5 "
    "connection=keep-alive keep-alive=timeout=5 type=text/plain end body=hello close\n"
    "/chunked: socket response 200 reused=true conn=same port-ok=true te=chunked cl=undefined "
    "connection=keep-alive keep-alive=timeout=5 type=undefined end body=abbccc close\n"
    "/cl: socket response 200 reused=true conn=same port-ok=true te=undefined cl=5 "
    "connection=keep-alive keep-alive=timeout=5 type=text/plain end body=hello close\n"
    "/hangup: socket error ECONNRESET socket hang up reused=true close\n"
    "/cl: socket response 200 reused=false conn=new port-ok=true te=undefined cl=5 "
    "connection=keep-alive keep-alive=timeout=5 type=text/plain end body=hello close\n"
    "/bye: socket response 200 reused=true conn=same port-ok=true te=undefined cl=3 "
    "connection=keep-alive keep-alive=timeout=5 type=undefined end body=bye close\n"
    "/cl: socket response 200 reused=false conn=new port-ok=true te=undefined cl=5 "
    "connection=keep-alive keep-alive=timeout=5 type=text/plain end body=hello close\n"
    "/missing: socket response 404 reused=true conn=same port-ok=true te=undefined cl=4 "
    "connection=keep-alive keep-alive=timeout=5 type=undefined end body=nope close\n";

struct PoolTrace {
  std::string out;
  std::string lastPeer;
};

// kPoolClientJs's get(path), line for line.
Step tracedGet(http::AgentPtr agent, std::shared_ptr<int> port, std::string path,
               std::shared_ptr<PoolTrace> trace) {
  return [=](std::function<void()> next) {
    auto ev = std::make_shared<std::vector<std::string>>();
    auto holder = std::make_shared<http::ClientRequestPtr>();
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = *port;
    o.path = path;
    o.agent = agent;
    auto r = http::get(o, [=](http::IncomingMessagePtr res) {
      const Value& h = res->headers();
      std::string peer = h["x-peer-port"].toString();
      auto lp = res->socket ? res->socket->localPort() : Maybe<int>();
      std::string local = lp ? std::to_string(*lp) : "none";
      ev->push_back("response " + std::to_string(res->statusCode) +
                    " reused=" + ((*holder)->reusedSocket ? "true" : "false") +
                    " conn=" + (peer == trace->lastPeer ? "same" : "new") +
                    " port-ok=" + (local == peer ? "true" : "false"));
      trace->lastPeer = peer;
      ev->push_back(
          "te=" + h["transfer-encoding"].toString() + " cl=" + h["content-length"].toString() +
          " connection=" + h["connection"].toString() +
          " keep-alive=" + h["keep-alive"].toString() + " type=" + h["content-type"].toString());
      auto body = std::make_shared<std::string>();
      res->setEncoding("utf8");
      res->on("data", [body](const std::string& c) { *body += c; });
      res->on("end", [ev, body] { ev->push_back("end body=" + *body); });
    });
    *holder = r;
    r->on("socket", [ev](net::SocketPtr) { ev->push_back("socket"); });
    r->on("error", [ev, holder](const Error& e) {
      ev->push_back("error " + e.code + " " + e.message +
                    " reused=" + ((*holder)->reusedSocket ? "true" : "false"));
    });
    r->on("close", [=] {
      ev->push_back("close");
      setImmediate([=] {
        std::string line = path + ":";
        for (const auto& e : *ev) line += " " + e;
        trace->out += line + "\n";
        holder->reset();
        next();
      });
    });
  };
}

}  // namespace

TEST(HttpInterop, OurClientAgainstNodeServer) {
  if (!have(kNode)) GTEST_SKIP() << kNode << " is not installed";
  std::string nodeClient;
  auto trace = std::make_shared<PoolTrace>();
  int code = nodecc::run([&] {
    auto nodeServer = std::make_shared<cp::ChildProcessPtr>();
    auto port = std::make_shared<int>(0);
    http::AgentOptions ao;
    ao.keepAlive = true;
    ao.maxSockets = 64;
    auto agent = std::make_shared<http::Agent>(ao);
    auto steps = std::make_shared<std::vector<Step>>();
    steps->push_back([nodeServer, port](std::function<void()> next) {
      *nodeServer = startNodeServer(kPoolServerJs, [port, next](int p) {
        *port = p;
        next();
      });
    });
    steps->push_back(execStep(
        kNode,
        [port] {
          return std::vector<std::string>{"-e", kPoolClientJs, std::to_string(*port)};
        },
        &nodeClient));
    for (const char* p : {"/cl", "/chunked", "/cl", "/hangup", "/cl", "/bye"})
      steps->push_back(tracedGet(agent, port, p, trace));
    steps->push_back([](std::function<void()> next) { setTimeout(next, 500); });
    steps->push_back(tracedGet(agent, port, "/cl", trace));
    steps->push_back(tracedGet(agent, port, "/missing", trace));
    steps->push_back([agent](std::function<void()> next) {
      // The pool holds the one socket of the last requests, free; destroy() closes it.
      EXPECT_EQ(agent->totalSocketCount, 1);
      agent->destroy();
      next();
    });
    steps->push_back(killStep(nodeServer));
    runSteps(steps);
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(nodeClient, kPoolExpected) << "Node 20 itself answers differently";
  EXPECT_EQ(trace->out, kPoolExpected);
  EXPECT_TRUE(noChildLeft());
}

// ---- 3. curl against our server ------------------------------------------------------------

namespace {

struct CurlCase {
  std::vector<std::string> args;  // before the URLs
  std::vector<std::string> paths;
  const char* expected;  // CRLF written as \n, the Date value as <date>
};

const std::vector<CurlCase>& curlCases() {
  static const std::vector<CurlCase> cases = {
      {{},
       {"/x"},
       "HTTP/1.1 200 OK\nContent-Type: text/plain\nDate: <date>\nConnection: keep-alive\n"
       "Keep-Alive: timeout=5\nContent-Length: 8\n\nhello /x"},
      {{"--http1.0"},
       {"/x"},
       "HTTP/1.1 200 OK\nContent-Type: text/plain\nDate: <date>\nConnection: close\n\nhello /x"},
      {{},
       {"/chunked"},
       "HTTP/1.1 200 OK\nDate: <date>\nConnection: keep-alive\nKeep-Alive: timeout=5\n"
       "Transfer-Encoding: chunked\n\npart1,part2"},
      // HTTP/1.0 has no chunked coding: the body ends with the connection.
      {{"--http1.0"},
       {"/chunked"},
       "HTTP/1.1 200 OK\nDate: <date>\nConnection: close\n\npart1,part2"},
      {{"-d", "name=value"},
       {"/echo"},
       "HTTP/1.1 200 OK\nDate: <date>\nConnection: keep-alive\nKeep-Alive: timeout=5\n"
       "Transfer-Encoding: chunked\n\n"
       "POST te=undefined cl=10 type=application/x-www-form-urlencoded expect=undefined\n"
       "name=value"},
      // Without a 'checkContinue' listener the server answers 100 Continue itself.
      {{"-H", "Expect: 100-continue", "-d", "abc"},
       {"/echo"},
       "HTTP/1.1 100 Continue\n\n"
       "HTTP/1.1 200 OK\nDate: <date>\nConnection: keep-alive\nKeep-Alive: timeout=5\n"
       "Transfer-Encoding: chunked\n\n"
       "POST te=undefined cl=3 type=application/x-www-form-urlencoded expect=100-continue\n"
       "abc"},
      // HEAD: the length of a body given to end() is not announced.
      {{"-I"},
       {"/x"},
       "HTTP/1.1 200 OK\nContent-Type: text/plain\nDate: <date>\nConnection: keep-alive\n"
       "Keep-Alive: timeout=5\n\n"},
      // Two URLs: HTTP/1.1 reuses the connection, HTTP/1.0 does not.
      {{"-w", "[connects=%{num_connects}]"},
       {"/x", "/len/1"},
       "HTTP/1.1 200 OK\nContent-Type: text/plain\nDate: <date>\nConnection: keep-alive\n"
       "Keep-Alive: timeout=5\nContent-Length: 8\n\nhello /x[connects=1]"
       "HTTP/1.1 200 OK\nContent-Length: 12\nDate: <date>\nConnection: keep-alive\n"
       "Keep-Alive: timeout=5\n\nhello /len/1[connects=0]"},
      {{"--http1.0", "-w", "[connects=%{num_connects}]"},
       {"/x", "/len/1"},
       "HTTP/1.1 200 OK\nContent-Type: text/plain\nDate: <date>\nConnection: close\n\n"
       "hello /x[connects=1]"
       "HTTP/1.1 200 OK\nContent-Length: 12\nDate: <date>\nConnection: close\n\n"
       "hello /len/1[connects=1]"},
  };
  return cases;
}

// curl's output with its CRLFs checked and made \n, and the Date values masked.
std::string normalizeCurl(const std::string& raw) {
  static const std::regex date(
      "Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  std::string s = std::regex_replace(raw, date, "Date: <date>");
  std::string out;
  bool inHead = true;  // a head's lines end in CRLF; a body may hold a bare LF
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 5, "HTTP/") == 0 && (i == 0 || s[i - 1] == ']' || s[i - 1] == '\n'))
      inHead = true;
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      out += '\n';
      ++i;
      if (inHead && i >= 3 && s[i - 3] == '\r' && s[i - 2] == '\n') inHead = false;  // end of head
      continue;
    }
    if (inHead && s[i] == '\n') out += "<bare LF>";
    out += s[i];
  }
  return out;
}

Step curlStep(std::function<int()> port, const CurlCase& c,
              std::shared_ptr<std::vector<std::string>> outs) {
  auto out = std::make_shared<std::string>();
  auto exec = execStep(
      kCurl,
      [port, &c] {
        std::vector<std::string> args = {"-s", "-i", "-m", "20"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        for (const auto& p : c.paths)
          args.push_back("http://127.0.0.1:" + std::to_string(port()) + p);
        return args;
      },
      out.get());
  return [exec, out, outs](std::function<void()> next) {
    exec([out, outs, next] {
      outs->push_back(normalizeCurl(*out));
      next();
    });
  };
}

}  // namespace

TEST(HttpInterop, CurlAgainstOurServer) {
  if (!have(kCurl)) GTEST_SKIP() << kCurl << " is not installed";
  bool withNode = have(kNode);
  auto fromUs = std::make_shared<std::vector<std::string>>();
  auto fromNode = std::make_shared<std::vector<std::string>>();
  bool serverClosed = false;
  int code = nodecc::run([&] {
    auto server = makeEchoServer();
    auto nodeServer = std::make_shared<cp::ChildProcessPtr>();
    auto nodePort = std::make_shared<int>(0);
    auto steps = std::make_shared<std::vector<Step>>();
    steps->push_back([server](std::function<void()> next) {
      server->listen(0, "127.0.0.1", [next] { next(); });
    });
    for (const auto& c : curlCases())
      steps->push_back(curlStep([server] { return server->address()->port; }, c, fromUs));
    if (withNode) {
      steps->push_back([nodeServer, nodePort](std::function<void()> next) {
        *nodeServer = startNodeServer(kEchoServerJs, [nodePort, next](int port) {
          *nodePort = port;
          next();
        });
      });
      for (const auto& c : curlCases())
        steps->push_back(curlStep([nodePort] { return *nodePort; }, c, fromNode));
      steps->push_back(killStep(nodeServer));
    }
    steps->push_back([&, server](std::function<void()>) {
      server->close([&](std::optional<Error> err) {
        EXPECT_FALSE(err);
        serverClosed = true;
      });
    });
    runSteps(steps);
  });
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(serverClosed);
  const auto& cases = curlCases();
  ASSERT_EQ(fromUs->size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::string what;
    for (const auto& a : cases[i].args) what += a + " ";
    for (const auto& p : cases[i].paths) what += p + " ";
    SCOPED_TRACE("curl -s -i " + what);
    EXPECT_EQ((*fromUs)[i], cases[i].expected);
    if (withNode) {
      ASSERT_EQ(fromNode->size(), cases.size());
      EXPECT_EQ((*fromNode)[i], cases[i].expected) << "Node 20 itself answers differently";
    }
  }
  EXPECT_TRUE(noChildLeft());
}
