// bench/floor/net_echo_floor.c — the floor under net_echo: one thread, epoll, a client
// writing 1 GiB in 64 KiB writes to a loopback server that echoes every byte back, and
// reading it all. Nothing runs in user space but the syscalls, so this is what any
// library's socket.pipe(socket) can at best reach on the machine. `--splice` echoes through
// a pipe with splice(2) instead of read/write (no copy through user space on the server).
// Not built by CMake: gcc -O2 -o /tmp/net_echo_floor bench/floor/net_echo_floor.c
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TOTAL (1LL << 30)
#define CHUNK (64 * 1024)
#define RBUF (256 * 1024)

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
  const int useSplice = argc > 1 && strcmp(argv[1], "--splice") == 0;
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(ls, (void*)&a, sizeof a);
  listen(ls, 1);
  socklen_t al = sizeof a;
  getsockname(ls, (void*)&a, &al);
  int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(c, (void*)&a, sizeof a);
  int s = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.fd = c};
  epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
  ev.data.fd = s;
  epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
  static char chunk[CHUNK], rbuf[RBUF], sbuf[RBUF];
  memset(chunk, 'x', sizeof chunk);
  long long sent = 0, got = 0;
  size_t spend = 0, soff = 0;  // server: bytes read (or in the pipe) not yet echoed
  int pfd[2];
  if (pipe2(pfd, O_NONBLOCK) != 0) return 1;
  fcntl(pfd[1], F_SETPIPE_SZ, RBUF);
  double t0 = now();
  while (got < TOTAL) {
    struct epoll_event evs[4];
    epoll_wait(ep, evs, 4, -1);
    while (sent < TOTAL) {  // client writes
      ssize_t w = write(c, chunk, CHUNK);
      if (w <= 0) break;
      sent += w;
      if (w < CHUNK) break;
    }
    while (useSplice) {  // server echoes through the pipe
      if (spend > 0) {
        ssize_t w = splice(pfd[0], NULL, s, NULL, spend, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (w <= 0) break;
        spend -= (size_t)w;
        if (spend > 0) break;
      }
      ssize_t r = splice(s, NULL, pfd[1], NULL, RBUF, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
      if (r <= 0) break;
      spend = (size_t)r;
    }
    while (!useSplice) {  // server echoes
      if (spend > soff) {
        ssize_t w = write(s, sbuf + soff, spend - soff);
        if (w <= 0) break;
        soff += w;
        if (soff < spend) break;
      }
      spend = soff = 0;
      ssize_t r = read(s, sbuf, RBUF);
      if (r <= 0) break;
      spend = r;
    }
    for (;;) {  // client reads
      ssize_t r = read(c, rbuf, RBUF);
      if (r <= 0) break;
      got += r;
    }
  }
  printf("floor echo%s: %.1f MiB/s\n", useSplice ? " (splice)" : "",
         TOTAL / 1048576.0 / (now() - t0));
  return 0;
}
