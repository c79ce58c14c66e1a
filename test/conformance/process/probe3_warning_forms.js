// process.emitWarning forms: a string with a type and a code, an empty type, an options
// object with detail, an Error (its name kept, even 'Error'), an Error with a code and an
// empty message; the 'warning' event comes on a tick queued at the call (FIFO with other
// ticks); the default printer is a listener; a warning emitted inside 'exit' is dropped.
const log = (...a) => console.log(...a);
log('warning listeners at start', process.listenerCount('warning'));
process.on('warning', (w) => {
  log('warning', JSON.stringify(w.name), JSON.stringify(w.message),
      'code', w.code === undefined ? 'none' : JSON.stringify(w.code),
      'detail', w.detail === undefined ? 'none' : JSON.stringify(w.detail));
});
process.nextTick(() => log('tick before'));
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('typed with code', 'CustomWarning', 'CODE_1');
process.emitWarning('empty type', '');
process.nextTick(() => log('tick between'));
process.emitWarning('with options', { type: 'OptWarning', code: 'OPT_1', detail: 'some detail' });
process.emitWarning(new Error('an Error object'));
const e = new Error('named');
e.name = 'MyWarning';
e.code = 'MY_CODE';
process.emitWarning(e);
const empty = new Error('');
empty.name = 'EmptyMessageWarning';
process.emitWarning(empty);
process.emitWarning('deprecated thing', 'DeprecationWarning', 'DEP_X');
process.nextTick(() => log('tick after'));
log('sync end');
setTimeout(() => {
  log('timer: warning listeners', process.listenerCount('warning'));
  process.emitWarning('from timer');
  Promise.resolve().then(() => log('microtask after timer warning'));
}, 1);
process.on('exit', () => {
  log('exit');
  process.emitWarning('inside exit (dropped)');
});
