// nodecc/pool.h — the small-object allocator behind timers, immediates and promises.
//
// Not a Node API. setTimeout/setImmediate/then() each allocate one small object, so a
// batch of a million of them is a million malloc/free pairs and (fresh memory) one page
// fault per 4 KiB. PoolAllocator<T> (for std::allocate_shared) takes blocks of 16..1024
// bytes from per-thread free lists carved out of 2 MiB slabs; the second and later slabs
// of a size class ask for transparent huge pages (a batch then costs one page fault per
// 2 MiB instead of one per 4 KiB).
//
// Ownership: a slab belongs to the thread that carved it. A block freed on that thread
// goes back to the slab's free list without atomics; a block freed on another thread is
// pushed on the slab's lock-free remote list and reclaimed by the owner. A slab is
// unmapped when its last block comes back (one empty slab per size class is kept). When
// a thread ends, the slabs that still have blocks out are orphaned and adopted later by
// any thread that needs a slab of that size, so objects may outlive their thread (and
// their Environment) and be freed anywhere.
//
// Under AddressSanitizer/ThreadSanitizer the pool is bypassed (plain operator new), so
// the sanitizers see every object.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NODECC_POOL_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NODECC_POOL_DISABLED 1
#endif
#endif

namespace nodecc::detail::pool {

inline constexpr std::size_t kSlabBytes = std::size_t{2} << 20;  // 2 MiB, aligned
inline constexpr std::size_t kGranule = 16;
inline constexpr std::size_t kMaxBlock = 1024;
inline constexpr std::size_t kClasses = kMaxBlock / kGranule;
/// One more class, of 32 KiB blocks (63 per slab): the chunks of the task queues.
inline constexpr std::size_t kChunkClass = kClasses;
inline constexpr std::size_t kChunkBytes = 32 * 1024;
inline constexpr std::size_t blockSize(std::size_t cls) {
  return cls == kChunkClass ? kChunkBytes : (cls + 1) * kGranule;
}

struct Pool;

struct alignas(64) Slab {
  std::atomic<Pool*> owner{nullptr};   // nullptr: orphaned (its thread ended)
  std::atomic<void*> remote{nullptr};  // blocks freed by other threads (a stack)
  void* freeList = nullptr;            // owner only, as everything below
  char* bump = nullptr;                // space never handed out, up to end
  char* end = nullptr;
  std::uint32_t live = 0;  // blocks out (remote-freed ones included)
  std::uint32_t cls = 0;
  std::uint32_t size = 0;  // blockSize(cls)
  bool inAvail = false;
  Slab* prev = nullptr;  // the owner's list of slabs of this class with free blocks
  Slab* next = nullptr;
  Slab* prevAll = nullptr;  // every slab the owner holds
  Slab* nextAll = nullptr;
};

struct Pool {
  Slab* current[kClasses + 1] = {};  // where blocks of each class come from
  Slab* avail[kClasses + 1] = {};    // other slabs with free blocks
  Slab* all = nullptr;
  Slab* spare = nullptr;  // one empty slab kept for the next class that needs one
};

inline thread_local Pool* tlsPool = nullptr;

void* allocSlow(std::size_t cls);
void slabChanged(Pool* p, Slab* s) noexcept;
void freeRemote(Slab* s, void* p) noexcept;

inline constexpr std::size_t classOf(std::size_t bytes) {
  return (bytes + kGranule - 1) / kGranule - 1;
}

/// A block from slab `s` (its free list, else its bump region), or nullptr when full.
inline void* takeFrom(Slab* s) noexcept {
  if (void* b = s->freeList) {
    s->freeList = *static_cast<void**>(b);
    ++s->live;
    return b;
  }
  const std::size_t size = s->size;
  if (static_cast<std::size_t>(s->end - s->bump) >= size) {
    void* b = s->bump;
    s->bump += size;
    ++s->live;
    return b;
  }
  return nullptr;
}

inline void* allocateClass(std::size_t cls) {
  if (Pool* p = tlsPool) [[likely]] {
    if (Slab* s = p->current[cls]) [[likely]] {
      if (void* b = takeFrom(s)) return b;
    }
  }
  return allocSlow(cls);
}
inline void* allocate(std::size_t bytes) { return allocateClass(classOf(bytes)); }

inline void deallocate(void* p) noexcept {
  Slab* s = reinterpret_cast<Slab*>(reinterpret_cast<std::uintptr_t>(p) & ~(kSlabBytes - 1));
  Pool* me = tlsPool;
  if (me && s->owner.load(std::memory_order_relaxed) == me) [[likely]] {
    void* head = s->freeList;
    *static_cast<void**>(p) = head;
    s->freeList = p;
    // The slab emptied, or got its first free block (it may have to join `avail`).
    if (--s->live == 0 || !head) [[unlikely]]
      slabChanged(me, s);
    return;
  }
  freeRemote(s, p);
}

/// A 32 KiB block, aligned to 64 bytes (a task-queue chunk); free it with freeChunk().
inline void* allocateChunk() {
#ifdef NODECC_POOL_DISABLED
  return ::operator new (kChunkBytes, std::align_val_t{64});
#else
  return allocateClass(kChunkClass);
#endif
}
inline void freeChunk(void* p) noexcept {
#ifdef NODECC_POOL_DISABLED
  ::operator delete (p, std::align_val_t{64});
#else
  deallocate(p);
#endif
}

/// For a class's own operator new/delete (or a block of a size known again at its release):
/// up to kMaxBlock bytes from the pool, larger ones from operator new.
inline void* allocateBytes(std::size_t bytes) {
#ifdef NODECC_POOL_DISABLED
  return ::operator new(bytes);
#else
  return bytes <= kMaxBlock ? allocate(bytes) : ::operator new(bytes);
#endif
}
inline void deallocateBytes(void* p, std::size_t bytes) noexcept {
#ifdef NODECC_POOL_DISABLED
  (void)bytes;
  ::operator delete(p);
#else
  if (bytes <= kMaxBlock)
    deallocate(p);
  else
    ::operator delete(p);
#endif
}

}  // namespace nodecc::detail::pool

