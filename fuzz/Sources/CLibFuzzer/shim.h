#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver for a program with a main of its own (a Swift main.swift cannot give up its main to
// libFuzzer's): it reads libFuzzer's flags from argv and calls the callback with each input. It lives in
// libclang_rt.fuzzer, which -sanitize=fuzzer links; libFuzzer declares it in no installed header.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
