// allowHalfOpen false: the peer's FIN ends the readable side, then end() runs on a later tick
// ('end', then 'finish', then 'close'); writes from the 'end' listener via nextTick (before the
// auto end), a microtask and setImmediate (after it: EPIPE). Server sockets' events are collected
// and printed per socket at the end so that cross-socket order does not matter.
const net = require('net');
const serverLog = [];
let n = 0;
const server = net.createServer((s) => {
  const id = ++n;
  const lines = serverLog[id - 1] = [];
  const log = (...a) => lines.push(`server ${id}: ${a.join(' ')}`);
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => log('end', JSON.stringify(got), s.readyState, 'writableEnded', s.writableEnded));
  s.on('finish', () => log('finish', s.readyState));
  s.on('close', (e) => log('close', e, s.readyState));
  s.write('hello ');
  s.end('bye');
  log('after end()', s.readyState);
});
function client(port, mode, done) {
  const c = net.connect(port, '127.0.0.1');
  const log = (...a) => console.log(mode, ...a);
  c.setEncoding('utf8');
  c.on('data', (d) => log('data', d));
  c.on('end', () => {
    log('end', c.readyState, 'readable', c.readable, 'writable', c.writable, 'writableEnded', c.writableEnded);
    if (mode === 'tick') process.nextTick(() => log('tick write returns', c.write('tick', (e) => log('tick cb', e))));
    if (mode === 'micro') queueMicrotask(() => log('micro write returns', c.write('micro', (e) => log('micro cb', e.code, e.message))));
    if (mode === 'immediate') setImmediate(() => log('immediate write returns', c.write('imm', (e) => log('imm cb', e.code))));
    process.nextTick(() => log('tick after end: writableEnded', c.writableEnded, c.readyState));
  });
  c.on('finish', () => log('finish', c.readyState, c.destroyed));
  c.on('error', (e) => log('error', e.code, e.message));
  c.on('close', (e) => { log('close', e, c.readyState); done(); });
}
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  client(port, 'plain', () => client(port, 'tick', () => client(port, 'micro', () => client(port, 'immediate', () => {
    server.close(() => setTimeout(() => { for (const ls of serverLog) for (const l of ls) console.log(l); }, 10));
  }))));
});
