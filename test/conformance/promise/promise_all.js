// Promise.all resolves with the values in input order, rejects with the first rejection,
// and resolves an empty list at once.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
Promise.all([delay(20, 'slow'), delay(1, 'fast'), Promise.resolve('now')])
  .then((values) => console.log('all', values.join(',')));
Promise.all([delay(5, 'x'), Promise.reject(new Error('first failure')), delay(1, 'y')])
  .catch((e) => console.log('rejected', e.message));
Promise.all([]).then((v) => console.log('empty', v.length));
