// process.nextTick passes extra arguments; ticks run in FIFO order, before microtasks.
process.nextTick((a, b) => console.log('tick', a, b), 1, 'two');
Promise.resolve().then(() => console.log('microtask'));
process.nextTick(() => console.log('second tick'));
console.log('sync');
