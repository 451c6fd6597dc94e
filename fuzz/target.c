/* The content and the failure report shared by the fuzz targets. */
#include "target.h"

#include <stdio.h>
#include <stdlib.h>

#include "config.h"

const struct content *
target_content(void)
{
	static struct content content;
	static int loaded;
	char err[CONTENT_ERROR_SIZE];

	if (!loaded) {
		if (content_load(&content, SOURCE_CONTENT_FILE, err) < 0) {
			fprintf(stderr, "fuzz: cannot load the content: %s\n",
			        err);
			abort();
		}
		loaded = 1;
	}
	return &content;
}

void
target_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	abort();
}
