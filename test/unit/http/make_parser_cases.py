#!/usr/bin/env python3
"""Regenerates parser_cases.json (what Node 20 parses from each input) for parser_test.cc.

  make_parser_cases.py [--node /usr/bin/node] [--check]

The inputs are hand-written edge cases plus seeded random mutations of valid requests
(the same list every time). With --check, Node's answers are compared with the committed
file instead (exit 1 when Node disagrees; 77 when node is absent)."""
import argparse, json, os, random, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'parser_cases.json')


def inputs():
    H = 'Host: a\r\n'
    def req(line='GET / HTTP/1.1', headers=H, body=''):
        return line + '\r\n' + headers + '\r\n' + body
    C = [req(), req(headers=''), req(line='GET / HTTP/1.0', headers='')]
    for hv in ['X-A: 1\r\n  2\r\n', 'X-A: 1\r\n\t2\r\n', 'X-A:\r\n 2\r\n', 'X-A: 1\r\n \r\n',
               'Bad Header: 1\r\n', 'Bad\tHeader: 1\r\n', 'X-A : 1\r\n', 'X-A\t: 1\r\n', ': 1\r\n',
               'NoColon\r\n', 'X-A:1\r\n', 'X-A: 1 \r\n', 'X-A: \t1\t\r\n', 'X-A: a\x80b\r\n',
               'X-A: a\x7fb\r\n', 'X-A: a\x00b\r\n', 'X"A: 1\r\n', 'Transfer-Encoding : chunked\r\n',
               'Host:\rX\r\n', 'Host: \rX\r\n', 'Host: a\n', 'Host:\nX: y\r\n', 'Empty:\r\n']:
        C.append(req(headers=H + hv))
    C += [' ' + req(), '\r\n' + req(), '\n' + req(), req(headers=' X: 1\r\n' + H),
          req(headers='\tX: 1\r\n' + H), 'GET / HTTP/1.1\nHost: a\r\n\r\n', 'GET / HTTP/1.1\r\nHost: a\r\n\n',
          'GET / HTTP/1.1\r\nHost: a\r\n\rX', 'GET / HTTP/1.1\rHost: a\r\n\r\n', 'GET /\r\n\r\n', 'GET /\n\r\n']
    for line in ['get / HTTP/1.1', 'GET / http/1.1', 'GET / HTTP/1.2', 'GET / HTTP/2.0', 'GET / HTTP/0.9',
                 'GET  / HTTP/1.1', 'GET /  HTTP/1.1', 'GET / HTTP/1.1 ', 'GET\t/ HTTP/1.1', 'GET /\tHTTP/1.1',
                 'GET /a b HTTP/1.1', 'GET /a\x80b HTTP/1.1', 'GET /a?\x80 HTTP/1.1', 'GET /a#\x80 HTTP/1.1',
                 'GET /a\tb HTTP/1.1', 'GET /\x0c HTTP/1.1', 'GET http://x.y/z?q#f HTTP/1.1', 'GET * HTTP/1.1',
                 'QUERY / HTTP/1.1', 'QUER / HTTP/1.1', 'QUERYX / HTTP/1.1', 'FOO / HTTP/1.1', 'PRI * HTTP/2.0',
                 'M-SEARCH * HTTP/1.1', 'CONNECT a:80 HTTP/1.1', 'GET / ICE/1.0', 'GET / RTSP/1.0',
                 'DESCRIBE / HTTP/1.1', 'SOURCE / RTSP/1.0', 'QUERY / RTSP/1.0', 'GET / ICEX/1.0',
                 'SOURCE / ICE/1.0', 'PLAY / HTTPX', 'PLAY / RTSP/1.0', 'GET / HTTQ/1.1',
                 # the everyday request line's fast path, and the lines next to it
                 'POST /x HTTP/1.0', 'HEAD /?q=1#f HTTP/1.1', 'PUT /a~b!$&()*+,;=:@ HTTP/1.1',
                 'GET /\x7f HTTP/1.1', 'GET /a\x01b HTTP/1.1', 'PUT  / HTTP/1.1', 'POST /x HTTP/1.1 ',
                 'GET / HTTP/1.1\rX', 'GET / HTTP/1.3', 'HEAD / HTTP/1.', 'GET /x', 'PUT /']:
        C.append(req(line=line))
    P = 'POST / HTTP/1.1'
    TE = H + 'Transfer-Encoding: chunked\r\n'
    for hb in [('Content-Length: 3\r\n', 'abc'), ('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n', '3\r\nabc\r\n0\r\n\r\n'),
               ('Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', '3\r\nabc\r\n0\r\n\r\n'),
               ('Content-Length: 3\r\nContent-Length: 3\r\n', 'abc'), ('Content-Length: +3\r\n', 'abc'),
               ('Content-Length: 03\r\n', 'abc'), ('Content-Length: 3 \r\n', 'abc'), ('Content-Length: \r\n', ''),
               ('Transfer-Encoding: gzip\r\n', 'abc'), ('Transfer-Encoding: gzip, chunked\r\n', '3\r\nabc\r\n0\r\n\r\n'),
               ('Transfer-Encoding: chunked, gzip\r\n', 'abc'), ('Transfer-Encoding: identity\r\n', 'abc')]:
        C.append(req(line=P, headers=H + hb[0], body=hb[1]))
    for body in ['3\r\nabc\r\n0\r\n\r\n', '3 \r\nabc\r\n0\r\n\r\n', '3;a=b\r\nabc\r\n0\r\n\r\n',
                 '3;a=b;c\r\nabc\r\n0;x\r\n\r\n', '3;a="b c"\r\nabc\r\n0\r\n\r\n', '3;a\nb\r\nabc\r\n0\r\n\r\n',
                 '3\r\nabcX\r\n0\r\n\r\n', '3\r\nabcXY0\r\n\r\n', '3\r\nabc\rX0\r\n\r\n', '3\rXabc\r\n0\r\n\r\n',
                 '3\nabc\r\n0\r\n\r\n', '3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n', '3\r\nabc\r\n0\r\nX-T: 1\r\n 2\r\n\r\n',
                 '3\r\nabc\r\n0\r\nBad T: 1\r\n\r\n', '3\r\nabc\r\n0\r\n\rX', 'ffffffffffffffffff\r\n', 'g\r\n',
                 '3;a=\x80\r\nabc\r\n0\r\n\r\n', '3;a="\x80"\r\nabc\r\n0\r\n\r\n', '3;\r\nabc\r\n0\r\n\r\n']:
        C.append(req(line=P, headers=TE, body=body))
    C += [req(headers=H + 'Connection: close\r\n') + req(), req(line='GET / HTTP/1.0', headers='') + req(),
          req() + req(line='GET /2 HTTP/1.1'), req() + '\r\n' + req(), req(headers=H + 'Expect: 100-continue\r\n'),
          req(headers=H + 'Upgrade: ws\r\nConnection: upgrade\r\n') + 'tail',
          req(headers=H + 'Content-Length: 0\r\n') + 'garbage\r\n\r\n', req() + 'QUERY /q HTTP/1.1\r\n\r\n']
    seeds = [
        'GET /a?b=c#d HTTP/1.1\r\nHost: a\r\nX-Long-Header: some value here\r\nAccept: */*\r\n\r\n',
        'POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello',
        'POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1;q="x y"\r\nhello\r\n3\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n',
        'GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
        'QUERY /q HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx',
        'DELETE /d HTTP/1.1\r\nhost: a\r\ncontent-length: 0\r\n\r\n',
    ]
    special = ['\r', '\n', ' ', '\t', ':', ';', '=', '"', '\\', '\x00', '\x01', '\x7f', '\x80', '\xff', '\r\n',
               '\r\n ', '0', 'a', 'Q', '/', '?', '#', ',', 'chunked', '\r\n\r\n', 'HTTP/1.1']
    rnd = random.Random(20)
    for _ in range(700):
        s = list(rnd.choice(seeds))
        for _ in range(rnd.randint(1, 3)):
            op = rnd.random()
            i = rnd.randint(0, len(s))
            if op < 0.35:
                s[i:i] = list(rnd.choice(special))
            elif op < 0.6 and s:
                del s[min(i, len(s) - 1)]
            elif op < 0.85 and s:
                s[min(i, len(s) - 1)] = rnd.choice(special)[0]
            else:
                j = rnd.randint(0, len(s))
                k = rnd.randint(j, min(len(s), j + 8))
                s[i:i] = s[j:k]
        C.append(''.join(s))
    # the whole-head fast path (everyday requests delivered without llhttp), and its edges
    for c in range(0x21, 0x7f):
        C.append(req(line='GET /a%sb HTTP/1.1' % chr(c)))
    for c in range(0x00, 0x100):
        if chr(c) not in '\r\n':
            C.append(req(headers=H + 'X-A: a%sb\r\n' % chr(c)))
    for hv in ['X-A: 1\t\r\n', 'X-A: a\tb\r\n', 'X-A:\t\tv\r\n', 'X-A: v  \r\n', 'HOST: A\r\n',
               'Transfer-Encodingx: chunked\r\n', 'Content-Lengthy: 5\r\n', 'Connectionz: close\r\n',
               'Upgrade-Insecure-Requests: 1\r\n', 'Proxy-Connection: close\r\n', 'Upgrade: ws\r\n',
               'Sec-WebSocket-Extensions-Long-Name: x\r\n', 'X-A: 1\r\nX-A: 2\r\n']:
        C.append(req(headers=H + hv))
    # Connection values the whole-head path reads itself ("close", "keep-alive", any case) and
    # the ones it leaves to llhttp, each followed by a second request (refused after a close)
    for line in ['GET / HTTP/1.1', 'GET / HTTP/1.0']:
        for cv in ['close', 'CLOSE', 'Close', 'keep-alive', 'Keep-Alive', 'KEEP-ALIVE', 'closed',
                   'keep-alivex', 'clos', 'close, keep-alive', 'keep-alive, close', 'close,',
                   'upgrade', 'Upgrade, close', 'te', 'close\t', ' close', 'x', 'close\x7f']:
            C.append(req(line=line, headers=H + 'Connection: %s\r\n' % cv) + req())
        for hv in ['Connection: keep-alive\r\nConnection: close\r\n',
                   'Connection: close\r\nConnection: keep-alive\r\n',
                   'Connection: close\r\nConnection: close\r\n', 'connection:close\r\n',
                   'CONNECTION:\tkeep-alive\r\n', 'Proxy-Connection: keep-alive\r\n',
                   'Connection : close\r\n', 'Connection: close\r\nX-A: 1\r\n']:
            C.append(req(line=line, headers=H + hv) + req())
    many = ''.join('X-%d: %d\r\n' % (i, i) for i in range(40))
    C += [req(headers=H + many[:many.index('X-31:')]), req(headers=H + many[:many.index('X-32:')]),
          req(headers=H + many), req() * 3, req(line='GET / HTTP/1.0') + req(),
          req(line='POST /p HTTP/1.1') + 'abc', req(line='PUT /p HTTP/1.1') + req(line='HEAD / HTTP/1.0'),
          req(line='GET /a HTTP/1.1', headers=H + 'Accept: */*\r\nUser-Agent: x/1\r\n') * 2]
    # long URLs and values, a stop byte at each place of an 8-byte word (the word-at-a-time scan)
    for k in range(0, 17):
        for bad in ['\x00', '\t', '\x1f', ' ', '\x7f', '\x80', '\xff', '~']:
            C.append(req(headers=H + 'X-Long: ' + 'abcdefghijklmnopq'[:k] + bad + 'rstuvwxyz0123456\r\n'))
        for bad in ['\x00', '\t', ' ', '\x7f', '\x80', '!', '~']:
            C.append(req(line='GET /' + 'abcdefghijklmnopq'[:k] + bad + 'rstuvwxyz HTTP/1.1'))
    return C


def run_node(node, cases):
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, 'in.json'), os.path.join(d, 'out.json')
        with open(src, 'w', encoding='latin1') as f:
            json.dump(cases, f)
        subprocess.run([node, os.path.join(HERE, 'parser_oracle.js'), src, dst], check=True, timeout=300)
        with open(dst, encoding='utf-8') as f:
            return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--node', default=shutil.which('node') or '/usr/bin/node')
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    if not os.path.exists(a.node):
        print('SKIP: node not found')
        return 77
    got = run_node(a.node, inputs())
    if a.check:
        with open(OUT, encoding='utf-8') as f:
            want = json.load(f)
        bad = [g['input'] for g, w in zip(got, want) if g != w]
        if len(got) != len(want) or bad:
            print('Node now parses %d input(s) differently, e.g. %r' % (len(bad), bad[:3]))
            return 1
        print('%d cases: Node 20 agrees with parser_cases.json' % len(got))
        return 0
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(got, f, ensure_ascii=True, indent=0)
    print('wrote %s (%d cases)' % (OUT, len(got)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
