// Port of worker_data_clone_errors.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
template <class F>
void attempt(const char* what, F f) {
  try {
    f();
    console::log(what, "-> ok");
  } catch (const Error& e) {
    console::log(what, "->", e.name, e.code.empty() ? Value(e.info["code"]) : Value(e.code),
                 Value(e.message).stringify());
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(worker_data_clone_errors) {
  auto [port1, port2] = MessageChannel();
  MessageChannel other;

  attempt("port not in transferList", [&] { port1->postMessage(Object{{"p", other.port1}}); });
  Buffer sab = Buffer::allocShared(8);
  attempt("SharedArrayBuffer in transferList", [&] { port1->postMessage(sab, {sab}); });
  attempt("source port in transferList", [&] { port1->postMessage(port1, {port1}); });
  Buffer ab = Buffer::alloc(4);
  attempt("duplicate ArrayBuffer", [&] { port1->postMessage(ab, {ab, ab}); });
  console::log("after the failed post, byteLength", ab.byteLengthOfStorage());
  attempt("duplicate MessagePort", [&] {
    port1->postMessage(other.port1, {other.port1, other.port1});
  });
  Buffer moved = Buffer::alloc(4);
  attempt("transfer", [&] { port1->postMessage(moved, {moved}); });
  attempt("clone a detached ArrayBuffer", [&] { port1->postMessage(moved); });
  attempt("transfer a detached ArrayBuffer", [&] { port1->postMessage(moved, {moved}); });
  Buffer keep = Buffer::alloc(3);
  markAsUntransferable(keep);
  attempt("untransferable in transferList", [&] { port1->postMessage(keep, {keep}); });
  console::log("untransferable byteLength", keep.byteLengthOfStorage());
  attempt("move a port", [&] { port1->postMessage(other.port1, {other.port1}); });
  attempt("move it again", [&] { port1->postMessage(other.port1, {other.port1}); });

  Value r;
  while (!(r = receiveMessageOnPort(port2)).isUndefined()) {
    const Value& m = r["message"];
    console::log("received", m.isBuffer()
                                 ? "ArrayBuffer(" + std::to_string(m.asBuffer().length()) + ")"
                                 : std::string(m.isHost() ? "object" : "other"));
  }
  port1->close();
  other.port2->close();
}
