// A local (Unix domain) socket: listen(path), connect(path), address().
const net = require('net');
const os = require('os');
const path = require('path');
const fs = require('fs');
const p = path.join(os.tmpdir(), `nodecc-conf-${process.pid}.sock`);
const server = net.createServer((s) => {
  console.log('server: remoteAddress', s.remoteAddress, 'remotePort', s.remotePort);
  s.on('data', (d) => s.end('echo:' + d));
});
server.listen(p, () => {
  console.log('address is the path', server.address() === p);
  const c = net.connect(p, () => {
    console.log('client: connected; localAddress', c.localAddress);
    c.write('hi');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('client: data', d));
  c.on('close', (e) => {
    console.log('client: close', e);
    server.close(() => console.log('socket file removed', !fs.existsSync(p)));
  });
});
