/*
 * The C sender of the Live send-rate benchmark (bench-live): what a C server does when it
 * writes small messages as fast as the socket takes them. Listens on 127.0.0.1 (an ephemeral
 * port, printed as "port N" on stdout), accepts one connection, sets SO_SNDBUF, makes the
 * socket non-blocking and sends one message per send() call; on EAGAIN it waits in poll()
 * until the socket is writable. Stops when the reader closes the connection, or after
 * LIMIT_S seconds whatever happens.
 *
 * usage: sender MESSAGE_BYTES SNDBUF_BYTES LIMIT_S
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s MESSAGE_BYTES SNDBUF_BYTES LIMIT_S\n", argv[0]);
        return 2;
    }
    int size = atoi(argv[1]);
    int sndbuf = atoi(argv[2]);
    double limit = atof(argv[3]);
    if (size < 1 || size > 65536) {
        fprintf(stderr, "MESSAGE_BYTES %d outside 1 .. 65536\n", size);
        return 2;
    }
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t alen = sizeof a;
    if (ls < 0 || bind(ls, (struct sockaddr *) &a, sizeof a) < 0 || listen(ls, 1) < 0
            || getsockname(ls, (struct sockaddr *) &a, &alen) < 0) {
        perror("listen on 127.0.0.1");
        return 1;
    }
    printf("port %d\n", ntohs(a.sin_port));
    fflush(stdout);
    double deadline = now_s() + limit;
    struct pollfd lp = {ls, POLLIN, 0};
    if (poll(&lp, 1, (int) (limit * 1000)) <= 0) {
        fprintf(stderr, "no reader connected within %.1f s\n", limit);
        return 1;
    }
    int fd = accept(ls, NULL, NULL);
    if (fd < 0) {
        perror("accept");
        return 1;
    }
    close(ls);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    char *msg = malloc(size);
    for (int i = 0; i < size; i++) {
        msg[i] = "hello world\n"[i % 12];
    }
    long long messages = 0;
    int off = 0;
    struct pollfd p = {fd, POLLOUT, 0};
    for (unsigned long calls = 0;; calls++) {
        ssize_t n = send(fd, msg + off, size - off, MSG_NOSIGNAL);
        if (n > 0) {
            off += n;
            if (off == size) {
                off = 0;
                messages++;
            }
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (poll(&p, 1, 100) < 0 && errno != EINTR) {
                break;
            }
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break; /* the reader closed: EPIPE or ECONNRESET */
        }
        if ((calls & 0xFFFF) == 0 && now_s() > deadline) {
            break;
        }
    }
    printf("messages %lld\n", messages);
    close(fd);
    return 0;
}
