// test-child-process-ipc-next-tick: each message is emitted from its own tick, so a
// listener that throws does not stop the delivery of the others.
const cp = require('child_process');
const NUM_MESSAGES = 10;
const values = [];
for (let i = 0; i < NUM_MESSAGES; ++i) values[i] = i;
if (process.argv[2] === 'child') {
  const received = values.map(() => false);
  let calls = 0;
  process.on('uncaughtException', (err) => {
    calls++;
    received[err] = true;
    if (received.every((e) => e === true)) {
      console.log('child: all', calls, 'messages thrown and caught');
      process.disconnect();
    }
  });
  process.on('message', (msg) => { throw msg; });
  process.send('ready');
} else {
  const child = cp.fork(__filename, ['child']);
  child.on('message', (msg) => {
    console.log('parent got', msg);
    values.forEach((value) => child.send(value));
  });
  child.on('exit', (code) => console.log('child exit', code));
}
