// bindings/http_parser without a loop: Node 20's answers (parser_cases.json, made by
// make_parser_cases.py from Node itself) for hand-written and fuzzed inputs, whole and split
// into every chunk size from 1 to 7, plus the details the table does not show.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bindings/http_parser.h"
#include "nodecc/value.h"

using nodecc::Array;
using nodecc::Value;
using nodecc::bindings::HttpHeaderBlock;
using nodecc::bindings::HttpParser;

namespace {

// A JSON string of U+0000..U+00FF back to the bytes it stands for.
std::string bytes(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      unsigned char d = static_cast<unsigned char>(utf8[++i]);
      out += static_cast<char>(((c & 0x1f) << 6) | (d & 0x3f));
    }
  }
  return out;
}

struct Message {
  std::string method, url, version, body;
  std::vector<std::string> headers, trailers;
  bool keepAlive = false;  // llhttp_should_keep_alive at the end of the head
};

// Records what Node's http server would see (it takes upgrades and CONNECT, as the oracle's
// 'upgrade' and 'connect' listeners do).
struct Recorder : HttpParser::Delegate {
  std::vector<Message> msgs;
  bool upgraded = false;
  int onHeadersComplete(const HttpParser::Head& h, std::string& url, std::string&,
                        HttpHeaderBlock& headers) override {
    Message m;
    m.method = std::string(h.method);
    m.url = url;
    m.version = std::to_string(h.versionMajor) + "." + std::to_string(h.versionMinor);
    m.keepAlive = h.shouldKeepAlive;
    for (std::size_t i = 0; i < headers.size(); ++i) {
      m.headers.emplace_back(headers.name(i));
      m.headers.emplace_back(headers.value(i));
    }
    msgs.push_back(std::move(m));
    upgraded = h.upgrade || h.method == "CONNECT";
    return upgraded ? 2 : 0;
  }
  void onBody(const char* at, std::size_t n) override { msgs.back().body.append(at, n); }
  void onMessageComplete(HttpHeaderBlock& t) override {
    for (std::size_t i = 0; i < t.size(); ++i) {
      msgs.back().trailers.emplace_back(t.name(i));
      msgs.back().trailers.emplace_back(t.value(i));
    }
  }
};

struct Outcome {
  std::vector<Message> msgs;
  std::string err;  // "CODE:reason:bytesParsed" or ""
  std::string errNoPos;
};

Outcome parse(const std::string& input, std::size_t step) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &r);
  Outcome o;
  bool stopped = false;
  std::size_t n = step ? step : (input.empty() ? 1 : input.size());
  for (std::size_t off = 0; off < input.size() && !stopped; off += n) {
    std::size_t len = std::min(n, input.size() - off);
    HttpParser::Result res = p.execute(input.data() + off, len);
    if (!res.ok) {
      o.err = res.error.code + ":" + res.error.reason + ":" +
              std::to_string(res.error.bytesParsed + off);
      o.errNoPos = res.error.code + ":" + res.error.reason;
      stopped = true;
    } else if (r.upgraded) {
      stopped = true;  // Node hands the rest of the connection to 'upgrade'/'connect'
    }
  }
  if (!stopped) {
    HttpParser::Result res = p.finish();
    if (!res.ok) {
      o.err = res.error.code + ":" + res.error.reason + ":0";
      o.errNoPos = res.error.code + ":" + res.error.reason;
    }
  }
  o.msgs = std::move(r.msgs);
  return o;
}

std::vector<std::string> strings(const Value& a) {
  std::vector<std::string> v;
  for (const Value& x : a.asArray()) v.push_back(bytes(x.asString()));
  return v;
}

Value loadCases() {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.rfind('/'));
  std::ifstream f(dir + "/parser_cases.json");
  std::stringstream ss;
  ss << f.rdbuf();
  return Value::parse(ss.str());
}

