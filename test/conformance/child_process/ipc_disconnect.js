// Disconnecting: 'disconnect' on both sides, connected false, channel null, a send after
// it fails with ERR_IPC_CHANNEL_CLOSED (to its callback, else as 'error'), a second
// disconnect() emits ERR_IPC_DISCONNECTED; the child without listeners then exits.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  process.on('disconnect', () => {
    console.log('child: disconnect, connected', process.connected, 'channel', process.channel);
    process.send('late', (err) => {
      console.log('child: late send', err.name, err.code, err.message);
    });
  });
  process.on('message', (m) => console.log('child: message', m));
  process.send('hello');
  return;
}
// The child's lines come back through a pipe and are printed after its exit, so the
// transcript does not depend on how the two processes are scheduled.
const child = fork(__filename, ['child'], { silent: true });
let childOut = '';
let pending = 2;
const flush = () => { if (--pending === 0) process.stdout.write(childOut); };
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => { childOut += d; });
child.stdout.on('end', flush);
child.on('error', (err) => console.log('parent: error', err.name, err.code, err.message));
child.on('message', (m) => {
  console.log('parent: message', m, 'connected', child.connected);
  child.disconnect();
  console.log('parent: after disconnect(), connected', child.connected, 'channel', child.channel);
  const ok = child.send('after', (err) => console.log('parent: send callback', err.code, err.message));
  console.log('parent: send returned', ok);
  child.send('after again');
});
child.on('disconnect', () => {
  console.log('parent: disconnect');
  child.disconnect();
});
child.on('exit', (code, signal) => {
  console.log('parent: child exit', code, signal);
  flush();
});
child.on('close', () => console.log('parent: close (Node never emits it after disconnect())'));
