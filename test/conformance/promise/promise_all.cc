// Port of promise_all.js.
#include "conformance.h"

using namespace nodecc;

namespace {
Promise<std::string> delay(double ms, std::string v) {
  return Promise<std::string>::create(
      [ms, v](auto resolve, auto) { setTimeout([resolve, v] { resolve(v); }, ms); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(promise_all) {
  Promise<std::string>::all(
      {delay(20, "slow"), delay(1, "fast"), Promise<std::string>::resolved("now")})
      .then([](const std::vector<std::string>& values) {
        console::log("all", values[0] + "," + values[1] + "," + values[2]);
      });
  Promise<std::string>::all(
      {delay(5, "x"), Promise<std::string>::rejected(Error("first failure")), delay(1, "y")})
      .catch_([](const Error& e) {
        console::log("rejected", e.message);
        return std::vector<std::string>{};
      });
  Promise<std::string>::all({}).then(
      [](const std::vector<std::string>& v) { console::log("empty", v.size()); });
}
