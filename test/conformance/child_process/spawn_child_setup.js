// What the child starts with: stdio slots that swap the parent's descriptors, the PATH of
// the child's own environment (executable entries only, in order), a missing cwd, a new
// session when detached, default signal dispositions and an empty signal mask.
const { spawn, execSync } = require('child_process');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), `nodecc-cp-setup-${process.pid}`);
execSync(`mkdir -p ${dir}/a ${dir}/b && printf 'x' > ${dir}/a/nodecc-pathtool && ` +
         `printf '#!/bin/sh\\necho from-b "$@"\\n' > ${dir}/b/nodecc-pathtool && ` +
         `chmod +x ${dir}/b/nodecc-pathtool`);

function run(label, cmd, args, options, next) {
  const c = spawn(cmd, args, options);
  let out = '';
  if (c.stdout) {
    c.stdout.setEncoding('utf8');
    c.stdout.on('data', (d) => out += d);
  }
  c.on('error', (err) => console.log(label, 'error', err.code, err.syscall, err.path));
  c.on('close', (code, signal) => {
    console.log(label, 'close', code, signal, JSON.stringify(out));
    next();
  });
}

const steps = [
  // stdout of the child goes to our stderr (filtered out), its stderr to our stdout.
  (next) => run('swap', 'sh', ['-c', 'echo swapped-to-stderr; echo swapped-to-stdout >&2'],
                { stdio: ['ignore', 2, 1] }, next),
  (next) => run('path', 'nodecc-pathtool', ['arg'], { env: { PATH: `${dir}/a:${dir}/b` } }, next),
  (next) => run('path-noexec', 'nodecc-pathtool', [], { env: { PATH: `${dir}/a` } }, next),
  (next) => run('path-missing', 'nodecc-pathtool', [], { env: { PATH: '/nonexistent' } }, next),
  (next) => run('cwd', 'sh', ['-c', 'basename "$(pwd)"'], { cwd: `${dir}/b` }, next),
  (next) => run('cwd-missing', 'sh', ['-c', 'pwd'], { cwd: `${dir}/nope` }, next),
  (next) => run('session', 'sh',
                ['-c', 'read p c s pp pg sid r < /proc/$$/stat; [ "$sid" = "$$" ] && echo leader || echo member'],
                {}, next),
  (next) => run('detached', 'sh',
                ['-c', 'read p c s pp pg sid r < /proc/$$/stat; [ "$sid" = "$$" ] && echo leader || echo member'],
                { detached: true }, next),
  (next) => run('signals', 'grep', ['-E', '^Sig(Blk|Ign)', '/proc/self/status'], {}, next),
];

function step(i) {
  if (i === steps.length) {
    execSync(`rm -rf ${dir}`);
    console.log('done');
    return;
  }
  steps[i](() => step(i + 1));
}
step(0);
