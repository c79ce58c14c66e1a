// Workers that fail: a throw at the top level, in a timer, in a listen() callback (the worker
// then never reports 'listening'), an unhandled rejection, a throw after exitCode = 9, and a
// throw caught by 'uncaughtException'. 'exit' args and exitedAfterDisconnect per worker, plus
// the first error line of each worker's (piped) stderr.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  cluster.setupPrimary({ silent: true });
  const lines = [];
  const roles = ['top', 'timer', 'listenCallback', 'rejection', 'exitCode', 'caught'];
  for (const role of roles) {
    const w = cluster.fork({ ROLE: role });
    let err = '';
    w.process.stderr.setEncoding('utf8');
    w.process.stderr.on('data', (d) => err += d);
    w.on('listening', () => lines.push(`${role}: listening`));
    w.on('message', (m) => {
      lines.push(`${role}: says ${JSON.stringify(m)}`);
      w.disconnect();
    });
    w.on('exit', (code, signal) => {
      lines.push(`${role}: exit ${code} ${signal} ead ${w.exitedAfterDisconnect} state ${w.state}`);
    });
    w.process.on('close', () => {
      const first = err.split('\n').find((l) => /^\w*Error\b/.test(l));
      lines.push(`${role}: stderr ${first}`);
    });
  }
  cluster.on('exit', (w, code) => lines.push(`cluster exit ${w.id} ${code}`));
  process.on('exit', () => {
    lines.sort();
    for (const l of lines) console.log(l);
    console.log('workers left', Object.keys(cluster.workers).length);
  });
} else {
  const role = process.env.ROLE;
  if (role === 'top') {
    throw new Error('boom at top');
  } else if (role === 'timer') {
    setTimeout(() => { throw new RangeError('boom in timer'); }, 1);
  } else if (role === 'listenCallback') {
    net.createServer().listen(0, () => { throw new TypeError('boom in listen callback'); });
  } else if (role === 'rejection') {
    Promise.reject(new Error('rejected'));
  } else if (role === 'exitCode') {
    process.exitCode = 9;
    throw new Error('boom with exitCode');
  } else {
    process.on('uncaughtException', (e) => process.send({ caught: e.message }));
    throw new Error('boom caught');
  }
}
