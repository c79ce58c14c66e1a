// dgram on loopback: unicast, reply, connected sockets, event order, lifetime, and
// every bad input of the issue. Every socket binds port 0 and every test ends with
// the loop empty (nodecc::run returns only then; an unref'd guard timer fails a test
// that would otherwise hang).
#include "nodecc/dgram.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "nodecc/nodecc.h"

namespace nodecc {
namespace {

// Fails the test and closes `sockets` if the loop is still busy after `ms`.
void guard(std::vector<dgram::SocketPtr> sockets, double ms = 5000) {
  setTimeout(
      [sockets] {
        ADD_FAILURE() << "timed out";
        for (auto& s : sockets) {
          try {
            s->close();
          } catch (const Error&) {
          }
        }
      },
      ms)
      ->unref();
}

TEST(Dgram, UnicastOnLoopback) {
  std::vector<std::string> got;
  std::vector<dgram::RemoteInfo> infos;
  int senderPort = 0;
  int rc = nodecc::run([&] {
    auto receiver = dgram::createSocket("udp4");
    auto sender = dgram::createSocket("udp4");
    guard({receiver, sender});
    receiver->on("message", [&, receiver, sender](Buffer msg, dgram::RemoteInfo rinfo) {
      got.push_back(msg.toString());
      infos.push_back(rinfo);
      if (got.size() == 3) {
        senderPort = sender->address().port;
        receiver->close();
        sender->close();
      }
    });
    receiver->bind(0, "127.0.0.1", [receiver, sender] {
      int port = receiver->address().port;
      sender->send("hello", port, "127.0.0.1");
      sender->send(Buffer::from({1, 2, 3}), port);  // default address: 127.0.0.1
      sender->send(std::vector<Buffer>{Buffer::from("ab"), Buffer::from("cd")}, port,
                   "localhost");  // resolved through dns.lookup
    });
  });
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "hello");
  EXPECT_EQ(got[1], std::string("\x01\x02\x03"));
  EXPECT_EQ(got[2], "abcd");
  for (auto& r : infos) {
    EXPECT_EQ(r.address, "127.0.0.1");
    EXPECT_EQ(r.family, "IPv4");
    EXPECT_EQ(r.port, senderPort);
  }
  EXPECT_EQ(infos[0].size, 5u);
  EXPECT_EQ(infos[2].size, 4u);
  EXPECT_EQ(util::inspect(infos[0]), "{ address: '127.0.0.1', family: 'IPv4', port: " +
                                         std::to_string(senderPort) + ", size: 5 }");
}

TEST(Dgram, ReplyThroughRemoteInfo) {
  std::string reply;
  nodecc::run([&] {
    auto server = dgram::createSocket("udp4");
    auto client = dgram::createSocket("udp4");
    guard({server, client});
    server->on("message", [server](Buffer msg, dgram::RemoteInfo rinfo) {
      server->send("re: " + msg.toString(), rinfo.port, rinfo.address);
    });
    client->on("message", [&, server, client](Buffer msg) {
      reply = msg.toString();
      client->close();
      server->close();
    });
    server->bind(0, [server, client] { client->send("ping", server->address().port); });
  });
  EXPECT_EQ(reply, "re: ping");
}

TEST(Dgram, ConnectedSocket) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto server = dgram::createSocket("udp4");
    auto client = dgram::createSocket("udp4");
    guard({server, client});
    server->bind(0, "127.0.0.1", [&, server, client] {
      int port = server->address().port;
      client->connect(port, "127.0.0.1", [&, client, port](std::optional<Error> err) {
        EXPECT_FALSE(err);
        auto ra = client->remoteAddress();
        EXPECT_EQ(ra.address, "127.0.0.1");
        EXPECT_EQ(ra.port, port);
        EXPECT_EQ(ra.family, "IPv4");
        client->send("a", [&](std::optional<Error> e, std::size_t n) {
          EXPECT_FALSE(e);
          log.push_back("sent " + std::to_string(n));
        });
        try {
          client->send("b", 0, 1, port, "127.0.0.1");
          ADD_FAILURE() << "no throw";
        } catch (const Error& e) {
          EXPECT_EQ(e.code, "ERR_SOCKET_DGRAM_IS_CONNECTED");
          EXPECT_EQ(e.message, "Already connected");
        }
      });
    });
    server->on("message", [&, server, client](Buffer msg, dgram::RemoteInfo) {
      log.push_back("got " + msg.toString());
      client->disconnect();
      try {
        client->remoteAddress();
        ADD_FAILURE() << "no throw";
      } catch (const Error& e) {
        EXPECT_EQ(e.code, "ERR_SOCKET_DGRAM_NOT_CONNECTED");
      }
      client->close();
      server->close();
    });
  });
  EXPECT_EQ(log, (std::vector<std::string>{"sent 1", "got a"}));
}

