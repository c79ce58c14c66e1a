// cluster.disconnect(cb) with three listening workers: the workers leave cluster.workers at
// once; a second call (no workers left) fires both callbacks on the next tick; the workers
// exit with the exitCode they set on 'disconnect'. With no workers, disconnect(cb) calls back
// on the next tick (between ticks queued before and after it).
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const racy = [];
  const workers = [cluster.fork(), cluster.fork(), cluster.fork()];
  let listening = 0;
  let exits = 0;
  cluster.on('listening', () => {
    if (++listening < 3) return;
    console.log('all listening; states', workers.map((w) => w.state).join(' '));
    cluster.disconnect(() => console.log('cb1: workers', Object.keys(cluster.workers).length,
                                         'dead', workers.filter((w) => w.isDead()).length));
    console.log('after disconnect(cb1): workers', Object.keys(cluster.workers).length,
                'ead', workers.map((w) => w.exitedAfterDisconnect).join(' '),
                'connected', workers.map((w) => w.isConnected()).join(' '));
    cluster.disconnect(() => console.log('cb2'));
    process.nextTick(() => console.log('tick after both calls'));
  });
  cluster.on('disconnect', (w) => racy.push(`disconnect ${w.id} state ${w.state}`));
  cluster.on('exit', (w, code, signal) => {
    racy.push(`exit ${w.id} ${code} ${signal} ead ${w.exitedAfterDisconnect}`);
    if (++exits < 3) return;
    setImmediate(() => {
      process.nextTick(() => console.log('tick before'));
      cluster.disconnect(() => console.log('cb3: workers', Object.keys(cluster.workers).length));
      process.nextTick(() => console.log('tick after'));
      console.log('sync after cb3 call');
    });
  });
  process.on('exit', () => {
    racy.sort();
    for (const l of racy) console.log(l);
  });
} else {
  net.createServer().listen(0);
  cluster.worker.on('disconnect', () => {
    process.exitCode = 10 + cluster.worker.id;
  });
}
