// fork options: silent (the child's stdio piped to the parent), an explicit stdio array
// with 'ipc' at another index (NODE_CHANNEL_FD follows it), env, cwd, args.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  console.log('child: args', process.argv.slice(3), 'in /tmp', process.cwd() === '/tmp', 'FOO', process.env.FOO,
              'NODE_CHANNEL_FD', process.env.NODE_CHANNEL_FD);
  console.error('child: on stderr');
  process.send({ from: 'child' });
  return;
}
const silent = fork(__filename, ['child', 'a', 'b'], { silent: true, cwd: '/tmp', env: { FOO: 'foo' } });
let out = '', err = '';
silent.stdout.on('data', (d) => out += d);
silent.stderr.on('data', (d) => err += d);
silent.on('message', (m) => console.log('parent: message', m));
silent.on('close', (code) => {
  console.log('silent: stdout', JSON.stringify(out), 'stderr', JSON.stringify(err), 'code', code);
  const odd = fork(__filename, ['child', 'c'], { stdio: ['pipe', 'pipe', 'ignore', 'ignore', 'ipc'] });
  let out2 = '';
  odd.stdout.on('data', (d) => out2 += d);
  odd.on('message', (m) => console.log('parent: message', m));
  odd.on('close', (code) => {
    console.log('ipc at 4: stdout', JSON.stringify(out2), 'code', code, 'stdio', odd.stdio.length);
  });
});
