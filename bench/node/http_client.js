'use strict';
// HTTP client throughput through a keep-alive Agent (port: ../http_client.cc).
const http = require('http');
const { spawn } = require('child_process');
const n = process.argv.includes('--quick') ? 2000 : 50000;
const inFlight = 64;
const kServer =
    "require('http').createServer((req, res) => res.end('hello world'))" +
    ".listen(0, '127.0.0.1', function () { console.log(this.address().port); });";
const server = spawn(process.env.NODECC_BENCH_NODE || 'node', ['-e', kServer],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
server.on('error', (e) => { throw e; });
let line = '';
server.stdout.on('data', (d) => {
  if (line.includes('\n')) return;
  line += d.toString();
  if (!line.includes('\n')) return;
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const o = { host: '127.0.0.1', port: parseInt(line), path: '/', agent };
  let sent = 0, done = 0, bytes = 0;
  const start = process.hrtime.bigint();
  function next() {
    if (sent === n) return;
    ++sent;
    http.get(o, (res) => {
      res.on('data', (b) => { bytes += b.length; });
      res.on('end', () => {
        if (++done < n) return next();
        const secs = Number(process.hrtime.bigint() - start) / 1e9;
        if (bytes !== n * 11) throw new Error('short bodies');
        console.log(`BENCHDATA name=http_client unit=req/s value=${(n / secs).toFixed(3)} better=higher`);
        agent.destroy();
        server.kill();
      });
    });
  }
  for (let i = 0; i < inFlight; ++i) next();
});
