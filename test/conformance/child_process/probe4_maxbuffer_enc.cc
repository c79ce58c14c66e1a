#include <limits>

#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::exec;
using child_process::execFile;
using child_process::ExecOptions;
using Err = std::optional<Error>;

namespace {
std::string jp(const Value& v) { return v.isNullish() ? "" : v.toString(); }
// [e.name, e.code, e.message, e.killed, e.signal, e.cmd].join('|')
std::string show(const Err& e) {
  if (!e) return "null";
  return e->name + "|" + e->code + "|" + e->message + "|" + jp(e->info["killed"]) + "|" +
         jp(e->info["signal"]) + "|" + jp(e->info["cmd"]);
}
std::string fmt(const std::string& s) { return Value(s).stringify(); }
std::string fmt(const Buffer& b) {
  return b.length() > 16 ? "Buffer(" + std::to_string(b.length()) + ")" : util::inspect(b);
}
struct Case {
  std::string label, script;
  ExecOptions opts;
  bool buffers = false;
};
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_maxbuffer_enc) {
  auto cases = std::make_shared<std::vector<Case>>(std::vector<Case>{
      {"utf8 multibyte",
       "printf \"\\303\\251\\303\\251\\303\\251\\303\\251\\303\\251\"; exec sleep 5",
       {.maxBuffer = 4}},
      {"hex", "printf abcdefgh; exec sleep 5", {.encoding = "hex", .maxBuffer = 4}},
      {"base64", "printf abcdefgh; exec sleep 5", {.encoding = "base64", .maxBuffer = 5}},
      {"latin1",
       "printf \"\\303\\251\\303\\251\\303\\251\"; exec sleep 5",
       {.encoding = "latin1", .maxBuffer = 4}},
      {"utf16le",
       "printf \"a\\000b\\000c\\000d\\000\"; exec sleep 5",
       {.encoding = "utf16le", .maxBuffer = 5}},
      {"stderr utf8",
       "printf \"\\303\\251\\303\\251\\303\\251\" >&2; exec sleep 5",
       {.maxBuffer = 3}},
      {"stderr hex", "printf abcdef >&2; exec sleep 5", {.encoding = "hex", .maxBuffer = 2}},
      {"buffer",
       "printf \"\\303\\251\\303\\251\\303\\251\"; exec sleep 5",
       {.encoding = "buffer", .maxBuffer = 3},
       true},
      {"unknown enc", "printf abc; exit 0", {.encoding = "bogus"}, true},
      {"exactly", "printf abcd", {.maxBuffer = 4}},
      {"zero", "printf a; exec sleep 5", {.maxBuffer = 0}},
      {"zero empty", "true", {.maxBuffer = 0}},
      {"infinity",
       "head -c 1200000 /dev/zero",
       {.encoding = "buffer", .maxBuffer = std::numeric_limits<double>::infinity()},
       true},
  });
  auto i = std::make_shared<size_t>(0);
  auto step = std::make_shared<std::function<void()>>();
  // The runner holds itself weakly (no cycle); the pending callbacks hold it.
  std::weak_ptr<std::function<void()>> weakStep = step;
  *step = [cases, i, weakStep] {
    auto step = weakStep.lock();
    if (*i == cases->size()) {
      // exec with a shell and maxBuffer: the command line in err.cmd, killed true.
      auto c = std::make_shared<child_process::ChildProcessPtr>();
      *c = exec("printf 12345678; exec sleep 5", {.maxBuffer = 3},
                [c](Err err, std::string stdout, std::string) {
                  console::log("exec:", show(err), fmt(stdout), (*c)->killed(), (*c)->signalCode(),
                               (*c)->exitCode());
                  c->reset();
                });
      return;
    }
    const Case& k = (*cases)[(*i)++];
    std::string label = k.label;
    if (k.buffers) {
      execFile("sh", {"-c", k.script}, k.opts, [label, step](Err err, Buffer out, Buffer errOut) {
        console::log(label, ":", show(err), fmt(out), fmt(errOut));
        (*step)();
      });
    } else {
      execFile("sh", {"-c", k.script}, k.opts,
               [label, step](Err err, std::string out, std::string errOut) {
                 console::log(label, ":", show(err), fmt(out), fmt(errOut));
                 (*step)();
               });
    }
  };
  (*step)();
}
