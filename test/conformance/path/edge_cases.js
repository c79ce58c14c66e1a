// path (posix) edge cases: trailing slashes, "..", empty strings, leading "//".
const path = require('path');

const show = (name, args, out) => console.log(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${JSON.stringify(out)}`);

const one = ['', '.', '..', '/', '//', '///', 'a', 'a/', 'a//', '/a', '/a/', '//a', '//a/b', 'a/b/c',
  'a/b/c/', '/a/b/c', '/a/b/../c', 'a/../..', '../a/./b/..', './', '.a', '.a.b', 'a.', 'a..', '..a',
  'file.txt', '/dir/file.tar.gz', '/dir.d/file', 'dir/.hidden', 'a/b.c/', '///a//b//', '/..', '/../a'];
for (const p of one) {
  show('normalize', [p], path.normalize(p));
  show('dirname', [p], path.dirname(p));
  show('basename', [p], path.basename(p));
  show('extname', [p], path.extname(p));
  show('isAbsolute', [p], path.isAbsolute(p));
  const parsed = path.parse(p);
  show('parse', [p], parsed);
  show('format(parse)', [p], path.format(parsed));
}
const suffixes = [['/a/b.txt', '.txt'], ['/a/b.txt/', '.txt'], ['aaa/bbb', 'bbb'], ['aaa/bbb', 'a/bbb'],
  ['a.txt', 'a.txt'], ['/a/b', 'b'], ['b', 'xb'], ['/a/b.txt', 'txt'], ['.txt', '.txt'], ['x.txt', ''],
  ['//a.js//', '.js'], ['a', 'a']];
for (const [p, s] of suffixes) show('basename', [p, s], path.basename(p, s));
const joins = [[], [''], ['', ''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'], ['/', '..'],
  ['a', '..', '..', 'b'], ['.', '.'], ['//x', 'y'], ['a', 'b/../../../c']];
for (const j of joins) show('join', j, path.join(...j));
process.chdir('/tmp');
const resolves = [[], [''], ['a'], ['/a', 'b'], ['/a', '/b'], ['/a/', './b/'], ['a', '..', '..'], ['/', '..', '..'],
  ['/foo/bar', './baz'], ['/foo/bar', '/tmp/file/'], ['wwwroot', 'static_files/png/', '../gif/image.gif']];
for (const r of resolves) show('resolve', r, path.resolve(...r));
const rels = [['/a/b', '/a/b'], ['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/', '/a'], ['/a', '/'],
  ['/a/b', '/c/d'], ['a', 'b'], ['', ''], ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'],
  ['/foo/bar', '/foo/barbaz'], ['/foo/barbaz', '/foo/bar'], ['.', '/tmp/x']];
for (const [f, t] of rels) show('relative', [f, t], path.relative(f, t));
show('format', [{ name: 'a', ext: 'txt' }], path.format({ name: 'a', ext: 'txt' }));
show('format', [{ root: '/', name: 'x', ext: '.c' }], path.format({ root: '/', name: 'x', ext: '.c' }));
show('format', [{ dir: '/d', base: 'b', name: 'ignored' }], path.format({ dir: '/d', base: 'b', name: 'ignored' }));
console.log(path.sep, path.delimiter);
