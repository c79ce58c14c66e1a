// Seed nextTick use case 1: splitting a CPU-heavy computation. A computation that
// reschedules itself with process.nextTick runs to the end before any other event
// (ticks run before the loop moves on); with setImmediate, other events interleave.
let ticks = 0;
function computeWithNextTick() {
  ticks++;
  if (ticks < 5) process.nextTick(computeWithNextTick);
  else console.log('nextTick compute finished after', ticks, 'chunks');
}
setImmediate(() => {
  console.log('request handled; nextTick chunks done:', ticks);
  let chunks = 0;
  function computeWithImmediate() {
    chunks++;
    console.log('immediate chunk', chunks);
    if (chunks < 3) setImmediate(computeWithImmediate);
  }
  computeWithImmediate();
  setImmediate(() => console.log('request handled between chunks; chunks done:', chunks));
});
computeWithNextTick();
console.log('main script done; chunks so far:', ticks);
