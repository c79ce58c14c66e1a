// Option edge cases: an empty shell string (no shell), empty argv0/cwd, exec of an empty
// command, killSignal 0, sync option checks, a cwd that is a file (thrown, not emitted).
const cp = require('child_process');
const tries = [
  ['exec empty', () => cp.exec('')],
  ['execFile empty', () => cp.execFile('')],
  ['execSync empty', () => cp.execSync('')],
  ['killSignal 0', () => cp.spawn('true', [], { killSignal: 0 })],
  ['exec killSignal 0', () => cp.exec('true', { killSignal: 0 })],
  ['spawnSync timeout -1', () => cp.spawnSync('true', [], { timeout: -1 })],
  ['spawnSync maxBuffer -1', () => cp.spawnSync('true', [], { maxBuffer: -1 })],
  ['spawnSync killSignal', () => cp.spawnSync('true', [], { killSignal: 'SIGX' })],
  ['null byte in shell', () => cp.spawn('true', [], { shell: '/bin/s\0h' })],
];
for (const [name, t] of tries) {
  try { const c = t(); console.log(name, ': no error', c && c.constructor.name); } catch (e) { console.log(name, ':', e.name, e.code, e.message); }
}
const collect = (label, c, next) => {
  let out = '';
  c.stdout.on('data', (d) => out += d);
  c.on('error', (e) => console.log(label, 'error', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs));
  c.on('close', (code, sig) => { console.log(label, 'close', code, sig, JSON.stringify(out), c.spawnfile, c.spawnargs); next(); });
};
collect('shell empty', cp.spawn('echo', ['$0', 'x'], { shell: '' }), () => {
  collect('argv0 empty', cp.spawn('sh', ['-c', 'echo "[$0]"'], { argv0: '' }), () => {
    collect('cwd empty', cp.spawn('sh', ['-c', 'echo ran'], { cwd: '' }), () => {
      try { cp.spawn('sh', ['-c', 'echo ran'], { cwd: '/etc/passwd' }); } catch (e) {
        console.log('cwd file:', e.name, e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs);
      }
      collect('cwd missing', cp.spawn('sh', ['-c', 'echo ran'], { cwd: '/nonexistent-dir' }), () => {
        const r = cp.spawnSync('echo', ['$0'], { shell: '', encoding: 'utf8' });
        console.log('sync shell empty', r.status, JSON.stringify(r.stdout));
        const r2 = cp.spawnSync('sh', ['-c', 'echo ran'], { cwd: '/etc/passwd' });
        console.log('sync cwd file', r2.status, r2.output, r2.error && [r2.error.message, r2.error.code, r2.error.path, r2.error.spawnargs]);
        const r3 = cp.spawnSync('sh', ['-c', 'echo ran'], { cwd: '' });
        console.log('sync cwd empty', r3.status, r3.output, r3.error && [r3.error.message, r3.error.code, r3.error.path, r3.error.spawnargs]);
        try { console.log('execSync shell empty', cp.execSync('echo hi', { shell: '' })); } catch (e) { console.log('execSync shell empty:', e.message, e.code); }
        cp.exec('echo hi', { shell: '' }, (e, o) => console.log('exec shell empty', e && [e.message, e.code, e.cmd], JSON.stringify(o)));
      });
    });
  });
});