void check(const Value& c, std::size_t step) {
  std::string input = bytes(c["input"].asString());
  Outcome o = parse(input, step);
  SCOPED_TRACE("input " + Value(c["input"]).stringify() + " step " + std::to_string(step));
  const Value& err = c["err"];
  if (err.isNull()) {
    EXPECT_EQ(o.err, "");
  } else if (step == 0) {
    EXPECT_EQ(o.err, bytes(err.asString()));
  } else {
    // Split input: the position is where the error fell in its chunk.
    std::string e = bytes(err.asString());
    EXPECT_EQ(o.errNoPos, e.substr(0, e.rfind(':')));
  }
  const Array& msgs = c["msgs"].asArray();
  ASSERT_EQ(o.msgs.size(), msgs.size());
  for (std::size_t i = 0; i < msgs.size(); ++i) {
    const Value& m = msgs[i];
    EXPECT_EQ(o.msgs[i].method, bytes(m["m"].asString()));
    EXPECT_EQ(o.msgs[i].url, bytes(m["u"].asString()));
    EXPECT_EQ(o.msgs[i].version, m["v"].asString());
    EXPECT_EQ(o.msgs[i].headers, strings(m["h"]));
    EXPECT_EQ(o.msgs[i].trailers, strings(m["t"]));
    std::string body = bytes(m["b"].asString());
    if (err.isNull()) {
      EXPECT_EQ(o.msgs[i].body, body);
    } else {
      // Node may drop body bytes still queued in the request stream when the error destroys
      // the socket; what it delivered is a prefix of what was parsed.
      EXPECT_EQ(o.msgs[i].body.substr(0, body.size()), body);
    }
  }
}

}  // namespace

TEST(HttpParser, MatchesNode20Whole) {
  Value cases = loadCases();
  ASSERT_GT(cases.size(), 700u);
  for (const Value& c : cases.asArray()) check(c, 0);
}

TEST(HttpParser, MatchesNode20Split) {
  Value cases = loadCases();
  for (const Value& c : cases.asArray()) {
    for (std::size_t step = 1; step <= 7; ++step) check(c, step);
  }
}

// Node's table cannot show shouldKeepAlive (its server never answers): the whole-head path
// (a whole input) must agree with llhttp (the same input a byte at a time) on every message.
TEST(HttpParser, WholeHeadPathKeepsAliveAsLlhttp) {
  Value cases = loadCases();
  std::size_t connection = 0;
  for (const Value& c : cases.asArray()) {
    std::string input = bytes(c["input"].asString());
    SCOPED_TRACE("input " + Value(c["input"]).stringify());
    Outcome whole = parse(input, 0);
    Outcome split = parse(input, 1);
    ASSERT_EQ(whole.msgs.size(), split.msgs.size());
    for (std::size_t i = 0; i < whole.msgs.size(); ++i)
      EXPECT_EQ(whole.msgs[i].keepAlive, split.msgs[i].keepAlive) << "message " << i;
    if (input.find("onnection: ") != std::string::npos) ++connection;
  }
  EXPECT_GT(connection, 20u);  // the corpus has Connection headers of every kind
  // And the values themselves, through the whole-head path.
  auto keepAlive = [](const std::string& version, const std::string& headers) {
    Outcome o = parse("GET / " + version + "\r\nHost: a\r\n" + headers + "\r\n", 0);
    EXPECT_EQ(o.msgs.size(), 1u);
    return !o.msgs.empty() && o.msgs[0].keepAlive;
  };
  EXPECT_TRUE(keepAlive("HTTP/1.1", ""));
  EXPECT_FALSE(keepAlive("HTTP/1.1", "Connection: close\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.1", "connection: CLOSE\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.1", "Connection: keep-alive\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.1", "Connection: keep-alive\r\nConnection: close\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.0", ""));
  EXPECT_FALSE(keepAlive("HTTP/1.0", "Connection: close\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.0", "Connection: Keep-Alive\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.0", "Connection: close\r\nConnection: keep-alive\r\n"));
}

TEST(HttpParser, HeaderOverflowCountsLikeNode) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &r, 64);
  // url (1) + name (6) + value reaches 64 bytes
  std::string req = "GET / HTTP/1.1\r\nCookie: " + std::string(57, 'a') + "\r\n\r\n";
  HttpParser::Result res = p.execute(req);
  ASSERT_FALSE(res.ok);
  EXPECT_EQ(res.error.code, "HPE_HEADER_OVERFLOW");
  EXPECT_EQ(res.error.reason, "Header overflow");
  HttpParser ok;
  Recorder r2;
  ok.init(HttpParser::Type::kRequest, &r2, 64);
  std::string fits = "GET / HTTP/1.1\r\nCookie: " + std::string(56, 'a') + "\r\n\r\n";
  EXPECT_TRUE(ok.execute(fits).ok);
  EXPECT_EQ(r2.msgs.size(), 1u);
}

