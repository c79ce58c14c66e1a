// A throw in a timer does not stop the other due timers (same list and other lists),
// nor the immediates; each throw reaches 'uncaughtException' once.
const order = [];
process.on('uncaughtException', (err, origin) => order.push(`caught ${err.message} (${origin})`));
setTimeout(() => { order.push('a1'); throw new Error('a1'); }, 1);
setTimeout(() => order.push('a2'), 1);
setTimeout(() => { order.push('a3'); throw new Error('a3'); }, 1);
setTimeout(() => order.push('a4'), 1);
setTimeout(() => order.push('b1'), 2);
setImmediate(() => { order.push('i1'); throw new Error('i1'); });
setImmediate(() => order.push('i2'));
const start = Date.now();
while (Date.now() - start < 5); // every timer is due when the loop starts
process.on('exit', () => console.log(order.join('\n')));
