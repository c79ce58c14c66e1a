// timers/promises: await setTimeout / setImmediate.
const { setTimeout: sleep, setImmediate: nextTurn } = require('timers/promises');
async function main() {
  console.log('start');
  await sleep(5);
  console.log('after sleep');
  await nextTurn();
  console.log('after immediate');
  const results = await Promise.all([sleep(10).then(() => 'slow'), sleep(1).then(() => 'fast')]);
  console.log(results.join(' '));
}
main().then(() => console.log('done'));
