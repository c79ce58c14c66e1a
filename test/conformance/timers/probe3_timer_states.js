// Timeout and Immediate states: hasRef() after firing, after clearTimeout and close()
// (Timeout keeps its ref flag, an Immediate reports false once run or cleared);
// clearTimeout of a fired timer is a no-op; refresh() of a cleared timer does nothing;
// a fired timer that was unref'd and refreshed fires only while the loop is alive;
// lists by truncated duration: 1.9 joins the 1 ms list; an immediate scheduled from an
// immediate waits for the next loop turn, after a due timer.
const log = (...a) => console.log(...a);
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };

const t1 = setTimeout(() => log('t1 fired'), 1);
log('t1 hasRef', t1.hasRef(), 'unref returns t1', t1.unref() === t1, 'hasRef', t1.hasRef());
log('ref returns t1', t1.ref() === t1, 'hasRef', t1.hasRef());

const cleared = setTimeout(() => log('cleared fired (should not)'), 1);
clearTimeout(cleared);
log('cleared hasRef', cleared.hasRef(), 'refresh returns it', cleared.refresh() === cleared);

const closed = setTimeout(() => log('closed fired (should not)'), 1);
closed.unref();
log('close returns it', closed.close() === closed, 'closed hasRef', closed.hasRef());
closed.ref();
log('ref after close hasRef', closed.hasRef());

const im = setImmediate(() => log('im ran, hasRef inside', im.hasRef()));
const im2 = setImmediate(() => log('im2 (should not)'));
clearImmediate(im2);
log('im hasRef', im.hasRef(), 'im2 after clear hasRef', im2.hasRef());
im.unref();
log('im unref hasRef', im.hasRef());
im.ref();

setTimeout(() => log('a: 2 ms'), 2);
setTimeout(() => log('b: 1.9 ms (1 ms list)'), 1.9);
setTimeout(() => log('c: 0 ms'), 0);
setTimeout(() => log('d: -5 ms'), -5);
setTimeout(() => log('e: NaN ms'), NaN);
busy(5);

setTimeout(() => {
  log('after first wave: t1 hasRef', t1.hasRef(), 'im hasRef', im.hasRef());
  clearTimeout(t1);
  log('clearTimeout of fired t1 ok, hasRef', t1.hasRef());
  let runs = 0;
  const re = setTimeout(() => {
    runs++;
    log('re run', runs, 'hasRef', re.hasRef());
    if (runs === 1) {
      re.unref();
      re.refresh();
      setTimeout(() => log('keeper timer'), 30);
    }
  }, 5);
  setImmediate(() => {
    log('immediate A');
    setTimeout(() => log('timer set in A'), 1);
    setImmediate(() => log('immediate B (next turn)'));
    busy(7); // past re's 5 ms even with Date.now()'s whole milliseconds
  });
}, 10);
process.on('exit', () => log('exit'));
