// setupPrimary() twice: settings merge into a new object each call; 'setup' gets that object
// on the next tick (so a change made to cluster.settings before then shows in it); key order
// follows the defaults then insertion order; fork() calls setupPrimary() once more. The worker
// runs in settings.cwd with its stdout piped (silent).
const cluster = require('cluster');
if (cluster.isPrimary) {
  console.log('initial settings', cluster.settings);
  cluster.on('setup', (s) => {
    const { args, exec, ...rest } = s;
    console.log('setup', rest, 'args array', Array.isArray(args), 'exec', typeof exec);
  });
  cluster.setupPrimary({ windowsHide: true });
  cluster.settings.cwd = '/';
  console.log('after first: silent', cluster.settings.silent, 'cwd', cluster.settings.cwd);
  cluster.setupPrimary({ silent: true, serialization: 'json' });
  console.log('after second: silent', cluster.settings.silent, 'cwd', cluster.settings.cwd);
  process.nextTick(() => console.log('tick queued after the second call'));
  const w = cluster.fork();
  let out = '';
  w.process.stdout.setEncoding('utf8');
  w.process.stdout.on('data', (d) => out += d);
  w.on('exit', (code, signal) => {
    console.log('worker exit', code, signal, 'stdout', JSON.stringify(out));
  });
} else {
  console.log('worker cwd', process.cwd());
  cluster.worker.disconnect();
}
