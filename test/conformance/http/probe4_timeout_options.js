// createServer's timeout options: headersTimeout defaults to min(60000, requestTimeout), must be
// <= requestTimeout unless either is 0 (ERR_OUT_OF_RANGE), each must be a non-negative integer
// (ERR_OUT_OF_RANGE "an integer" / ">= 0 && <= 9007199254740991"); server.setTimeout() stores
// any number without validation and returns the server.
const http = require('http');
const tries = [
  ['h500 r100', { headersTimeout: 500, requestTimeout: 100 }],
  ['h500 r0', { headersTimeout: 500, requestTimeout: 0 }],
  ['h0 r100', { headersTimeout: 0, requestTimeout: 100 }],
  ['r1000', { requestTimeout: 1000 }],
  ['r0', { requestTimeout: 0 }],
  ['h100', { headersTimeout: 100 }],
  ['h100 r100', { headersTimeout: 100, requestTimeout: 100 }],
  ['h100 r99', { headersTimeout: 100, requestTimeout: 99 }],
  ['ka -1', { keepAliveTimeout: -1 }],
  ['ka 1.5', { keepAliveTimeout: 1.5 }],
  ['r -5', { requestTimeout: -5 }],
  ['h 2.5', { headersTimeout: 2.5 }],
  ['h -1 r 0', { headersTimeout: -1, requestTimeout: 0 }],
  ['ci -1', { connectionsCheckingInterval: -1 }],
  ['ci 0', { connectionsCheckingInterval: 0 }],
  ['mhs -1', { maxHeaderSize: -1 }],
  ['ka 0', { keepAliveTimeout: 0 }],
  ['r inf', { requestTimeout: Infinity }],
  ['h nan', { headersTimeout: NaN }],
  ['r 2^53', { requestTimeout: 2 ** 53 }],
  ['r 2^53-1', { requestTimeout: 2 ** 53 - 1 }],
];
for (const [label, o] of tries) {
  try {
    const s = http.createServer(o);
    console.log(label, 'ok', s.headersTimeout, s.requestTimeout, s.keepAliveTimeout,
                s.connectionsCheckingInterval);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const s = http.createServer();
for (const v of [-1, 1.5, 0, 250]) {
  const r = s.setTimeout(v);
  console.log('setTimeout', v, r === s, s.timeout, 'listeners', s.listenerCount('timeout'));
}
s.setTimeout(10, () => {});
console.log('with callback', s.timeout, 'listeners', s.listenerCount('timeout'));
