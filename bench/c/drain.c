/*
 * The C drain reader of the Live send-rate benchmark (bench-live): connects to a sender on
 * 127.0.0.1, and on each wake-up of poll() reads until EAGAIN. After WARMUP_S seconds from
 * the first byte it counts for SECONDS seconds, printing the messages and bytes of each
 * second, then one line "total BYTES bytes MESSAGES messages SECONDS s MSGS_PER_S msg/s",
 * and closes the connection (which stops the sender).
 *
 * usage: drain PORT MESSAGE_BYTES WARMUP_S SECONDS
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
    if (argc != 5) {
        fprintf(stderr, "usage: %s PORT MESSAGE_BYTES WARMUP_S SECONDS\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    int size = atoi(argv[2]);
    double warmup = atof(argv[3]);
    double seconds = atof(argv[4]);
    if (port < 1 || port > 65535 || size < 1 || seconds <= 0) {
        fprintf(stderr, "PORT 1 .. 65535, MESSAGE_BYTES >= 1 and SECONDS > 0 needed\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (fd < 0 || connect(fd, (struct sockaddr *) &a, sizeof a) < 0) {
        perror("connect to 127.0.0.1");
        return 1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    static char buf[1 << 16];
    struct pollfd p = {fd, POLLIN, 0};
    double first = -1, start = -1, end = -1, tick = 0;
    long long bytes = 0, second_bytes = 0;
    int open = 1;
    while (open) {
        int r = poll(&p, 1, 1000);
        if (r < 0 && errno != EINTR) {
            break;
        }
        long long got = 0;
        for (;;) {
            ssize_t n = read(fd, buf, sizeof buf);
            if (n > 0) {
                got += n;
                continue;
            }
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                open = 0; /* the sender closed */
            }
            break;
        }
        double t = now_s();
        if (first < 0 && got > 0) {
            first = t;
            start = first + warmup;
            end = start + seconds;
            tick = start + 1;
        }
        if (start < 0) {
            if (r == 0) {
                fprintf(stderr, "no data yet\n");
            }
            continue;
        }
        if (t >= start) {
            bytes += got;
            second_bytes += got;
        }
        if (t >= tick && t < end) {
            printf("second %lld messages %lld bytes\n", second_bytes / size, second_bytes);
            second_bytes = 0;
            tick += 1;
        }
        if (t >= end) {
            break;
        }
    }
    if (start < 0 || now_s() < start) {
        fprintf(stderr, "the sender stopped before the measurement began\n");
        return 1;
    }
    double took = (end > 0 && now_s() >= end ? end : now_s()) - start;
    printf("total %lld bytes %lld messages %.3f s %.0f msg/s\n", bytes, bytes / size, took, bytes / size / took);
    fflush(stdout);
    close(fd);
    return 0;
}
