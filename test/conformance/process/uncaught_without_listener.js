// Without a listener an uncaught exception prints the error to stderr, emits 'exit'
// with code 1 and ends the process: later timers never run.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never runs'), 5);
setTimeout(() => {
  console.log('about to throw');
  throw new TypeError('bad thing');
}, 1);
