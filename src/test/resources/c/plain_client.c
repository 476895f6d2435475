/* A plain blocking client: connects to 127.0.0.1:PORT, reads BYTES bytes, prints what it got. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int port = atoi(argv[1]);
    int want = argc > 2 ? atoi(argv[2]) : 4096;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (connect(s, (struct sockaddr *) &a, sizeof a) != 0) { perror("connect"); return 2; }
    char *buf = malloc(want + 1);
    int got = 0;
    while (got < want) {
        ssize_t n = read(s, buf + got, want - got);
        if (n <= 0) break;
        got += n;
    }
    buf[got] = 0;
    printf("read %d bytes, starting \"%s\"\n", got, buf);
    close(s);
    return got == want ? 0 : 1;
}
