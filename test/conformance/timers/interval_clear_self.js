// An interval that clears itself from its own callback stops; one cleared from another
// timer stops too; clearing twice or clearing null is harmless.
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  if (n === 3) {
    clearInterval(iv);
    clearInterval(iv);
  }
}, 1);
let m = 0;
const iv2 = setInterval(() => { m++; }, 1);
setTimeout(() => {
  clearInterval(iv2);
  const seen = m;
  setTimeout(() => console.log('iv2 stopped', m === seen), 10);
}, 15);
clearInterval(null);
clearTimeout(undefined);
process.on('exit', () => console.log('done', n));
