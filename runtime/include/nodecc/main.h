// nodecc/main.h — the program entry point.
#pragma once

#include "nodecc/environment.h"
#include "nodecc/function.h"

namespace nodecc {

/// Runs `mainScript` as Node runs a main module: the script, then ticks and
/// microtasks, then the event loop; 'beforeExit' when the loop empties (the
/// loop runs again if listeners scheduled work), then 'exit'. Returns the exit
/// code (process.exitCode, 1 after an uncaught exception, or process.exit's
/// argument). Return it from your `main`. Makes this thread's Environment.
/// process.argv is Node-shaped: [executable, argv[0], argv[1], …], so user
/// arguments start at index 2 as they do for `node script.js a b`.
int main(int argc, char** argv, Task mainScript);

/// The same with no command line (tests, embedding): argv is {"nodecc"}.
int run(Task mainScript);

}  // namespace nodecc
