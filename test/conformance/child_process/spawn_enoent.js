// A command that does not exist: 'error' (spawn ENOENT) on the next tick, no 'spawn', no
// 'exit'; 'close' with the error number once the unused stdio streams closed.
const { spawn } = require('child_process');
const child = spawn('nosuchcmd', ['a', 'b']);
console.log('pid', child.pid, 'stdin', child.stdin !== null, 'stdio', child.stdio.length);
console.log('connected', child.connected, 'killed', child.killed);
child.on('spawn', () => console.log('spawn (unexpected)'));
child.on('exit', () => console.log('exit (unexpected)'));
child.on('error', (err) => {
  console.log('error:', err.message);
  console.log(err.errno, err.code, err.syscall, err.path, err.spawnargs);
  console.log('exitCode', child.exitCode, 'signalCode', child.signalCode);
});
child.on('close', (code, signal) => {
  console.log('close', code, signal);
  console.log('kill after close', child.kill());
});
process.nextTick(() => console.log('tick'));
