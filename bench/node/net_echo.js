'use strict';
// Echo throughput over loopback (port: ../net_echo.cc).
const net = require('net');
const total = process.argv.includes('--quick') ? 8 * 2 ** 20 : 2 ** 30;
const chunk = Buffer.alloc(64 * 1024, 'x');
const server = net.createServer((socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const client = net.createConnection(server.address().port, '127.0.0.1');
  let sent = 0, received = 0, start = 0n;
  function pump() {
    while (sent < total) {
      sent += chunk.length;
      if (!client.write(chunk)) return;
    }
  }
  client.on('drain', pump);
  client.on('data', (d) => {
    received += d.length;
    if (received >= total) {
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`BENCHDATA name=net_echo unit=MiB/s value=${(total / 2 ** 20 / secs).toFixed(3)} better=higher`);
      client.destroy();
      server.close();
    }
  });
  client.on('connect', () => { start = process.hrtime.bigint(); pump(); });
});
