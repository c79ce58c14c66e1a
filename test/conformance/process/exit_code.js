// process.exitCode is the exit code when the loop ends; an 'exit' listener can change it.
process.exitCode = 4;
process.on('exit', (code) => {
  console.log('exit with', code, 'exitCode', process.exitCode);
  process.exitCode = 9;
});
setTimeout(() => console.log('timer ran'), 1);
