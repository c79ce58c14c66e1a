// nodecc/promise.h — JS Promises whose reactions are microtasks, and C++20
// coroutines as `async` functions.
//
// `Promise<T>` follows the ECMAScript job ordering: a reaction runs as a
// microtask after its promise settles; resolving with another promise takes two
// extra microtask turns (NewPromiseResolveThenableJob), as in V8; `co_await p`
// resumes one microtask after `p` settles (V8's await optimisation).
// Differences from JS: a rejection reason is always a `nodecc::Error` (a C++
// exception thrown in a handler is converted with `errors::fromException`);
// `catch` is a C++ keyword, so the method is `catch_`.
// Unhandled rejections follow Node 20's default (`--unhandled-rejections=throw`):
// 'unhandledRejection' if it has listeners, else the uncaught-exception path.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/function.h"
#include "nodecc/pool.h"

namespace nodecc {

template <class T = void>
class Promise;

namespace detail {

// Always made by allocate_shared<PromiseState<T>> (from the pool, nodecc/pool.h), so the
// control block destroys the right type without a virtual destructor. The reason is boxed:
// most promises never reject and an Error is ~300 bytes.
struct PromiseStateBase {
  enum class Status : unsigned char { Pending, Fulfilled, Rejected };
  Status status = Status::Pending;
  bool handled = false;  // a reaction was attached
  bool reportedUnhandled = false;
  std::uint32_t rejectionId = 0;  // Node's rejection uid (fits in the padding)
  std::unique_ptr<Error> reason;
  std::vector<Task> reactions;
  Environment* env;
  PromiseStateBase() : env(&Environment::require()) {}
  void markHandled();
  void settle();  // queue reactions
  void trackRejection(const std::shared_ptr<PromiseStateBase>& self);
};

template <class T>
struct PromiseState : PromiseStateBase {
  std::optional<std::conditional_t<std::is_void_v<T>, std::monostate, T>> value;
};

template <class X>
struct IsPromise : std::false_type {};
template <class X>
struct IsPromise<Promise<X>> : std::true_type {
  using type = X;
};

template <class R>
struct UnwrapPromise {
  using type = R;
};
template <class X>
struct UnwrapPromise<Promise<X>> {
  using type = X;
};

/// Resumes a coroutine when run; destroys the frame if dropped unrun.
class CoroResumer {
 public:
  explicit CoroResumer(std::coroutine_handle<> h) : h_(h) {}
  CoroResumer(CoroResumer&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  CoroResumer& operator=(CoroResumer&&) = delete;
  ~CoroResumer() {
    if (h_) h_.destroy();
  }
  void operator()() { std::exchange(h_, nullptr).resume(); }

 private:
  std::coroutine_handle<> h_;
};

}  // namespace detail

/// A JS Promise carrying a T (or nothing for Promise<void>).
template <class T>
class Promise {
 public:
  using value_type = T;
  using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
  using State = detail::PromiseState<T>;

  /// A pending promise (resolve it with resolve()/reject()).
  Promise() : s_(std::allocate_shared<State>(detail::PoolAllocator<State>())) {}

  /// `Promise.resolve(v)`.
  template <class U = T, std::enable_if_t<!std::is_void_v<U>, int> = 0>
  static Promise resolved(U v) {
    Promise p;
    p.resolve(std::move(v));
    return p;
  }
  template <class U = T, std::enable_if_t<std::is_void_v<U>, int> = 0>
  static Promise resolved() {
    Promise p;
    p.resolve();
    return p;
  }
  /// `Promise.reject(err)`.
  static Promise rejected(Error e) {
    Promise p;
    p.reject(std::move(e));
    return p;
  }

  /// The executor form: `new Promise((resolve, reject) => …)`. The executor gets
  /// callables `resolve(value)` and `reject(Error)`; a throw rejects.
  template <class Executor>
  static Promise create(Executor&& executor) {
    Promise p;
    auto res = p.resolver();
    auto rej = p.rejecter();
    try {
      executor(res, rej);
    } catch (const ProcessExit&) {
      throw;
    } catch (...) {
      p.reject(errors::fromException(std::current_exception()));
    }
    return p;
  }

  /// Settles with a value (ignored when already settled, as in JS).
  template <class U = T, std::enable_if_t<!std::is_void_v<U>, int> = 0>
  void resolve(U v) const {
    if (s_->status != State::Status::Pending) return;
    s_->value.emplace(std::move(v));
    s_->status = State::Status::Fulfilled;
    s_->settle();
  }
  template <class U = T, std::enable_if_t<std::is_void_v<U>, int> = 0>
  void resolve() const {
    if (s_->status != State::Status::Pending) return;
    s_->value.emplace();
    s_->status = State::Status::Fulfilled;
    s_->settle();
  }
  /// Adopts another promise's state (resolve(thenable)): two microtask turns, as in V8.
  void resolve(Promise other) const {
    auto self = *this;
    s_->env->queueMicrotask(Task([self, other]() {
      other.thenRaw([self](const Stored* v, const Error* e) {
        if (e)
          self.reject(*e);
        else if constexpr (std::is_void_v<T>)
          self.resolve();
        else
          self.resolve(*v);
      });
    }));
  }
  void reject(Error e) const {
    if (s_->status != State::Status::Pending) return;
    s_->reason = std::make_unique<Error>(std::move(e));
    s_->status = State::Status::Rejected;
    if (!s_->handled) s_->trackRejection(s_);
    s_->settle();
  }

