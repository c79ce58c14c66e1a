// Clearing timers and immediates from callbacks: a cleared due timer in the same list is
// skipped, a timer clearing itself is harmless, clearImmediate of a queued one works.
const timers = [];
const immediates = [];
let b;
const a = setTimeout(() => {
  timers.push('a');
  clearTimeout(b);
  clearTimeout(a);
}, 1);
b = setTimeout(() => timers.push('b'), 1);
setTimeout(() => timers.push('c'), 1);
let j;
setImmediate(() => {
  immediates.push('i');
  clearImmediate(j);
  const k = setImmediate(() => immediates.push('k'));
  clearImmediate(k);
  setImmediate(() => immediates.push('l (next turn)'));
});
j = setImmediate(() => immediates.push('j'));
setImmediate(() => immediates.push('m'));
process.on('exit', () => console.log(timers.join(' '), '|', immediates.join(' ')));
