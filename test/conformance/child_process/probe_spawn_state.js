// ChildProcess state at each step: before 'spawn', at 'spawn', 'exit', stdout 'end', 'close';
// spawnargs with argv0; kill() default signal and numeric signals; kill of an exited child.
const { spawn } = require('child_process');
const st = (c) => [c.exitCode, c.signalCode, c.killed, typeof c.pid, c.connected].join(',');
function run(label, cmd, args, opts, atSpawn, next) {
  const c = spawn(cmd, args, opts);
  const seen = [];
  console.log(label, 'sync', st(c), c.spawnfile, c.spawnargs, c.stdio.length);
  c.on('spawn', () => { console.log(label, 'spawn', st(c)); if (atSpawn) atSpawn(c); });
  c.stdout.on('end', () => seen.push('end'));
  c.on('exit', (code, signal) => {
    seen.push('exit');
    console.log(label, 'exit', code, signal, st(c), 'stdin destroyed', c.stdin.destroyed);
  });
  c.on('close', (code, signal) => {
    console.log(label, 'close', code, signal, st(c), seen.includes('exit'), seen.includes('end'));
    console.log(label, 'kill after close', c.kill(), c.killed);
    next();
  });
}
run('A', 'sh', ['-c', 'echo hi; exit 2'], { argv0: 'zero' }, null, () => {
  run('B', 'sleep', ['10'], {}, (c) => {
    console.log('B kill()', c.kill(), st(c));
  }, () => {
    run('C', 'sleep', ['10'], {}, (c) => {
      console.log('C kill(9)', c.kill(9), st(c));
      console.log('C kill(SIGHUP) again', c.kill('SIGHUP'), st(c));
    }, () => {
      run('D', 'sh', ['-c', 'trap "exit 5" USR1; echo ready; while :; do sleep 0.05; done'], {}, (c) => {
        c.stdout.once('data', () => console.log('D kill(SIGUSR1)', c.kill('SIGUSR1'), st(c)));
      }, () => console.log('done'));
    });
  });
});
