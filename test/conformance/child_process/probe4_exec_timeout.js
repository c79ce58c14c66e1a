// exec/execFile timeout corners: a child that traps the kill signal and exits with a code
// (code set, killed true, signal null), numeric killSignal, output written before the
// timeout is kept, a timeout that fires after 'exit' while a grandchild holds the pipes
// (success with killed never reported, or an error with killed true), ENOENT with timeout.
const { exec, execFile } = require('child_process');
const show = (e) => e === null ? 'null' :
  [e.name, JSON.stringify(e.message), e.code, e.killed, e.signal, JSON.stringify(e.cmd)].join(' ');
const st = (c) => [c.exitCode, c.signalCode, c.killed].join(',');
const steps = [
  (next) => {
    const c = exec('trap "exit 9" TERM; echo ready; while :; do sleep 0.02; done', { timeout: 150 },
      (err, stdout, stderr) => { console.log('1:', show(err), JSON.stringify(stdout), st(c)); next(); });
  },
  (next) => {
    const c = execFile('sleep', ['5'], { timeout: 50, killSignal: 9 },
      (err, stdout) => { console.log('2:', show(err), JSON.stringify(stdout), st(c)); next(); });
  },
  (next) => {
    const c = exec('printf partial; printf err >&2; exec sleep 5', { timeout: 150, killSignal: 'SIGINT' },
      (err, stdout, stderr) => { console.log('3:', show(err), JSON.stringify(stdout), JSON.stringify(stderr), st(c)); next(); });
  },
  (next) => {
    // sh exits at once; the background sleep keeps stdout open until the timeout destroys it.
    const c = exec('echo hi; sleep 0.6 &', { timeout: 150 }, (err, stdout, stderr) => {
      console.log('4:', show(err), JSON.stringify(stdout), st(c));
      next();
    });
    c.on('exit', (code, sig) => console.log('4: exit', code, sig, 'kill now', c.kill(0)));
  },
  (next) => {
    const c = exec('echo hi; sleep 0.6 & exit 4', { timeout: 150 }, (err, stdout, stderr) => {
      console.log('5:', show(err), JSON.stringify(stdout), st(c));
      next();
    });
  },
  (next) => {
    execFile('nosuchcmd-probe4', ['a'], { timeout: 50 }, (err, stdout, stderr) => {
      console.log('6:', show(err), err.errno, err.syscall, err.path, err.spawnargs, JSON.stringify(stdout));
      setTimeout(next, 100);
    });
  },
  (next) => {
    // The child finishes before the timeout: no kill, success.
    const c = execFile('echo', ['quick'], { timeout: 1000 }, (err, stdout) => {
      console.log('7:', show(err), JSON.stringify(stdout), st(c));
      next();
    });
  },
  () => {
    // exit code and signal from a self-kill, with args in cmd.
    execFile('sh', ['-c', 'echo x >&2; kill -USR2 $$', 'zero'], (err, stdout, stderr) => {
      console.log('8:', show(err), JSON.stringify(stderr));
    });
  },
];
let i = 0;
const run = () => steps[i++](run);
run();
