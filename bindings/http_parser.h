// bindings/http_parser.h — HTTP/1 message parser (Node's src/node_http_parser.cc) over llhttp.
//
// Buffers in, events out: no sockets, no loop, so it is unit-tested and fuzzed on its own.
// This is the only code that includes llhttp.h; its callbacks are routed through one static
// settings table, as Node's are.
//
// Node 20 bundles llhttp 9.3; Debian ships llhttp 8.1, which accepts things 9 rejects (obs-fold
// continuation lines, whitespace in header names and before the colon, empty header names,
// tabs and bytes >= 0x80 in the URL, a bare LF ending the request line or the header block, any
// byte after the CR of a header line, of a chunk-size line or of the status line, any two bytes
// after chunk data, data after a `Connection: close` message) and rejects things 9 accepts (the
// QUERY method, several chunk extensions after an unquoted value). A strict scanner therefore
// runs in lockstep with llhttp, byte-exact with Node 20's answers (code, reason, bytesParsed):
//  * the start line and header lines (and trailers) are checked before llhttp sees them;
//  * chunked bodies are framed by the scanner (size lines, extensions, the CRLF after data),
//    and llhttp is fed canonical size lines plus the data bytes themselves (zero-copy);
//  * llhttp pauses at the end of each message so the scanner knows where the next one starts;
//  * a request whose whole head arrives at once in its everyday form (GET/HEAD/POST/PUT, a
//    printable URL, HTTP/1.x, plain printable header lines, none that llhttp treats specially)
//    has no body and reads alike in llhttp 8.1 and 9: its events are delivered without llhttp.
// With `lenient` (Node's --insecure-http-parser / insecureHTTPParser) the scanner is off and
// llhttp's lenient flags are on.
//
// Header bytes are counted as Node counts them (URL, status, names and values); reaching
// maxHeaderSize fails with HPE_HEADER_OVERFLOW, chunk extensions over 16 KiB with
// HPE_CHUNK_EXTENSIONS_OVERFLOW.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace nodecc::bindings {

/// RFC 9110 tchar: a character allowed in a token (method, header name).
constexpr bool isHttpTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

/// Header lines as received: names as sent, values with surrounding whitespace removed.
class HttpHeaderBlock {
 public:
  std::size_t size() const noexcept { return ends_.size() / 2; }
  bool empty() const noexcept { return ends_.empty(); }
  std::string_view name(std::size_t i) const noexcept {
    std::uint32_t b = i ? ends_[2 * i - 1] : 0;
    return {data_.data() + b, ends_[2 * i] - b};
  }
  std::string_view value(std::size_t i) const noexcept {
    std::uint32_t b = ends_[2 * i];
    return {data_.data() + b, ends_[2 * i + 1] - b};
  }
  void clear() noexcept {
    data_.clear();
    ends_.clear();
  }
  void swap(HttpHeaderBlock& o) noexcept {
    data_.swap(o.data_);
    ends_.swap(o.ends_);
  }
  /// Appends a complete line (for tests and for messages built by hand).
  void add(std::string_view name, std::string_view value);
  /// Bytes of names and values.
  std::size_t bytes() const noexcept { return data_.size(); }
  /// The names and values back to back, and the 2 * size() end offsets into them.
  std::string_view data() const noexcept { return data_; }
  const std::uint32_t* ends() const noexcept { return ends_.data(); }

 private:
  friend class HttpParser;
  friend struct HttpParserAccess;
  std::string data_;                 // name0 value0 name1 value1 ...
  std::vector<std::uint32_t> ends_;  // end of name i, end of value i, ...
};

class HttpParser {
 public:
  enum class Type : std::uint8_t { kRequest, kResponse };

  /// What Node's parser error carries: `err.code`, `err.reason` (message "Parse Error: <reason>"),
  /// `err.bytesParsed`.
  struct Error {
    std::string code;
    std::string reason;
    std::size_t bytesParsed = 0;
  };

  /// The start line of a message, valid during onHeadersComplete.
  struct Head {
    int versionMajor = 0;
    int versionMinor = 0;
    std::string_view method;  ///< requests: "GET" …
    int statusCode = 0;       ///< responses
    bool upgrade = false;     ///< llhttp's upgrade flag (Upgrade + Connection: upgrade, or CONNECT)
    bool shouldKeepAlive = false;
  };

  /// Receives the parse events. Exceptions thrown by a callback stop the parse and are rethrown
  /// by execute()/finish() once llhttp has returned.
  class Delegate {
   public:
    virtual ~Delegate() = default;
    /// A new message starts (Node's connections list timestamp).
    virtual void onMessageBegin() {}
    /// The head is complete. `url`, `statusMessage` and `headers` belong to the parser and may be
    /// swapped out. Return 0 (a body may follow), 1 (no body: a response to HEAD, a 304) or 2
    /// (upgrade: the rest of the stream is another protocol).
    virtual int onHeadersComplete(const Head& head, std::string& url, std::string& statusMessage,
                                  HttpHeaderBlock& headers) = 0;
    /// Body bytes (pointing into the buffer given to execute()).
    virtual void onBody(const char* at, std::size_t length) = 0;
    /// The message is complete; `trailers` holds the trailer lines of a chunked message.
    virtual void onMessageComplete(HttpHeaderBlock& trailers) = 0;
  };

