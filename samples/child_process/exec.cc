// Seed, 多进程 › child_process › exec: run a command in a shell and get its output.
//
//   let ls = exec('ls -c', (err, stdout, stderr) => {
//     if (err) { console.log(err.stack); console.log('error code' + err.code); return; }
//     console.log("child process stdout", stdout);
//   })
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>

using namespace nodecc;
using child_process::exec;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto ls = exec("ls -c", [](std::optional<Error> err, std::string stdout, std::string stderr) {
      if (err) {
        console::log(err->stack());
        console::log("error code" + err->code);  // the exit code, as a string
        return;
      }
      console::log("child process stdout", stdout);
    });
    // Not in the seed: the error path, with a command that fails.
    exec("ls /no/such/dir", [](std::optional<Error> err, std::string, std::string) {
      if (err) {
        console::log(err->stack());
        console::log("error code" + err->code);
      }
    });
  });
}
