// Seed: inside an I/O callback, setImmediate always runs before setTimeout(0): after
// poll comes check, and the timers phase only in the next iteration. Three rounds, each
// started from the previous round's timer.
const fs = require('fs');
function round(i) {
  fs.readFile(__filename, () => {
    setTimeout(() => {
      console.log('setTimeout', i);
      if (i < 2) round(i + 1);
    }, 0);
    setImmediate(() => console.log('setImmediate', i));
  });
}
round(0);