  /// What execute() returns: bytes parsed, or an error.
  struct Result {
    bool ok = true;
    std::size_t bytesParsed = 0;  ///< on success; less than the input after an upgrade
    Error error;
  };

  HttpParser();
  ~HttpParser();
  HttpParser(const HttpParser&) = delete;
  HttpParser& operator=(const HttpParser&) = delete;

  /// Node's parser.initialize(type, resource, maxHeaderSize, lenient): a fresh parser.
  void init(Type type, Delegate* delegate, std::size_t maxHeaderSize = 16384, bool lenient = false);
  /// Node's parser.execute(buffer).
  Result execute(const char* data, std::size_t length);
  Result execute(std::string_view s) { return execute(s.data(), s.size()); }
  /// Node's parser.finish(): the peer ended the stream (an unfinished message is an error;
  /// a body delimited by EOF completes).
  Result finish();
  /// Node's parser.pause()/resume(): while paused execute() fails with HPE_PAUSED.
  void pause() noexcept { paused_ = true; }
  void resume() noexcept { paused_ = false; }
  /// True between the first byte of a message and its end (Node's "active" connections).
  bool messageInProgress() const noexcept { return inMessage_; }
  /// True once the head of the current message was parsed (Node's headersCompleted()).
  bool headersCompleted() const noexcept { return headersCompleted_; }
  Type type() const noexcept { return type_; }

  /// The method names of llhttp 9 in its order (Node's `methods` binding), QUERY included.
  static const std::vector<std::string>& methods();

 private:
  // llhttp_t is opaque here so that only http_parser.cc includes llhttp.h.
  alignas(8) unsigned char llhttp_[96];
  friend struct HttpParserAccess;

  enum class Mode : std::uint8_t {
    kStart,      // before a message: CR/LF skipped
    kHead,       // the start line and header lines
    kBody,       // llhttp reads the body (Content-Length, until EOF) or the trailers' end
    kChunkSize,  // a chunk-size line
    kChunkData,  // chunk data
    kChunkEnd,   // the CRLF after chunk data
    kTrailers,   // trailer lines
    kClosed,     // after a message that does not keep the connection alive
    kUpgraded,   // nothing more is parsed
  };

  Result run(const char* data, std::size_t length);
  Result feedLlhttp(const char* at, std::size_t n, const char* base, bool canonical,
                    std::size_t* consumed);
  Result failAt(const char* pos, const char* base, const char* code, const char* reason);
  Result maybeQuery(const char*& p, const char* end, const char* base);
  Result chunked(const char*& p, const char* end, const char* base);
  std::size_t scanHead(const char* begin, const char* end, const char*& errPos, const char*& code,
                       const char*& reason);
  void startMessage();
  bool methodAllowed(int protocol) const noexcept;
  void afterMessage();
  bool everydayMessage(const char*& p, const char* end);

  Delegate* delegate_ = nullptr;
  Type type_ = Type::kRequest;
  bool lenient_ = false;
  bool paused_ = false;
  bool inMessage_ = false;
  bool headersCompleted_ = false;
  bool messageDone_ = false;    // on_message_complete ran during the last feed
  bool keepAliveAfter_ = true;  // llhttp_should_keep_alive() at the end of that message
  bool upgradeStop_ = false;    // llhttp stopped for an upgrade
  bool gotUpgrade_ = false;     // the delegate took the upgrade
  bool queryMethod_ = false;
  bool failed_ = false;
  Error failure_;
  std::size_t maxHeaderSize_ = 16384;
  std::uint64_t headerNread_ = 0;
  std::uint64_t chunkExtNread_ = 0;
  std::size_t bytesBeforeCanonical_ = 0;  // where a canonical feed stands in the real input
  std::string url_;
  std::string status_;
  HttpHeaderBlock headers_;
  std::exception_ptr exception_;

  // The strict scanner (llhttp 9's framing).
  Mode mode_ = Mode::kStart;
  std::uint8_t rlState_ = 0;    // start line
  std::uint8_t lineState_ = 0;  // header lines
  std::uint8_t lineKind_ = 0;   // where the current header line starts
  std::uint8_t rsSpaces_ = 0;   // spaces seen in a status line
  std::uint8_t urlSection_ = 0;
  std::uint8_t urlSlashes_ = 0;
  std::uint8_t special_ = 0;  // the special header whose value is being scanned
  bool sawVersion_ = false;
  bool urlStarted_ = false;
  bool valueEmpty_ = true;
  bool prevValueEmpty_ = true;
  bool sawContentLength_ = false;
  bool sawTransferEncoding_ = false;
  std::uint32_t nameLen_ = 0;
  char lowerName_[20] = {};
  std::string methodStash_;  // a partial "QUERY " at the end of a buffer
  // The request method and the protocol name of the version ("HTTP", "RTSP", "ICE") as the
  // scanner sees them: llhttp 9 checks the method against the protocol right after its name.
  char methodBuf_[16] = {};
  std::uint8_t methodLen_ = 0;
  char protoBuf_[4] = {};
  std::uint8_t protoLen_ = 0xff;  // 0xff: not scanning a protocol name
  std::uint8_t chunkState_ = 0;
  std::uint64_t chunkSize_ = 0;
  std::uint64_t chunkLeft_ = 0;
};

}  // namespace nodecc::bindings
