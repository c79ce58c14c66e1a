// Exit paths, each in a child process (this script re-run with a scenario name): the code
// 'beforeExit' and 'exit' receive and the status, for process.exitCode then a natural exit,
// process.exit() in a timer with work queued, process.exit(n) over exitCode and an 'exit'
// listener changing it, an 'uncaughtException' handler setting exitCode, fatal errors
// (thrown, rejected) with 'exit' listeners, and an 'exit' listener that throws.
const { spawnSync } = require('child_process');
const log = (...a) => console.log(...a);
const scenarios = {
  'code-natural'() {
    process.exitCode = 3;
    process.on('beforeExit', (code) => log('beforeExit', code));
    process.on('exit', (code) => log('exit', code));
  },
  'exit-in-timer'() {
    process.exitCode = 6;
    process.on('exit', (code) => log('exit', code));
    setTimeout(() => {
      setImmediate(() => log('immediate (should not run)'));
      process.nextTick(() => log('tick (should not run)'));
      Promise.resolve().then(() => log('microtask (should not run)'));
      process.exit();
    }, 1);
  },
  'exit-arg'() {
    process.exitCode = 2;
    process.on('exit', (code) => { log('exit', code); process.exitCode = 8; });
    process.on('exit', (code) => log('second exit listener', code));
    process.exit(5);
  },
  'exit-zero'() {
    process.exitCode = 4;
    process.on('exit', (code) => log('exit', code));
    process.exit(0);
  },
  'uncaught-code'() {
    process.on('uncaughtException', (err) => { log('caught', err.message); process.exitCode = 9; });
    process.on('exit', (code) => log('exit', code));
    setTimeout(() => { throw new Error('in timer'); }, 1);
  },
  'fatal-throw'() {
    process.exitCode = 3;
    process.on('uncaughtExceptionMonitor', (err, origin) => log('monitor', err.message, origin));
    process.on('exit', (code) => { log('exit', code); process.exitCode = 42; });
    throw new Error('fatal from main');
  },
  'fatal-rejection'() {
    process.exitCode = 3;
    process.on('uncaughtExceptionMonitor', (err, origin) => log('monitor', err.message, origin));
    process.on('exit', (code) => log('exit', code));
    Promise.reject(new Error('fatal rejection'));
  },
  'exit-listener-throws'() {
    process.on('uncaughtException', (err, origin) => log('caught', err.message, origin));
    process.on('exit', (code) => { log('exit', code); throw new Error('from exit listener'); });
    setTimeout(() => { process.exit(3); }, 1);
    setTimeout(() => log('later timer'), 30);
  },
  'exit-listener-throws-fatal'() {
    process.on('exit', (code) => { log('exit', code); throw new Error('fatal in exit'); });
    process.exit(3);
  },
  'natural-exit-listener-throws'() {
    process.on('exit', (code) => { log('exit', code); throw new Error('thrown at natural exit'); });
    setTimeout(() => log('timer'), 1);
  },
};
const scen = process.argv[2];
if (scen) {
  scenarios[scen]();
} else {
  const ERR = /^(?:[A-Za-z_$][\w$]*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?(?::|$)/;
  for (const name of Object.keys(scenarios)) {
    const r = spawnSync(process.execPath, [__filename, name], { encoding: 'utf8' });
    log(`== ${name}: status ${r.status}`);
    for (const line of r.stdout.split('\n')) if (line) log('  ' + line);
    for (const line of r.stderr.split('\n')) if (ERR.test(line)) log('  [stderr] ' + line);
  }
}
