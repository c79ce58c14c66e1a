// Killing a child: 'exit' and 'close' with (null, signal), killed, signalCode; kill(0)
// probes, an unknown signal throws, a kill after exit returns false.
const { spawn } = require('child_process');
const child = spawn('sleep', ['10']);
child.on('spawn', () => {
  console.log('spawn; pid is a number:', typeof child.pid === 'number');
  console.log('kill(0)', child.kill(0), 'killed', child.killed);
  try { child.kill('SIGNOPE'); } catch (e) { console.log(e.name, e.code, e.message); }
  try { child.kill(1234); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log('kill(SIGKILL)', child.kill('SIGKILL'), 'killed', child.killed);
});
child.on('exit', (code, signal) => {
  console.log('exit', code, signal, 'exitCode', child.exitCode, 'signalCode', child.signalCode);
  console.log('kill after exit', child.kill());
});
child.on('close', (code, signal) => {
  console.log('close', code, signal);
  const c2 = spawn('sh', ['-c', 'kill -TERM $$']);
  c2.on('exit', (code, signal) => console.log('self-terminated: exit', code, signal, 'killed', c2.killed));
  c2.on('close', (code, signal) => {
    console.log('self-terminated: close', code, signal);
    const c3 = spawn('sh', ['-c', 'exit 7']);
    c3.on('exit', (code, signal) => console.log('exit 7: exit', code, signal));
  });
});
