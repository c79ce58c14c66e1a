// HTTP/1 parser: llhttp 8.1 plus a strict scanner that answers as Node 20's llhttp 9 does.
#include "bindings/http_parser.h"

#include <llhttp.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace nodecc::bindings {

static_assert(sizeof(llhttp_t) <= 96, "HttpParser::llhttp_ is too small for llhttp_t");

namespace {

constexpr std::size_t kMaxChunkExtensionsSize = 16384;

// isHttpTokenChar as a table, for the fast paths' name loops.
struct TokenTable {
  bool is[256] = {};
  constexpr TokenTable() {
    for (int c = 0; c < 256; ++c) is[c] = isHttpTokenChar(static_cast<unsigned char>(c));
  }
};
constexpr TokenTable kToken;
inline bool tokenChar(char c) { return kToken.is[static_cast<unsigned char>(c)]; }

constexpr bool isHex(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
constexpr unsigned hexValue(unsigned char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }
constexpr char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }
// qdtext of a quoted chunk-extension value.
constexpr bool isQdtext(unsigned char c) {
  return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b) ||
         (c >= 0x5d && c <= 0x7e) || c >= 0x80;
}

// Header names llhttp treats specially (a space before their colon is "Invalid header field
// char" one byte later, where other names get "Invalid header token" at the space).
enum Special : std::uint8_t { kNone, kConnection, kContentLength, kTransferEncoding, kUpgrade };
Special specialName(const char* lower, std::size_t n) {
  switch (n) {
    case 7:
      return std::memcmp(lower, "upgrade", 7) == 0 ? kUpgrade : kNone;
    case 10:
      return std::memcmp(lower, "connection", 10) == 0 ? kConnection : kNone;
    case 14:
      return std::memcmp(lower, "content-length", 14) == 0 ? kContentLength : kNone;
    case 16:
      return std::memcmp(lower, "proxy-connection", 16) == 0 ? kConnection : kNone;
    case 17:
      return std::memcmp(lower, "transfer-encoding", 17) == 0 ? kTransferEncoding : kNone;
    default:
      return kNone;
  }
}

// The first byte at or after `q` outside [lo, 0x7e] (plus HT when `tab`), or `end`. Eight
// bytes at a time: a byte below `lo` borrows, a byte of 0x7f carries, a byte >= 0x80 has its
// top bit, and a borrow or carry only reaches bytes after the one that made it, so the lowest
// flagged byte is a real stop (or an HT), checked on its own.
template <unsigned char lo, bool tab>
const char* skipPrintable(const char* q, const char* end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  while (q < end) {
    if constexpr (std::endian::native == std::endian::little) {
      if (end - q >= 8) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        const std::uint64_t flagged = ((w - kOnes * lo) | (w + kOnes) | w) & kHigh;
        if (flagged == 0) {
          q += 8;
          continue;
        }
        q += std::countr_zero(flagged) >> 3;
      }
    }
    const unsigned char c = static_cast<unsigned char>(*q);
    if ((c >= lo && c < 0x7f) || (tab && c == '\t')) {
      ++q;
      continue;
    }
    return q;
  }
  return q;
}

// The request line in its everyday form, "METHOD /path HTTP/1.x\r\n" with a method every
// protocol allows and no byte the slow scanner would react to (control bytes, bytes >= 0x80,
// runs of spaces): returns where the line ends, or nullptr to leave it to the slow scanner
// (which then starts from the same state, so the two always agree).
const char* everydayRequestLine(const char* p, const char* end) {
  std::size_t avail = static_cast<std::size_t>(end - p);
  std::size_t m;
  if (avail >= 4 && std::memcmp(p, "GET ", 4) == 0) {
    m = 3;
  } else if (avail >= 5 && (std::memcmp(p, "POST ", 5) == 0 || std::memcmp(p, "HEAD ", 5) == 0)) {
    m = 4;
  } else if (avail >= 4 && std::memcmp(p, "PUT ", 4) == 0) {
    m = 3;
  } else {
    return nullptr;
  }
  const char* q = p + m + 1;
  if (q == end || *q != '/') return nullptr;
  q = skipPrintable<0x21, false>(q + 1, end);
  if (end - q < 11 || *q != ' ') return nullptr;
  if (std::memcmp(q + 1, "HTTP/1.", 7) != 0 || (q[8] != '1' && q[8] != '0') || q[9] != '\r' ||
      q[10] != '\n') {
    return nullptr;
  }
  return q + 11;
}

// The name of an everyday header line: one or more token bytes, then the colon, and none of
// the names llhttp treats specially, except "Connection" (any case) when `connection` is
// given (it is then set). Returns where the colon is, or nullptr.
const char* everydayName(const char* q, const char* end, bool* connection = nullptr) {
  char lower[17];  // the longest special name, "transfer-encoding"
  std::size_t n = 0;
  while (q < end && tokenChar(*q)) {
    const char c = *q++;
    if (n < sizeof lower) lower[n] = asciiLower(c);
    ++n;
  }
  if (n == 0 || q == end || *q != ':') return nullptr;
  if (const Special s = n <= sizeof lower ? specialName(lower, n) : kNone; s != kNone) {
    // (kConnection of 16 bytes is "proxy-connection")
    if (!connection || s != kConnection || n != 10) return nullptr;
    *connection = true;
  }
  return q;
}

// A Connection value llhttp reads as the one token "close" or "keep-alive" (any case):
// sets the flag llhttp would set and returns true; false for any other value.
bool everydayConnection(const char* v, std::size_t n, bool& close, bool& keepAlive) {
  auto is = [&](std::string_view token) {
    if (n != token.size()) return false;
    for (std::size_t i = 0; i < n; ++i) {
      if (asciiLower(v[i]) != token[i]) return false;
    }
    return true;
  };
  if (is("close")) {
    close = true;
    return true;
  }
  if (is("keep-alive")) {
    keepAlive = true;
    return true;
  }
  return false;
}

// A header line in its everyday form, "Name: value\r\n": a token name that is none of the
// names llhttp treats specially, a value with a byte other than SP/HT, no bare CR or LF.
// Returns where the line ends, or nullptr to leave it to the state machine (which starts
// from the same state, so the two always agree).
const char* everydayHeaderLine(const char* p, const char* end) {
  const char* q = everydayName(p, end);
  if (!q) return nullptr;
  ++q;
  while (q < end && (*q == ' ' || *q == '\t')) ++q;
  if (q == end || *q == '\r' || *q == '\n') return nullptr;  // an empty value
  const void* cr = std::memchr(q, '\r', static_cast<std::size_t>(end - q));
  if (!cr) return nullptr;
  const char* r = static_cast<const char*>(cr);
  if (r + 1 == end || r[1] != '\n' || std::memchr(q, '\n', static_cast<std::size_t>(r - q)))
    return nullptr;
  return r + 2;
}

