// test-net-server-max-connections: connections above maxConnections are dropped.
const net = require('net');
let serverConns = 0, serverCloses = 0, clientEnds = 0, drops = 0;
const server = net.createServer((socket) => {
  serverConns++;
  socket.on('close', () => serverCloses++);
  socket.resume();
});
server.maxConnections = 2;
server.on('drop', (data) => {
  drops++;
  console.log('drop', typeof data.localPort, data.localAddress, data.remoteFamily);
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const clients = [];
  let closed = 0;
  let connected = 0;
  for (let i = 0; i < 3; i++) {
    const c = net.connect(port, '127.0.0.1');
    clients.push(c);
    c.on('connect', () => {
      if (++connected === 3) setTimeout(() => server.getConnections((err, n) => {
        console.log('getConnections', err, n, 'maxConnections', server.maxConnections);
        for (const k of clients) k.end();
      }), 50);
    });
    c.on('end', () => clientEnds++);
    c.on('close', () => {
      if (++closed === 3) {
        server.close(() => {
          console.log('server closed; connections', serverConns, 'closes', serverCloses,
                      'client ends', clientEnds, 'drops', drops);
        });
      }
    });
  }
});
