// Spawn failures and odd executables: event order of ENOENT with pipes (stream events
// before 'close'), a relative path, a non-executable file (EACCES), an executable without
// a shebang (run by /bin/sh), an empty executable, the same through spawnSync.
const { spawn, spawnSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodecc-probe4-'));
fs.writeFileSync(path.join(dir, 'noexec'), 'echo should-not-run\n');
fs.writeFileSync(path.join(dir, 'noshebang'), 'echo "no shebang: $0 $1"\nexit 7\n');
fs.writeFileSync(path.join(dir, 'empty'), '');
execSync(`chmod 644 ${dir}/noexec; chmod 755 ${dir}/noshebang ${dir}/empty`);

function run(label, file, args, opts, next) {
  const c = spawn(file, args, opts);
  const ev = [];
  const rec = (name) => ev.push(name);
  console.log(label, 'sync', typeof c.pid, c.stdio.map((s) => s && 'stream'));
  c.on('spawn', () => rec('spawn'));
  c.on('error', (e) => { rec('error'); console.log(label, 'error', e.message.replace(dir, 'DIR'), e.code, e.errno, e.syscall.replace(dir, 'DIR'), e.path === file, e.spawnargs, c.exitCode); });
  c.on('exit', (code, sig) => rec(`exit ${code} ${sig}`));
  let out = '';
  if (c.stdout) c.stdout.on('data', (d) => out += d);
  c.on('close', (code, sig) => {
    rec(`close ${code} ${sig}`);
    console.log(label, ev.join(' | '), JSON.stringify(out.replace(dir, 'DIR')),
                'closed', c.stdio.map((s) => s && s.closed));
    console.log(label, 'stdin destroyed', c.stdin && c.stdin.destroyed, 'writable', c.stdin && c.stdin.writable);
    next();
  });
}
const steps = [
  (next) => run('enoent', 'nosuchcmd-probe4', ['a', 'b'], {}, next),
  (next) => run('relative', './nosuch-probe4', [], { cwd: dir }, next),
  (next) => run('eacces', path.join(dir, 'noexec'), ['x'], {}, next),
  (next) => run('noshebang', path.join(dir, 'noshebang'), ['arg1'], {}, next),
  (next) => run('empty', path.join(dir, 'empty'), [], {}, next),
  (next) => run('enoent-ignore', 'nosuchcmd-probe4', [], { stdio: ['ignore', 'pipe', 'ignore'] }, next),
  () => {
    for (const f of ['noexec', 'noshebang', 'empty']) {
      const r = spawnSync(path.join(dir, f), ['s'], { encoding: 'utf8' });
      console.log('sync', f, r.status, r.signal, JSON.stringify(r.stdout && r.stdout.replace(dir, 'DIR')),
                  r.error && [r.error.code, r.error.syscall.replace(dir, 'DIR'), r.error.path === path.join(dir, f), r.error.spawnargs]);
    }
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  },
];
let i = 0;
const step = () => steps[i++](step);
step();
