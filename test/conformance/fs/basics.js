// fs basics: readFile/writeFile/unlink (async, on the thread pool) and the Sync helpers,
// with Node's error objects. Paths under the temp dir print as <tmp>.
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nodecc-fs-'));
const rel = (s) => (s === undefined ? s : s.split(tmp).join('<tmp>'));
const show = (label, e) => console.log(label, e === null ? 'null' : JSON.stringify({
  message: rel(e.message), errno: e.errno, code: e.code, syscall: e.syscall, path: rel(e.path),
}));

console.log('mkdtemp prefix ok', path.basename(tmp).startsWith('nodecc-fs-'), path.basename(tmp).length);
const file = path.join(tmp, 'hello.txt');
fs.writeFileSync(file, 'héllo wörld\n');
console.log('existsSync', fs.existsSync(file), fs.existsSync(path.join(tmp, 'nope')), fs.existsSync(''));
console.log('readFileSync buffer', fs.readFileSync(file));
console.log('readFileSync utf8', JSON.stringify(fs.readFileSync(file, 'utf8')));
console.log('readFileSync hex', fs.readFileSync(file, 'hex'));
try { fs.readFileSync('/nonexist'); } catch (e) { show('readFileSync /nonexist', e); }
try { fs.readFileSync(tmp); } catch (e) { show('readFileSync dir', e); }
try { fs.readFileSync(file, 'bogus'); } catch (e) { console.log('bad encoding', e.code, e.message); }
try { fs.unlinkSync(path.join(tmp, 'nope')); } catch (e) { show('unlinkSync', e); }
try { fs.mkdirSync(tmp); } catch (e) { show('mkdirSync exists', e); }
try { fs.mkdirSync(path.join(tmp, 'x', 'y')); } catch (e) { show('mkdirSync parent', e); }
console.log('mkdirSync recursive', rel(fs.mkdirSync(path.join(tmp, 'a', 'b', 'c'), { recursive: true })));
console.log('mkdirSync recursive again', fs.mkdirSync(path.join(tmp, 'a', 'b'), { recursive: true }));
try { fs.mkdirSync(path.join(tmp, 'hello.txt', 'z'), { recursive: true }); } catch (e) { show('mkdirp through file', e); }
try { fs.mkdirSync(file, { recursive: true }); } catch (e) { show('mkdirp on file', e); }
try { fs.mkdtempSync('/nonexist/foo-'); } catch (e) { show('mkdtempSync', e); }
try { fs.rmSync(path.join(tmp, 'nope')); } catch (e) { show('rmSync missing', e); }
console.log('rmSync force', fs.rmSync(path.join(tmp, 'nope'), { force: true }));
try { fs.rmSync(path.join(tmp, 'a')); } catch (e) { console.log('rmSync dir', e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path)); }
try { fs.rmdirSync(path.join(tmp, 'a')); } catch (e) { show('rmdirSync not empty', e); }
fs.writeFileSync(path.join(tmp, 'a', 'b', 'f'), Buffer.from([1, 2, 3]));
fs.rmSync(path.join(tmp, 'a'), { recursive: true });
console.log('after rmSync recursive', fs.existsSync(path.join(tmp, 'a')));

// Asynchronous: each callback comes later, through the loop.
let order = [];
fs.readFile(file, (err, data) => {
  order.push('readFile');
  console.log('readFile', err, data.length, data.toString());
  fs.readFile(file, 'utf8', (err2, text) => {
    console.log('readFile utf8', err2, JSON.stringify(text));
    fs.readFile('/nonexist', (err3, data3) => {
      show('readFile /nonexist', err3);
      console.log('data on error', data3);
      fs.readFile(tmp, 'utf8', (err4) => {
        show('readFile dir', err4);
        const big = Buffer.alloc(600 * 1024, 'ab');
        fs.writeFile(path.join(tmp, 'big'), big, (err5) => {
          console.log('writeFile big', err5);
          fs.readFile(path.join(tmp, 'big'), (err6, data6) => {
            console.log('readFile big', err6, data6.length, data6.equals(big));
            fs.writeFile('/nonexist/x', 'a', (err7) => {
              show('writeFile /nonexist/x', err7);
              fs.unlink(path.join(tmp, 'big'), (err8) => {
                console.log('unlink', err8, fs.existsSync(path.join(tmp, 'big')));
                fs.unlink(path.join(tmp, 'big'), (err9) => {
                  show('unlink again', err9);
                  fs.writeFile(path.join(tmp, 'empty'), '', (err10) => {
                    fs.readFile(path.join(tmp, 'empty'), (err11, d) => {
                      console.log('empty file', err10, err11, d);
                      fs.rmSync(tmp, { recursive: true });
                      console.log('cleaned', fs.existsSync(tmp));
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
order.push('sync end');
process.nextTick(() => order.push('tick'));
process.on('exit', () => console.log('order', order.join(',')));