// A whole request head in its everyday form: an everyday request line, then up to
// kEverydayMaxLines header lines whose names are tokens other than llhttp's special ones and
// whose values are non-empty printable ASCII (HT allowed) without trailing whitespace, then
// the empty line. Of the special names only Connection may appear, with the value "close" or
// "keep-alive". Such a request has no body (no Content-Length, no Transfer-Encoding) and no
// upgrade, and llhttp 8.1 and 9 read it alike: its events are delivered without llhttp.
constexpr std::size_t kEverydayMaxLines = 32;
struct EverydayHead {
  std::string_view method;
  std::string_view url;
  int versionMinor = 1;
  std::size_t lines = 0;
  struct Line {
    const char* name;
    std::uint32_t nameLen;
    std::uint32_t valueLen;
    const char* value;
  };
  Line line[kEverydayMaxLines];  // left uninitialized: only [0, lines) is written and read
  std::uint64_t counted = 0;     // what llhttp's spans would add to the header-size count
  const char* end = nullptr;     // after the empty line
  bool connectionClose = false;  // llhttp's F_CONNECTION_CLOSE and F_CONNECTION_KEEP_ALIVE
  bool connectionKeepAlive = false;
};

bool everydayHead(const char* p, const char* end, EverydayHead& h) {
  const char* line = everydayRequestLine(p, end);
  if (!line) return false;
  // everydayRequestLine has checked "METHOD /url HTTP/1.x\r\n".
  switch (*p) {
    case 'G':
      h.method = "GET";
      break;
    case 'H':
      h.method = "HEAD";
      break;
    default:
      h.method = p[1] == 'O' ? std::string_view("POST") : std::string_view("PUT");
      break;
  }
  const char* urlBegin = p + h.method.size() + 1;
  h.url = std::string_view(urlBegin, static_cast<std::size_t>(line - 11 - urlBegin));
  h.versionMinor = line[-3] - '0';
  h.counted = h.url.size();
  const char* q = line;
  for (;;) {
    if (end - q < 2) return false;
    if (q[0] == '\r') {
      if (q[1] != '\n') return false;
      h.end = q + 2;
      return true;
    }
    if (h.lines == kEverydayMaxLines) return false;
    const char* name = q;
    bool connection = false;
    q = everydayName(q, end, &connection);
    if (!q) return false;
    const std::size_t n = static_cast<std::size_t>(q - name);
    ++q;
    while (q < end && (*q == ' ' || *q == '\t')) ++q;
    const char* value = q;
    q = skipPrintable<0x20, true>(q, end);
    // A CRLF must end a non-empty value whose last byte is not whitespace.
    if (end - q < 2 || q[0] != '\r' || q[1] != '\n' || q == value || q[-1] == ' ' ||
        q[-1] == '\t') {
      return false;
    }
    if (connection && !everydayConnection(value, static_cast<std::size_t>(q - value),
                                          h.connectionClose, h.connectionKeepAlive)) {
      return false;
    }
    EverydayHead::Line& l = h.line[h.lines++];
    l.name = name;
    l.nameLen = static_cast<std::uint32_t>(n);
    l.value = value;
    l.valueLen = static_cast<std::uint32_t>(q - value);
    h.counted += n + static_cast<std::size_t>(q - value);
    q += 2;
  }
}

// Start-line scanner states.
enum : std::uint8_t {
  kRlMethod,
  kRlSpaces1,
  kRlUrl,
  kRlSpaces2,
  kRlVersion,
  kRlCr,
  kRlCr09,  // requests
  kRsLine,
  kRsCr,  // responses
  kRlDone,
};
// Header-line scanner states.
enum : std::uint8_t { kLStart, kLName, kLValueWs, kLValue, kLValueCr, kLEndCr, kLDone };
// Where a header line starts: right after the start line, at the first trailer, after a line.
enum : std::uint8_t { kFirstAfterStartLine, kFirstTrailer, kAfterLine };
// URL sections (for the error reason).
enum : std::uint8_t { kUrlAuthority, kUrlPath, kUrlQuery, kUrlFragment };
// Chunk framer states.
enum : std::uint8_t {
  kCsStart,
  kCsDigits,
  kCsExtStart,
  kCsExtName,
  kCsExtValue,
  kCsExtQuoted,
  kCsExtQPair,
  kCsExtQuotedDone,
  kCsCr,
};

const char* const kMethodNames[] = {
#define NODECC_METHOD(num, name, string) #string,
    HTTP_METHOD_MAP(NODECC_METHOD)
#undef NODECC_METHOD
};

}  // namespace

void HttpHeaderBlock::add(std::string_view name, std::string_view value) {
  data_.append(name);
  ends_.push_back(static_cast<std::uint32_t>(data_.size()));
  data_.append(value);
  ends_.push_back(static_cast<std::uint32_t>(data_.size()));
}

const std::vector<std::string>& HttpParser::methods() {
  // llhttp 9's HTTP methods in order: 8.1's list, then 9's additions Node exposes.
  static const std::vector<std::string> m = [] {
    std::vector<std::string> v(std::begin(kMethodNames), std::end(kMethodNames));
    v.push_back("QUERY");
    return v;
  }();
  return m;
}

// ---- llhttp callbacks -----------------------------------------------------------------------

struct HttpParserAccess {
  static HttpParser* self(llhttp_t* p) { return static_cast<HttpParser*>(p->data); }
  static llhttp_t* ll(HttpParser* h) { return reinterpret_cast<llhttp_t*>(h->llhttp_); }

  template <class F>
  static int guarded(llhttp_t* p, F&& f) {
    HttpParser* h = self(p);
    try {
      return f(h);
    } catch (...) {
      h->exception_ = std::current_exception();
      llhttp_set_error_reason(p, "HPE_JS_EXCEPTION:JS Exception");
      return HPE_USER;
    }
  }

  static int trackHeader(llhttp_t* p, HttpParser* h, std::size_t len) {
    h->headerNread_ += len;
    if (h->headerNread_ >= h->maxHeaderSize_) {
      llhttp_set_error_reason(p, "HPE_HEADER_OVERFLOW:Header overflow");
      return HPE_USER;
    }
    return 0;
  }

