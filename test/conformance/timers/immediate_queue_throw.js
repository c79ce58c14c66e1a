// Node's test-timers-immediate-queue-throw (without the domain part): when an immediate
// throws, the rest of the queue still runs after 'uncaughtException', but immediates
// queued during the drain wait for the next turn.
let threw = false;
let stage = -1;
const QUEUE = 10;
let runs = 0;
let ordered = true;

process.once('uncaughtException', (err, origin) => {
  console.log('uncaughtException', err.message, origin, 'stage', stage);
});

function run(callStage) {
  runs++;
  if (callStage < stage) ordered = false;
  stage = callStage;
  if (threw) return;
  setImmediate(run, 2);
}

for (let i = 0; i < QUEUE; i++) setImmediate(run, 0);
setImmediate(() => {
  threw = true;
  process.nextTick(() => console.log('tick after the throw sees stage', stage));
  throw new Error('setImmediate Err');
});
for (let i = 0; i < QUEUE; i++) setImmediate(run, 1);

process.on('exit', () => console.log('runs', runs, 'ordered', ordered, 'final stage', stage));
