'use strict';
// 10,000 idle TCP connections: server RSS growth per connection (port: ../net_idle.cc).
const net = require('net');
const { fork } = require('child_process');
if (process.argv[2] === '--client') {
  const port = +process.argv[3], n = +process.argv[4];
  const sockets = [];
  let connected = 0;
  function wave(from) {
    const to = Math.min(n, from + 500);
    for (let i = from; i < to; i++) {
      const c = net.connect(port, '127.0.0.1');
      c.on('connect', () => { if (++connected === to && to < n) wave(to); });
      c.on('error', (e) => { console.error('client:', e.message); process.exit(2); });
      sockets.push(c);
    }
  }
  wave(0);
  setInterval(() => {}, 1e6);
} else {
  const n = process.argv.includes('--quick') ? 200 : 10000;
  let accepted = 0, base = 0, child;
  const sockets = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    if (++accepted === n) {
      setTimeout(() => {
        const perConn = (process.memoryUsage.rss() - base) / n / 1024;
        console.log(`BENCHDATA name=net_idle_rss_per_conn unit=KiB/conn value=${perConn.toFixed(3)} better=lower`);
        child.kill('SIGKILL');
        for (const x of sockets) x.destroy();
        server.close();
      }, 200);
    }
  });
  server.listen(0, '127.0.0.1', 4096, () => {
    base = process.memoryUsage.rss();
    child = fork(__filename, ['--client', String(server.address().port), String(n)]);
  });
}
