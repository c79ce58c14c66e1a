// Node's test-timers-next-tick: the tick queue runs after each individual Timeout and
// each individual Immediate, so a tick can clear the timers that follow.
const ran = [];
setTimeout(() => {
  ran.push('t1');
  process.nextTick(() => {
    clearTimeout(t2);
    clearTimeout(t3);
  });
}, 1);
const t2 = setTimeout(() => ran.push('t2'), 1);
const t3 = setTimeout(() => ran.push('t3'), 1);
setTimeout(() => ran.push('t4'), 1);

const start = Date.now();
while (Date.now() - start < 5); // busy loop: all four are due together

setImmediate(() => {
  ran.push('i1');
  process.nextTick(() => {
    clearImmediate(i2);
    clearImmediate(i3);
  });
});
const i2 = setImmediate(() => ran.push('i2'));
const i3 = setImmediate(() => ran.push('i3'));
setImmediate(() => ran.push('i4'));

process.on('exit', () => console.log(ran.filter((x) => x[0] === 't').join(' '), '|',
  ran.filter((x) => x[0] === 'i').join(' ')));
