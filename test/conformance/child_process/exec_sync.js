// execSync and execFileSync: the output (Buffer, or a string with an encoding), and the
// errors they throw (Command failed with status/signal/output/pid/stdout/stderr, ENOENT).
const { execSync, execFileSync } = require('child_process');
console.log('1:', execSync('echo hello'), execSync('echo hello', { encoding: 'utf8' }));
console.log('2:', execFileSync('printf', ['%s-%s', 'a', 'b']).toString());
try {
  execSync('echo partial; echo problem >&2; exit 2', { stdio: 'pipe' });
} catch (e) {
  console.log('3:', e.name, JSON.stringify(e.message), e.status, e.signal, e.output, e.stdout, e.stderr,
              typeof e.pid, e.code);
}
try {
  execFileSync('sh', ['-c', 'kill -TERM $$'], { encoding: 'utf8', stdio: 'pipe' });
} catch (e) {
  console.log('4:', JSON.stringify(e.message), e.status, e.signal, e.output);
}
try {
  execFileSync('nosuchcmd', ['x']);
} catch (e) {
  console.log('5:', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, e.status, e.signal,
              e.output, e.pid, e.stdout, e.stderr);
}
try {
  execSync('sleep 5', { timeout: 50 });
} catch (e) {
  console.log('6:', e.message, e.code, e.status, e.signal);
}
console.log('7:', execSync('cat', { input: 'from input', encoding: 'utf8' }));
console.log('8:', execFileSync('sh', ['-c', 'echo $0'], { argv0: 'zero', encoding: 'utf8' }));
