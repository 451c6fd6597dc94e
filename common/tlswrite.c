/* One write request per piece of owned bytes: libuv keeps the buffer
 * until the write completes, so the request carries it and frees it. */
#include "tlswrite.h"

#include <errno.h>
#include <stdlib.h>

struct tlswrite {
	uv_write_t req;
	uint8_t *data;
	tlswrite_done_fn done;
	void *arg;
};

static void
on_write(uv_write_t *req, int status)
{
	struct tlswrite *w = (struct tlswrite *)req;
	tlswrite_done_fn done = w->done;
	void *arg = w->arg;

	free(w->data);
	free(w);
	if (done != NULL)
		done(arg, status);
}

int
tlswrite_start(uv_stream_t *stream, uint8_t *data, size_t len,
               tlswrite_done_fn done, void *arg)
{
	struct tlswrite *w = malloc(sizeof *w);
	uv_buf_t b = uv_buf_init((char *)data, (unsigned)len);
	int rc;

	if (w == NULL) {
		free(data);
		return -ENOMEM;
	}
	w->data = data;
	w->done = done;
	w->arg = arg;
	rc = uv_write(&w->req, stream, &b, 1, on_write);
	if (rc < 0) {
		free(data);
		free(w);
		return rc;
	}
	return 0;
}
