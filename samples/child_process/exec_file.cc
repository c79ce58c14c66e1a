// Seed, 多进程 › child_process › execFile: like exec, without a shell.
//
//   let ls2 = execFile('ls', ["-c"], (err, stdout, stderr) => { /* .... */ })
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>

using namespace nodecc;
using child_process::execFile;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto ls2 =
        execFile("ls", {"-c"}, [](std::optional<Error> err, std::string stdout, std::string) {
          // The seed leaves the body out; print what came back.
          if (err) {
            console::log("execFile failed:", err->message);
            return;
          }
          console::log("execFile stdout", stdout);
        });
  });
}
