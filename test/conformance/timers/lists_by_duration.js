// Timers are kept in lists keyed by duration: equal durations fire in insertion order,
// lists fire by expiry; a timer created in a callback never fires in the same pass.
// The main script blocks for 25 ms, so every timer below 25 ms is due in the first pass.
const order = [];
setTimeout(() => order.push('10a'), 10);
setTimeout(() => order.push('5a'), 5);
setTimeout(() => {
  order.push('1a');
  setTimeout(() => order.push('1c (made by 1a)'), 0);
}, 1);
setTimeout(() => order.push('5b'), 5);
setTimeout(() => order.push('1b'), 1);
setTimeout(() => order.push('10b'), 10);
setTimeout(() => order.push('20'), 20);
setTimeout(() => order.push('100'), 100);
const start = Date.now();
while (Date.now() - start < 25);
process.on('exit', () => console.log(order.join(' ')));
