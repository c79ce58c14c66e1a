// Node's test-timers-max-duration-warning: a delay above 2^31-1 emits a
// TimeoutOverflowWarning (on the next tick) and becomes 1 ms.
const OVERFLOW = Math.pow(2, 31);
function TimerNotCanceled() {
  console.log('timer should be canceled');
}
let warnings = 0;
process.on('warning', (warning) => {
  const lines = warning.message.split('\n');
  warnings++;
  console.log(warning.name, '|', lines[0], '|', lines[1], '|', lines.length);
});
{
  const timeout = setTimeout(TimerNotCanceled, OVERFLOW);
  clearTimeout(timeout);
}
{
  const interval = setInterval(TimerNotCanceled, OVERFLOW);
  clearInterval(interval);
}
console.log('warnings so far', warnings);
const start = Date.now();
setTimeout(() => console.log('overflowed timer ran early', Date.now() - start < 1000), 2 ** 40);
process.on('exit', () => console.log('warnings', warnings));
