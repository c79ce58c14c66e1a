// process.emitWarning emits 'warning' on the next tick and prints it to stderr.
process.on('warning', (w) => console.log('warning event', w.name, w.code, w.message));
process.emitWarning('something odd');
process.emitWarning('custom type', 'CustomWarning', 'CODE1');
console.log('emitted synchronously? no');
