// bindings/handle_wrap.h — base of every libuv handle wrapper (Node's HandleWrap).
//
// Only bindings/ touches libuv handles. A wrapper owns its uv handle and frees
// itself in the libuv close callback, never before (so a pending libuv callback
// can never see freed memory). Module objects (net.Socket, dgram.Socket …) hold a
// raw pointer to their wrapper until the `onClosed` callback they pass to
// close() runs; that callback is the last thing the wrapper does.
//
// Three states, as Node's: kInitialized → kClosing → kClosed. close() is
// idempotent. At Environment teardown every open wrapper is closed without
// calling back into user code.
#pragma once

#include <uv.h>

#include <cstdint>

#include "nodecc/environment.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

class HandleWrap : public Environment::HandleEntry {
 public:
  enum class State : std::uint8_t { kInitialized, kClosing, kClosed };
  /// The close callback: 8 inline bytes (the owner's `this`) keep every handle small; a
  /// larger closure is held on the heap (once per close).
  using CloseCallback = UniqueFunction<void(), 8>;

  HandleWrap(const HandleWrap&) = delete;
  HandleWrap& operator=(const HandleWrap&) = delete;

  /// Starts closing the handle; the close callback (set here or with
  /// setCloseCallback) runs from the libuv close callback, after the wrapper is
  /// deleted. Calling close() again is a no-op.
  void close(CloseCallback onClosed = {});
  /// The owner's notification that the wrapper is gone. It also runs when the
  /// Environment tears down (then user code cannot run: makeCallback is a no-op).
  void setCloseCallback(CloseCallback onClosed) { onClosed_ = std::move(onClosed); }
  bool isClosing() const noexcept { return state_ != State::kInitialized; }
  State state() const noexcept { return state_; }

  void ref() noexcept;
  void unref() noexcept;
  bool hasRef() const noexcept;

  /// The Environment whose loop holds the handle (the loop's data).
  Environment& env() const noexcept { return *static_cast<Environment*>(handle_->loop->data); }
  uv_handle_t* handle() const noexcept { return handle_; }

 protected:
  /// `h` is the wrapper's own uv handle member, initialised on env's loop (or to be, by
  /// uv_spawn: the constructor sets its loop field either way).
  HandleWrap(Environment& env, uv_handle_t* h);
  ~HandleWrap() override;
  /// Called just before uv_close (stop reading, cancel callbacks …).
  virtual void onClosing() {}

 private:
  void closeForTeardown() override;
  static void onCloseCb(uv_handle_t* h);

  uv_handle_t* handle_;
  CloseCallback onClosed_;
  State state_ = State::kInitialized;  // last: a subclass's first flag packs beside it
};

/// Runs `f` from a libuv callback the way Node's MakeCallback does (see
/// Environment::makeCallback); a no-op once the Environment is stopping.
template <class F>
inline void callback(Environment& env, F&& f) {
  env.makeCallback(std::forward<F>(f));
}

}  // namespace nodecc::bindings
