/* What every fuzz target shares: libFuzzer's entry point, called by
 * libFuzzer in a fuzzing build and by replay.c in every other, and the
 * method's content the targets' rooms are made with. */
#ifndef AANDESLAG_FUZZ_TARGET_H
#define AANDESLAG_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

#include "content.h"

/* Runs one input; returns 0 (libFuzzer's rule). A bug aborts. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns the project's content (data/content.yaml in the source tree),
 * loaded on the first call and kept for the process; aborts when it
 * cannot be loaded. */
const struct content *target_content(void);

/* Aborts with a message naming the invariant that broke. */
#define TARGET_ASSERT(cond)                                                 \
	do {                                                                \
		if (!(cond))                                                \
			target_fail(__FILE__, __LINE__, #cond);             \
	} while (0)

/* Prints where and what, then aborts. */
_Noreturn void target_fail(const char *file, int line, const char *what);

#endif
