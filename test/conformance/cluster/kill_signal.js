// Worker death: kill('SIGKILL'), destroy() (SIGTERM) and a worker that exits with code 3.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const lines = [];
  const a = cluster.fork();
  const b = cluster.fork();
  const c = cluster.fork();
  a.on('online', () => a.kill('SIGKILL'));
  b.on('online', () => b.destroy());
  cluster.on('exit', (worker, code, signal) => {
    lines.push(`exit ${worker.id} code=${code} signal=${signal} ` +
               `exitedAfterDisconnect=${worker.exitedAfterDisconnect} dead=${worker.isDead()}`);
  });
  cluster.on('disconnect', (worker) => lines.push(`disconnect ${worker.id}`));
  process.on('exit', () => {
    lines.sort();
    for (const l of lines) console.log(l);
    console.log('workers left', Object.keys(cluster.workers).length);
  });
} else if (cluster.worker.id === 3) {
  process.exit(3);
} else {
  setInterval(() => {}, 1000);
}
