// Unref'd timers and immediates do not keep the loop alive; ref() brings them back;
// hasRef() reports the state. (The unref'd 5 s ones stay far beyond the 20 ms timer: at
// 50 ms a loaded machine let them fire in the same pass, in Node too.)
const t = setTimeout(() => console.log('unref timeout ran (should not)'), 5000);
t.unref();
console.log('timeout hasRef after unref', t.hasRef());
const iv = setInterval(() => console.log('unref interval ran (should not)'), 5000);
iv.unref();
let immediateRan = false;
const im = setImmediate(() => { immediateRan = true; });
im.unref();
console.log('immediate hasRef after unref', im.hasRef());
// An unref'd timer still fires while a ref'd one keeps the loop running. (Made before the
// 5 ms timer: made after it, Node itself printed the two in either order under load.)
setTimeout(() => console.log('unref 1 ms timer ran while the loop was alive'), 1).unref();
const t2 = setTimeout(() => console.log('re-ref timeout ran'), 5);
t2.unref();
t2.ref();
console.log('timeout hasRef after ref', t2.hasRef());
setTimeout(() => console.log('ref 20 ms timer ran'), 20);
process.on('exit', () => console.log('exit; the unref immediate ran because the loop was alive:', immediateRan));
