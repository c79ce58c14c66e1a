// kill() corners: a child ignoring SIGTERM (true, killed, still running, then SIGKILL),
// SIGSTOP/SIGCONT (no 'exit' while stopped), numeric signals, signal names Node rejects,
// kill() between 'exit' and 'close' (false, killed stays false), kill(0) after exit.
const { spawn } = require('child_process');
const st = (c) => [c.exitCode, c.signalCode, c.killed].join(',');
const steps = [
  (next) => {
    const c = spawn('sh', ['-c', 'trap "" TERM; echo ready; exec sleep 10']);
    c.stdout.once('data', () => {
      console.log('1: kill()', c.kill(), st(c));
      setTimeout(() => {
        console.log('1: after 100ms', st(c), 'kill(0)', c.kill(0));
        console.log('1: kill(SIGKILL)', c.kill('SIGKILL'), st(c));
      }, 100);
    });
    c.on('exit', (code, sig) => console.log('1: exit', code, sig, st(c)));
    c.on('close', (code, sig) => { console.log('1: close', code, sig); next(); });
  },
  (next) => {
    const c = spawn('sh', ['-c', 'echo ready; read x; echo "got $x"; exit 3']);
    let out = '';
    c.stdout.on('data', (d) => {
      out += d;
      if (out === 'ready\n') {
        console.log('2: SIGSTOP', c.kill('SIGSTOP'), st(c));
        setTimeout(() => {
          console.log('2: stopped', st(c), 'SIGCONT', c.kill('SIGCONT'), st(c));
          c.stdin.end('line\n');
        }, 100);
      }
    });
    c.on('exit', (code, sig) => console.log('2: exit', code, sig, st(c)));
    c.on('close', (code) => { console.log('2: close', code, JSON.stringify(out)); next(); });
  },
  (next) => {
    const c = spawn('sleep', ['10']);
    for (const s of ['', 'TERM', -1, 'SIGRTMIN', 'SIGCLD', 'sigterm']) {
      try { console.log('3:', JSON.stringify(s), c.kill(s)); } catch (e) { console.log('3:', JSON.stringify(s), e.name, e.code, e.message); }
    }
    console.log('3: killed', c.killed);
    console.log('3: kill(15)', c.kill(15), st(c));
    c.on('exit', (code, sig) => console.log('3: exit', code, sig, st(c)));
    c.on('close', () => next());
  },
  (next) => {
    const c = spawn('sh', ['-c', 'sleep 0.3 & exit 0']);
    c.on('exit', (code, sig) => {
      console.log('4: exit', code, sig, 'kill()', c.kill(), 'kill(0)', c.kill(0), st(c), 'pid', typeof c.pid);
      setTimeout(() => console.log('4: later kill', c.kill('SIGKILL'), st(c)), 20);
    });
    c.on('close', (code, sig) => { console.log('4: close', code, sig, st(c)); next(); });
  },
  () => {
    const c = spawn('sh', ['-c', 'exit 0'], { stdio: 'ignore' });
    c.on('exit', () => console.log('5: exit', 'kill(0)', c.kill(0), st(c)));
    c.on('close', () => console.log('5: close', 'kill()', c.kill(), st(c)));
  },
];
let i = 0;
const run = () => steps[i++](run);
run();
