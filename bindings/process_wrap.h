// bindings/process_wrap.h — uv_process_t (Node's src/process_wrap.cc) and the
// synchronous runner behind spawnSync (Node's src/spawn_sync.cc).
//
// ProcessWrap::spawn always returns a wrapper, even when uv_spawn fails: libuv
// initialises the handle first, so it must be closed either way (Node does the
// same). The exit callback runs from libuv's SIGCHLD handling with the exit
// status and the terminating signal (0 when none); the owner closes the wrapper.
//
// Stdio slots are given as libuv wants them: a pipe to create (the parent's end
// is an unopened PipeWrap that libuv opens), a descriptor to inherit, a stream
// to inherit, or nothing. With libuv 1.44 (Debian) a failed exec (ENOENT,
// EACCES) is reported after the fork, so created pipes are opened even then
// (their far end is already closed, which gives EOF), as with Node's libuv.
#pragma once

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bindings/handle_wrap.h"
#include "nodecc/buffer.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

class StreamWrap;

/// One stdio slot for uv_spawn (Node's ParseStdioOptions).
struct StdioContainer {
  enum class Kind { kIgnore, kCreatePipe, kInheritFd, kInheritStream };
  Kind kind = Kind::kIgnore;
  /// kCreatePipe: the parent's end (an unopened PipeWrap); kInheritStream: the stream.
  StreamWrap* stream = nullptr;
  /// kInheritFd: the descriptor the child gets in this slot.
  int fd = -1;
  /// kCreatePipe with 'overlapped' (meaningful on Windows only).
  bool overlapped = false;
};

/// What uv_spawn needs (Node's normalized spawn options).
struct ProcessOptions {
  std::string file;
  std::vector<std::string> args;  ///< argv, argv[0] included
  std::optional<std::string> cwd;
  std::vector<std::string> envPairs;  ///< "KEY=value"
  std::vector<StdioContainer> stdio;
  bool detached = false;
  std::optional<int> uid;
  std::optional<int> gid;
};

class ProcessWrap final : public HandleWrap {
 public:
  /// `(exitStatus, termSignal)`: the exit code, and the signal that killed the child or 0.
  using ExitCallback = UniqueFunction<void(std::int64_t exitStatus, int termSignal)>;

  /// Spawns the child. `*err` receives 0 or the libuv error; the returned wrapper must be
  /// closed in both cases. `onExit` is not called when spawning failed.
  static ProcessWrap* spawn(Environment& env, const ProcessOptions& options, ExitCallback onExit,
                            int* err);
  /// The child's pid (0 when spawning failed).
  int pid() const noexcept { return pid_; }
  /// uv_process_kill; 0 or a libuv error (UV_ESRCH once the child was reaped).
  int kill(int signal);

 protected:
  void onClosing() override { onExit_ = ExitCallback(); }

 private:
  explicit ProcessWrap(Environment& env);
  static void onExitCb(uv_process_t* p, std::int64_t exitStatus, int termSignal);
  uv_process_t process_;
  ExitCallback onExit_;
  int pid_ = 0;
};

// ---- spawnSync ---------------------------------------------------------------------------

/// One stdio slot of a synchronous spawn.
struct SyncStdio {
  enum class Kind { kIgnore, kPipe, kInheritFd };
  Kind kind = Kind::kIgnore;
  int fd = -1;            ///< kInheritFd
  bool readable = false;  ///< kPipe: the child reads it (stdin)
  bool writable = false;  ///< kPipe: the child writes it (stdout, stderr …)
  Buffer input;           ///< kPipe + readable: written to the child, then the pipe is shut down
};

struct SyncOptions {
  ProcessOptions process;  ///< `stdio` is ignored: see `syncStdio`
  std::vector<SyncStdio> syncStdio;
  double timeout = 0;              ///< ms; 0 = none
  double maxBuffer = 1024 * 1024;  ///< total output bytes; Infinity = unlimited
  int killSignal = 15;
};

/// Node's SyncProcessRunner result.
struct SyncResult {
  int error = 0;        ///< a libuv error (spawn failure, UV_ETIMEDOUT, UV_ENOBUFS) or 0
  bool exited = false;  ///< the child ran and was reaped (exit_status_ >= 0)
  std::int64_t exitStatus = 0;
  int termSignal = 0;
  int pid = 0;
  std::vector<std::optional<Buffer>> output;  ///< one per slot: the bytes of a pipe, else empty
};

/// Runs the child on a private loop until it exits and its pipes close (Node's spawnSync).
SyncResult spawnSync(const SyncOptions& options);

}  // namespace nodecc::bindings
