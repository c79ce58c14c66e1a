// Node's test-timers-ordering: a chain of 1 ms timers fires in order, each at least 1 ms
// after the previous one.
const N = 30;
let lastI = 0;
let lastTs = 0;
let ordered = true;
let spaced = true;
const now = () => Number(process.hrtime.bigint() / 1000000n);

function f(i) {
  if (i <= N) {
    if (i !== lastI + 1) ordered = false;
    lastI = i;
    const ts = now();
    if (ts < lastTs + 1) spaced = false;
    lastTs = ts;
    setTimeout(f, 1, i + 1);
  }
}
f(1);
process.on('exit', () => console.log('fired', lastI, 'ordered', ordered, 'spaced >= 1 ms', spaced));
