/* A workshop export on the facilitator's laptop: the server sends every
 * room as a snapshot (one WorkshopExport each) and then the Ack of the
 * request; the rooms are rebuilt with the model, as a mirror would be,
 * and written in the format asked for once the last one is in. */
#ifndef AANDESLAG_WSEXPORT_H
#define AANDESLAG_WSEXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "content.h"
#include "model.h"
#include "wscmd.h"

/* Bytes of the path of an export file. */
#define WSEXPORT_PATH_SIZE 4096

struct wsexport {
	uint64_t request_id;            /* 0: no export under way */
	enum wscmd_export format;
	char path[WSEXPORT_PATH_SIZE];
	struct model_room *rooms;       /* rebuilt so far */
	size_t nrooms;
	size_t cap;
};

/* Starts collecting the export answering request_id, to be written as
 * format to path. An export still under way is dropped. Returns 0, or
 * -ENAMETOOLONG for a path too long to keep. */
int wsexport_begin(struct wsexport *x, uint64_t request_id,
                   enum wscmd_export format, const char *path);

/* Adds one room of the export answering request_id, rebuilt at now from
 * snap with content (which must outlive x's rooms). A room of another
 * request is ignored. Returns 0, -EPROTO for a snapshot the model does
 * not take, or -ENOMEM. */
int wsexport_room(struct wsexport *x, uint64_t request_id,
                  const Aandeslag__Snapshot *snap,
                  const struct content *content, int64_t now);

/* The answer to request_id arrived (refused: why_code not 0): when it is
 * the export's, writes the file (with ws, the workshop's status, for its
 * title, date and schedule) and fills msg with what was written or why
 * not, and the export is over. Returns 1 when the file was written, 0
 * when request_id was not the export's, or a negative errno (msg says
 * why). */
int wsexport_answer(struct wsexport *x, uint64_t request_id, int why_code,
                    const Aandeslag__WorkshopStatus *ws, int64_t now,
                    char *msg, size_t size);

/* Frees the rooms collected; x may begin again. */
void wsexport_reset(struct wsexport *x);

#endif
