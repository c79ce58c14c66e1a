// With an 'unhandledRejection' listener the process goes on; a rejection handled in the
// same turn is not reported; a late handler emits 'rejectionHandled'.
process.on('unhandledRejection', (reason) => console.log('unhandledRejection', reason.message));
process.on('rejectionHandled', () => console.log('rejectionHandled'));
const p = Promise.reject(new Error('late'));
Promise.reject(new Error('handled in time')).catch(() => console.log('caught in time'));
setTimeout(() => {
  p.catch((e) => console.log('caught late', e.message));
}, 5);
process.on('exit', (code) => console.log('exit', code));
