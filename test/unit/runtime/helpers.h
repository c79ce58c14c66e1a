// Shared helpers for the runtime unit tests.
#pragma once

#include <gtest/gtest.h>
#include <uv.h>

#include <string>

#include "nodecc/nodecc.h"

namespace nodecc_test {

/// Runs `script` as a main module (what nodecc::run does, on an Environment the test
/// can inspect afterwards), returns the exit code, and checks that the loop ended
/// empty: after teardown no libuv handle is left open, and none keeps the loop alive.
inline int runScript(nodecc::Task script) {
  nodecc::Environment env;
  int code = env.run(std::move(script));
  int open = 0;
  uv_walk(
      env.loop(),
      [](uv_handle_t* h, void* arg) {
        if (!uv_is_closing(h)) ++*static_cast<int*>(arg);
      },
      &open);
  EXPECT_EQ(open, 0) << "libuv handles left open after the Environment ended";
  EXPECT_EQ(uv_loop_alive(env.loop()), 0) << "the loop is still alive after run()";
  return code;
}

/// Hex of a byte string: the raw bytes of `s` (Buffer::from(s, "latin1") would not do:
/// it reads `s` as UTF-8 text and keeps the low 8 bits of each code point, as Node does).
inline std::string hex(std::string_view s) {
  return nodecc::Buffer::copyOf(s.data(), s.size()).toString("hex");
}

}  // namespace nodecc_test
