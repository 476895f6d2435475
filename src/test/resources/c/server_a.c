/* The story's Server A: accepts one client, goes non-blocking, sends "Hello World!\0"
 * as fast as it can (or every GAP microseconds), never reads the replies, and closes the
 * connection on the first failed send. Usage: server_a SNDBUF GAP_US. Prints "PORT n". */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int sndbuf = argc > 1 ? atoi(argv[1]) : 16384;
    int gap = argc > 2 ? atoi(argv[2]) : 0;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (bind(ls, (struct sockaddr *) &a, sizeof a) != 0 || listen(ls, 1) != 0) { perror("bind/listen"); return 2; }
    socklen_t len = sizeof a;
    getsockname(ls, (struct sockaddr *) &a, &len);
    printf("PORT %d\n", ntohs(a.sin_port));
    fflush(stdout);
    int c = accept(ls, NULL, NULL);
    setsockopt(c, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    fcntl(c, F_SETFL, fcntl(c, F_GETFL) | O_NONBLOCK);
    const char msg[] = "Hello World!";
    long sent = 0;
    for (;;) {
        if (send(c, msg, sizeof msg, MSG_NOSIGNAL) < 0) {
            printf("send buffer full after %ld messages: errno %d\n", sent, errno);
            fflush(stdout);
            close(c);
            break;
        }
        sent++;
        if (gap > 0) usleep(gap);
    }
    close(ls);
    return 0;
}
