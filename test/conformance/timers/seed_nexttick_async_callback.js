// Seed nextTick use case 2: keep callbacks asynchronous. An API that may call back
// synchronously (the seed's example is net.connect) calls back before its return value
// is assigned; deferring the callback body with process.nextTick fixes it.
function connect(port, cb) {
  const client = { write: (s) => console.log('client.write', s) };
  cb(); // synchronous callback: the caller's variable is not assigned yet
  return client;
}

var client = connect(3000, function() {
  console.log('sync callback sees client:', typeof client);
});

var client2 = connect(3000, function() {
  process.nextTick(() => {
    console.log('nextTick callback sees client:', typeof client2);
    client2.write('world');
  });
});
console.log('connect returned', typeof client, typeof client2);
