// async/await: an await on a settled promise resumes one microtask later; async functions
// return promises; a throw rejects; try/catch around await catches a rejection.
const log = [];
async function a() {
  log.push('a start');
  await null;
  log.push('a after await 1');
  await Promise.resolve();
  log.push('a after await 2');
  return 'a result';
}
async function b() {
  log.push('b start');
  try {
    await Promise.reject(new Error('nope'));
  } catch (e) {
    log.push('b caught ' + e.message);
  }
  throw new Error('b failed');
}
a().then((v) => log.push('a resolved ' + v));
b().catch((e) => log.push('b rejected ' + e.message));
Promise.resolve().then(() => log.push('plain then 1')).then(() => log.push('plain then 2'));
log.push('sync end');
setTimeout(() => console.log(log.join('\n')), 0);
