// IPC throughput: the parent forks itself as the child, sends N messages {i, s} at once;
// the child sends each back; the parent counts the replies (checking their order) and
// reports messages per second, parent → child → parent. Twin: node/ipc_roundtrip.js.
#include "bench.h"
#include "nodecc/child_process.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    if (std::find(args.begin(), args.end(), "child") != args.end()) {
      process::on("message", [](const Value& m) { process::send(m); });
      return;
    }
    const std::int64_t n = bench::count(200000, 1000);
    std::vector<std::string> childArgs{"child"};
    if (bench::quick()) childArgs.push_back("--quick");
    auto child = child_process::fork(process::execPath(), childArgs);
    auto got = std::make_shared<std::int64_t>(0);
    auto start = process::hrtime.bigint();
    std::weak_ptr<child_process::ChildProcess> weak = child;
    child->on("message", [=](const Value& m) {
      if (m["i"].asInt() != *got) throw Error("out of order");
      if (++*got == n) {
        double secs = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
        bench::report("ipc_roundtrip", "msgs/s", static_cast<double>(n) / secs, true);
        weak.lock()->disconnect();
      }
    });
    for (std::int64_t i = 0; i < n; ++i) child->send(Object{{"i", i}, {"s", "hello"}});
  });
}