  static int onMessageBegin(llhttp_t* p) {
    return guarded(p, [](HttpParser* h) {
      h->inMessage_ = true;
      h->headersCompleted_ = false;
      h->chunkExtNread_ = 0;
      h->url_.clear();
      h->status_.clear();
      h->headers_.clear();
      h->gotUpgrade_ = false;
      if (h->delegate_) h->delegate_->onMessageBegin();
      return 0;
    });
  }
  static int onUrl(llhttp_t* p, const char* at, std::size_t len) {
    HttpParser* h = self(p);
    if (int rv = trackHeader(p, h, len)) return rv;
    h->url_.append(at, len);
    return 0;
  }
  static int onStatus(llhttp_t* p, const char* at, std::size_t len) {
    HttpParser* h = self(p);
    if (int rv = trackHeader(p, h, len)) return rv;
    h->status_.append(at, len);
    return 0;
  }
  static int onHeaderField(llhttp_t* p, const char* at, std::size_t len) {
    HttpParser* h = self(p);
    if (int rv = trackHeader(p, h, len)) return rv;
    h->headers_.data_.append(at, len);
    return 0;
  }
  static int onHeaderFieldComplete(llhttp_t* p) {
    HttpParser* h = self(p);
    h->headers_.ends_.push_back(static_cast<std::uint32_t>(h->headers_.data_.size()));
    return 0;
  }
  static int onHeaderValue(llhttp_t* p, const char* at, std::size_t len) {
    HttpParser* h = self(p);
    if (int rv = trackHeader(p, h, len)) return rv;
    h->headers_.data_.append(at, len);
    return 0;
  }
  static int onHeaderValueComplete(llhttp_t* p) {
    HttpParser* h = self(p);
    std::string& d = h->headers_.data_;
    std::size_t begin = h->headers_.ends_.empty() ? 0 : h->headers_.ends_.back();
    while (d.size() > begin && (d.back() == ' ' || d.back() == '\t')) d.pop_back();
    h->headers_.ends_.push_back(static_cast<std::uint32_t>(d.size()));
    return 0;
  }
  static int onHeadersComplete(llhttp_t* p) {
    return guarded(p, [p](HttpParser* h) {
      h->headersCompleted_ = true;
      h->headerNread_ = 0;
      HttpParser::Head head;
      head.versionMajor = p->http_major;
      head.versionMinor = p->http_minor;
      if (p->type == HTTP_REQUEST) {
        head.method =
            h->queryMethod_
                ? std::string_view("QUERY")
                : std::string_view(llhttp_method_name(static_cast<llhttp_method_t>(p->method)));
      } else {
        head.statusCode = p->status_code;
      }
      head.upgrade = p->upgrade != 0;
      head.shouldKeepAlive = llhttp_should_keep_alive(p) != 0;
      int r = h->delegate_ ? h->delegate_->onHeadersComplete(head, h->url_, h->status_, h->headers_)
                           : 0;
      h->headers_.clear();
      if (r == 2) h->gotUpgrade_ = true;
      return r;
    });
  }
  static int onBody(llhttp_t* p, const char* at, std::size_t len) {
    if (len == 0) return 0;
    return guarded(p, [at, len](HttpParser* h) {
      if (h->delegate_) h->delegate_->onBody(at, len);
      return 0;
    });
  }
  static int onMessageComplete(llhttp_t* p) {
    return guarded(p, [p](HttpParser* h) {
      h->inMessage_ = false;
      h->messageDone_ = true;
      h->keepAliveAfter_ = llhttp_should_keep_alive(p) != 0;
      if (h->delegate_) h->delegate_->onMessageComplete(h->headers_);
      h->headers_.clear();
      // Stop here so that the scanner knows where the next message starts (an upgrade stops
      // by itself right after).
      return p->upgrade ? 0 : static_cast<int>(HPE_PAUSED);
    });
  }
  static int onChunkHeader(llhttp_t* p) {
    HttpParser* h = self(p);
    h->headerNread_ = 0;
    h->chunkExtNread_ = 0;
    return 0;
  }
  static int onChunkComplete(llhttp_t* p) {
    self(p)->headerNread_ = 0;
    return 0;
  }
  static int onChunkExtension(llhttp_t* p, const char*, std::size_t len) {
    // Only reached in lenient mode (the scanner strips extensions otherwise).
    HttpParser* h = self(p);
    h->chunkExtNread_ += len;
    if (h->chunkExtNread_ > kMaxChunkExtensionsSize) {
      llhttp_set_error_reason(p, "HPE_CHUNK_EXTENSIONS_OVERFLOW:Chunk extensions overflow");
      return HPE_USER;
    }
    return 0;
  }

  static const llhttp_settings_t settings;
};

const llhttp_settings_t HttpParserAccess::settings = [] {
  llhttp_settings_t s;
  llhttp_settings_init(&s);
  s.on_message_begin = &HttpParserAccess::onMessageBegin;
  s.on_url = &HttpParserAccess::onUrl;
  s.on_status = &HttpParserAccess::onStatus;
  s.on_header_field = &HttpParserAccess::onHeaderField;
  s.on_header_field_complete = &HttpParserAccess::onHeaderFieldComplete;
  s.on_header_value = &HttpParserAccess::onHeaderValue;
  s.on_header_value_complete = &HttpParserAccess::onHeaderValueComplete;
  s.on_chunk_extension_name = &HttpParserAccess::onChunkExtension;
  s.on_chunk_extension_value = &HttpParserAccess::onChunkExtension;
  s.on_headers_complete = &HttpParserAccess::onHeadersComplete;
  s.on_body = &HttpParserAccess::onBody;
  s.on_message_complete = &HttpParserAccess::onMessageComplete;
  s.on_chunk_header = &HttpParserAccess::onChunkHeader;
  s.on_chunk_complete = &HttpParserAccess::onChunkComplete;
  return s;
}();

// ---- HttpParser -------------------------------------------------------------------------------

HttpParser::HttpParser() { init(Type::kRequest, nullptr); }
HttpParser::~HttpParser() = default;