  /// A callable that resolves this promise (the executor's `resolve`).
  auto resolver() const {
    auto self = *this;
    if constexpr (std::is_void_v<T>)
      return [self]() { self.resolve(); };
    else
      return [self](T v) { self.resolve(std::move(v)); };
  }
  /// A callable that rejects this promise (the executor's `reject`).
  auto rejecter() const {
    auto self = *this;
    return [self](Error e) { self.reject(std::move(e)); };
  }

  bool isPending() const noexcept { return s_->status == State::Status::Pending; }
  bool isFulfilled() const noexcept { return s_->status == State::Status::Fulfilled; }
  bool isRejected() const noexcept { return s_->status == State::Status::Rejected; }

  /// `p.then(onFulfilled)`: onFulfilled takes `const T&` (nothing for void) and may
  /// return a value, void, or a Promise (adopted).
  template <class F>
  auto then(F&& onFulfilled) const {
    return thenImpl(std::forward<F>(onFulfilled), nullptr);
  }
  /// `p.then(onFulfilled, onRejected)`: onRejected takes `const Error&` and returns
  /// what onFulfilled returns.
  template <class F, class R>
  auto then(F&& onFulfilled, R&& onRejected) const {
    return thenImpl(std::forward<F>(onFulfilled), std::forward<R>(onRejected));
  }
  /// `p.catch(onRejected)`: onRejected takes `const Error&`; returns Promise<T>
  /// (the handler must return T, or nothing for Promise<void>).
  template <class R>
  Promise<T> catch_(R&& onRejected) const {
    Promise<T> child;
    auto reaction = [child, h = std::forward<R>(onRejected)](const Stored* v,
                                                             const Error* e) mutable {
      if (!e) {
        if constexpr (std::is_void_v<T>)
          child.resolve();
        else
          child.resolve(*v);
        return;
      }
      try {
        if constexpr (std::is_void_v<T>) {
          h(*e);
          child.resolve();
        } else {
          child.resolve(h(*e));
        }
      } catch (const ProcessExit&) {
        throw;
      } catch (...) {
        child.reject(errors::fromException(std::current_exception()));
      }
    };
    thenRaw(std::move(reaction));
    return child;
  }
  /// `p.finally(fn)`: fn takes nothing; the result settles like `p`, in as many microtask
  /// turns as in JS.
  template <class F>
  Promise<T> finally(F&& fn) const {
    Promise<T> child;
    auto reaction = [child, fn = std::forward<F>(fn)](const Stored* v, const Error* e) mutable {
      try {
        fn();
      } catch (const ProcessExit&) {
        throw;
      } catch (...) {
        child.reject(errors::fromException(std::current_exception()));
        return;
      }
      // JS returns `PromiseResolve(C, onFinally()).then(() => value)` (or `=> { throw
      // reason }`) from the reaction, and the child adopts it: the thunk takes one more
      // turn and the adoption two, as in V8.
      Promise<T> thunk;
      auto settleThunk = [thunk, value = e ? std::optional<Stored>() : std::optional<Stored>(*v),
                          reason = e ? std::optional<Error>(*e) : std::optional<Error>()](
                             const std::monostate*, const Error*) {
        if (reason)
          thunk.reject(*reason);
        else if constexpr (std::is_void_v<T>)
          thunk.resolve();
        else
          thunk.resolve(*value);
      };
      Promise<void>::resolved().thenRaw(std::move(settleThunk));
      child.resolve(thunk);
    };
    thenRaw(std::move(reaction));
    return child;
  }

  /// Low level: `reaction(const Stored* value, const Error* reason)` runs as a microtask.
  template <class F>
  void thenRaw(F&& reaction) const {
    s_->markHandled();
    if constexpr (std::is_void_v<T>) {
      // A fulfilled Promise<void> has nothing for the job to read: it need not hold the state
      // (the common `resolved().then(f)`; the job stays 16 bytes smaller).
      if (s_->status == State::Status::Fulfilled) {
        s_->env->queueMicrotask(Task([r = std::forward<F>(reaction)]() mutable {
          static constexpr std::monostate kValue{};
          r(&kValue, static_cast<const Error*>(nullptr));
        }));
        return;
      }
    }
    auto st = s_;
    Task job([st, r = std::forward<F>(reaction)]() mutable {
      if (st->status == State::Status::Fulfilled)
        r(&*st->value, static_cast<const Error*>(nullptr));
      else
        r(static_cast<const Stored*>(nullptr), &*st->reason);
    });
    if (s_->status == State::Status::Pending)
      s_->reactions.push_back(std::move(job));
    else
      s_->env->queueMicrotask(std::move(job));
  }

  /// `Promise.all(promises)`.
  static Promise<std::conditional_t<std::is_void_v<T>, void, std::vector<T>>> all(
      std::vector<Promise> ps);

