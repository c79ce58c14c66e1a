// http.STATUS_CODES, http.METHODS, http.maxHeaderSize.
const http = require('http');
console.log('methods', http.METHODS.length, http.METHODS.join(' '));
const codes = Object.keys(http.STATUS_CODES);
console.log('codes', codes.length);
for (const c of codes) console.log(c, http.STATUS_CODES[c]);
console.log('teapot', http.STATUS_CODES[418], 'unknown', http.STATUS_CODES[299]);
console.log('maxHeaderSize', http.maxHeaderSize);
