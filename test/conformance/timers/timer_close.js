// timeout.close() is clearTimeout; a cleared timer does not keep the loop alive.
const t = setTimeout(() => console.log('closed timer ran (should not)'), 10);
console.log('close returns the timer', t.close() === t);
const long = setTimeout(() => console.log('long ran (should not)'), 100000);
clearTimeout(long);
setTimeout(() => console.log('other timer ran'), 1);
process.on('exit', () => console.log('exit'));
