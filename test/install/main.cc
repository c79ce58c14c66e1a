// The smallest nodecc program, built outside the tree against the installed package.
#include <nodecc/nodecc.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    setTimeout([] { console::log("timeout fired after", 10, "ms"); }, 10);
    process::nextTick([] { console::log("tick"); });
    console::log("hello from an installed nodecc",
                 process::argv().size() > 2 ? process::argv()[2] : "");
  });
}
