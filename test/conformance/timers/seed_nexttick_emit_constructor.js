// Seed nextTick use case 3: emitting from a constructor. on() and emit() are
// synchronous, so an event emitted in the constructor is lost; emitting it on the
// next tick lets the caller subscribe first.
const EventEmitter = require('events');

class StreamLibSync extends EventEmitter {
  constructor() {
    super();
    this.emit('start');
  }
}
class StreamLib extends EventEmitter {
  constructor() {
    super();
    process.nextTick(() => {
      this.emit('start');
    });
  }
}

const s1 = new StreamLibSync();
s1.on('start', () => console.log('sync: start received'));
const s2 = new StreamLib();
s2.on('start', () => console.log('nextTick: start received'));
console.log('subscribed');
process.on('exit', () => console.log('sync listener count', s1.listenerCount('start')));
