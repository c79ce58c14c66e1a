// A throw in a queueMicrotask callback is reported as uncaught; the other microtasks run.
process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
queueMicrotask(() => { throw new Error('micro boom'); });
queueMicrotask(() => console.log('next microtask runs'));
Promise.resolve().then(() => console.log('promise reaction runs'));
