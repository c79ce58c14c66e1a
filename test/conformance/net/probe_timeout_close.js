// Socket timeouts re-armed by activity and disabled by setTimeout(0); server.close() with an
// open connection, close() twice, and re-listening the same server after 'close'.
const net = require('net');
let phase = 1;
let clientClosed = '';
const server = net.createServer((s) => {
  console.log('connection in phase', phase);
  s.on('data', (d) => s.write(d));
  s.on('end', () => s.end());
  if (phase === 2) s.on('close', () => {
    server.close((err) => console.log('close cb A', err));
    server.close((err) => console.log('close cb B', err.code, err.message));
  });
});
function relisten() {
  console.log('relisten;', clientClosed);
  server.listen(0, '127.0.0.1', () => {
    const c2 = net.connect(server.address().port, '127.0.0.1', () => c2.end());
  });
}
server.on('close', () => {
  console.log('server close event, phase', phase, 'listening', server.listening, 'address null', server.address() === null);
  if (phase !== 1) return;
  phase = 2;
  if (clientClosed) setImmediate(relisten);
});
const t = net.createServer().on('close', () => console.log('t close event'));  // closed twice
t.listen(0, '127.0.0.1', () => { t.close((e) => console.log('t cb 1', e)); t.close((e) => console.log('t cb 2', e.code)); });
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('timeout before setTimeout', c.timeout);
  c.setTimeout(100, () => console.log('setTimeout callback'));
  console.log('timeout property', c.timeout);
  let timeouts = 0;
  c.on('timeout', () => {
    timeouts++;
    console.log('timeout', timeouts, c.readyState, 'destroyed', c.destroyed);
    if (timeouts === 1) { c.write('ping'); return; }
    c.setTimeout(0);
    console.log('timeout property after setTimeout(0)', c.timeout);
    c.write('pong');
  });
  c.on('data', (d) => {
    console.log('client data', d.toString());
    if (d.toString() !== 'pong') return;
    setTimeout(() => {
      server.getConnections((err, n) => console.log('connections', err, n));
      server.close((err) => console.log('close callback 1', err));
      server.close((err) => console.log('close callback 2', err.code, err.message));
      console.log('after close(): listening', server.listening, 'address null', server.address() === null);
      c.end();
    }, 250);
  });
  c.on('close', (e) => {
    clientClosed = `client closed ${e}, timeouts ${timeouts}`;
    if (phase === 2) setImmediate(relisten);
  });
});
