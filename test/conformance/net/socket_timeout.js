// test-net-socket-timeout: 'timeout' after inactivity; setTimeout validation.
const net = require('net');
const s = new net.Socket();
for (const v of [-1, Infinity, NaN]) {
  try { s.setTimeout(v, () => {}); } catch (e) { console.log(e.code, e.name, e.message); }
}
const server = net.createServer((c) => { c.on('data', () => {}); });
server.listen(0, '127.0.0.1', () => {
  const socket = net.createConnection(server.address().port, '127.0.0.1');
  socket.on('timeout', () => {
    console.log('timeout; timeout is', socket.timeout);
    socket.destroy();
    server.close();
  });
  socket.setTimeout(30, () => console.log('timeout callback'));
  socket.on('close', (e) => console.log('close', e));
});
