// connect() before bind: implicit bind, 'listening' then 'connect'; while connecting,
// disconnect()/remoteAddress() are ERR_SOCKET_DGRAM_NOT_CONNECTED and send() still needs
// a port; a failed connect (bad host) calls back with the error (or emits 'error')
// and leaves the socket disconnected so connect() works again; a connected socket
// rejects a port in send() and only receives from its peer; 64 KiB limits.
'use strict';
const dgram = require('dgram');

const show = (what, fn) => {
  try {
    fn();
    console.log(`${what}: ok`);
  } catch (err) {
    console.log(`${what}: ${err.name} ${err.code} ${err.message}`);
  }
};

const peer = dgram.createSocket('udp4');
const stranger = dgram.createSocket('udp4');
peer.bind(0, '127.0.0.1', () => {
  const port = peer.address().port;
  const c = dgram.createSocket('udp4');
  c.on('listening', () => console.log('c listening'));
  c.on('connect', () => console.log('c connect event'));
  c.connect(port, 'nosuch.invalid', (err) => {
    console.log(`bad host callback: ${err.code} ${err.syscall} ${err.hostname}`);
    console.log(`connect listeners: ${c.listenerCount('connect')}`);
    show('remoteAddress after failure', () => c.remoteAddress());
    c.once('error', (err) => {
      console.log(`error event: ${err.code}`);
      c.connect(port, () => {
        console.log('connected to localhost');
        console.log(`remote ${c.remoteAddress().address} ${c.remoteAddress().port === port}`);
        show('send with port', () => c.send('x', port));
        show('send with offset, length, port', () => c.send('xyz', 0, 1, port, () => {}));
        stranger.send('from stranger', c.address().port, '127.0.0.1', (err) => {
          console.log(`stranger sent ${err}`);
          peer.send('from peer', c.address().port, '127.0.0.1');
        });
        c.send(Buffer.alloc(65507), (err, n) => console.log(`65507: ${err} ${n}`));
        c.send(Buffer.alloc(65508), (err, n) => console.log(`65508: ${err && err.code} ${n}`));
        c.send(Buffer.alloc(0), (err, n) => console.log(`empty: ${err} ${n}`));
      });
    });
    c.connect(port, 'nosuch.invalid');
  });
  show('connect twice', () => c.connect(port));
  show('disconnect while connecting', () => c.disconnect());
  show('remoteAddress while connecting', () => c.remoteAddress());
  show('send without port while connecting', () => c.send('y'));
  const sizes = [];
  peer.on('message', (msg, rinfo) => {
    sizes.push(rinfo.size);
    if (sizes.length === 2) {
      console.log(`peer got sizes ${sizes}`);
    }
  });
  c.on('message', (msg) => {
    console.log(`c got ${msg}`);
    if (String(msg) === 'from peer') {
      c.close();
      peer.close();
      stranger.close(() => console.log('all closed'));
    }
  });
});
