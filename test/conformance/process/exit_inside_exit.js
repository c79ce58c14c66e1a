// process.exit() inside an 'exit' listener does not emit 'exit' again (no recursion);
// the code passed there wins.
let exits = 0;
process.on('exit', (code) => {
  exits++;
  console.log('exit listener', exits, 'code', code);
  process.exit(5);
});
process.on('exit', () => console.log('second listener does not run after process.exit()'));
setTimeout(() => console.log('never runs'), 10);
process.exit(2);
