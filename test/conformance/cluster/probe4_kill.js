// Ending workers five ways: worker.kill() (SIGTERM by default), process.kill(pid) from the
// primary, disconnect() then kill('SIGINT'), cluster.worker.kill() and
// cluster.worker.disconnect() in the worker. Per worker: 'exit' args, exitedAfterDisconnect,
// state, and cluster.workers membership at its second end event (the first one races).
const cluster = require('cluster');
if (cluster.isPrimary) {
  const lines = [];
  const roles = ['kill', 'processKill', 'disconnectThenKill', 'selfKill', 'selfDisconnect'];
  for (const role of roles) {
    const w = cluster.fork({ ROLE: role });
    let ends = 0;
    const second = () => {
      if (++ends === 2) {
        lines.push(`${role}: second end event: member ${w.id in cluster.workers}`);
      }
    };
    w.on('message', (m) => lines.push(`${role}: says ${m}`));
    w.on('online', () => {
      if (role === 'kill') {
        const r = w.kill();
        lines.push(`${role}: kill() returned ${r}`);
      } else if (role === 'processKill') {
        lines.push(`${role}: process.kill returned ${process.kill(w.process.pid)}`);
      } else if (role === 'disconnectThenKill') {
        w.disconnect();
      }
    });
    w.on('disconnect', () => {
      lines.push(`${role}: disconnect state=${w.state} ead=${w.exitedAfterDisconnect}`);
      if (role === 'disconnectThenKill') w.kill('SIGINT');
      second();
    });
    w.on('exit', (code, signal) => {
      lines.push(`${role}: exit code=${code} signal=${signal} ead=${w.exitedAfterDisconnect} ` +
                 `state=${w.state} dead=${w.isDead()} killed=${w.process.killed}`);
      second();
    });
  }
  process.on('exit', () => {
    lines.sort();
    for (const l of lines) console.log(l);
    console.log('workers left', Object.keys(cluster.workers).length);
  });
} else {
  const role = process.env.ROLE;
  if (role === 'selfKill') {
    cluster.worker.kill();
    process.send(`after kill() state ${cluster.worker.state} ead ` +
                 `${cluster.worker.exitedAfterDisconnect}`);
  } else if (role === 'selfDisconnect') {
    cluster.worker.disconnect();
    process.send(`after disconnect() state ${cluster.worker.state} ead ` +
                 `${cluster.worker.exitedAfterDisconnect}`);
  } else {
    setInterval(() => {}, 1000);
  }
}
