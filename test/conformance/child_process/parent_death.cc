#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(parent_death) {
  const auto& argv = process::argv();
  std::string role = argv.size() > 2 ? argv[2] : "";
  if (role == "grandchild") {
    process::on("disconnect",
                [] { console::log("grandchild: disconnect, connected", process::connected()); });
    process::send("up");
    return;
  }
  if (role == "middle") {
    auto g = child_process::fork(process::execPath(), conformance::selfArgs({"grandchild"}));
    g->on("message", [](const Value& m) {
      console::log("middle: grandchild is", m, "; exiting");
      process::exit(0);
    });
    return;
  }
  // The middle's stdout is a pipe shared with the grandchild: it ends once both are gone.
  auto middle = child_process::spawn(process::execPath(), conformance::selfArgs({"middle"}),
                                     {.stdio = {"ignore", "pipe", "inherit"}});
  auto output = std::make_shared<std::string>();
  middle->stdout()->setEncoding("utf8");
  middle->stdout()->on("data", [output](const std::string& d) { *output += d; });
  middle->on("close", [output](std::optional<int> code) {
    console::log("middle exit", code);
    console::detail::writeOut(*output);
  });
}
