// test-child-process-fork: parent and child exchange messages; an undefined message
// throws ERR_MISSING_ARGS; the child exits 0 once it stops listening.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  // Printed once the parent has spoken, so that the lines of the two processes come in
  // an order that does not depend on scheduling.
  process.on('message', function onmessage(m) {
    console.log('CHILD: connected', process.connected, 'channel', process.channel != null);
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
// 'exit' (SIGCHLD) and 'disconnect' (EOF on the channel) race each other, in Node too:
// both are printed, sorted, at 'close', which comes after both.
const seen = [];
n.on('exit', (code, signal) => seen.push(`exit ${code} ${signal}`));
n.on('disconnect', () => seen.push(`disconnect ${n.connected}`));
n.on('close', (code, signal) => {
  console.log(seen.sort().join('; '));
  console.log('close', code, signal);
});
