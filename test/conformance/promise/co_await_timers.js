// async/await over timers: sequential awaits take the sum of the delays, in order.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function worker(name, ms, n) {
  for (let i = 0; i < n; i++) {
    await sleep(ms);
    console.log(name, i);
  }
  return name + ' done';
}
(async () => {
  const r = await worker('w', 2, 3);
  console.log(r);
  const both = await Promise.all([worker('x', 10, 1), worker('y', 1, 1)]);
  console.log(both.join(', '));
})();