void HttpParser::init(Type type, Delegate* delegate, std::size_t maxHeaderSize, bool lenient) {
  llhttp_t* p = HttpParserAccess::ll(this);
  llhttp_init(p, type == Type::kRequest ? HTTP_REQUEST : HTTP_RESPONSE,
              &HttpParserAccess::settings);
  p->data = this;
  if (lenient) {
    llhttp_set_lenient_headers(p, 1);
    llhttp_set_lenient_chunked_length(p, 1);
    llhttp_set_lenient_keep_alive(p, 1);
    llhttp_set_lenient_transfer_encoding(p, 1);
  }
  delegate_ = delegate;
  type_ = type;
  lenient_ = lenient;
  paused_ = false;
  inMessage_ = false;
  headersCompleted_ = false;
  messageDone_ = false;
  gotUpgrade_ = false;
  queryMethod_ = false;
  maxHeaderSize_ = maxHeaderSize ? maxHeaderSize : 16384;
  headerNread_ = 0;
  chunkExtNread_ = 0;
  url_.clear();
  status_.clear();
  headers_.clear();
  exception_ = nullptr;
  failed_ = false;
  mode_ = Mode::kStart;
  methodStash_.clear();
}

HttpParser::Result HttpParser::failAt(const char* pos, const char* base, const char* code,
                                      const char* reason) {
  failed_ = true;
  failure_.code = code;
  failure_.reason = reason;
  failure_.bytesParsed = static_cast<std::size_t>(pos - base);
  Result r;
  r.ok = false;
  r.error = failure_;
  return r;
}

// Runs llhttp over [at, at+n). Pauses at message ends are resumed; `consumed` tells how far it got.
HttpParser::Result HttpParser::feedLlhttp(const char* at, std::size_t n, const char* base,
                                          bool canonical, std::size_t* consumed) {
  llhttp_t* p = HttpParserAccess::ll(this);
  *consumed = n;
  messageDone_ = false;
  llhttp_errno_t err = llhttp_execute(p, at, n);
  if (err == HPE_OK) return Result{};
  const char* pos = llhttp_get_error_pos(p);
  if (err == HPE_PAUSED && messageDone_) {
    llhttp_resume(p);
    *consumed = static_cast<std::size_t>(pos - at);
    // Let llhttp finish the message's bookkeeping (keep-alive, restart) without input, so that
    // llhttp_finish() at EOF sees a completed message.
    llhttp_execute(p, pos, 0);
    return Result{};
  }
  if (err == HPE_PAUSED_UPGRADE) {
    llhttp_resume_after_upgrade(p);
    *consumed = static_cast<std::size_t>(pos - at);
    upgradeStop_ = true;
    if (!gotUpgrade_) llhttp_execute(p, pos, 0);
    return Result{};
  }
  if (exception_) {
    std::exception_ptr e = exception_;
    exception_ = nullptr;
    failed_ = true;
    failure_ = Error{"HPE_JS_EXCEPTION", "JS Exception", 0};
    std::rethrow_exception(e);
  }
  const char* errPos = canonical ? base + bytesBeforeCanonical_ : pos;
  if (err == HPE_USER) {
    const char* reason = llhttp_get_error_reason(p);
    const char* colon = std::strchr(reason, ':');
    std::string code(reason, colon ? static_cast<std::size_t>(colon - reason) : 0);
    failed_ = true;
    failure_.code = std::move(code);
    failure_.reason = colon ? colon + 1 : reason;
    failure_.bytesParsed = static_cast<std::size_t>(errPos - base);
    Result r;
    r.ok = false;
    r.error = failure_;
    return r;
  }
  const char* reason = llhttp_get_error_reason(p);
  // llhttp 9 also knows RTSP/ and ICE/ start lines and says so.
  if (err == HPE_INVALID_CONSTANT && std::strcmp(reason, "Expected HTTP/") == 0) {
    reason = "Expected HTTP/, RTSP/ or ICE/";
  }
  return failAt(errPos, base, llhttp_errno_name(err), reason);
}

HttpParser::Result HttpParser::execute(const char* data, std::size_t length) {
  if (failed_) {
    Result r;
    r.ok = false;
    r.error = failure_;
    r.error.bytesParsed = 0;
    return r;
  }
  if (paused_) {
    Result r;
    r.ok = false;
    r.error = Error{"HPE_PAUSED", "Paused", 0};
    return r;
  }
  return run(data, length);
}

HttpParser::Result HttpParser::finish() {
  if (failed_) return Result{};  // llhttp_finish() on a parser in error returns OK
  if (!methodStash_.empty())
    return failAt(nullptr, nullptr, "HPE_INVALID_EOF_STATE", "Invalid EOF state");
  llhttp_t* p = HttpParserAccess::ll(this);
  messageDone_ = false;
  llhttp_errno_t err = llhttp_finish(p);
  if (exception_) {
    std::exception_ptr e = exception_;
    exception_ = nullptr;
    std::rethrow_exception(e);
  }
  if (err == HPE_OK || err == HPE_PAUSED) return Result{};
  return failAt(nullptr, nullptr, llhttp_errno_name(err), llhttp_get_error_reason(p));
}

