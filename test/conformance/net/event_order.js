// The order of every event of a full client/server conversation.
const net = require('net');
const log = (...a) => console.log(...a);
const server = net.createServer((s) => {
  log('server: connection');
  for (const e of ['end', 'finish', 'prefinish']) s.on(e, () => log('server:', e));
  s.on('data', (d) => { log('server: data', d.toString()); s.end('pong'); });
  s.on('close', (e) => log('server: close', e));
});
server.on('listening', () => log('server: listening'));
server.on('close', () => log('server: close event'));
server.listen(0, '127.0.0.1', () => {
  const c = net.createConnection({ port: server.address().port, host: '127.0.0.1' });
  log('client: connecting', c.connecting, 'pending', c.pending, c.readyState);
  for (const e of ['connect', 'ready', 'end', 'finish', 'prefinish', 'resume', 'pause']) c.on(e, () => log('client:', e));
  c.on('connect', () => { log('client: connecting', c.connecting, c.readyState); c.write('ping'); });
  c.on('data', (d) => log('client: data', d.toString()));
  c.on('close', (e) => { log('client: close', e, c.readyState); server.close(); });
});
