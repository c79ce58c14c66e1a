// An uncaught error with a code: stderr shows the error header first.
const err = new RangeError('value out of range');
err.code = 'ERR_SOMETHING';
process.on('exit', (code) => console.log('exit', code));
throw err;
