// The small-object pool (nodecc/pool.h): slow paths.
#include "nodecc/pool.h"

#include <sys/mman.h>

#include <mutex>

namespace nodecc::detail::pool {

namespace {

std::mutex& orphanMutex() {
  static std::mutex* m = new std::mutex;  // never destroyed: threads may end after exit()
  return *m;
}
Slab* gOrphans[kClasses + 1];  // guarded by orphanMutex(); linked through `next`

void initSlab(Slab* s, std::size_t cls) {
  s->cls = static_cast<std::uint32_t>(cls);
  s->size = static_cast<std::uint32_t>(blockSize(cls));
  s->freeList = nullptr;
  s->bump = reinterpret_cast<char*>(s) + sizeof(Slab);
  s->end = reinterpret_cast<char*>(s) + kSlabBytes;
  s->live = 0;
  s->inAvail = false;
  s->prev = s->next = nullptr;
}

// The first slab of a class keeps 4 KiB pages (a thread that makes a few timers should not
// pay 2 MiB of memory per size class); the next ones ask for huge pages.
Slab* mapSlab(bool huge) {
  void* raw =
      ::mmap(nullptr, 2 * kSlabBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto a = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (a + kSlabBytes - 1) & ~(kSlabBytes - 1);
  if (aligned > a) ::munmap(raw, aligned - a);
  const std::uintptr_t rawEnd = a + 2 * kSlabBytes;
  if (rawEnd > aligned + kSlabBytes)
    ::munmap(reinterpret_cast<void*>(aligned + kSlabBytes), rawEnd - aligned - kSlabBytes);
#ifdef MADV_HUGEPAGE
  if (huge) ::madvise(reinterpret_cast<void*>(aligned), kSlabBytes, MADV_HUGEPAGE);
#endif
  return ::new (reinterpret_cast<void*>(aligned)) Slab;
}

void unmapSlab(Slab* s) noexcept {
  s->~Slab();
  ::munmap(static_cast<void*>(s), kSlabBytes);
}

void linkAll(Pool* p, Slab* s) noexcept {
  s->prevAll = nullptr;
  s->nextAll = p->all;
  if (p->all) p->all->prevAll = s;
  p->all = s;
}
void unlinkAll(Pool* p, Slab* s) noexcept {
  if (s->prevAll)
    s->prevAll->nextAll = s->nextAll;
  else
    p->all = s->nextAll;
  if (s->nextAll) s->nextAll->prevAll = s->prevAll;
  s->prevAll = s->nextAll = nullptr;
}
void pushAvail(Pool* p, Slab* s) noexcept {
  s->inAvail = true;
  s->prev = nullptr;
  s->next = p->avail[s->cls];
  if (s->next) s->next->prev = s;
  p->avail[s->cls] = s;
}
void unlinkAvail(Pool* p, Slab* s) noexcept {
  if (!s->inAvail) return;
  if (s->prev)
    s->prev->next = s->next;
  else
    p->avail[s->cls] = s->next;
  if (s->next) s->next->prev = s->prev;
  s->prev = s->next = nullptr;
  s->inAvail = false;
}

// Moves the blocks other threads freed to the free list.
void reclaimRemote(Slab* s) noexcept {
  void* r = s->remote.exchange(nullptr, std::memory_order_acquire);
  if (!r) return;
  std::uint32_t n = 1;
  void* tail = r;
  while (void* nx = *static_cast<void**>(tail)) {
    tail = nx;
    ++n;
  }
  *static_cast<void**>(tail) = s->freeList;
  s->freeList = r;
  s->live -= n;
}

void releaseSlab(Pool* p, Slab* s) noexcept {
  unlinkAvail(p, s);
  unlinkAll(p, s);
  if (!p->spare) {
    s->owner.store(nullptr, std::memory_order_relaxed);
    p->spare = s;
  } else {
    unmapSlab(s);
  }
}

void destroyPool() noexcept;

struct PoolHolder {
  bool armed = false;
  ~PoolHolder() {
    if (armed) destroyPool();
  }
};
thread_local PoolHolder tlsHolder;

Pool* createPool() {
  Pool* p = new Pool;
  tlsPool = p;
  tlsHolder.armed = true;  // registers the thread-exit destructor
  return p;
}

// Thread exit: empty slabs are unmapped, the others orphaned for another thread to adopt.
void destroyPool() noexcept {
  Pool* p = tlsPool;
  if (!p) return;
  tlsPool = nullptr;  // frees from now on take the remote path
  while (Slab* s = p->all) {
    unlinkAll(p, s);
    s->inAvail = false;
    s->prev = s->next = nullptr;
    reclaimRemote(s);
    if (s->live == 0) {
      unmapSlab(s);
      continue;
    }
    std::lock_guard<std::mutex> lock(orphanMutex());
    s->owner.store(nullptr, std::memory_order_release);
    s->next = gOrphans[s->cls];
    gOrphans[s->cls] = s;
  }
  if (p->spare) unmapSlab(p->spare);
  delete p;
}

}  // namespace

void* allocSlow(std::size_t cls) {
  Pool* p = tlsPool;
  if (!p) p = createPool();
  // 1. the current slab, with what other threads gave back
  if (Slab* s = p->current[cls]) {
    reclaimRemote(s);
    if (void* b = takeFrom(s)) return b;
  }
  // 2. another slab of the class with free blocks
  while (Slab* s = p->avail[cls]) {
    unlinkAvail(p, s);
    reclaimRemote(s);
    if (void* b = takeFrom(s)) {
      p->current[cls] = s;
      return b;
    }
  }
  // 3. a full slab that other threads freed blocks of
  for (Slab* s = p->all; s; s = s->nextAll) {
    if (s->cls != cls || !s->remote.load(std::memory_order_relaxed)) continue;
    reclaimRemote(s);
    if (void* b = takeFrom(s)) {
      p->current[cls] = s;
      return b;
    }
  }
  // 4. an orphaned slab (its thread ended)
  for (;;) {
    Slab* s;
    {
      std::lock_guard<std::mutex> lock(orphanMutex());
      s = gOrphans[cls];
      if (!s) break;
      gOrphans[cls] = s->next;
    }
    s->next = nullptr;
    s->owner.store(p, std::memory_order_relaxed);
    linkAll(p, s);
    reclaimRemote(s);
    if (void* b = takeFrom(s)) {
      p->current[cls] = s;
      return b;
    }
  }
  // 5. the spare slab, or a new one
  Slab* s = p->spare;
  p->spare = nullptr;
  if (!s) s = mapSlab(p->current[cls] != nullptr);
  initSlab(s, cls);
  s->owner.store(p, std::memory_order_relaxed);
  linkAll(p, s);
  p->current[cls] = s;
  return takeFrom(s);
}

void slabChanged(Pool* p, Slab* s) noexcept {
  if (s == p->current[s->cls]) return;
  if (s->live == 0)
    releaseSlab(p, s);
  else if (!s->inAvail)
    pushAvail(p, s);
}

void freeRemote(Slab* s, void* b) noexcept {
  void* h = s->remote.load(std::memory_order_relaxed);
  do {
    *static_cast<void**>(b) = h;
  } while (
      !s->remote.compare_exchange_weak(h, b, std::memory_order_release, std::memory_order_relaxed));
}

}  // namespace nodecc::detail::pool
