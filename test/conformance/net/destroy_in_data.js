// destroy() inside 'data' and inside 'connect' is safe; nothing is emitted after 'close'.
const net = require('net');
const server = net.createServer((s) => {
  s.on('data', () => { console.log('server data; destroying'); s.destroy(); console.log('after destroy', s.destroyed); });
  s.on('close', () => console.log('server close'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('x'));
  c.on('close', () => {
    console.log('client close');
    const d = net.connect(server.address().port, '127.0.0.1', () => { d.destroy(); console.log('destroyed in connect'); });
    d.on('data', () => console.log('unexpected data'));
    d.on('close', (e) => { console.log('d close', e); server.close(); });
  });
});
