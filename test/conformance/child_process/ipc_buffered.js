// Messages that arrive before any 'message' listener are kept and delivered, in order,
// once one is added; internal (NODE_-prefixed cmd) messages only reach 'internalMessage'
// and are never held back.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  process.send({ n: 1 });
  process.send({ cmd: 'NODE_CUSTOM', n: 2 });
  process.send({ n: 3 });
  process.send({ cmd: 'NODE_', n: 4 });
  process.send('NODE_X');
  process.send([1, 'two', { three: 3 }, null, true]);
  process.send(3.25);
  process.send({ cmd: 'NODE_DONE' }, () => process.disconnect());
  return;
}
const child = fork(__filename, ['child']);
child.on('internalMessage', (m) => {
  console.log('internalMessage', m);
  if (m.cmd === 'NODE_DONE') {
    console.log('adding a message listener');
    child.on('message', (m) => console.log('message', m));
  }
});
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code) => console.log('exit', code));
