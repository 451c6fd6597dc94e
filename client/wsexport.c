/* A workshop export on the facilitator's laptop (wsexport.h). */
#include "wsexport.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "saveas.h"
#include "snapshot.h"

void
wsexport_reset(struct wsexport *x)
{
	size_t i;

	for (i = 0; i < x->nrooms; i++)
		model_free(&x->rooms[i]);
	free(x->rooms);
	x->rooms = NULL;
	x->nrooms = x->cap = 0;
	x->request_id = 0;
}

int
wsexport_begin(struct wsexport *x, uint64_t request_id,
               enum wscmd_export format, const char *path)
{
	wsexport_reset(x);
	if (strlen(path) >= sizeof x->path)
		return -ENAMETOOLONG;
	snprintf(x->path, sizeof x->path, "%s", path);
	x->format = format;
	x->request_id = request_id;
	return 0;
}

int
wsexport_room(struct wsexport *x, uint64_t request_id,
              const Aandeslag__Snapshot *snap, const struct content *content,
              int64_t now)
{
	struct model_room *grown;
	size_t cap;
	int rc;

	if (x->request_id == 0 || request_id != x->request_id)
		return 0;
	if (x->nrooms == x->cap) {
		cap = x->cap ? 2 * x->cap : 8;
		grown = realloc(x->rooms, cap * sizeof *grown);
		if (grown == NULL)
			return -ENOMEM;
		x->rooms = grown;
		x->cap = cap;
	}
	rc = snapshot_load(&x->rooms[x->nrooms], content, snap, now);
	if (rc < 0)
		return rc == -ENOMEM ? -ENOMEM : -EPROTO;
	x->nrooms++;
	return 0;
}

int
wsexport_answer(struct wsexport *x, uint64_t request_id, int why_code,
                const Aandeslag__WorkshopStatus *ws, int64_t now, char *msg,
                size_t size)
{
	const struct model_room **rooms;
	size_t i;
	int rc;

	if (x->request_id == 0 || request_id != x->request_id)
		return 0;
	if (why_code != 0) {
		snprintf(msg, size, _("De server gaf de groepen niet; %s is niet geschreven."),
		         x->path);
		wsexport_reset(x);
		return -EPROTO;
	}
	rooms = calloc(x->nrooms ? x->nrooms : 1, sizeof *rooms);
	if (rooms == NULL) {
		snprintf(msg, size, "%s", strerror(ENOMEM));
		wsexport_reset(x);
		return -ENOMEM;
	}
	for (i = 0; i < x->nrooms; i++)
		rooms[i] = &x->rooms[i];
	rc = saveas_workshop(ws, (const struct model_room *const *)rooms,
	                     x->nrooms, x->format, x->path, now, msg, size);
	free(rooms);
	wsexport_reset(x);
	return rc < 0 ? rc : 1;
}
