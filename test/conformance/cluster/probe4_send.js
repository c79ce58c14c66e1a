// Messages both ways: worker.send()'s return value and callback (next tick, null), value
// kinds, a NODE_-prefixed cmd going to 'internalMessage' instead of 'message', 'message' on
// the worker, on cluster and (in the worker) on cluster.worker and process; ERR_MISSING_ARGS for
// undefined; a send without callback after disconnect is false and an 'error' on the worker.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const ends = [];
  const w = cluster.fork();
  w.on('online', () => {
    const r = w.send({ n: 1, kind: 'object' }, (err) => console.log('primary send cb', err));
    console.log('send returned', r);
    process.nextTick(() => console.log('primary tick'));
    w.send('two');
    w.send(3.5);
    w.send([4, null, true, 'x']);
    w.send({ cmd: 'NODE_CUSTOM', n: 5 });
    w.send({ cmd: 'NODEX', n: 6 });
    try {
      w.send(undefined);
    } catch (e) {
      console.log('send(undefined):', e.code, e.message);
    }
    w.send('done');
  });
  w.on('message', (m, h) => console.log('worker message', JSON.stringify(m), h));
  cluster.on('message', (wk, m, h) => {
    console.log('cluster message', wk === w, typeof m, h);
  });
  w.on('error', (e) => console.log('worker error', e.code, e.message));
  w.on('disconnect', () => {
    console.log('disconnect; late send returned', w.send('late'));
  });
  w.on('exit', (code, signal) => ends.push(`exit ${code} ${signal}`));
  process.on('exit', () => console.log(ends.join('\n')));
} else {
  const got = [];
  const worker = cluster.worker;
  process.on('internalMessage', (m) => {
    if (m.cmd !== 'NODE_CLUSTER') got.push(`internal ${JSON.stringify(m)}`);
  });
  worker.on('message', (m, h) => got.push(`worker.on ${JSON.stringify(m)} ${h}`));
  process.on('message', (m) => {
    got.push(`process.on ${JSON.stringify(m)}`);
    if (m !== 'done') return;
    const order = [];
    const r = process.send({ got }, (err) => order.push(`cb ${err}`));
    order.push(`returned ${r}`);
    process.nextTick(() => order.push('tick'));
    setImmediate(() => {
      const r2 = worker.send({ order }, (err) => {
        const connected = worker.isConnected();
        worker.disconnect();
        process.send({ cbErr: err, connected, after: worker.isConnected(), state: worker.state });
      });
      order.push(`worker.send returned ${r2}`);
    });
  });
}
