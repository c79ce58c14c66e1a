// Seed: process.nextTick runs between phases (after every callback).
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('setTimeout');
  }, 0);
  setImmediate(() => {
    console.log('setImmediate');
    process.nextTick(() => {
      console.log('nextTick1');
    });
  });
  process.nextTick(() => {
    console.log('nextTick2');
  });
  process.nextTick(() => {
    console.log('nextTick3');
  });
});
