// nodecc::main: make the thread's Environment, run the main script and the loop.
#include "nodecc/main.h"

#include <signal.h>
#include <uv.h>

#include <string>
#include <vector>

#include "nodecc/process.h"

namespace nodecc {

namespace {
void ignoreSigpipe() {
  // Node ignores SIGPIPE: a write to a closed peer is an EPIPE error, never a death.
  struct sigaction sa {};
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, nullptr);
}
}  // namespace

int main(int argc, char** argv, Task mainScript) {
  ignoreSigpipe();
  EnvironmentOptions opts;
  // Node's shape: argv[0] is the executable, argv[1] the "script", user arguments
  // from index 2 — so `process.argv[2]` ports unchanged.
  char exe[4096];
  std::size_t n = sizeof exe;
  opts.argv.emplace_back(uv_exepath(exe, &n) == 0 ? std::string(exe, n)
                                                  : std::string(argc > 0 ? argv[0] : "nodecc"));
  for (int i = 0; i < argc; ++i) opts.argv.emplace_back(argv[i]);
  Environment env(std::move(opts));
  return env.run(std::move(mainScript));
}

int run(Task mainScript) {
  ignoreSigpipe();
  Environment env(EnvironmentOptions{});
  return env.run(std::move(mainScript));
}

}  // namespace nodecc
