// Delays outside [1, 2^31-1] become 1 ms: NaN, Infinity, negatives, 0; fractions are kept
// as-is (1.5 fires with the 1 ms list only if truncated). Only overflow warns.
const fired = [];
process.on('warning', (w) => console.log('warning', w.name, w.message.split('\n')[0]));
const delays = [NaN, Infinity, -Infinity, -5, 0, 0.5, 1, 2 ** 31 - 1, 2 ** 31, 1e12];
for (const d of delays) {
  const t = setTimeout(() => fired.push(String(d)), d);
  if (d === 2 ** 31 - 1) t.unref();
}
setTimeout(() => {
  console.log('fired within 100 ms:', fired.join(', '));
}, 100);
