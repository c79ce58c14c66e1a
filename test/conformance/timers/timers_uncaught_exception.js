// Node's test-timers-uncaught-exception: the first timer throws, the second (same list,
// same expiry) still runs after the 'uncaughtException' listener.
let exceptions = 0;
let timer1 = 0;
let timer2 = 0;

console.log('set first timer');
setTimeout(() => {
  console.log('first timer');
  timer1++;
  throw new Error('BAM!');
}, 100);

console.log('set second timer');
setTimeout(() => {
  console.log('second timer, first ran:', timer1);
  timer2++;
}, 100);

function uncaughtException(err) {
  console.log('uncaught handler', err.message);
  exceptions++;
}
process.on('uncaughtException', uncaughtException);

let exited = false;
process.on('exit', () => {
  console.log('exit once', !exited);
  exited = true;
  process.removeListener('uncaughtException', uncaughtException);
  console.log('counts', exceptions, timer1, timer2);
});
