// Port of probe3_timer_states.js.
#include <chrono>
#include <cmath>

#include "conformance.h"

using namespace nodecc;

namespace {
void busy(int ms) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
  }
}
TimeoutPtr t1, re;
ImmediatePtr im;
int runs = 0;
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_timer_states) {
  t1 = setTimeout([] { console::log("t1 fired"); }, 1);
  {
    bool h0 = t1->hasRef();
    bool same = &t1->unref() == t1.get();
    console::log("t1 hasRef", h0, "unref returns t1", same, "hasRef", t1->hasRef());
  }
  {
    bool same = &t1->ref() == t1.get();
    console::log("ref returns t1", same, "hasRef", t1->hasRef());
  }

  auto cleared = setTimeout([] { console::log("cleared fired (should not)"); }, 1);
  clearTimeout(cleared);
  {
    bool h = cleared->hasRef();
    bool same = &cleared->refresh() == cleared.get();
    console::log("cleared hasRef", h, "refresh returns it", same);
  }

  auto closed = setTimeout([] { console::log("closed fired (should not)"); }, 1);
  closed->unref();
  {
    bool same = &closed->close() == closed.get();
    console::log("close returns it", same, "closed hasRef", closed->hasRef());
  }
  closed->ref();
  console::log("ref after close hasRef", closed->hasRef());

  im = setImmediate([] { console::log("im ran, hasRef inside", im->hasRef()); });
  auto im2 = setImmediate([] { console::log("im2 (should not)"); });
  clearImmediate(im2);
  console::log("im hasRef", im->hasRef(), "im2 after clear hasRef", im2->hasRef());
  im->unref();
  console::log("im unref hasRef", im->hasRef());
  im->ref();

  setTimeout([] { console::log("a: 2 ms"); }, 2);
  setTimeout([] { console::log("b: 1.9 ms (1 ms list)"); }, 1.9);
  setTimeout([] { console::log("c: 0 ms"); }, 0);
  setTimeout([] { console::log("d: -5 ms"); }, -5);
  setTimeout([] { console::log("e: NaN ms"); }, std::nan(""));
  busy(5);

  setTimeout(
      [] {
        console::log("after first wave: t1 hasRef", t1->hasRef(), "im hasRef", im->hasRef());
        clearTimeout(t1);
        console::log("clearTimeout of fired t1 ok, hasRef", t1->hasRef());
        re = setTimeout(
            [] {
              runs++;
              console::log("re run", runs, "hasRef", re->hasRef());
              if (runs == 1) {
                re->unref();
                re->refresh();
                setTimeout([] { console::log("keeper timer"); }, 30);
              }
            },
            5);
        setImmediate([] {
          console::log("immediate A");
          setTimeout([] { console::log("timer set in A"); }, 1);
          setImmediate([] { console::log("immediate B (next turn)"); });
          busy(7);
        });
      },
      10);
  process::on("exit", [] {
    console::log("exit");
    t1.reset();
    re.reset();
    im.reset();
  });
}