HttpParser::Result HttpParser::run(const char* data, std::size_t length) {
  const char* p = data;
  const char* const end = data + length;
  upgradeStop_ = false;
  while (p < end) {
    if (upgradeStop_ || mode_ == Mode::kUpgraded) break;
    switch (mode_) {
      case Mode::kStart: {
        while (p < end && (*p == '\r' || *p == '\n')) ++p;
        if (p == end) break;
        startMessage();
        mode_ = Mode::kHead;
        if (type_ == Type::kRequest && *p == 'Q') {
          Result r = maybeQuery(p, end, data);
          if (!r.ok) return r;
        }
        break;
      }
      case Mode::kHead:
      case Mode::kTrailers: {
        if (mode_ == Mode::kHead && rlState_ == kRlMethod && methodLen_ == 0 && !queryMethod_ &&
            methodStash_.empty() && type_ == Type::kRequest && !lenient_ &&
            everydayMessage(p, end)) {
          if (upgradeStop_) break;
          afterMessage();
          break;
        }
        if (!methodStash_.empty()) {
          Result r = maybeQuery(p, end, data);
          if (!r.ok) return r;
          if (p == end) break;
        }
        const char* errPos = nullptr;
        const char* code = nullptr;
        const char* reason = nullptr;
        std::size_t n =
            lenient_ ? static_cast<std::size_t>(end - p) : scanHead(p, end, errPos, code, reason);
        bool headDone = !lenient_ && lineState_ == kLDone;
        if (n) {
          std::size_t used;
          Result r = feedLlhttp(p, n, data, false, &used);
          if (!r.ok) return r;
          p += used;
          if (upgradeStop_) break;
          if (messageDone_) {
            afterMessage();
            break;
          }
          if (lenient_) {
            // llhttp alone: a body is its business.
            break;
          }
        }
        if (errPos) return failAt(errPos, data, code, reason);
        if (headDone) {
          if (mode_ == Mode::kTrailers) {
            // llhttp completes the message at the end of the trailers.
            mode_ = Mode::kBody;
            break;
          }
          llhttp_t* ll = HttpParserAccess::ll(this);
          if ((ll->flags & F_CHUNKED) && !(ll->flags & F_SKIPBODY)) {
            mode_ = Mode::kChunkSize;
            chunkState_ = kCsStart;
            chunkSize_ = 0;
          } else {
            mode_ = Mode::kBody;
          }
        }
        break;
      }
      case Mode::kBody: {
        std::size_t used;
        Result r = feedLlhttp(p, static_cast<std::size_t>(end - p), data, false, &used);
        if (!r.ok) return r;
        p += used;
        if (messageDone_) afterMessage();
        break;
      }
      case Mode::kChunkSize:
      case Mode::kChunkData:
      case Mode::kChunkEnd: {
        Result r = chunked(p, end, data);
        if (!r.ok) return r;
        break;
      }
      case Mode::kClosed: {
        while (p < end && (*p == '\r' || *p == '\n')) ++p;
        if (p == end) break;
        return failAt(p + 1, data, "HPE_CLOSED_CONNECTION", "Data after `Connection: close`");
      }
      case Mode::kUpgraded:
        break;
    }
  }
  Result r;
  r.bytesParsed = static_cast<std::size_t>(p - data);
  if (upgradeStop_) {
    // Node parses nothing after an upgrade in this buffer (the caller takes the rest as the
    // upgraded stream's first bytes, or drops it when nobody upgrades).
    if (gotUpgrade_)
      mode_ = Mode::kUpgraded;
    else
      afterMessage();
  }
  return r;
}

void HttpParser::startMessage() {
  lineState_ = kLStart;
  rlState_ = type_ == Type::kRequest ? kRlMethod : kRsLine;
  lineKind_ = kFirstAfterStartLine;
  sawVersion_ = false;
  rsSpaces_ = 0;
  valueEmpty_ = true;
  prevValueEmpty_ = true;
  sawContentLength_ = false;
  sawTransferEncoding_ = false;
  nameLen_ = 0;
  urlSection_ = kUrlAuthority;
  urlStarted_ = false;
  queryMethod_ = false;
  methodLen_ = 0;
  protoLen_ = 0xff;
}

// Whether the method (as scanned) is one llhttp 9 allows with protocol 0 (HTTP), 1 (RTSP) or
// 2 (ICE).
bool HttpParser::methodAllowed(int protocol) const noexcept {
  if (queryMethod_) return protocol == 0;
  if (methodLen_ > sizeof methodBuf_) return true;  // llhttp already failed on it
  std::string_view m(methodBuf_, methodLen_);
  if (protocol == 2) return m == "SOURCE";
  static constexpr std::string_view kRtsp[] = {
#define NODECC_METHOD(num, name, string) #string,
      RTSP_METHOD_MAP(NODECC_METHOD)
#undef NODECC_METHOD
  };
  static constexpr std::string_view kHttp[] = {
#define NODECC_METHOD(num, name, string) #string,
      HTTP_METHOD_MAP(NODECC_METHOD)
#undef NODECC_METHOD
          "PRI",
  };
  if (protocol == 1) return std::find(std::begin(kRtsp), std::end(kRtsp), m) != std::end(kRtsp);
  return std::find(std::begin(kHttp), std::end(kHttp), m) != std::end(kHttp);
}

// A request whose whole head is in [p, end) and everyday (see everydayHead): its events are
// delivered here, in llhttp's order and with llhttp's values, and llhttp (which stands between
// two messages) is left as it was. Returns false, having changed nothing, for any other input.
bool HttpParser::everydayMessage(const char*& p, const char* end) {
  EverydayHead h;
  if (!everydayHead(p, end, h) || headerNread_ + h.counted >= maxHeaderSize_) return false;
  p = h.end;
  try {
    // on_message_begin
    inMessage_ = true;
    headersCompleted_ = false;
    chunkExtNread_ = 0;
    url_.clear();
    url_.append(h.url);  // append() skips assign()'s general path
    status_.clear();
    headers_.clear();
    gotUpgrade_ = false;
    if (delegate_) delegate_->onMessageBegin();
    // the spans
    headers_.data_.resize(h.counted - h.url.size());  // the names and values
    headers_.ends_.resize(2 * h.lines);
    char* out = headers_.data_.data();
    std::uint32_t at = 0;
    for (std::size_t i = 0; i < h.lines; ++i) {
      const EverydayHead::Line& l = h.line[i];
      std::memcpy(out + at, l.name, l.nameLen);
      at += l.nameLen;
      headers_.ends_[2 * i] = at;
      std::memcpy(out + at, l.value, l.valueLen);
      at += l.valueLen;
      headers_.ends_[2 * i + 1] = at;
    }
    // on_headers_complete
    headersCompleted_ = true;
    headerNread_ = 0;
    Head head;
    head.versionMajor = 1;
    head.versionMinor = h.versionMinor;
    head.method = h.method;
    // llhttp_should_keep_alive for a request (which never reads to EOF).
    head.shouldKeepAlive = h.versionMinor == 1 ? !h.connectionClose : h.connectionKeepAlive;
    int r = delegate_ ? delegate_->onHeadersComplete(head, url_, status_, headers_) : 0;
    headers_.clear();
    if (r == 2) gotUpgrade_ = true;
    // on_message_complete (no body)
    inMessage_ = false;
    keepAliveAfter_ = head.shouldKeepAlive;
    if (delegate_) delegate_->onMessageComplete(headers_);
    headers_.clear();
    if (r == 2) upgradeStop_ = true;  // llhttp would stop with HPE_PAUSED_UPGRADE
  } catch (...) {
    failed_ = true;
    failure_ = Error{"HPE_JS_EXCEPTION", "JS Exception", 0};
    throw;
  }
  return true;
}

void HttpParser::afterMessage() {
  messageDone_ = false;
  mode_ = (keepAliveAfter_ || lenient_) ? Mode::kStart : Mode::kClosed;
}

