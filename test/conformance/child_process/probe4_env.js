// Environment passing: process.env changes reach children that take the default env, an
// explicit env replaces it (no PATH: the command is still found, the shell sees no PATH),
// empty values, '=' in keys and values, {...process.env} with a deletion, exec/execFileSync.
const { spawn, exec, execFileSync, spawnSync } = require('child_process');
process.env.P4_ADDED = 'added value';
process.env.P4_EMPTY = '';
delete process.env.P4_NEVER;
function run(label, args, opts, next) {
  const c = spawn('sh', ['-c', ...args], opts);
  let out = '';
  c.stdout.on('data', (d) => out += d);
  c.on('error', (e) => console.log(label, 'error', e.code));
  c.on('close', (code) => { console.log(label, code, JSON.stringify(out)); next(); });
}
const show = 'echo "[${P4_ADDED-unset}][${P4_EMPTY-unset}][${P4_X-unset}][${PATH+path-set}]"';
const steps = [
  (next) => run('default', [show], {}, next),
  (next) => run('explicit', [show], { env: { P4_X: 'x=1=2' } }, next),
  (next) => run('empty env', [show], { env: {} }, next),
  (next) => {
    const env = { ...process.env, P4_X: 'copy' };
    delete env.P4_ADDED;
    run('copy', [show], { env }, next);
  },
  (next) => {
    exec(show, { env: { P4_EMPTY: 'exec' } }, (err, stdout) => {
      console.log('exec', err, JSON.stringify(stdout));
      next();
    });
  },
  (next) => {
    // Found without PATH in the child's env; the child's own `env` lists only our pair.
    const c = spawn('env', [], { env: { ONLY: '1' } });
    let out = '';
    c.stdout.on('data', (d) => out += d);
    c.on('error', (e) => console.log('env-lookup error', e.code, e.syscall));
    c.on('close', (code) => { console.log('env-lookup', code, JSON.stringify(out)); next(); });
  },
  () => {
    console.log('sync', execFileSync('sh', ['-c', show], { env: { P4_ADDED: 'sync', PATH: '/bin' }, encoding: 'utf8' }));
    const r = spawnSync('env', { env: { 'A=B': 'c', '': 'empty-key' }, encoding: 'utf8' });
    console.log('sync env', r.status, JSON.stringify(r.stdout), r.error && r.error.code);
    delete process.env.P4_ADDED;
    console.log('after delete', execFileSync('sh', ['-c', show], { encoding: 'utf8' }));
  },
];
let i = 0;
const step = () => steps[i++](step);
step();