TEST(Dgram, EventOrderBindSendClose) {
  std::vector<std::string> log;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    guard({s});
    s->on("listening", [&] { log.push_back("listening"); });
    s->bind(0, "127.0.0.1", [&, s] {
      log.push_back("bind cb");
      s->send("x", s->address().port,
              [&](std::optional<Error>, std::size_t) { log.push_back("send cb"); });
      nextTick([&] { log.push_back("tick"); });
    });
    s->on("message", [&, s](Buffer) {
      log.push_back("message");
      s->close([&] { log.push_back("close cb"); });
      s->on("close", [&] { log.push_back("close"); });
      nextTick([&] { log.push_back("tick after close"); });
      log.push_back("close() returned");
    });
    log.push_back("bind() returned");
  });
  EXPECT_EQ(log, (std::vector<std::string>{"bind() returned", "listening", "bind cb", "tick",
                                           "send cb", "message", "close() returned", "close cb",
                                           "close", "tick after close"}));
}

TEST(Dgram, OversizedDatagramIsEmsgsizeThroughTheCallbackOnly) {
  std::optional<Error> err;
  bool errorEvent = false;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    guard({s});
    s->on("error", [&](const Error&) { errorEvent = true; });
    s->bind(0, "127.0.0.1", [&, s] {
      int port = s->address().port;
      s->send(Buffer::alloc(65508), port, "127.0.0.1");  // Node: no callback, no error
      s->send(Buffer::alloc(70000), port, "127.0.0.1", [&, s](std::optional<Error> e) {
        err = std::move(e);
        setTimeout([s] { s->close(); }, 20);
      });
    });
  });
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, "EMSGSIZE");
  EXPECT_EQ(err->syscall, "send");
  EXPECT_EQ(err->address, "127.0.0.1");
  EXPECT_EQ(err->message.rfind("send EMSGSIZE 127.0.0.1:", 0), 0u) << err->message;
  EXPECT_FALSE(errorEvent);
}

TEST(Dgram, MisuseThrowsNodesErrors) {
  nodecc::run([&] {
    auto expectThrow = [](auto fn, const char* code, const char* message) {
      try {
        fn();
        ADD_FAILURE() << "no throw for " << code;
      } catch (const Error& e) {
        EXPECT_EQ(e.code, code);
        EXPECT_EQ(e.message, message);
      }
    };
    expectThrow([] { dgram::createSocket("udp5"); }, "ERR_SOCKET_BAD_TYPE",
                "Bad socket type specified. Valid types are: udp4, udp6");
    auto s = dgram::createSocket("udp4");
    guard({s});
    expectThrow([&] { s->send("x", 0, "127.0.0.1"); }, "ERR_SOCKET_BAD_PORT",
                "Port should be > 0 and < 65536. Received type number (0).");
    expectThrow([&] { s->send("x", 70000); }, "ERR_SOCKET_BAD_PORT",
                "Port should be > 0 and < 65536. Received type number (70000).");
    expectThrow([&] { s->connect(-5); }, "ERR_SOCKET_BAD_PORT",
                "Port should be > 0 and < 65536. Received type number (-5).");
    expectThrow([&] { s->setTTL(3); }, "EBADF", "setTTL EBADF");
    s->bind(0, [s, expectThrow] {
      expectThrow([&] { s->bind(0); }, "ERR_SOCKET_ALREADY_BOUND", "Socket is already bound");
      expectThrow([&] { s->addMembership("127.0.0.1"); }, "EINVAL", "addMembership EINVAL");
      expectThrow([&] { s->addMembership(""); }, "ERR_MISSING_ARGS",
                  "The \"multicastAddress\" argument must be specified");
      s->close();
      expectThrow([&] { s->send("x", 9, "127.0.0.1"); }, "ERR_SOCKET_DGRAM_NOT_RUNNING",
                  "Not running");
      expectThrow([&] { s->close(); }, "ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running");
      expectThrow([&] { s->address(); }, "ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running");
    });
  });
}

TEST(Dgram, BindErrorsAreErrorEvents) {
  std::vector<std::string> errs;
  nodecc::run([&] {
    auto a = dgram::createSocket("udp4");
    guard({a});
    a->bind(0, "127.0.0.1", [&, a] {
      int port = a->address().port;
      auto b = dgram::createSocket("udp4");
      bool called = false;
      b->on("error", [&, a, b, port](const Error& e) {
        errs.push_back(e.message);
        EXPECT_EQ(e.code, "EADDRINUSE");
        EXPECT_EQ(e.port, port);
        b->close();
        a->close();
      });
      b->bind(port, "127.0.0.1", [&] { called = true; });
      EXPECT_FALSE(called);
    });
  });
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].rfind("bind EADDRINUSE 127.0.0.1:", 0), 0u);
}

