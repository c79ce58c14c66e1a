// catch and finally: finally runs for both outcomes and passes the value/reason through;
// a throw in then becomes a rejection.
Promise.resolve(7)
  .finally(() => console.log('finally after fulfil'))
  .then((v) => console.log('value passed through', v));
Promise.reject(new Error('r1'))
  .finally(() => console.log('finally after reject'))
  .catch((e) => console.log('reason passed through', e.message));
Promise.resolve()
  .then(() => { throw new Error('thrown in then'); })
  .then(() => console.log('skipped'))
  .catch((e) => { console.log('caught', e.message); return 'recovered'; })
  .then((v) => console.log('after catch', v));
new Promise(() => { throw new Error('executor throws'); })
  .catch((e) => console.log('executor rejection', e.message));
