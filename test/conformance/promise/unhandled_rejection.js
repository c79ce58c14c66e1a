// An unhandled rejection with no 'unhandledRejection' listener is fatal in Node 20
// (--unhandled-rejections=throw): stderr shows the error, 'exit' gets code 1.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never runs'), 10);
Promise.reject(new Error('rejected and unhandled'));
console.log('script end');
