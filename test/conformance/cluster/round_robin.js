// SCHED_RR: three workers listen on one port; the primary makes six connections one after
// another and each is answered by the next worker in turn.
const cluster = require('cluster');
const net = require('net');
cluster.schedulingPolicy = cluster.SCHED_RR;
if (cluster.isPrimary) {
  console.log('policy is RR', cluster.schedulingPolicy === cluster.SCHED_RR);
  for (let i = 0; i < 3; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening < 3) return;
    console.log('all 3 listening on one port');
    const answers = [];
    const next = () => {
      if (answers.length === 6) return finish(answers);
      const socket = net.connect(address.port, '127.0.0.1');
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => data += d);
      socket.on('close', () => { answers.push(data); next(); });
    };
    next();
  });
  const finish = (answers) => {
    const names = new Map();
    const letters = answers.map((a) => {
      if (!names.has(a)) names.set(a, 'abc'[names.size]);
      return names.get(a);
    });
    console.log('answered by', letters.join(' '));
    cluster.disconnect(() => console.log('disconnected'));
  };
} else {
  net.createServer((socket) => socket.end(`worker ${cluster.worker.id}`)).listen(0);
}