TEST(Dgram, BoundSocketOutlivesItsLastPointerUntilClosed) {
  std::weak_ptr<dgram::Socket> weak;
  int messages = 0;
  nodecc::run([&] {
    {
      auto s = dgram::createSocket("udp4");
      weak = s;
      // The listener holds the socket's own pointer: the Node idiom, not a leak.
      s->on("message", [&, s](Buffer) {
        ++messages;
        s->close();
      });
      s->bind(0, "127.0.0.1");
    }
    setTimeout(
        [&] {
          auto s = weak.lock();
          ASSERT_TRUE(s) << "a bound socket must keep itself alive";
          int port = s->address().port;
          auto sender = dgram::createSocket("udp4");
          sender->send("x", port, [sender](std::optional<Error>) { sender->close(); });
        },
        10);
  });
  EXPECT_EQ(messages, 1);
  EXPECT_TRUE(weak.expired()) << "listeners are released after 'close'";
}

TEST(Dgram, UnboundSocketIsFreedWithItsLastPointer) {
  std::weak_ptr<dgram::Socket> weak;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp6");
    weak = s;
  });
  EXPECT_TRUE(weak.expired());
}

TEST(Dgram, NoMessageAfterClose) {
  int messages = 0;
  nodecc::run([&] {
    auto r = dgram::createSocket("udp4");
    auto s = dgram::createSocket("udp4");
    guard({r, s});
    r->on("message", [&, r, s](Buffer) {
      ++messages;
      r->close();  // the other datagrams may already be read: none may be delivered
      setTimeout([s] { s->close(); }, 30);
    });
    r->bind(0, "127.0.0.1", [r, s] {
      for (int i = 0; i < 20; ++i) s->send("x", r->address().port);
    });
  });
  EXPECT_EQ(messages, 1);
}

TEST(Dgram, ExitWithOpenSocketsTearsDownWithoutCallbacks) {
  std::weak_ptr<dgram::Socket> weak;
  bool closed = false;
  int rc = nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    weak = s;
    s->on("close", [&] { closed = true; });
    s->on("message", [s](Buffer) {});  // a cycle that teardown must break
    s->bind(0, [] { process::exit(3); });
  });
  EXPECT_EQ(rc, 3);
  EXPECT_FALSE(closed);
  EXPECT_TRUE(weak.expired());
}

TEST(Dgram, ListenerExceptionIsUncaught) {
  std::string caught;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    guard({s});
    process::on("uncaughtException", [&, s](const Error& e) {
      caught = e.message;
      s->close();
    });
    s->on("message", [](Buffer) { throw Error("from listener"); });
    s->bind(0, "127.0.0.1", [s] { s->send("x", s->address().port); });
  });
  EXPECT_EQ(caught, "from listener");
}

TEST(Dgram, WrongListenerSignatureFailsAtRegistration) {
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    try {
      s->on("message", [](std::string) {});
      ADD_FAILURE() << "no throw";
    } catch (const Error& e) {
      EXPECT_EQ(e.code, "ERR_INVALID_ARG_TYPE");
    }
    s->on("message", [](const Buffer&) {});  // a prefix is fine
  });
}

TEST(Dgram, CustomLookupIsUsed) {
  std::vector<std::string> asked;
  std::string got;
  nodecc::run([&] {
    dgram::SocketOptions o;
    o.type = "udp4";
    o.lookup = [&](const std::string& host, int family, dns::LookupCallback cb) {
      asked.push_back(host + "/" + std::to_string(family));
      nextTick([cb = std::make_shared<dns::LookupCallback>(std::move(cb))] {
        (*cb)(std::nullopt, "127.0.0.1", 4);
      });
    };
    auto r = dgram::createSocket("udp4");
    auto s = dgram::createSocket(std::move(o));
    guard({r, s});
    r->on("message", [&, r, s](Buffer m) {
      got = m.toString();
      r->close();
      s->close();
    });
    r->bind(0, "127.0.0.1", [r, s] { s->send("via lookup", r->address().port, "my.host"); });
  });
  EXPECT_EQ(got, "via lookup");
  EXPECT_EQ(asked, (std::vector<std::string>{"0.0.0.0/4", "my.host/4"}));
}

