/* Writes of bytes the write owns, such as the records a TLS session hands
 * over (tls_write_fn): one uv_write each, the bytes freed when it is done,
 * and the owner told of the result. */
#ifndef AANDESLAG_TLSWRITE_H
#define AANDESLAG_TLSWRITE_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

/* Called once a write ended: status as uv_write_cb's (UV_ECANCELED when
 * the stream was closed first); arg as given. */
typedef void (*tlswrite_done_fn)(void *arg, int status);

/* Writes len bytes of data (malloc'd; taken over in every case) on
 * stream, and calls done(arg, status) afterwards when done is not NULL.
 * Returns 0, or a negative error when the write could not start (data is
 * freed then and done is not called). */
int tlswrite_start(uv_stream_t *stream, uint8_t *data, size_t len,
                   tlswrite_done_fn done, void *arg);

#endif
