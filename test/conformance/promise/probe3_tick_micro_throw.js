// Throws from ticks and microtasks with an 'uncaughtException' handler: where the ticks and
// microtasks queued before and by the handler run; nextTick with many arguments of
// several types; a throw from a tick stops that drain, the rest runs at the next callback
// scope; a microtask throw keeps the microtask queue going; the check phase drains the ticks
// left by a throw before the first immediate.
const log = (...a) => console.log(...a);
process.on('uncaughtException', (err, origin) => {
  log('handler', err.message, origin);
  process.nextTick(() => log('  tick from handler', err.message));
  queueMicrotask(() => log('  microtask from handler', err.message));
});
process.nextTick((a, b, c, d, e, f) => log('many args', a, b, c, d, e, f, typeof f), 1, 'two', true, null, undefined, 6.5);
process.nextTick(() => {
  log('tick 1 throws');
  queueMicrotask(() => log('microtask queued by tick 1'));
  throw new Error('tick1');
});
process.nextTick(() => log('tick 2'));
queueMicrotask(() => {
  log('microtask A throws');
  process.nextTick(() => log('tick queued by microtask A'));
  throw new Error('microA');
});
queueMicrotask(() => log('microtask B'));
Promise.resolve().then(() => log('promise reaction C'));
setImmediate(() => {
  log('user immediate');
  setTimeout(() => {
    log('timer');
    queueMicrotask(() => { throw new Error('micro in timer'); });
    queueMicrotask(() => log('micro after throw in timer'));
    process.nextTick(() => log('tick in timer'));
  }, 20);
  setTimeout(() => log('second timer'), 20);
});
log('main end');
