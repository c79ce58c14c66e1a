// Callbacks of writes still pending when a socket is destroyed: before 'connect' (with and
// without an error), with a large write in flight to a paused peer, and destroySoon().
const net = require('net');
const cb = (tag) => (err) => console.log(tag, err ? `${err.code} ${err.message}` : err);
const accepted = [];  // never read from: the peer of the large write stays blocked
const server = net.createServer({ pauseOnConnect: true }, (s) => accepted.push(s));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = net.connect(port, '127.0.0.1');
  a.write('one', cb('a write one'));
  a.write('two', cb('a write two'));
  a.end(cb('a end'));
  a.destroy();
  console.log('a destroyed', a.destroyed, a.readyState, 'writableLength', a.writableLength);
  a.on('error', cb('a error event'));
  a.on('close', (e) => {
    console.log('a close', e, 'errored', a.errored && a.errored.code);
    const b = net.connect(port, '127.0.0.1');
    b.write('one', cb('b write one'));
    b.write('two', cb('b write two'));
    b.end('three', cb('b end'));
    b.destroy(new Error('boom'));
    b.on('error', cb('b error event'));
    b.on('close', (e) => {
      console.log('b close', e, 'errored', b.errored && b.errored.message);
      third();
    });
  });
});
function third() {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    const ok = c.write(Buffer.alloc(8 * 1024 * 1024, 1), cb('c big write'));
    c.write('tail', cb('c tail write'));
    console.log('c write returned', ok, 'writableNeedDrain', c.writableNeedDrain);
    setTimeout(() => {
      console.log('c destroy; writableLength > 0', c.writableLength > 0);
      c.destroy();
      console.log('c after destroy', c.readyState, c.writable);
    }, 20);
  });
  c.on('drain', () => console.log('c drain'));
  c.on('error', cb('c error event'));
  c.on('close', (e) => { console.log('c close', e); fourth(); });
}
function fourth() {
  const d = net.connect(server.address().port, '127.0.0.1', () => {
    d.write('x'.repeat(100000), cb('d write'));
    d.destroySoon();
    console.log('d after destroySoon', d.readyState, d.writable, d.writableEnded, d.destroyed);
  });
  d.on('finish', () => console.log('d finish', d.destroyed));
  d.on('close', (e) => {
    console.log('d close', e);
    const e2 = net.connect(server.address().port, '127.0.0.1', () => {
      e2.end();
      e2.on('finish', () => {
        e2.destroySoon();
        console.log('e destroySoon after finish: destroyed', e2.destroyed);
      });
    });
    e2.on('close', (e) => {
      console.log('e close', e);
      for (const s of accepted) s.destroy();
      server.close();
    });
  });
}
