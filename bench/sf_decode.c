/*
 * sf_decode -- the floor for "how fast can libsndfile decode this file".
 *
 *     sf_decode [--short] FILE
 *
 * Opens FILE with libsndfile and reads it to the end in blocks of frames with
 * sf_readf_float (or sf_readf_short with --short), the same calls tapescript's
 * importer makes. Every sample is added to a running sum, and the sum is the
 * only thing printed, so the compiler cannot drop the decode as dead work.
 * bench/run times this next to `tapescript import` on the same file: the
 * import does strictly more (envelope, fingerprint, segmentation, database
 * write), so this is the yardstick it is held to.
 *
 * Built by bench/run:  cc -O2 -o sf_decode bench/sf_decode.c -lsndfile
 */
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 4096 frames per read: the usual libsndfile block size, big enough that the
 * per-call overhead is noise and small enough to stay in L2 for stereo. */
#define BLOCK_FRAMES 4096

int main(int argc, char **argv) {
    int use_short = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--short") == 0) {
            use_short = 1;
        } else if (path == NULL) {
            path = argv[i];
        } else {
            path = NULL;
            break;
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: sf_decode [--short] FILE\n");
        return 2;
    }

    SF_INFO info;
    memset(&info, 0, sizeof info);
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (sf == NULL) {
        fprintf(stderr, "sf_decode: %s: %s\n", path, sf_strerror(NULL));
        return 1;
    }
    const size_t channels = (size_t)info.channels;
    const size_t count = BLOCK_FRAMES * channels;

    if (use_short) {
        short *buf = malloc(count * sizeof *buf);
        if (buf == NULL) { sf_close(sf); return 1; }
        long long sum = 0;
        sf_count_t got;
        while ((got = sf_readf_short(sf, buf, BLOCK_FRAMES)) > 0) {
            const size_t n = (size_t)got * channels;
            for (size_t i = 0; i < n; i++) sum += buf[i];
        }
        printf("%lld\n", sum);
        free(buf);
    } else {
        float *buf = malloc(count * sizeof *buf);
        if (buf == NULL) { sf_close(sf); return 1; }
        double sum = 0.0;
        sf_count_t got;
        while ((got = sf_readf_float(sf, buf, BLOCK_FRAMES)) > 0) {
            const size_t n = (size_t)got * channels;
            for (size_t i = 0; i < n; i++) sum += buf[i];
        }
        printf("%.9g\n", sum);
        free(buf);
    }
    sf_close(sf);
    return 0;
}
