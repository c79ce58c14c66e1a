#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"
#include "nodecc/promise.h"

using namespace nodecc;

namespace {
Error named(const char* name, const char* message) {
  Error e(message);
  e.name = name;
  return e;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_throw) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    cluster::setupPrimary({.silent = true});
    auto lines = std::make_shared<std::vector<std::string>>();
    std::vector<std::string> roles{"top",       "timer",    "listenCallback",
                                   "rejection", "exitCode", "caught"};
    for (const auto& role : roles) {
      auto w = cluster::fork({{"ROLE", role}});
      std::weak_ptr<cluster::Worker> ww = w;
      auto err = std::make_shared<std::string>();
      w->process()->stderr()->setEncoding("utf8");
      w->process()->stderr()->on("data", [err](const std::string& d) { *err += d; });
      w->on("listening",
            [lines, role](cluster::Address) { lines->push_back(role + ": listening"); });
      w->on("message", [lines, role, ww](const Value& m) {
        lines->push_back(role + ": says " + m.stringify());
        ww.lock()->disconnect();
      });
      w->on("exit", [lines, role, ww](std::optional<int> code, std::optional<std::string> signal) {
        auto w = ww.lock();
        lines->push_back(role + util::format(": exit %s %s ead %s state %s", code, signal,
                                             w->exitedAfterDisconnect(), w->state()));
      });
      w->process()->on("close", [lines, role, err] {
        std::string first = "undefined";
        std::size_t pos = 0;
        while (pos <= err->size()) {
          std::size_t nl = err->find('\n', pos);
          std::string l = err->substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
          std::size_t i = 0;
          while (i < l.size() && (std::isalnum(static_cast<unsigned char>(l[i])) || l[i] == '_'))
            ++i;
          if (i >= 5 && l.compare(i - 5, 5, "Error") == 0 &&
              (i == l.size() || !(std::isalnum(static_cast<unsigned char>(l[i])) || l[i] == '_'))) {
            first = l;
            break;
          }
          if (nl == std::string::npos) break;
          pos = nl + 1;
        }
        lines->push_back(role + ": stderr " + first);
      });
    }
    cluster::on("exit", [lines](cluster::WorkerPtr w, std::optional<int> code) {
      lines->push_back(util::format("cluster exit %d %s", w->id(), code));
    });
    process::on("exit", [lines] {
      std::sort(lines->begin(), lines->end());
      for (auto& l : *lines) console::log(l);
      console::log("workers left", cluster::workers().size());
    });
  } else {
    std::string role = process::env.get("ROLE").value_or("");
    if (role == "top") {
      throw Error("boom at top");
    } else if (role == "timer") {
      setTimeout([] { throw named("RangeError", "boom in timer"); }, 1);
    } else if (role == "listenCallback") {
      net::createServer()->listen(0, [] { throw named("TypeError", "boom in listen callback"); });
    } else if (role == "rejection") {
      Promise<>::rejected(Error("rejected"));
    } else if (role == "exitCode") {
      process::exitCode = 9;
      throw Error("boom with exitCode");
    } else {
      process::on("uncaughtException", [](const Error& e) {
        process::send(Object{{"caught", e.message}});
      });
      throw Error("boom caught");
    }
  }
}
