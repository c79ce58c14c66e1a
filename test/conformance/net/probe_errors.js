// Errors thrown or passed to callbacks: bad connect/listen options and the socket state they
// leave, timeout overflow, end() twice / after finish, write()/end() after destroy().
const net = require('net');
process.on('warning', (w) => console.log('warning', w.name, JSON.stringify(w.message)));
const t = new net.Socket();
t.setTimeout(3e9);
console.log('timeout property', t.timeout);
t.setTimeout(0);
for (const o of [{ port: 80, host: '127.0.0.1', localAddress: 'nope' },
  { port: 70000, host: '127.0.0.1' },
  { port: 80, host: '127.0.0.1', autoSelectFamilyAttemptTimeout: 0 }]) {
  const c = new net.Socket();
  try { c.connect(o, () => {}); console.log('no throw'); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log('  after:', c.connecting, c.pending, c.readyState, c.listenerCount('connect'));
  c.destroy();
}
try { net.setDefaultAutoSelectFamilyAttemptTimeout(0); } catch (e) { console.log(e.name, e.code, e.message); }
const bad = net.createServer();
try { bad.listen({ host: '127.0.0.1' }); console.log('no throw'); } catch (e) { console.log(e.name, e.code, e.message); }
const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1', () => {
    c.end();
    c.end((err) => console.log('second end() cb, err', !!err, 'finished', c.writableFinished));
  });
  c.on('finish', () => {
    console.log('finish');
    c.end((err) => console.log('end() after finish:', err.code, err.message));
  });
  c.resume();
  c.on('close', () => {
    const d = net.connect(port, '127.0.0.1', () => {
      d.destroy();
      d.setTimeout(10);
      console.log('timeout after destroy', d.timeout);
      const r = d.write('x', (err) => console.log('write cb:', err.name, err.code, err.message));
      console.log('write after destroy returned', r);
      d.end((err) => console.log('end cb:', err.code, err.message));
    });
    d.on('error', (e) => console.log('unexpected error', e.message));
    d.on('close', (e) => { console.log('d close', e); server.close(); bad.close(); });
  });
});
