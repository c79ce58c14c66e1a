// Promise reactions are microtasks: a chain advances one step per microtask turn, and two
// chains interleave.
const log = [];
Promise.resolve(1)
  .then((v) => { log.push('a' + v); return v + 1; })
  .then((v) => { log.push('a' + v); return v + 1; })
  .then((v) => { log.push('a' + v); });
Promise.resolve(10)
  .then((v) => { log.push('b' + v); return v + 1; })
  .then((v) => { log.push('b' + v); });
log.push('sync');
setTimeout(() => console.log(log.join(' ')), 0);
