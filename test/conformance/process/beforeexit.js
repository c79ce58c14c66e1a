// Node's test-process-beforeexit (without the net server step): a 'beforeExit' listener
// can keep the loop alive with an immediate, a timer, or a chain of timers, and
// 'beforeExit' fires again each time the loop empties.
const log = [];
process.once('beforeExit', tryImmediate);
function tryImmediate(code) {
  log.push('beforeExit 1 code ' + code);
  setImmediate(() => {
    log.push('immediate');
    process.once('beforeExit', tryTimer);
  });
}
function tryTimer() {
  log.push('beforeExit 2');
  setTimeout(() => {
    log.push('timer');
    process.once('beforeExit', tryRepeatedTimer);
  }, 1);
}
function tryRepeatedTimer() {
  log.push('beforeExit 3');
  const N = 5;
  let n = 0;
  const repeatedTimer = () => {
    log.push('repeated timer ' + n);
    if (++n < N) setTimeout(repeatedTimer, 1);
  };
  setTimeout(repeatedTimer, 1);
}
process.on('exit', (code) => {
  log.push('exit ' + code);
  console.log(log.join('\n'));
});
