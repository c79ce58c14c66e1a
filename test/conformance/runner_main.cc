// Runner for one module's conformance cases: `conformance_<module> <case> [args...]`.
#include <cstdio>

#include "conformance.h"

namespace conformance {
std::map<std::string, CaseFn>& registry() {
  static std::map<std::string, CaseFn> r;
  return r;
}
namespace {
std::string gCase;
}
const std::string& caseName() { return gCase; }
std::vector<std::string> selfArgs(std::vector<std::string> extra) {
  std::vector<std::string> a{gCase};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}
}  // namespace conformance

int main(int argc, char** argv) {
  if (argc < 2 || !conformance::registry().count(argv[1])) {
    std::fprintf(stderr, "usage: %s <case> [args...]\ncases:\n", argv[0]);
    for (auto& [name, fn] : conformance::registry()) std::fprintf(stderr, "  %s\n", name.c_str());
    return 2;
  }
  conformance::gCase = argv[1];
  auto fn = conformance::registry()[argv[1]];
  // Drop the case name so that process.argv is [exe, argv0, args...] as in Node.
  std::vector<char*> args{argv[0]};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  return nodecc::main(static_cast<int>(args.size()), args.data(), fn);
}
