// Messages both ways: workers' messages reach worker 'message' and cluster 'message'; the
// primary answers through worker.send(); once a worker is disconnected a send fails with
// ERR_IPC_CHANNEL_CLOSED. 'exit' and 'disconnect' race, so the lines are printed sorted at exit.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const got = [];
  const workers = [cluster.fork(), cluster.fork()];
  let done = 0;
  cluster.on('message', (worker, message, handle) => {
    got.push(`cluster message from ${worker.id}: ${JSON.stringify(message)} ${handle}`);
    if (message.hello) worker.send({ echo: message.hello });
    if (message.gotEcho && ++done === 2) {
      cluster.disconnect(() => got.push(`disconnected; workers left ${Object.keys(cluster.workers).length}`));
    }
  });
  // Once its channel is closed, a send fails (the callback gets the error).
  workers[0].on('disconnect', () => {
    workers[0].send('late', (err) => got.push(`late send: ${err.code} ${err.message}`));
  });
  process.on('exit', () => {
    got.sort();
    for (const g of got) console.log(g);
  });
  for (const w of workers) {
    w.on('message', (message) => got.push(`worker ${w.id} message: ${JSON.stringify(message)}`));
  }
} else {
  const id = cluster.worker.id;
  process.on('message', (message) => {
    process.send({ gotEcho: message.echo, viaProcess: true });
  });
  cluster.worker.on('message', (message) => {
    if (message.echo !== id) process.send({ wrong: true });
  });
  cluster.worker.send({ hello: id, isWorker: cluster.isWorker, isPrimary: cluster.isPrimary });
}