  // ---- coroutine support: `Promise<T> f() { co_await …; co_return v; }` ----------
  struct promise_type;
  struct Awaiter;
  Awaiter operator co_await() const noexcept { return Awaiter{*this}; }

  /// The settled value (precondition: isFulfilled()).
  const Stored& valueUnchecked() const { return *s_->value; }
  /// The rejection reason (precondition: isRejected()).
  const Error& reasonUnchecked() const { return *s_->reason; }

 private:
  template <class F, class R>
  auto thenImpl(F&& onF, R&& onR) const;

  std::shared_ptr<State> s_;
};

namespace detail {
template <class T, class F>
struct ThenResultImpl {
  using type = std::invoke_result_t<F&, const T&>;
};
template <class F>
struct ThenResultImpl<void, F> {
  using type = std::invoke_result_t<F&>;
};
template <class T, class F>
using ThenResult = typename ThenResultImpl<T, F>::type;

template <class Child, class Fn, class... A>
void settleChildWith(const Child& child, Fn& fn, A&&... a) {
  using R = std::invoke_result_t<Fn&, A...>;
  try {
    if constexpr (std::is_void_v<R>) {
      fn(std::forward<A>(a)...);
      child.resolve();
    } else {
      child.resolve(fn(std::forward<A>(a)...));
    }
  } catch (const ProcessExit&) {
    throw;
  } catch (...) {
    child.reject(errors::fromException(std::current_exception()));
  }
}
}  // namespace detail

template <class T>
template <class F, class R>
auto Promise<T>::thenImpl(F&& onF, R&& onR) const {
  using Ret = detail::ThenResult<T, std::decay_t<F>>;
  using U = typename detail::UnwrapPromise<Ret>::type;
  Promise<U> child;
  constexpr bool hasR = !std::is_same_v<std::decay_t<R>, std::nullptr_t>;
  if constexpr (hasR) {
    thenRaw([child, f = std::forward<F>(onF), r = std::forward<R>(onR)](const Stored* v,
                                                                        const Error* e) mutable {
      if (e)
        detail::settleChildWith(child, r, *e);
      else if constexpr (std::is_void_v<T>)
        detail::settleChildWith(child, f);
      else
        detail::settleChildWith(child, f, *v);
    });
  } else {
    // No onRejected: nothing more is captured, so the job usually fits a Task's inline
    // storage.
    thenRaw([child, f = std::forward<F>(onF)](const Stored* v, const Error* e) mutable {
      if (e)
        child.reject(*e);
      else if constexpr (std::is_void_v<T>)
        detail::settleChildWith(child, f);
      else
        detail::settleChildWith(child, f, *v);
    });
  }
  return child;
}

template <class T>
struct Promise<T>::Awaiter {
  Promise<T> p;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    p.thenRaw([r = detail::CoroResumer(h)](const Stored*, const Error*) mutable { r(); });
  }
  T await_resume() const {
    if (p.isRejected()) throw p.reasonUnchecked();
    if constexpr (!std::is_void_v<T>) return p.valueUnchecked();
  }
};

namespace detail {
template <class T>
struct PromiseTypeBase {
  Promise<T> p;
  Promise<T> get_return_object() { return p; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() {
    try {
      throw;
    } catch (const ProcessExit&) {
      throw;
    } catch (...) {
      p.reject(errors::fromException(std::current_exception()));
    }
  }
};
}  // namespace detail

template <class T>
struct Promise<T>::promise_type : detail::PromiseTypeBase<T> {
  template <class U>
  void return_value(U&& v) {
    this->p.resolve(T(std::forward<U>(v)));
  }
};
template <>
struct Promise<void>::promise_type : detail::PromiseTypeBase<void> {
  void return_void() { this->p.resolve(); }
};

template <class T>
auto Promise<T>::all(std::vector<Promise> ps)
    -> Promise<std::conditional_t<std::is_void_v<T>, void, std::vector<T>>> {
  using Out = std::conditional_t<std::is_void_v<T>, void, std::vector<T>>;
  Promise<Out> result;
  struct Shared {
    std::size_t remaining;
    std::vector<std::optional<Stored>> values;
  };
  auto sh =
      std::make_shared<Shared>(Shared{ps.size(), std::vector<std::optional<Stored>>(ps.size())});
  if (ps.empty()) {
    if constexpr (std::is_void_v<T>)
      result.resolve();
    else
      result.resolve(std::vector<T>{});
    return result;
  }
  for (std::size_t i = 0; i < ps.size(); ++i) {
    ps[i].thenRaw([sh, i, result](const Stored* v, const Error* e) {
      if (e) {
        result.reject(*e);
        return;
      }
      sh->values[i].emplace(*v);
      if (--sh->remaining == 0) {
        if constexpr (std::is_void_v<T>) {
          result.resolve();
        } else {
          std::vector<T> out;
          out.reserve(sh->values.size());
          for (auto& x : sh->values) out.push_back(std::move(*x));
          result.resolve(std::move(out));
        }
      }
    });
  }
  return result;
}

}  // namespace nodecc
