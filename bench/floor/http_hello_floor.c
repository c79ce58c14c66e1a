// bench/floor/http_hello_floor.c — the floor under http_hello: one thread, epoll, and for
// every request head read ("\r\n\r\n") one canned keep-alive response written, the same
// bytes nodecc and Node send (with a fixed Date). No parsing, no objects, no events: what
// any server can at best reach under the same wrk load on the machine.
// Built as build/<kind>/bench/http_hello_floor; bench/recipes/http_hello.py runs it beside
// nodecc, Node and nginx (`floor=` on the keep-alive line). By hand: http_hello_floor
// [--port] PORT, then wrk -t1 -c64 http://127.0.0.1:PORT/
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static const char kResponse[] =
    "HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 09:00:00 GMT\r\nConnection: keep-alive\r\n"
    "Keep-Alive: timeout=5\r\nContent-Length: 11\r\n\r\nhello world";

int main(int argc, char** argv) {
  int port = 8080;
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] >= '0' && argv[i][0] <= '9') port = atoi(argv[i]);  // other flags ignored
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_port = htons((unsigned short)port),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(ls, (void*)&a, sizeof a) != 0 || listen(ls, 511) != 0) return 1;
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = ls};
  epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
  static char buf[65536];
  struct epoll_event evs[1024];
  for (;;) {
    int n = epoll_wait(ep, evs, 1024, -1);
    for (int i = 0; i < n; ++i) {
      int fd = evs[i].data.fd;
      if (fd == ls) {
        int c;
        while ((c = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          struct epoll_event cev = {.events = EPOLLIN, .data.fd = c};
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
        }
        continue;
      }
      ssize_t r = read(fd, buf, sizeof buf);
      if (r <= 0) {
        close(fd);
        continue;
      }
      int heads = 0;
      for (ssize_t j = 3; j < r; ++j)
        if (buf[j] == '\n' && buf[j - 1] == '\r' && buf[j - 2] == '\n' && buf[j - 3] == '\r')
          ++heads;
      for (int h = 0; h < heads; ++h)
        if (write(fd, kResponse, sizeof kResponse - 1) < 0) break;
    }
  }
}
