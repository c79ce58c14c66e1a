// Node's test-timers-unref: ref()/unref() chain; unref'd timers do not keep the loop
// alive but still fire while something else does.
let intervalFired = false;
let timeoutFired = false;
let unrefInterval = false;
let unrefTimer = false;
let unrefCallbacks = 0;
let checks = 0;
const LONG_TIME = 10 * 1000;
const SHORT_TIME = 100;

const t0 = setTimeout(() => {}, 10);
console.log('chainable', t0.unref().ref().unref() === t0, 'hasRef', t0.hasRef());
const i0 = setInterval(() => {}, 10);
console.log('chainable', i0.unref().ref().unref() === i0, 'hasRef', i0.hasRef());

setInterval(() => { intervalFired = true; }, LONG_TIME).unref();
setTimeout(() => { timeoutFired = true; }, LONG_TIME).unref();

const interval = setInterval(() => {
  unrefInterval = true;
  clearInterval(interval);
}, SHORT_TIME);
interval.unref();

setTimeout(() => { unrefTimer = true; }, SHORT_TIME).unref();

const checkUnref = setInterval(() => {
  if (checks > 5 || (unrefInterval && unrefTimer)) clearInterval(checkUnref);
  checks += 1;
}, 100);

const selfUnref = setTimeout(() => {
  unrefCallbacks++;
  selfUnref.unref();
}, SHORT_TIME);

const selfUnrefInterval = setInterval(() => {
  selfUnrefInterval.unref();
}, SHORT_TIME);

{
  const t = setInterval(() => {}, 1);
  process.nextTick(() => t.unref());
}

process.on('exit', () => {
  console.log('interval fired', intervalFired, 'timeout fired', timeoutFired);
  console.log('unref timer fired', unrefTimer, 'unref interval fired', unrefInterval);
  console.log('self-unref callbacks', unrefCallbacks);
});