// A flood to a slow receiver: the kernel drops what the receiver cannot take; the
// process stays up, memory stays bounded and every send completes.
TEST(Dgram, FloodToSlowReceiverHasBoundedMemory) {
  static constexpr int kTotal = 60000, kBurst = 2000;
  int sentCallbacks = 0, received = 0;
  std::uint64_t rssBefore = 0, rssPeak = 0;
  nodecc::run([&] {
    auto r = dgram::createSocket({.type = "udp4", .recvBufferSize = 65536});
    auto s = dgram::createSocket("udp4");
    guard({r, s}, 60000);
    r->on("message", [&](Buffer) {
      ++received;
      auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(50);
      while (std::chrono::steady_clock::now() < until) {
      }
    });
    r->bind(0, "127.0.0.1", [&, r, s] {
      rssBefore = process::memoryUsage().rss;
      int port = r->address().port;
      Buffer payload = Buffer::alloc(1024, 'x');
      auto burst = std::make_shared<std::function<void(int)>>();
      *burst = [&, s, r, port, payload, burst](int done) {
        for (int i = 0; i < kBurst; ++i) {
          s->send(payload, port, "127.0.0.1",
                  [&](std::optional<Error> e, std::size_t) { sentCallbacks += !e; });
        }
        rssPeak = std::max(rssPeak, process::memoryUsage().rss);
        if (done + kBurst < kTotal) {
          setImmediate([burst, done] { (*burst)(done + kBurst); });
        } else {
          setTimeout(
              [s, r, burst] {
                s->close();
                r->close();
                *burst = nullptr;
              },
              100);
        }
      };
      (*burst)(0);
    });
  });
  EXPECT_EQ(sentCallbacks, kTotal);
  EXPECT_GT(received, 0);
  EXPECT_LE(received, kTotal);
  EXPECT_LT(rssPeak - rssBefore, 64u << 20) << "rss grew by " << (rssPeak - rssBefore);
}

// A plain socket outside any loop, to see what left a process's loop.
class RawReceiver {
 public:
  RawReceiver() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~RawReceiver() { ::close(fd_); }
  int port() const { return port_; }
  std::vector<std::string> drain() {
    std::vector<std::string> out;
    char buf[2048];
    for (;;) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n < 0) break;
      out.emplace_back(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Sends without a callback are batched; they must still leave in order, interleaved
// with sends that have one, as separate datagrams of their own sizes.
TEST(Dgram, BatchedSendsKeepOrderAndBoundaries) {
  std::vector<std::string> got;
  std::vector<std::string> want;
  nodecc::run([&] {
    auto r = dgram::createSocket({.type = "udp4", .recvBufferSize = 1 << 20});
    auto s = dgram::createSocket("udp4");
    guard({r, s});
    r->on("message", [&, r, s](Buffer msg) {
      got.push_back(msg.toString());
      if (got.size() == want.size()) {
        r->close();
        s->close();
      }
    });
    r->bind(0, "127.0.0.1", [&, r, s] {
      int port = r->address().port;
      for (int i = 0; i < 300; ++i) {
        // Runs of equal sizes (GSO-able), size changes, pieces, and callbacks between.
        std::string m = "m" + std::to_string(i % 100 < 50 ? 100 + i : i);
        if (i % 37 == 0) m += std::string(static_cast<std::size_t>(i), 'z');
        want.push_back(m);
        if (i % 41 == 0) {
          s->send(m, port, "127.0.0.1", [](std::optional<Error> e) { EXPECT_FALSE(e); });
        } else if (i % 29 == 0) {
          s->send(std::vector<Buffer>{Buffer::from(m.substr(0, 1)), Buffer::from(m.substr(1))},
                  port, "127.0.0.1");
        } else {
          s->send(m, port, "127.0.0.1");
        }
      }
    });
  });
  EXPECT_EQ(got, want);
}

TEST(Dgram, SendThenCloseStillSends) {
  RawReceiver raw;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    s->connect(raw.port(), "127.0.0.1", [s] {
      s->send("before close");  // connected: no lookup tick, as in Node it leaves now
      s->close();
    });
  });
  EXPECT_EQ(raw.drain(), (std::vector<std::string>{"before close"}));
}

TEST(Dgram, UnrefedSenderStillSendsBeforeTheLoopEnds) {
  RawReceiver raw;
  nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    s->bind(0, "127.0.0.1", [s, port = raw.port()] {
      s->unref();
      for (int i = 0; i < 5; ++i) s->send("d" + std::to_string(i), port, "127.0.0.1");
    });
  });
  EXPECT_EQ(raw.drain(), (std::vector<std::string>{"d0", "d1", "d2", "d3", "d4"}));
}

TEST(Dgram, ExitRightAfterAConnectedSendStillSends) {
  RawReceiver raw;
  int rc = nodecc::run([&] {
    auto s = dgram::createSocket("udp4");
    s->connect(raw.port(), "127.0.0.1", [s] {
      s->send("last words");
      process::exit(0);
    });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(raw.drain(), (std::vector<std::string>{"last words"}));
}

}  // namespace
}  // namespace nodecc
