// A throw inside the 'uncaughtException' handler is fatal: exit code 7.
process.on('uncaughtException', () => {
  console.log('handler runs, then throws');
  throw new Error('handler failed');
});
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => { throw new Error('first'); }, 1);
