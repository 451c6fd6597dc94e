/* Shared test fixtures: the project's own content file, loaded once per
 * test process. */
#ifndef AANDESLAG_FIXTURE_H
#define AANDESLAG_FIXTURE_H

#include "check.h"
#include "content.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

/* Returns data/content.yaml, loaded on first use; the test fails when it
 * cannot be loaded. It stays loaded until the process ends. */
static inline const struct content *
fixture_content(void)
{
	static struct content content;
	char err[CONTENT_ERROR_SIZE];

	if (content.msg == NULL &&
	    content_load(&content, SOURCE_DIR "/data/content.yaml", err) < 0)
		CHECK_FAIL("cannot load the content: %s", err);
	return &content;
}

#endif