// QUERY is a method of llhttp 9 that 8.1 does not know: llhttp is given PATCH (same length,
// same parsing) and the head reports QUERY.
HttpParser::Result HttpParser::maybeQuery(const char*& p, const char* end, const char* base) {
  static constexpr std::string_view kQuery = "QUERY ";
  if (*p != 'Q' && methodStash_.empty()) return Result{};
  std::size_t avail = static_cast<std::size_t>(end - p);
  std::size_t have = methodStash_.size();
  std::size_t need = kQuery.size() - have;
  std::size_t take = avail < need ? avail : need;
  bool prefix =
      kQuery.compare(0, have, methodStash_) == 0 && std::memcmp(p, kQuery.data() + have, take) == 0;
  if (prefix && take < need) {
    methodStash_.append(p, take);
    p = end;
    return Result{};
  }
  std::size_t used;
  if (prefix) {
    // "QUERY " complete: feed "PATCH", leave the space to the scanner.
    methodStash_.clear();
    queryMethod_ = true;
    bytesBeforeCanonical_ = static_cast<std::size_t>(p - base);
    Result r = feedLlhttp("PATCH", 5, base, true, &used);
    if (!r.ok) return r;
    p += take - 1;
    rlState_ = kRlMethod;
    return Result{};
  }
  if (have || *p == 'Q') {
    // Not QUERY after all. llhttp 9 knows no other method starting with Q: it fails where the
    // bytes leave "QUERY ".
    std::size_t mm = 0;
    while (mm < have && methodStash_[mm] == kQuery[mm]) ++mm;
    if (mm == have) {
      while (mm < kQuery.size() && mm - have < avail && p[mm - have] == kQuery[mm]) ++mm;
    }
    methodStash_.clear();
    const char* at = mm >= have ? p + (mm - have) : p;
    return mm == 5 ? failAt(at, base, "HPE_INVALID_METHOD", "Expected space after method")
                   : failAt(at, base, "HPE_INVALID_METHOD", "Invalid method encountered");
  }
  return Result{};
}

