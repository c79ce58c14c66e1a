// stdio forms: mixed arrays, short arrays (padded with 'pipe'), undefined/negative slots,
// 'overlapped', 'ignore', and writing to child.stdin after the child exited.
const { spawn } = require('child_process');
const kinds = (c) => c.stdio.map((s) => s === null ? null : 'stream').join(',');
const script = 'echo out; echo err >&2';
const forms = [
  ['pipe', 'ignore', 'pipe'],
  ['ignore'],
  [undefined, -1, null, undefined],
  'overlapped',
  'ignore',
  ['pipe', 'pipe', 'pipe', 'pipe', 'ignore', 'pipe'],
];
function step(i) {
  if (i === forms.length) return late();
  const c = spawn('sh', ['-c', script], { stdio: forms[i] });
  let out = '', err = '';
  if (c.stdout) c.stdout.on('data', (d) => out += d);
  if (c.stderr) c.stderr.on('data', (d) => err += d);
  console.log(i, 'stdio', c.stdio.length, kinds(c), 'stdin', c.stdin === c.stdio[0],
              'stdout', c.stdout === null ? null : c.stdout === c.stdio[1]);
  c.on('close', (code) => {
    console.log(i, 'close', code, JSON.stringify(out), JSON.stringify(err));
    step(i + 1);
  });
}
function late() {
  const c = spawn('true');
  c.stdin.on('error', (e) => console.log('late: stdin error', e.code));
  c.on('exit', (code) => console.log('late: exit', code, 'destroyed', c.stdin.destroyed));
  c.on('close', (code) => {
    console.log('late: close', code, 'destroyed', c.stdin.destroyed, 'writable', c.stdin.writable);
    const r = c.stdin.write('late', (err) => console.log('late: write cb', err.name, err.code, err.message));
    console.log('late: write returned', r);
    c.stdin.end(() => console.log('late: end cb'));
  });
}
step(0);
