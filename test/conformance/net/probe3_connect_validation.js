// connect() option validation (thrown synchronously, leaving the socket 'opening'), and a socket
// destroyed during the host lookup: with a fixed family the 'lookup' event still fires, with
// autoSelectFamily (family 0) it does not.
const net = require('net');
const cases = [
  { port: -1, host: '127.0.0.1' },
  { port: 65536 },
  { port: 80, host: 'localhost', family: 5 },
  { port: 80, host: 'localhost', hints: 12345 },
  { port: 80, host: 'localhost', family: 4, hints: 12345 },
  { port: 80, host: 'localhost', localAddress: '::1x' },
  { port: 80, host: '', family: 4 },
  { port: 80, host: 'localhost', family: 4 },
  { port: 80, host: 'localhost' },
  { port: 80, host: 'localhost', autoSelectFamily: false },
];
function run(i) {
  if (i === cases.length) return;
  const o = cases[i];
  const c = new net.Socket();
  const lookups = [];  // printed later: a lookup may finish before or after 'close'
  c.on('lookup', (err, address, family, host) =>
    lookups.push([`  [${i}] lookup`, err, address, family, host, 'connecting', c.connecting]));
  c.on('connect', () => console.log(`  [${i}] connect (unexpected)`));
  c.on('error', (e) => console.log(`  [${i}] error`, e.code));
  c.on('close', (e) => console.log(`  [${i}] close`, e));
  try {
    c.connect(o, () => console.log(`  [${i}] connect cb (unexpected)`));
    console.log(`[${i}] no throw`, c.connecting, c.readyState);
  } catch (e) { console.log(`[${i}]`, e.name, e.code, e.message); }
  console.log(`  [${i}] after:`, c.connecting, c.pending, c.readyState, 'connect listeners', c.listenerCount('connect'));
  c.destroy();
  console.log(`  [${i}] destroyed:`, c.connecting, c.readyState);
  setTimeout(() => {
    for (const l of lookups) console.log(...l);
    run(i + 1);
  }, 50);
}
run(0);
