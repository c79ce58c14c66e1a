// Resolving a promise with another promise takes two extra microtask turns
// (NewPromiseResolveThenableJob, then the inner then).
const log = [];
const inner = Promise.resolve('inner');
new Promise((resolve) => resolve(inner)).then((v) => log.push('outer resolved with ' + v));
Promise.resolve()
  .then(() => log.push('turn 1'))
  .then(() => log.push('turn 2'))
  .then(() => log.push('turn 3'))
  .then(() => log.push('turn 4'));
// A then handler returning a promise also adopts it with two extra turns.
Promise.resolve().then(() => Promise.resolve('x')).then((v) => log.push('adopted ' + v));
setTimeout(() => console.log(log.join('\n')), 0);
