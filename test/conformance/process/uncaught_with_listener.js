// With an 'uncaughtException' listener the process survives a throw from the main script
// and from callbacks; 'uncaughtExceptionMonitor' sees each first.
process.on('uncaughtExceptionMonitor', (err, origin) => console.log('monitor', err.message, origin));
process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
setImmediate(() => {
  setTimeout(() => {
    console.log('timer still runs');
    throw new Error('from timer');
  }, 1);
  throw new Error('from immediate');
});
process.nextTick(() => { throw new Error('from tick'); });
process.on('exit', (code) => console.log('exit', code));
throw new Error('from main');
