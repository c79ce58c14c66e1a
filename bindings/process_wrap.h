// bindings/process_wrap.h — uv_process_t (Node's src/process_wrap.cc) and the
// synchronous runner behind spawnSync (Node's src/spawn_sync.cc).
//
// ProcessWrap::spawn always returns a wrapper, even when uv_spawn fails: libuv
// initialises the handle first, so it must be closed either way (Node does the
// same). The exit callback runs with the exit status and the terminating signal
// (0 when none); the owner closes the wrapper.
//
// Two ways to start a child, with the same result for the caller:
// - posix_spawn (glibc's clone(CLONE_VM|CLONE_VFORK): no page-table copy: 1,070
//   spawns/s against uv_spawn's 840 here), watched through a pidfd
//   polled by the loop and reaped with waitpid. It does in the parent what libuv's
//   child does after fork (descriptors moved above the stdio slots before the dup2s,
//   /dev/null for ignored stdin/stdout/stderr, blocking mode for inherited stdio,
//   signal dispositions 1-31 reset and the mask cleared, setsid when detached), and
//   searches PATH in the child's environment as execvp does.
// - uv_spawn, for everything else: uid/gid, a kernel without pidfd_open (< 5.3), no
//   descriptor left for the pidfd, no PATH in the environment, a command
//   that PATH does not find, or any failure of the first way (then nothing was
//   started, and uv_spawn reports the error exactly as Node's libuv does).
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
  /// Starts watching for the child's exit; call it once the stdio pipes read. (A child
  /// started by posix_spawn is watched through a pidfd. When the child exits before the
  /// loop polls, the descriptor registered first is served first: registering the pidfd
  /// after the pipes gives their data precedence over the exit, the order Node's SIGCHLD
  /// path shows. A no-op for a uv_spawn child, which libuv watches itself.)
  void watchExit();
  /// The child's pid (0 when spawning failed).
  int pid() const noexcept { return pid_; }
  /// kill(2) as uv_process_kill; 0 or a libuv error (UV_ESRCH once the child was reaped).
  int kill(int signal);

 protected:
  void onClosing() override { onExit_ = ExitCallback(); }

 private:
  explicit ProcessWrap(Environment& env);
  ~ProcessWrap() override;
  /// The posix_spawn way; false (nothing started, nothing left open) when uv_spawn must
  /// be used instead.
  bool spawnFast(const ProcessOptions& o);
  static void onExitCb(uv_process_t* p, std::int64_t exitStatus, int termSignal);
  static void onPidfd(uv_poll_t* p, int status, int events);
  // Only the member the spawn used is initialised; the other is never touched.
  union {
    uv_process_t process_;
    uv_poll_t poll_;  // on the child's pidfd
  };
  ExitCallback onExit_;
  int pid_ = 0;
  int pidfd_ = -1;  // the posix_spawn way: until the wrapper is deleted
  bool watching_ = false;
  bool reaped_ = false;
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
