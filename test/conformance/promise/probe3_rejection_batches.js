// Node 20's processPromiseRejections: rejections are reported in batches after the tick
// and microtask queues drain; a rejection made inside an 'unhandledRejection' listener is
// reported in the same processTicksAndRejections call; a promise of the batch that a
// listener handles is still reported (it was taken out of the pending map); a rejection
// handled in a nextTick or a microtask is never reported; one handled after being
// reported emits 'rejectionHandled' (or a PromiseRejectionHandledWarning without one).
const log = (...a) => console.log(...a);
let made = 0;
let late = null;
const p2holder = {};
process.on('unhandledRejection', (reason) => {
  log('unhandledRejection', reason.message);
  if (reason.message === 'first' && p2holder.p) {
    p2holder.p.catch((e) => log('listener caught', e.message));
  }
  if (reason.message === 'first' && made++ === 0) {
    Promise.reject(new Error('made in listener'));
    process.nextTick(() => log('tick queued by listener'));
    queueMicrotask(() => log('microtask queued by listener'));
  }
});
process.on('warning', (w) => log('warning', w.name, w.message));
Promise.reject(new Error('first'));
p2holder.p = Promise.reject(new Error('second'));
const inTick = Promise.reject(new Error('handled in tick'));
process.nextTick(() => inTick.catch(() => log('caught in tick')));
const inMicro = Promise.reject(new Error('handled in microtask'));
queueMicrotask(() => inMicro.catch(() => log('caught in microtask')));
// A chain: the parent is handled by then(), the child is the unhandled one.
const parent = Promise.reject(new Error('parent'));
parent.then(() => log('never'));
late = Promise.reject(new Error('late, no rejectionHandled listener'));
log('script end');
setImmediate(() => {
  log('immediate');
  late.catch((e) => log('caught late', e.message));
  process.nextTick(() => log('tick after late catch'));
  setImmediate(() => {
    process.on('rejectionHandled', () => log('rejectionHandled'));
    const again = Promise.reject(new Error('again'));
    setTimeout(() => {
      log('timer');
      again.catch(() => log('caught again'));
    }, 1);
  });
});
process.on('exit', (code) => log('exit', code));
