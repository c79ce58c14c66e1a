// nodecc/function.h — a move-only callable with inline storage.
//
// Used for every queued callback (nextTick, microtasks, timers, immediates) so
// that scheduling a small lambda allocates nothing. Not a Node API.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace nodecc {

template <class Sig, std::size_t Inline = 48>
class UniqueFunction;

namespace detail {
class TaskRing;
template <class T>
struct IsUniqueFunction : std::false_type {};
template <class Sig, std::size_t N>
struct IsUniqueFunction<UniqueFunction<Sig, N>> : std::true_type {};
}  // namespace detail

/// Move-only `std::function` replacement with `Inline` (48) bytes of inline storage; a
/// larger callable is kept on the heap. Below 48 bytes the storage is only pointer-aligned
/// (a callable needing more alignment goes to the heap), so that the object stays small.
template <class R, class... A, std::size_t Inline>
class UniqueFunction<R(A...), Inline> {
  static constexpr std::size_t kInline = Inline;
  static constexpr std::size_t kAlign = Inline >= 48 ? alignof(std::max_align_t) : alignof(void*);

  struct VTable {
    R (*call)(void*, A&&...);
    void (*move)(void* dst, void* src) noexcept;  // move-construct dst from src, destroy src
    void (*destroy)(void*) noexcept;
    std::size_t size;   // bytes of storage_ in use (the callable, or the pointer to it)
    std::size_t align;  // their alignment
    // A trivially copyable callable inline: moving it is copying storage_, and destroying
    // it is nothing (no indirect calls for the common small lambda).
    bool trivial;
  };

  template <class F>
  static constexpr bool kFitsInline =
      sizeof(F) <= kInline && alignof(F) <= kAlign&& std::is_nothrow_move_constructible_v<F>;

  template <class F>
  static const VTable* inlineTable() {
    static constexpr VTable t{
        [](void* s, A&&... a) -> R { return (*static_cast<F*>(s))(std::forward<A>(a)...); },
        [](void* d, void* s) noexcept {
          ::new (d) F(std::move(*static_cast<F*>(s)));
          static_cast<F*>(s)->~F();
        },
        [](void* s) noexcept { static_cast<F*>(s)->~F(); },
        sizeof(F),
        alignof(F),
        std::is_trivially_copyable_v<F>};
    return &t;
  }

  template <class F>
  static const VTable* heapTable() {
    static constexpr VTable t{
        [](void* s, A&&... a) -> R { return (**static_cast<F**>(s))(std::forward<A>(a)...); },
        [](void* d, void* s) noexcept { *static_cast<F**>(d) = *static_cast<F**>(s); },
        [](void* s) noexcept { delete *static_cast<F**>(s); },
        sizeof(F*),
        alignof(F*),
        false};
    return &t;
  }

 public:
  UniqueFunction() noexcept = default;
  UniqueFunction(std::nullptr_t) noexcept {}

  template <class F, class D = std::decay_t<F>,
            class = std::enable_if_t<!std::is_same_v<D, UniqueFunction> &&
                                     std::is_invocable_r_v<R, D&, A...>>>
  UniqueFunction(F&& f) {  // NOLINT(google-explicit-constructor)
    if constexpr (detail::IsUniqueFunction<D>::value) {
      if (!f) return;  // an empty UniqueFunction of another size stays empty
    }
    if constexpr (kFitsInline<D>) {
      ::new (static_cast<void*>(storage_)) D(std::forward<F>(f));
      vt_ = inlineTable<D>();
    } else {
      *reinterpret_cast<D**>(storage_) = new D(std::forward<F>(f));
      vt_ = heapTable<D>();
    }
  }

  UniqueFunction(UniqueFunction&& o) noexcept : vt_(o.vt_) {
    if (vt_) moveStorage(o);
    o.vt_ = nullptr;
  }

  UniqueFunction& operator=(UniqueFunction&& o) noexcept {
    if (this != &o) {
      reset();
      vt_ = o.vt_;
      if (vt_) moveStorage(o);
      o.vt_ = nullptr;
    }
    return *this;
  }

  UniqueFunction(const UniqueFunction&) = delete;
  UniqueFunction& operator=(const UniqueFunction&) = delete;
  ~UniqueFunction() { reset(); }

  void reset() noexcept {
    if (vt_) {
      const VTable* t = vt_;
      vt_ = nullptr;
      if (!t->trivial) t->destroy(storage_);
    }
  }

  explicit operator bool() const noexcept { return vt_ != nullptr; }

  R operator()(A... a) { return vt_->call(storage_, std::forward<A>(a)...); }

 private:
  // Moves o's callable here (vt_ is already o.vt_).
  void moveStorage(UniqueFunction& o) noexcept {
    if (vt_->trivial)
      std::memcpy(storage_, o.storage_, kInline);
    else
      vt_->move(storage_, o.storage_);
  }
  friend class detail::TaskRing;  // stores callables packed, sized by VTable::size
  alignas(kAlign) unsigned char storage_[kInline];
  const VTable* vt_ = nullptr;
};

/// The queued-callback type used by every task queue.
using Task = UniqueFunction<void()>;

}  // namespace nodecc
