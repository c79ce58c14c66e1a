'use strict';
// IPC throughput: fork this script as the child, send N messages {i, s} at once; the child
// sends each back; count the replies in order (port: ../ipc_roundtrip.cc).
const { fork } = require('child_process');
if (process.argv.includes('child')) {
  process.on('message', (m) => process.send(m));
  return;
}
const N = process.argv.includes('--quick') ? 1000 : 200000;
const child = fork(__filename, ['child']);
let got = 0;
const start = process.hrtime.bigint();
child.on('message', (m) => {
  if (m.i !== got) throw new Error('out of order');
  if (++got === N) {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`BENCHDATA name=ipc_roundtrip unit=msgs/s value=${(N / secs).toFixed(3)} better=higher`);
    child.disconnect();
  }
});
for (let i = 0; i < N; i++) child.send({ i, s: 'hello' });