namespace nodecc::detail {

/// Allocator for std::allocate_shared and small containers: blocks up to kMaxBlock bytes
/// (n objects together) come from the pool.
template <class T>
struct PoolAllocator {
  using value_type = T;
  PoolAllocator() noexcept = default;
  template <class U>
  PoolAllocator(const PoolAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  static constexpr bool kPooled =
#ifdef NODECC_POOL_DISABLED
      false;
#else
      sizeof(T) <= pool::kMaxBlock && alignof(T) <= pool::kGranule;
#endif
  // Whether n objects together come from the pool (a zero count wraps around: not).
  static constexpr bool fits(std::size_t n) noexcept { return n - 1 < pool::kMaxBlock / sizeof(T); }
  T* allocate(std::size_t n) {
    if constexpr (kPooled) {
      if (n == 1) [[likely]]  // the size a constant: the pool's size class folds
        return static_cast<T*>(pool::allocate(sizeof(T)));
      if (fits(n)) return static_cast<T*>(pool::allocate(n * sizeof(T)));
    }
    return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{alignof(T)}));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if constexpr (kPooled) {
      if (fits(n)) [[likely]] {
        pool::deallocate(p);
        return;
      }
    }
    ::operator delete (p, std::align_val_t{alignof(T)});
  }
  template <class U>
  bool operator==(const PoolAllocator<U>&) const noexcept {
    return true;
  }
};

/// A std::vector whose storage comes from the pool while it fits in kMaxBlock bytes.
template <class T>
using PoolVector = std::vector<T, PoolAllocator<T>>;

/// Base of a class whose objects (made by `new`) come from the pool: its own operator
/// new/delete by size, larger objects from operator new.
struct Pooled {
  static void* operator new(std::size_t n) { return pool::allocateBytes(n); }
  static void operator delete(void* p, std::size_t n) noexcept { pool::deallocateBytes(p, n); }
};

}  // namespace nodecc::detail
