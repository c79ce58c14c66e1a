// Argument checking: Node's errors, thrown synchronously.
const cp = require('child_process');
const tries = [
  ['empty file', () => cp.spawn('')],
  ['null byte in args', () => cp.spawn('ls', ['a\0b'])],
  ['null byte in file', () => cp.spawn('l\0s')],
  ['bad stdio string', () => cp.spawn('ls', [], { stdio: 'foo' })],
  ['bad stdio entry', () => cp.spawn('ls', [], { stdio: ['pipe', 'bogus'] })],
  ['two ipc', () => cp.spawn('ls', [], { stdio: ['ipc', 'ipc'] })],
  ['bad killSignal', () => cp.spawn('ls', [], { killSignal: 'SIGFOO' })],
  ['bad killSignal number', () => cp.spawn('ls', [], { killSignal: 99 })],
  ['negative timeout', () => cp.spawn('ls', [], { timeout: -1 })],
  ['fractional timeout', () => cp.spawn('ls', [], { timeout: 1.5 })],
  ['fork without ipc', () => cp.fork('x.js', [], { stdio: ['pipe', 'pipe', 'pipe'] })],
  ['bad serialization', () => cp.spawn('ls', [], { serialization: 'foo' })],
  ['negative maxBuffer', () => cp.execFile('ls', [], { maxBuffer: -1 })],
  ['ipc in spawnSync', () => cp.spawnSync('ls', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })],
  ['null byte in cwd', () => cp.spawn('ls', [], { cwd: 'a\0b' })],
  ['null byte in env', () => cp.spawn('ls', [], { env: { A: 'x\0y' } })],
  ['null byte in argv0', () => cp.spawn('ls', [], { argv0: 'a\0' })],
];
for (const [name, t] of tries) {
  try { t(); console.log(name, ': no error'); } catch (e) { console.log(name, ':', e.name, e.code, e.message); }
}
const c = cp.spawn('true');
console.log('no ipc: send', typeof c.send, 'disconnect', typeof c.disconnect, 'connected', c.connected, 'channel', c.channel);
c.on('close', (code) => console.log('true closed', code));
