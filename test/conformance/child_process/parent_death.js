// A parent that dies: its forked child sees 'disconnect' (EOF on the channel).
// Three processes: this one spawns a middle process that forks a grandchild and exits.
const { fork, spawn } = require('child_process');
if (process.argv[2] === 'grandchild') {
  process.on('disconnect', () => {
    console.log('grandchild: disconnect, connected', process.connected);
  });
  process.send('up');
  return;
}
if (process.argv[2] === 'middle') {
  const g = fork(__filename, ['grandchild']);
  g.on('message', (m) => {
    console.log('middle: grandchild is', m, '; exiting');
    process.exit(0);
  });
  return;
}
// The middle's stdout is a pipe shared with the grandchild: it ends once both are gone.
const middle = spawn(process.execPath, [__filename, 'middle'], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
middle.stdout.setEncoding('utf8');
middle.stdout.on('data', (d) => output += d);
middle.on('close', (code) => {
  console.log('middle exit', code);
  process.stdout.write(output);
});
