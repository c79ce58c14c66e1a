// unshift() puts the unread part of a chunk back in front; unshift() after push(null) but
// before 'end' still works; push() after EOF is ERR_STREAM_PUSH_AFTER_EOF: push() returns
// false, 'error' (code, message) then 'close' on a later tick, with the flags.
const { Readable } = require('stream');
const r = new Readable({ read() {} });
console.log('push', r.push('HEAD:body-one'), 'push', r.push('|two'));
const first = r.read(8);
const colon = first.indexOf(':');
console.log('header', first.subarray(0, colon).toString(), 'length', r.readableLength);
console.log('unshift', r.unshift(first.subarray(colon + 1)), 'length', r.readableLength);
console.log('read all', String(r.read()), 'length', r.readableLength);
console.log('push null', r.push(null), 'ended', r.readableEnded);
console.log('unshift after eof', r.unshift(Buffer.from('tail')), 'length', r.readableLength);
console.log('push x', r.push('x'), 'length', r.readableLength);
console.log('sync: destroyed', r.destroyed, 'errored', r.errored && r.errored.code,
  'closed', r.closed, 'readable', r.readable);
r.on('data', (d) => console.log('data', d.toString()));
r.on('end', () => console.log('end (unexpected)'));
r.on('error', (e) => {
  console.log('error', e.code, e.message, e.name, String(e));
  console.log('  destroyed', r.destroyed, 'closed', r.closed, 'errored', r.errored.code,
    'readable', r.readable, 'aborted', r.readableAborted);
});
r.on('close', () => {
  console.log('close, destroyed', r.destroyed, 'closed', r.closed, 'ended', r.readableEnded);
  console.log('push after close', r.push('y'), 'unshift after close',
    r.unshift(Buffer.from('z')), 'length', r.readableLength);
});
process.nextTick(() => console.log('tick'));
