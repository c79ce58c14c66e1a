// The 'listening' address object for listen(0), listen(0, '127.0.0.1'), listen({ port: 0,
// host }), and a pipe path, on the worker and on cluster; the worker's own server.address()
// agrees; the state is 'listening'. The primary removes the pipe when the worker disconnects.
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
if (cluster.isPrimary) {
  const sock = path.join(os.tmpdir(), `probe4_listening_${process.pid}.sock`);
  const lines = [];
  const w = cluster.fork({ SOCK: sock });
  const fromWorker = new Map();
  const infos = [];
  w.on('message', (m) => fromWorker.set(m.name, m));
  w.on('listening', (a) => infos.push(a));
  cluster.on('listening', (wk, a) => {
    lines.push(`cluster listening: keys ${Object.keys(a).join(',')} addressType ${a.addressType} ` +
               `address ${a.address === sock ? 'SOCK' : a.address} ` +
               `port ${a.port > 0 ? 'ephemeral' : a.port} fd ${a.fd} state ${wk.state} ` +
               `same as worker's ${infos[infos.length - 1] === a}`);
    if (infos.length < 4) return;
    w.send('report');
  });
  w.on('message', (m) => {
    if (m.name !== 'done') return;
    for (const a of infos) {
      const n = [...fromWorker.values()].find((x) => x.port === a.port && x.name !== 'done');
      lines.push(`worker ${n.name}: address ${n.address === sock ? 'SOCK' : n.address} ` +
                 `family ${n.family} port matches ${n.port === a.port}`);
    }
    w.disconnect();
  });
  w.on('exit', (code) => {
    lines.sort();
    for (const l of lines) console.log(l);
    console.log('exit', code, 'socket file left', fs.existsSync(sock));
  });
} else {
  const sock = process.env.SOCK;
  const servers = {
    zero: net.createServer().listen(0),
    loopback: net.createServer().listen(0, '127.0.0.1'),
    options: net.createServer().listen({ port: 0, host: '127.0.0.1' }),
    pipe: net.createServer().listen(sock),
  };
  process.on('message', () => {
    for (const [name, s] of Object.entries(servers)) {
      const a = s.address();
      if (typeof a === 'string') {
        process.send({ name, address: a, port: -1 });
      } else {
        process.send({ name, address: a.address, family: a.family, port: a.port });
      }
    }
    process.send({ name: 'done', state: cluster.worker.state });
  });
}
