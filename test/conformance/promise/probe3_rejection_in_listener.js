// A rejection made inside an 'unhandledRejection' listener, with nothing else queued, is
// reported in the same round; a throw inside the listener goes to 'uncaughtException'
// (origin 'uncaughtException') and the rest of the batch is still reported later;
// uncaughtExceptionMonitor sees each; the listener's 'exit' code stays 0.
const log = (...a) => console.log(...a);
let n = 0;
process.on('unhandledRejection', (reason) => {
  log('unhandledRejection', reason.message);
  if (reason.message === 'a') Promise.reject(new Error('b (made in listener)'));
  if (reason.message === 'b (made in listener)') {
    n++;
    throw new Error('thrown by listener');
  }
});
process.on('uncaughtExceptionMonitor', (err, origin) => log('monitor', err.message, origin));
process.on('uncaughtException', (err, origin) => {
  log('uncaughtException', err.message, origin);
});
Promise.reject(new Error('a'));
setTimeout(() => {
  log('timer 1, n =', n);
  Promise.reject(new Error('c'));
  Promise.reject(new Error('b (made in listener)'));
  Promise.reject(new Error('d'));
  setTimeout(() => log('timer 2'), 1);
}, 1);
process.on('exit', (code) => log('exit', code));
