// Node >= 11: ticks and microtasks run after every single timer and immediate callback,
// not once per phase.
const order = [];
const start = Date.now();
for (const name of ['t1', 't2']) {
  setTimeout(() => {
    order.push(name);
    process.nextTick(() => order.push(name + ' tick'));
    Promise.resolve().then(() => order.push(name + ' promise'));
  }, 1);
}
for (const name of ['i1', 'i2']) {
  setImmediate(() => {
    order.push(name);
    Promise.resolve().then(() => order.push(name + ' promise'));
    process.nextTick(() => order.push(name + ' tick'));
  });
}
while (Date.now() - start < 5);
process.on('exit', () => {
  const t = order.filter((x) => x[0] === 't');
  const i = order.filter((x) => x[0] === 'i');
  console.log(t.join(', '));
  console.log(i.join(', '));
});
