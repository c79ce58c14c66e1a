// 'beforeExit' gets process.exitCode, may revive the loop several times, and is not
// emitted again once nothing is scheduled; 'exit' follows with the same code.
let count = 0;
process.exitCode = 3;
process.on('beforeExit', (code) => {
  count++;
  console.log('beforeExit', count, 'code', code);
  if (count < 3) {
    setTimeout(() => console.log('revived by timer', count), 1);
  } else if (count === 3) {
    Promise.resolve().then(() => console.log('microtask in beforeExit does not revive the loop'));
    process.nextTick(() => console.log('tick in beforeExit'));
  }
});
process.on('exit', (code) => console.log('exit', code, 'after', count, 'beforeExit events'));
