// setupPrimary(): merged settings, one 'setup' per call (next tick), the scheduling policy
// frozen by the first call; fork(env) adds variables; silent pipes the worker's stdout; a
// SCHED_NONE server is shared by the workers.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  console.log('default policy RR', cluster.schedulingPolicy === cluster.SCHED_RR);
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.on('setup', (s) => {
    console.log('setup: silent', s.silent, 'execArgv', s.execArgv, 'exec is a string',
                typeof s.exec === 'string');
  });
  cluster.setupPrimary({ silent: true });
  console.log('after setupPrimary: silent', cluster.settings.silent, 'args is an array',
              Array.isArray(cluster.settings.args));
  cluster.schedulingPolicy = cluster.SCHED_RR;  // too late: frozen
  cluster.setupMaster({ execArgv: [] });
  console.log('still silent', cluster.settings.silent);
  const w = cluster.fork({ CLUSTER_TEST_VAR: 'bar' });
  let out = '';
  w.process.stdout.setEncoding('utf8');
  w.process.stdout.on('data', (d) => out += d);
  w.on('message', (m) => {
    console.log('worker env:', JSON.stringify(m));
  });
  w.on('listening', (address) => {
    const socket = net.connect(address.port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => data += d);
    socket.on('close', () => {
      console.log('shared server answered:', data);
      w.disconnect();
    });
  });
  w.on('exit', (code) => {
    console.log('worker stdout:', JSON.stringify(out), 'exit', code);
  });
} else {
  console.log('hello from a silent worker');
  process.send({ var: process.env.CLUSTER_TEST_VAR, uniqueId: process.env.NODE_UNIQUE_ID });
  net.createServer((socket) => socket.end('shared')).listen(0);
}
