// When 'close' comes relative to 'exit': all-'ignore' and 'inherit' stdio close in the same
// tick as 'exit'; an unconsumed stdout is flushed; a 'data' listener added at 'exit' still
// gets the buffered output; ENOENT with 'ignore' closes right after 'error'; unref().
const { spawn } = require('child_process');
const st = (c) => [c.exitCode, c.signalCode, c.killed, typeof c.pid].join(',');
function later(label) {
  process.nextTick(() => console.log(label, 'nextTick'));
  Promise.resolve().then(() => console.log(label, 'microtask'));
  setImmediate(() => console.log(label, 'immediate'));
}
const steps = [
  (next) => {
    const c = spawn('sh', ['-c', 'exit 3'], { stdio: 'ignore' });
    console.log('A', c.stdin, c.stdout, c.stderr, c.stdio);
    c.on('spawn', () => console.log('A spawn', st(c)));
    c.on('exit', (code, sig) => { console.log('A exit', code, sig, st(c)); later('A'); });
    c.on('close', (code, sig) => { console.log('A close', code, sig); setTimeout(next, 20); });
  },
  (next) => {
    const c = spawn('sh', ['-c', 'read x; echo "got $x"'], { stdio: ['pipe', 'inherit', 'ignore'] });
    console.log('B', c.stdin !== null, c.stdout, c.stderr, c.stdio.map((s) => s && 'stream'));
    c.on('spawn', () => { console.log('B spawn'); c.stdin.end('line\n'); });
    c.on('exit', (code, sig) => { console.log('B exit', code, sig, 'stdin destroyed', c.stdin.destroyed); later('B'); });
    c.on('close', (code, sig) => { console.log('B close', code, sig); setTimeout(next, 20); });
  },
  (next) => {
    // Nobody reads stdout: 'close' still comes (the streams are resumed after 'exit').
    const c = spawn('sh', ['-c', 'echo unread; echo unread2 >&2']);
    let ended = 0;
    c.stdout.on('end', () => ended++);
    c.stderr.on('end', () => ended++);
    c.on('close', (code) => {
      console.log('C close', code, 'ends', ended, 'flowing', c.stdout.readableFlowing, c.stderr.readableFlowing);
      next();
    });
  },
  (next) => {
    // A 'data' listener added in the 'exit' listener still sees the output.
    const c = spawn('sh', ['-c', 'echo late-data'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const ev = [];
    c.on('exit', (code) => {
      ev.push('exit ' + code);
      c.stdout.on('data', (d) => ev.push('data ' + JSON.stringify(String(d))));
      c.stdout.on('end', () => ev.push('end'));
    });
    c.on('close', (code) => { ev.push('close ' + code); console.log('D', ev.join(' | ')); next(); });
  },
  (next) => {
    const c = spawn('nosuchcmd-probe4', ['x'], { stdio: 'ignore' });
    console.log('E', st(c), c.stdio);
    c.on('spawn', () => console.log('E spawn (unexpected)'));
    c.on('error', (e) => { console.log('E error', e.message, e.code, e.errno, st(c)); later('E'); });
    c.on('close', (code, sig) => { console.log('E close', code, sig, 'kill', c.kill()); setTimeout(next, 20); });
  },
  (next) => {
    const c = spawn('sh', ['-c', 'exit 0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    c.stdout.destroy();
    console.log('F destroyed before spawn', c.stdout.destroyed);
    c.on('spawn', () => console.log('F spawn'));
    c.on('exit', (code) => console.log('F exit', code));
    c.on('close', (code) => { console.log('F close', code, 'stdout closed', c.stdout.closed); next(); });
  },
  () => {
    const c = spawn('sleep', ['0.2'], { stdio: 'ignore' });
    c.unref();
    c.on('spawn', () => console.log('G spawn'));
    c.on('exit', () => console.log('G exit (unexpected)'));
    process.on('exit', () => console.log('G process exit', c.exitCode));
  },
];
let i = 0;
const run = () => steps[i++](run);
run();