// The start line and header lines, as llhttp 9 checks them. Returns how many bytes may go to
// llhttp: up to and including the LF that ends the head, or up to the first bad byte (then
// errPos/code/reason say what Node reports), or everything.
std::size_t HttpParser::scanHead(const char* const begin, const char* end, const char*& errPos,
                                 const char*& code, const char*& reason) {
  const char* p = begin;
  // llhttp gets the bytes before the bad one (its own earlier error wins), or with `through`
  // the bad byte too (llhttp 8.1 fails on it for a different, earlier reason, or accepts it).
  auto fail = [&](const char* at, const char* c, const char* r, bool through = false) {
    errPos = at;
    code = c;
    reason = r;
    const char* upTo = through ? p + 1 : (at > p ? p : at);
    return static_cast<std::size_t>(upTo - begin);
  };
  // ---- start line ----
  if (mode_ == Mode::kHead && rlState_ == kRlMethod && methodLen_ == 0 && type_ == Type::kRequest) {
    if (const char* after = everydayRequestLine(p, end)) {
      p = after;
      rlState_ = kRlDone;
    }
  }
  if (mode_ == Mode::kHead && rlState_ != kRlDone) {
    for (; p < end; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      switch (rlState_) {
        case kRlMethod:
          if (c == ' ') {
            rlState_ = kRlSpaces1;
          } else if (c == '\r' || c == '\n') {
            rlState_ = kRlVersion;  // llhttp rejects the method
          } else if (methodLen_ < sizeof methodBuf_) {
            methodBuf_[methodLen_++] = static_cast<char>(c);
          } else {
            methodLen_ = 0xff;  // longer than any method: llhttp rejects it
          }
          continue;
        case kRlSpaces1:
          if (c == ' ') continue;
          rlState_ = kRlUrl;
          urlSection_ = (c == '/' || c == '*') ? kUrlPath : kUrlAuthority;
          urlSlashes_ = 0;
          [[fallthrough]];
        case kRlUrl:
          if (c == ' ') {
            rlState_ = kRlSpaces2;
            urlSlashes_ = 0xff;  // marks the byte right after the space
            continue;
          }
          if (c == '\r') {
            rlState_ = kRlCr09;
            continue;
          }
          if (c == '\n') {  // HTTP/0.9 request line ended by a bare LF (llhttp 9 takes it)
            rlState_ = kRlDone;
            break;
          }
          if (c == '\t' || c == '\f')
            return fail(p + 1, "HPE_INVALID_URL", "Invalid characters in url");
          if (urlSection_ == kUrlAuthority) {
            // scheme://host… : the path starts at the first '/' after the "//".
            if (c == '/' && ++urlSlashes_ > 2)
              urlSection_ = kUrlPath;
            else if (c == '?' && urlSlashes_ >= 2)
              urlSection_ = kUrlQuery;
            continue;
          }
          if (c == '?' && urlSection_ == kUrlPath) {
            urlSection_ = kUrlQuery;
          } else if (c == '#' && urlSection_ != kUrlFragment) {
            urlSection_ = kUrlFragment;
          } else if (c >= 0x80) {
            return fail(p, "HPE_INVALID_URL",
                        urlSection_ == kUrlPath    ? "Invalid char in url path"
                        : urlSection_ == kUrlQuery ? "Invalid char in url query"
                                                   : "Invalid char in url fragment start");
          }
          continue;
        case kRlSpaces2:
          // llhttp 9 still applies the URL's tab/form-feed check to the byte after the space.
          if (urlSlashes_ == 0xff && (c == '\t' || c == '\f')) {
            return fail(p + 1, "HPE_INVALID_URL", "Invalid characters in url");
          }
          urlSlashes_ = 0;
          if (c == ' ') continue;
          rlState_ = kRlVersion;
          protoLen_ = 0;
          [[fallthrough]];
        case kRlVersion:
          if (protoLen_ < sizeof protoBuf_) {
            // llhttp 9 takes the protocol name ("HTTP", "RTSP", "ICE"), checks the method
            // against it right there, and only then expects the '/'.
            protoBuf_[protoLen_++] = static_cast<char>(c);
            std::string_view name(protoBuf_, protoLen_);
            const char* bad = nullptr;
            if (name == "HTTP") {
              if (!methodAllowed(0)) bad = "Invalid method for HTTP/x.x request";
            } else if (name == "RTSP") {
              if (!methodAllowed(1)) bad = "Invalid method for RTSP/x.x request";
            } else if (name == "ICE") {
              if (!methodAllowed(2)) bad = "Expected SOURCE method for ICE/x.x request";
            } else if (std::string_view("HTTP").substr(0, protoLen_) == name ||
                       std::string_view("RTSP").substr(0, protoLen_) == name ||
                       std::string_view("ICE").substr(0, protoLen_) == name) {
              continue;  // a prefix: the name goes on
            }
            protoLen_ = 0xff;
            if (bad) return fail(p + 1, "HPE_INVALID_CONSTANT", bad);
          }
          if (c == '\r')
            rlState_ = kRlCr;
          else if (c == '\n')
            return fail(p + 1, "HPE_INVALID_VERSION", "Expected CRLF after version", true);
          continue;
        case kRlCr:
          if (c != '\n') return fail(p, "HPE_STRICT", "Expected CRLF after version");
          rlState_ = kRlDone;
          break;
        case kRlCr09:
          if (c != '\n') return fail(p, "HPE_INVALID_URL", "Expected CRLF");
          rlState_ = kRlDone;
          break;
        case kRsLine:
          if (c == ' ') ++rsSpaces_;
          if (c == '\r') {
            rlState_ = kRsCr;
          } else if (c == '\n') {
            return rsSpaces_ >= 2
                       ? fail(p + 1, "HPE_CR_EXPECTED", "Missing expected CR after response line")
                       : fail(p + 1, "HPE_INVALID_STATUS", "Invalid response status");
          }
          continue;
        case kRsCr:
          if (c != '\n') return fail(p, "HPE_STRICT", "Expected LF after CR");
          rlState_ = kRlDone;
          break;
      }
      ++p;
      break;
    }
    if (rlState_ != kRlDone) return static_cast<std::size_t>(p - begin);
  }
  // ---- header lines ----
  for (; p < end; ++p) {
    if (lineState_ == kLStart) {
      while (const char* after = everydayHeaderLine(p, end)) {
        p = after;
        prevValueEmpty_ = false;
        lineKind_ = kAfterLine;
      }
      if (p == end) break;
    }
    unsigned char c = static_cast<unsigned char>(*p);
    switch (lineState_) {
      case kLStart:
        if (c == '\r') {
          lineState_ = kLEndCr;
        } else if (c == '\n') {
          return fail(p + 1, "HPE_INVALID_HEADER_TOKEN", "Invalid header field char");
        } else if (c == ' ' || c == '\t') {
          if (lineKind_ == kFirstAfterStartLine) {
            return c == ' '
                       ? fail(p + 1, "HPE_UNEXPECTED_SPACE", "Unexpected space after start line")
                       : fail(p, "HPE_INVALID_HEADER_TOKEN", "Invalid header token");
          }
          if (lineKind_ == kFirstTrailer) {
            return fail(p, "HPE_INVALID_HEADER_TOKEN", "Invalid header token");
          }
          // obs-fold
          return prevValueEmpty_
                     ? fail(p + 1, "HPE_INVALID_HEADER_TOKEN", "Invalid header value char")
                     : fail(p, "HPE_INVALID_HEADER_TOKEN",
                            "Unexpected whitespace after header value");
        } else if (c == ':' || !isHttpTokenChar(c)) {
          return fail(p, "HPE_INVALID_HEADER_TOKEN", "Invalid header token");
        } else {
          lineState_ = kLName;
          nameLen_ = 1;
          lowerName_[0] = static_cast<char>(c | 0x20);
        }
        continue;
      case kLName:
        // The name's token bytes in one loop (kept lower-cased while they fit).
        while (isHttpTokenChar(c)) {
          if (nameLen_ < sizeof lowerName_) lowerName_[nameLen_] = asciiLower(c);
          ++nameLen_;
          if (++p == end) return static_cast<std::size_t>(p - begin);
          c = static_cast<unsigned char>(*p);
        }
        if (c == ':') {
          Special s = nameLen_ <= sizeof lowerName_ ? specialName(lowerName_, nameLen_) : kNone;
          special_ = s;
          if (s == kTransferEncoding && sawContentLength_) {
            return fail(p + 1, "HPE_INVALID_TRANSFER_ENCODING",
                        "Transfer-Encoding can't be present with Content-Length");
          }
          if (s == kContentLength && sawTransferEncoding_) {
            return fail(p + 1, "HPE_INVALID_CONTENT_LENGTH",
                        "Content-Length can't be present with Transfer-Encoding");
          }
          lineState_ = kLValueWs;
          valueEmpty_ = true;
          continue;
        }
        if (c == ' ' && nameLen_ <= sizeof lowerName_ &&
            specialName(lowerName_, nameLen_) != kNone) {
          return fail(p + 1, "HPE_INVALID_HEADER_TOKEN", "Invalid header field char");
        }
        return fail(p, "HPE_INVALID_HEADER_TOKEN", "Invalid header token");
      case kLValueWs:
        if (c == ' ' || c == '\t') continue;
        if (c == '\r') {
          lineState_ = kLValueCr;
          continue;
        }
        if (c == '\n') return fail(p + 1, "HPE_INVALID_HEADER_TOKEN", "Invalid header value char");
        valueEmpty_ = false;
        if (special_ == kTransferEncoding) sawTransferEncoding_ = true;
        lineState_ = kLValue;
        continue;
      case kLValue:
        // Value bytes up to the line end in one loop (llhttp checks them).
        while (c != '\r' && c != '\n') {
          if (++p == end) return static_cast<std::size_t>(p - begin);
          c = static_cast<unsigned char>(*p);
        }
        if (c == '\r')
          lineState_ = kLValueCr;
        else if (c == '\n')
          return fail(p, "HPE_CR_EXPECTED", "Missing expected CR after header value");
        continue;
      case kLValueCr:
        if (c != '\n') {
          return valueEmpty_ ? fail(p, "HPE_STRICT", "Expected LF after CR")
                             : fail(p, "HPE_LF_EXPECTED", "Missing expected LF after header value");
        }
        if (special_ == kContentLength && !valueEmpty_) sawContentLength_ = true;
        prevValueEmpty_ = valueEmpty_;
        lineKind_ = kAfterLine;
        lineState_ = kLStart;
        continue;
      case kLEndCr:
        if (c != '\n') return fail(p, "HPE_STRICT", "Expected LF after headers");
        lineState_ = kLDone;
        return static_cast<std::size_t>(p + 1 - begin);
      case kLDone:
        return static_cast<std::size_t>(p - begin);
    }
  }
  return static_cast<std::size_t>(p - begin);
}

