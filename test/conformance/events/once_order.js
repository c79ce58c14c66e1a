// A once listener is removed before it runs (so an emit from inside does not re-run it);
// 'newListener' and 'removeListener' come in Node's order around it.
const EventEmitter = require('events');
const ee = new EventEmitter();
const log = [];
ee.on('newListener', (name) => log.push('newListener ' + name));
ee.on('removeListener', (name) => log.push('removeListener ' + name));
ee.once('ping', (n) => {
  log.push('ping ' + n + ' (listeners now ' + ee.listenerCount('ping') + ')');
  ee.emit('ping', n + 1);
});
ee.on('ping', (n) => log.push('persistent ping ' + n));
ee.emit('ping', 1);
ee.emit('ping', 10);
console.log(log.join('\n'));
