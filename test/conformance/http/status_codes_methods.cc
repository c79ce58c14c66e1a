#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(status_codes_methods) {
  std::string joined;
  for (const auto& m : http::METHODS) joined += (joined.empty() ? "" : " ") + m;
  console::log("methods", http::METHODS.size(), joined);
  console::log("codes", http::STATUS_CODES.size());
  for (const auto& [code, text] : http::STATUS_CODES) console::log(code, text);
  auto unknown = http::STATUS_CODES.find(299);
  console::log("teapot", http::STATUS_CODES.at(418), "unknown",
               unknown == http::STATUS_CODES.end() ? Value(undefined) : Value(unknown->second));
  console::log("maxHeaderSize", http::maxHeaderSize);
}
