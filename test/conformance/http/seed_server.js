// The seed's http example, as written: the response goes out, then `res.end(txt)` throws a
// ReferenceError (txt is not defined), which is uncaught: the process dies with exit code 1.
var http = require('http');

var server = http.createServer(function (req, res) {
  let url = req.url
  res.writeHead(200, {'Content-Type': 'text/html'});
  if(url == "/"){
    res.end("hello world");
  }else if(url == "/a"){
    res.end("you get a");
  }else{
    res.statusCode = 404
    res.end("not found");
  }
  res.end(txt);
}).listen(0, () => {
  console.log('listening');
  http.get({ port: server.address().port, path: '/a' }, (res) => console.log('never printed'));
});
