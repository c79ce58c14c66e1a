// Node's test-timers-unrefed-in-beforeexit: an unref'd timer made in 'beforeExit' does not
// revive the loop, so 'beforeExit' fires once.
let once = 0;
process.on('beforeExit', () => {
  setTimeout(() => console.log('unref timer ran (should not)'), 1).unref();
  once++;
});
process.on('exit', (code) => console.log('exit', code, 'beforeExit count', once));
