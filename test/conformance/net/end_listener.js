'use strict';
// A socket's own 'end' listener (Node's onReadableStreamEnd): one function shared by every
// socket, counted by listenerCount/eventNames, and what turns a write after the peer's FIN
// into EPIPE. Removing it from one socket changes that socket only.
const net = require('net');
const a = new net.Socket();
const b = new net.Socket();
console.log('count', a.listenerCount('end'), 'names', a.eventNames());
console.log('same function', a.listeners('end')[0] === b.listeners('end')[0]);
a.removeAllListeners('end');
console.log('after removal', a.listenerCount('end'), b.listenerCount('end'));
console.log('fresh', new net.Socket().listenerCount('end'));
a.destroy();
b.destroy();

const server = net.createServer((s) => s.end('bye'));
function run(keep, next) {
  const c = net.connect(server.address().port, '127.0.0.1');
  if (!keep) c.removeAllListeners('end');
  c.on('data', (d) => console.log(keep, 'data', d.toString()));
  c.on('end', () => {
    console.log(keep, 'end', c.listenerCount('end'));
    setImmediate(() => {
      const ret = c.write('late', (err) => console.log(keep, 'write cb', err && err.code));
      console.log(keep, 'write returned', ret);
    });
  });
  c.on('error', (err) => console.log(keep, 'error', err.code, err.message));
  c.on('close', (hadError) => {
    console.log(keep, 'close', hadError);
    next();
  });
}
server.listen(0, '127.0.0.1', () => {
  run(true, () => run(false, () => server.close()));
});
