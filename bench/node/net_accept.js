'use strict';
// Connections accepted per second (port: ../net_accept.cc).
const net = require('net');
const total = process.argv.includes('--quick') ? 500 : 20000;
const inFlight = 64;
const server = net.createServer((s) => { s.on('data', () => s.destroy()); });
server.listen(0, '127.0.0.1', 1024, () => {
  const port = server.address().port;
  let started = 0, finished = 0;
  const t0 = process.hrtime.bigint();
  function one() {
    started++;
    const c = net.connect(port, '127.0.0.1');
    c.on('connect', () => c.write('x'));
    c.on('error', () => {});
    c.resume();
    c.on('close', () => {
      if (++finished === total) {
        const secs = Number(process.hrtime.bigint() - t0) / 1e9;
        console.log(`BENCHDATA name=net_accept unit=conn/s value=${(total / secs).toFixed(3)} better=higher`);
        server.close();
      } else if (started < total) one();
    });
  }
  for (let i = 0; i < inFlight; i++) one();
});