TEST(HttpParser, ChunkExtensionsOverflow) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &r);
  std::string req = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
                    std::string(16385, 'e') + "\r\nx\r\n0\r\n\r\n";
  HttpParser::Result res = p.execute(req);
  ASSERT_FALSE(res.ok);
  EXPECT_EQ(res.error.code, "HPE_CHUNK_EXTENSIONS_OVERFLOW");
}

TEST(HttpParser, ResponsesAndHeadSkipsBody) {
  struct Client : Recorder {
    int status = 0;
    std::string statusText;
    int onHeadersComplete(const HttpParser::Head& h, std::string& url, std::string& st,
                          HttpHeaderBlock& headers) override {
      status = h.statusCode;
      statusText = st;
      Recorder::onHeadersComplete(h, url, st, headers);
      return 1;  // a response to HEAD: no body although Content-Length says 5
    }
  } c;
  HttpParser p;
  p.init(HttpParser::Type::kResponse, &c);
  std::string res = "HTTP/1.1 200 Fine\r\nContent-Length: 5\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
  EXPECT_TRUE(p.execute(res).ok);
  ASSERT_EQ(c.msgs.size(), 2u);
  EXPECT_EQ(c.status, 204);
  EXPECT_EQ(c.statusText, "No Content");
}

TEST(HttpParser, ResponseStrictness) {
  for (std::string bad :
       {"HTTP/1.1 200 OK\rX\r\n\r\n", "HTTP/1.1 200 OK\nX: y\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX: 1\r\n 2\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: 1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY0\r\n\r\n"}) {
    Recorder r;
    HttpParser p;
    p.init(HttpParser::Type::kResponse, &r);
    EXPECT_FALSE(p.execute(bad).ok) << bad;
  }
}

TEST(HttpParser, ResponseUntilEofCompletesAtFinish) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kResponse, &r);
  EXPECT_TRUE(p.execute("HTTP/1.0 200 OK\r\n\r\npart one, ").ok);
  EXPECT_TRUE(p.execute("part two").ok);
  EXPECT_TRUE(p.finish().ok);
  ASSERT_EQ(r.msgs.size(), 1u);
  EXPECT_EQ(r.msgs[0].body, "part one, part two");
}

TEST(HttpParser, ExceptionInCallbackPropagatesAfterLlhttp) {
  struct Thrower : Recorder {
    int onHeadersComplete(const HttpParser::Head&, std::string&, std::string&,
                          HttpHeaderBlock&) override {
      throw std::runtime_error("from a listener");
    }
  } t;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &t);
  EXPECT_THROW(p.execute("GET / HTTP/1.1\r\n\r\n"), std::runtime_error);
  // The parser stays failed, as Node's does after an exception in a callback.
  EXPECT_FALSE(p.execute("GET / HTTP/1.1\r\n\r\n").ok);
}

TEST(HttpParser, PauseRefusesInput) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &r);
  p.pause();
  HttpParser::Result res = p.execute("GET / HTTP/1.1\r\n\r\n");
  EXPECT_FALSE(res.ok);
  EXPECT_EQ(res.error.code, "HPE_PAUSED");
  p.resume();
  EXPECT_TRUE(p.execute("GET / HTTP/1.1\r\n\r\n").ok);
  EXPECT_EQ(r.msgs.size(), 1u);
}

TEST(HttpParser, LenientAcceptsWhatStrictRejects) {
  Recorder r;
  HttpParser p;
  p.init(HttpParser::Type::kRequest, &r, 16384, /*lenient=*/true);
  EXPECT_TRUE(p.execute("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\nBad Header: 1\r\n\r\n").ok);
  ASSERT_EQ(r.msgs.size(), 1u);
}

TEST(HttpParser, MethodsListIsNode20s) {
  const auto& m = HttpParser::methods();
  EXPECT_EQ(m.size(), 35u);
  EXPECT_EQ(m.back(), "QUERY");
  EXPECT_EQ(m[1], "GET");
}
