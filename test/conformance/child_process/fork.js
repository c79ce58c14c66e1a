// test-child-process-fork: parent and child exchange messages; an undefined message
// throws ERR_MISSING_ARGS; the child exits 0 once it stops listening.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  console.log('CHILD: connected', process.connected, 'channel', process.channel != null);
  process.on('message', function onmessage(m) {
    console.log('CHILD got message:', m);
    process.removeListener('message', onmessage);
  });
  process.send({ foo: 'bar' });
  return;
}
const n = fork(__filename, ['child']);
console.log('connected', n.connected, 'channel', n.channel != null, 'pid', typeof n.pid);
n.on('message', (m) => {
  console.log('PARENT got message:', m);
  n.send({ hello: 'world' });
});
try { n.send(undefined); } catch (e) { console.log(e.name, e.code, e.message); }
n.on('exit', (code, signal) => console.log('exit', code, signal));
n.on('disconnect', () => console.log('disconnect', n.connected));
n.on('close', (code, signal) => console.log('close', code, signal));
