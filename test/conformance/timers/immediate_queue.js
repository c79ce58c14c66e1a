// Node's test-timers-immediate-queue, as Node 20 behaves: ticks run after every single
// immediate (Node >= 11), so the tick queued by the first run stops the chain at once;
// and immediates queued while the queue drains wait for the next turn of the loop.
let ticked = false;
let hit = 0;
const QUEUE = 1000;

function run() {
  if (hit === 0) process.nextTick(() => { ticked = true; });
  if (ticked) return;
  hit += 1;
  setImmediate(run);
}
for (let i = 0; i < QUEUE; i++) setImmediate(run);

let first = 0;
let second = 0;
let secondWaited = true;
for (let i = 0; i < QUEUE; i++) {
  setImmediate(() => {
    first++;
    setImmediate(() => {
      if (first !== QUEUE) secondWaited = false;
      second++;
    });
  });
}

process.on('exit', () => {
  console.log('hit', hit);
  console.log('first wave', first, 'second wave', second, 'second waited for the first', secondWaited);
});
