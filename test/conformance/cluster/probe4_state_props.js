// Worker state properties (id, state, isConnected(), isDead(), exitedAfterDisconnect) at each
// event on both sides, and cluster.workers membership. Once the primary calls disconnect() its
// lines are collected and printed sorted at exit (the worker prints then, and 'exit' and
// 'disconnect' race).
const cluster = require('cluster');
const net = require('net');
const util = require('util');
const props = (w) => `id=${w.id} state=${w.state} connected=${w.isConnected()} ` +
                     `dead=${w.isDead()} ead=${w.exitedAfterDisconnect}`;
if (cluster.isPrimary) {
  const late = [];
  let disconnecting = false;
  const log = (...a) => disconnecting ? late.push(util.format(...a)) : console.log(...a);
  const w = cluster.fork();
  log('after fork:', props(w), 'member', w.id in cluster.workers);
  cluster.on('fork', (wk) => log('cluster fork:', props(wk), 'same', wk === w));
  w.on('online', () => log('online:', props(w)));
  cluster.on('online', (wk) => log('cluster online:', props(wk)));
  w.on('message', (m) => log('worker says', JSON.stringify(m)));
  w.on('listening', () => {
    log('listening:', props(w));
    w.disconnect();
    disconnecting = true;
    log('after disconnect():', props(w), 'member', w.id in cluster.workers);
  });
  w.on('disconnect', () => log('disconnect: state', w.state, 'connected', w.isConnected(), 'ead',
                               w.exitedAfterDisconnect, 'member', w.id in cluster.workers));
  w.on('exit', (code, signal) => log('exit', code, signal, 'state', w.state, 'dead', w.isDead(),
                                     'ead', w.exitedAfterDisconnect, 'member',
                                     w.id in cluster.workers));
  process.on('exit', () => {
    late.sort();
    for (const l of late) console.log(l);
    console.log('final: connected', w.isConnected(), 'dead', w.isDead(), 'ead',
                w.exitedAfterDisconnect, 'workers', Object.keys(cluster.workers).length);
  });
} else {
  const w = cluster.worker;
  process.send({ at: 'start', props: props(w) });
  const server = net.createServer();
  server.listen(0, () => {
    process.send({ at: 'listen callback', state: w.state });
    process.nextTick(() => process.send({ at: 'tick after listen', state: w.state }));
  });
  w.on('disconnect', () => {
    console.log('worker side disconnect:', props(w), 'listening', server.listening);
    process.exitCode = 4;
    console.log('worker side after exitCode = 4: dead', w.isDead());
  });
}
