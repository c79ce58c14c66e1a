// A worker's life seen from the primary: 'fork', 'online', 'listening', then a primary-initiated
// disconnect; 'disconnect' and 'exit' race, so they are collected and printed sorted at exit.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  console.log('isPrimary', cluster.isPrimary, 'isMaster', cluster.isMaster, 'isWorker',
              cluster.isWorker);
  const w = cluster.fork();
  console.log('forked id', w.id, 'state', w.state, 'workers', Object.keys(cluster.workers));
  cluster.on('fork', (worker) => console.log('cluster fork', worker.id, worker.state));
  cluster.on('online', (worker) => console.log('cluster online', worker.id, worker.state));
  w.on('online', () => console.log('worker online', w.state));
  w.on('listening', (address) => {
    console.log('worker listening', address.addressType, address.address, typeof address.port);
  });
  cluster.on('listening', (worker, address) => {
    console.log('cluster listening', worker.id, worker.state, address.port > 0);
    worker.disconnect();
    console.log('after disconnect(): exitedAfterDisconnect', worker.exitedAfterDisconnect,
                'workers', Object.keys(cluster.workers));
  });
  const ends = [];
  w.on('disconnect', () => ends.push('worker disconnect'));
  w.on('exit', (code, signal) => ends.push(`worker exit ${code} ${signal}`));
  cluster.on('disconnect', (worker) => ends.push(`cluster disconnect ${worker.id}`));
  cluster.on('exit', (worker, code, signal) => {
    ends.push(`cluster exit ${worker.id} ${code} ${signal}`);
  });
  process.on('exit', () => {
    ends.sort();
    for (const e of ends) console.log(e);
    console.log('exitedAfterDisconnect', w.exitedAfterDisconnect, 'isDead', w.isDead(),
                'isConnected', w.isConnected());
  });
} else {
  net.createServer().listen(0);
}
