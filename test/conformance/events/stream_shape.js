'use strict';
// Node's shape mode (lib/events.js kShapeMode): Readable, Writable and Duplex constructors
// preset their common event names, so on those emitters (net.Socket too) removing an
// event's only listener keeps the key and emits no 'removeListener', eventNames() follows
// the preset order, and removeAllListeners() without 'removeListener' listeners ends it.
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const EventEmitter = require('events');

function probe(name, e) {
  const log = (...a) => console.log(name, ...a);
  e.on('removeListener', (ev) => log('removeListener', ev));
  const f = () => {};
  const g = () => {};
  e.on('foo', f);
  e.on('bar', f);
  e.on('data', f);
  e.on('error', f);
  log('names', e.eventNames());
  e.off('foo', f);
  e.on('foo', g);
  log('foo back', e.eventNames());
  e.on('data', g);
  e.off('data', g);
  e.off('data', f);
  log('data gone', e.eventNames(), e.listenerCount('data'));
  e.on('data', f);
  log('data back', e.eventNames());
  e.removeAllListeners('bar');
  e.off('error', f);
  e.on('error', f);
  log('after removeAllListeners(bar)', e.eventNames());
  e.removeAllListeners();
  log('all removed', e.eventNames());
  e.on('removeListener', (ev) => log('removeListener again', ev));
  e.on('end', f);
  e.on('close', f);
  e.off('end', f);
  log('fresh', e.eventNames());
}

function quiet(name, e) {
  // Without 'removeListener' listeners: removeAllListeners(type) ends shape mode, so a later
  // removal of an only listener deletes its key and is announced.
  const f = () => {};
  e.on('end', f);
  e.on('close', f);
  e.removeAllListeners('nothing');
  e.on('removeListener', (ev) => console.log(name, 'quiet: removeListener', ev));
  e.off('end', f);
  e.on('end', f);
  console.log(name, 'quiet', e.eventNames());
}

function bulk(name, e) {
  // removeAllListeners() with 'removeListener' listeners: each key's listeners, last first;
  // the last one of a key (then alone) is not announced in shape mode.
  const f = () => {};
  const g = () => {};
  e.on('removeListener', (ev) => console.log(name, 'bulk: removeListener', ev));
  e.on('data', f);
  e.on('data', g);
  e.on('zzz', f);
  e.on('finish', f);
  e.removeAllListeners();
  console.log(name, 'bulk', e.eventNames());
}

const make = {
  EventEmitter: () => new EventEmitter(),
  Readable: () => new Readable({ read() {} }),
  Writable: () => new Writable({ write(c, e, cb) { cb(); } }),
  Duplex: () => new Duplex({ read() {}, write(c, e, cb) { cb(); } }),
  PassThrough: () => new PassThrough(),
};
for (const [name, m] of Object.entries(make)) {
  probe(name, m());
  quiet(name, m());
  bulk(name, m());
}
