// Seed 事件循环: macro tasks (script, timers, immediates, I/O) and micro tasks (nextTick,
// promises, queueMicrotask). After each macro task every tick runs, then every microtask.
console.log('script start');
setTimeout(() => {
  console.log('timeout 1');
  process.nextTick(() => console.log('timeout 1 -> nextTick'));
  Promise.resolve().then(() => console.log('timeout 1 -> promise'));
}, 0);
setTimeout(() => {
  console.log('timeout 2');
  Promise.resolve().then(() => console.log('timeout 2 -> promise'));
}, 0);
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('promise 1 -> nextTick'));
}).then(() => console.log('promise 2'));
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => {
  console.log('nextTick 1');
  Promise.resolve().then(() => console.log('nextTick 1 -> promise'));
  process.nextTick(() => console.log('nextTick 1 -> nextTick'));
});
process.nextTick(() => console.log('nextTick 2'));
console.log('script end');