// Chunked bodies, framed here (llhttp 9's grammar) and handed to llhttp canonically.
HttpParser::Result HttpParser::chunked(const char*& p, const char* end, const char* base) {
  auto fail = [&](const char* at, const char* c, const char* r) { return failAt(at, base, c, r); };
  std::size_t used;
  while (p < end) {
    if (mode_ == Mode::kChunkData) {
      std::size_t avail = static_cast<std::size_t>(end - p);
      std::size_t n = chunkLeft_ < avail ? static_cast<std::size_t>(chunkLeft_) : avail;
      Result r = feedLlhttp(p, n, base, false, &used);
      if (!r.ok) return r;
      p += n;
      chunkLeft_ -= n;
      if (chunkLeft_ == 0) {
        mode_ = Mode::kChunkEnd;
        chunkState_ = 0;
      }
      continue;
    }
    if (mode_ == Mode::kChunkEnd) {
      unsigned char c = static_cast<unsigned char>(*p);
      if (chunkState_ == 0) {
        if (c == '\n')
          return fail(p + 1, "HPE_CR_EXPECTED", "Missing expected CR after chunk data");
        if (c != '\r') return fail(p, "HPE_STRICT", "Expected LF after chunk data");
        chunkState_ = 1;
        ++p;
        continue;
      }
      if (c != '\n') return fail(p, "HPE_STRICT", "Expected LF after chunk data");
      ++p;
      bytesBeforeCanonical_ = static_cast<std::size_t>(p - base);
      Result r = feedLlhttp("\r\n", 2, base, true, &used);
      if (!r.ok) return r;
      mode_ = Mode::kChunkSize;
      chunkState_ = kCsStart;
      chunkSize_ = 0;
      continue;
    }
    if (mode_ != Mode::kChunkSize) return Result{};
    // ---- a chunk-size line ----
    unsigned char c = static_cast<unsigned char>(*p);
    switch (chunkState_) {
      case kCsStart:
        if (!isHex(c)) return fail(p, "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
        chunkSize_ = hexValue(c);
        chunkState_ = kCsDigits;
        break;
      case kCsDigits:
        if (isHex(c)) {
          if (chunkSize_ > (UINT64_MAX - hexValue(c)) / 16) {
            return fail(p + 1, "HPE_INVALID_CHUNK_SIZE", "Chunk size overflow");
          }
          chunkSize_ = chunkSize_ * 16 + hexValue(c);
        } else if (c == ' ' || c == '\t') {
          return fail(p + 1, "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
        } else if (c == '\r') {
          chunkState_ = kCsCr;
        } else if (c == '\n') {
          return fail(p + 1, "HPE_CR_EXPECTED", "Missing expected CR after chunk size");
        } else if (c == ';') {
          chunkState_ = kCsExtStart;
        } else {
          return fail(p, "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
        }
        break;
      case kCsExtStart:
        if (c == ' ' || c == '\r') {
          return fail(p + 1, "HPE_STRICT", "Invalid character in chunk extensions");
        }
        chunkState_ = kCsExtName;
        [[fallthrough]];
      case kCsExtName:
        if (isHttpTokenChar(c)) {
          ++chunkExtNread_;
        } else if (c == '=') {
          chunkState_ = kCsExtValue;
        } else if (c == ';') {
          chunkState_ = kCsExtStart;
        } else if (c == '\r') {
          chunkState_ = kCsCr;
        } else if (c == '\n') {
          return fail(p, "HPE_CR_EXPECTED", "Missing expected CR after chunk extension name");
        } else {
          return fail(p + 1, "HPE_STRICT", "Invalid character in chunk extensions name");
        }
        break;
      case kCsExtValue:
        if (c == '"') {
          ++chunkExtNread_;
          chunkState_ = kCsExtQuoted;
        } else if (isHttpTokenChar(c)) {
          ++chunkExtNread_;
        } else if (c == ';') {
          chunkState_ = kCsExtStart;
        } else if (c == '\r') {
          chunkState_ = kCsCr;
        } else if (c == '\n') {
          return fail(p, "HPE_CR_EXPECTED", "Missing expected CR after chunk extension value");
        } else {
          return fail(p + 1, "HPE_STRICT", "Invalid character in chunk extensions value");
        }
        break;
      case kCsExtQuoted:
        ++chunkExtNread_;
        if (c == '"') {
          chunkState_ = kCsExtQuotedDone;
        } else if (c == '\\') {
          chunkState_ = kCsExtQPair;
        } else if (!isQdtext(c)) {
          return fail(p + 1, "HPE_STRICT", "Invalid character in chunk extensions quoted value");
        }
        break;
      case kCsExtQPair:
        ++chunkExtNread_;
        if (!(c == '\t' || c == ' ' || (c >= 0x21 && c != 0x7f))) {
          return fail(p + 1, "HPE_STRICT", "Invalid quoted-pair in chunk extensions quoted value");
        }
        chunkState_ = kCsExtQuoted;
        break;
      case kCsExtQuotedDone:
        if (c == ';') {
          chunkState_ = kCsExtStart;
        } else if (c == '\r') {
          chunkState_ = kCsCr;
        } else if (c == '\n') {
          return fail(p, "HPE_CR_EXPECTED", "Missing expected CR after chunk extension value");
        } else {
          return fail(p, "HPE_STRICT", "Invalid character in chunk extensions quote value");
        }
        break;
      case kCsCr: {
        if (c != '\n') return fail(p, "HPE_STRICT", "Expected LF after chunk size");
        ++p;
        // The line is good: llhttp gets "<hex>\r\n" (no extensions).
        char line[24];
        int n = 0;
        std::uint64_t v = chunkSize_;
        char digits[17];
        int nd = 0;
        do {
          digits[nd++] = "0123456789abcdef"[v & 15];
          v >>= 4;
        } while (v);
        while (nd) line[n++] = digits[--nd];
        line[n++] = '\r';
        line[n++] = '\n';
        bytesBeforeCanonical_ = static_cast<std::size_t>(p - base);
        Result r = feedLlhttp(line, static_cast<std::size_t>(n), base, true, &used);
        if (!r.ok) return r;
        if (chunkSize_ == 0) {
          mode_ = Mode::kTrailers;
          lineState_ = kLStart;
          lineKind_ = kFirstTrailer;
          prevValueEmpty_ = true;
          return Result{};
        }
        chunkLeft_ = chunkSize_;
        mode_ = Mode::kChunkData;
        continue;
      }
    }
    if (chunkExtNread_ > kMaxChunkExtensionsSize) {
      return fail(p, "HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow");
    }
    ++p;
  }
  return Result{};
}

}  // namespace nodecc::bindings
