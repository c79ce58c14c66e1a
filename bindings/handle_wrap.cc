#include "bindings/handle_wrap.h"

namespace nodecc::bindings {

HandleWrap::HandleWrap(Environment& env, uv_handle_t* h) : handle_(h) {
  // env() reads the loop's data. A handle is initialised on env's loop already, or (a
  // process handle) by a later uv_spawn / uv_poll_init on it: set the loop now for both.
  h->loop = env.loop();
  handle_->data = this;
  env.registerHandle(this);
}

HandleWrap::~HandleWrap() = default;

void HandleWrap::close(CloseCallback onClosed) {
  if (state_ != State::kInitialized) return;
  state_ = State::kClosing;
  if (onClosed) onClosed_ = std::move(onClosed);
  env().unregisterHandle(this);
  onClosing();
  uv_close(handle_, &HandleWrap::onCloseCb);
}

void HandleWrap::closeForTeardown() {
  // The Environment already unregistered us; user code must not run now, which
  // makeCallback guarantees (the Environment is stopping).
  if (state_ != State::kInitialized) return;
  state_ = State::kClosing;
  onClosing();
  uv_close(handle_, &HandleWrap::onCloseCb);
}

void HandleWrap::onCloseCb(uv_handle_t* h) {
  auto* self = static_cast<HandleWrap*>(h->data);
  self->state_ = State::kClosed;
  CloseCallback cb = std::move(self->onClosed_);
  delete self;
  if (cb) cb();
}

void HandleWrap::ref() noexcept {
  if (state_ == State::kInitialized) uv_ref(handle_);
}
void HandleWrap::unref() noexcept {
  if (state_ == State::kInitialized) uv_unref(handle_);
}
bool HandleWrap::hasRef() const noexcept {
  return state_ == State::kInitialized && uv_has_ref(handle_) != 0;
}

}  // namespace nodecc::bindings
