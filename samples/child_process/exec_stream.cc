// Seed, 多进程 › child_process › exec without a callback: read the streams as they come.
//
//   let child = exec("ls")
//   child.stdout.on("data", data => { console.log("data", data); })
//   child.stderr.on("data", err => { console.log("err", err); })
//
// exec() decodes the output (utf8), so 'data' carries strings.
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>

using namespace nodecc;
using child_process::exec;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto child = exec("ls");
    child->stdout()->on("data", [](const std::string& data) { console::log("data", data); });
    child->stderr()->on("data", [](const std::string& err) { console::log("err", err); });
  });
}
