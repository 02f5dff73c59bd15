/* The physical floor for incidentd's work, measured by Scripts/bench in the same run:
 * receive the inotify event, read and hash the file (SHA-256), commit one row to SQLite (WAL,
 * synchronous=NORMAL, one transaction per file), send one journal entry with sd_journal_sendv,
 * then move the file out of the inbox. No extraction, no deduplication, no outbox.
 *
 *   floor INBOX ARCHIVE DATABASE IDENTIFIER
 *
 * It announces itself with the daemon's "started" MESSAGE_ID and tags every entry with
 * INCIDENT_SOURCE_FILE=<name>, so the bench reads it back exactly like incidentd.
 * Build: cc -O2 floor.c -lsqlite3 -lsystemd -lcrypto
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <openssl/sha.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static void on_term(int s) { (void)s; stop = 1; }

static void sendf(struct iovec *iov, int *n, char *buf, size_t cap, const char *fmt, const char *a, const char *b) {
    int len = snprintf(buf, cap, fmt, a, b);
    iov[*n].iov_base = buf;
    iov[*n].iov_len = (size_t)len;
    (*n)++;
}

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: floor INBOX ARCHIVE DATABASE IDENTIFIER\n"); return 2; }
    const char *inbox = argv[1], *archive = argv[2], *dbpath = argv[3], *ident = argv[4];
    struct sigaction sa = {0};
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    sqlite3 *db;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK) { fprintf(stderr, "open %s\n", dbpath); return 1; }
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE IF NOT EXISTS article (id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE,"
                     " file_name TEXT NOT NULL, received_at REAL NOT NULL, text TEXT NOT NULL)", 0, 0, 0);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO article (content_hash, file_name, received_at, text) VALUES (?, ?, ?, ?)", -1, &ins, 0);

    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0 || inotify_add_watch(fd, inbox, IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR) < 0) { perror("inotify"); return 1; }

    char f1[512], f2[512];
    {
        struct iovec iov[4]; int n = 0;
        sendf(iov, &n, f1, sizeof f1, "SYSLOG_IDENTIFIER=%s%s", ident, "");
        iov[n].iov_base = "MESSAGE_ID=ece8251769de43c4bff38ac8963074d1"; iov[n].iov_len = strlen(iov[n].iov_base); n++;
        iov[n].iov_base = "MESSAGE=floor started"; iov[n].iov_len = strlen(iov[n].iov_base); n++;
        sd_journal_sendv(iov, n);
    }

    static char evbuf[64 * 1024] __attribute__((aligned(8)));
    static unsigned char data[5 * 1024 * 1024 + 1];
    while (!stop) {
        ssize_t got = read(fd, evbuf, sizeof evbuf);
        if (got < 0) { if (errno == EINTR) continue; perror("read"); break; }
        for (char *p = evbuf; p < evbuf + got;) {
            struct inotify_event *ev = (struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (!ev->len || ev->name[0] == '.') continue;
            char path[4096], dest[4096];
            snprintf(path, sizeof path, "%s/%s", inbox, ev->name);
            int in = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
            if (in < 0) continue;
            size_t size = 0; ssize_t r;
            while (size < sizeof data && (r = read(in, data + size, sizeof data - size)) > 0) size += (size_t)r;
            close(in);
            unsigned char md[32]; char hex[65];
            SHA256(data, size, md);
            for (int i = 0; i < 32; i++) sprintf(hex + 2 * i, "%02x", md[i]);

            sqlite3_exec(db, "BEGIN", 0, 0, 0);
            sqlite3_bind_text(ins, 1, hex, 64, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 2, ev->name, -1, SQLITE_TRANSIENT);
            sqlite3_bind_double(ins, 3, 0);
            sqlite3_bind_text(ins, 4, (const char *)data, (int)size, SQLITE_TRANSIENT);
            sqlite3_step(ins);
            sqlite3_reset(ins);
            sqlite3_exec(db, "COMMIT", 0, 0, 0);

            struct iovec iov[5]; int n = 0;
            sendf(iov, &n, f1, sizeof f1, "SYSLOG_IDENTIFIER=%s%s", ident, "");
            sendf(iov, &n, f2, sizeof f2, "INCIDENT_SOURCE_FILE=%s%s", ev->name, "");
            iov[n].iov_base = "MESSAGE_ID=a47409a06be64120be18d8fdbbce7de0"; iov[n].iov_len = strlen(iov[n].iov_base); n++;
            char msg[128]; int ml = snprintf(msg, sizeof msg, "MESSAGE=floor: %.64s", hex);
            iov[n].iov_base = msg; iov[n].iov_len = (size_t)ml; n++;
            sd_journal_sendv(iov, n);

            snprintf(dest, sizeof dest, "%s/%s", archive, ev->name);
            rename(path, dest);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_close(db);
    return 0;
}
