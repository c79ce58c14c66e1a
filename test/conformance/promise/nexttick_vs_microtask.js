// All ticks run before the microtasks; a microtask queued by a tick waits for every tick;
// a tick queued by a microtask runs after the current microtask queue is empty.
const log = [];
Promise.resolve().then(() => {
  log.push('micro 1');
  process.nextTick(() => log.push('tick from micro 1'));
}).then(() => log.push('micro 1b'));
queueMicrotask(() => log.push('micro 2'));
process.nextTick(() => {
  log.push('tick 1');
  Promise.resolve().then(() => log.push('micro from tick 1'));
  process.nextTick(() => log.push('tick from tick 1'));
});
process.nextTick(() => log.push('tick 2'));
setImmediate(() => console.log(log.join('\n')));
