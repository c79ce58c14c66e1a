// Extra arguments are passed to the callback; setInterval and setImmediate too.
setTimeout((a, b) => {
  console.log('timeout', a, b);
  setImmediate((c) => {
    console.log('immediate', c);
    let n = 0;
    const iv = setInterval((s) => {
      console.log('interval', s, ++n);
      if (n === 2) clearInterval(iv);
    }, 1, 'z');
  }, 'y');
}, 1, 'x', 42);
