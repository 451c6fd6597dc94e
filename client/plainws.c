/* The line mode of a workshop (plainws.h). A status comes with every
 * change in any room, several a second on a busy study day, so the line
 * mode repeats a room only when something the facilitator steers by
 * changed: who is there, the chair, the step, the clock's state and the
 * findings; a ticking clock alone is no news. */
#include "plainws.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "items.h"
#include "wscmd.h"
#include "wsline.h"

static void
print_error(const char *name, const char *text)
{
	/* "error: CODE:" is the same in every language, for scripts. */
	printf("error: %s: %s\n", name, text);
}

static int64_t
age(const struct net *net)
{
	return net_now(net) - net->workshop_at;
}

static void
keep_last(struct plainws *w, const struct net *net)
{
	items_free_msg(w->last ? &w->last->base : NULL);
	w->last = net->workshop ?
	          (Aandeslag__WorkshopStatus *)items_dup(&net->workshop->base) :
	          NULL;
}

void
plainws_joined(struct plainws *w, struct net *net)
{
	/* Stable, for scripts: the same words in every language. */
	printf("workshop code: %s\n", net->code);
	if (net->facilitator_code[0] != '\0') {
		printf("facilitator code: %s\n", net->facilitator_code);
		fprintf(stderr, _("aandeslag: schrijf je begeleiderscode op: %s. Daarmee kom je als begeleider terug, ook vanaf een andere laptop (aandeslag %s --facilitator-code %s); hij wordt niet nog eens getoond.\n"),
		        net->facilitator_code, net->code, net->facilitator_code);
	}
	wsline_status(stdout, net->workshop, age(net), &net->content);
	keep_last(w, net);
	fflush(stdout);
}

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Whether the facilitator would want to hear that room r changed. */
static bool
room_news(const Aandeslag__RoomSummary *old, const Aandeslag__RoomSummary *r)
{
	return old == NULL || old->seated != r->seated ||
	       old->connected != r->connected || !same_text(old->chair, r->chair) ||
	       old->current_step != r->current_step ||
	       old->finished != r->finished ||
	       old->n_findings != r->n_findings ||
	       (old->clock != NULL) != (r->clock != NULL) ||
	       (r->clock != NULL && old->clock->state != r->clock->state) ||
	       !same_text(old->code, r->code);
}

static bool
report_news(const Aandeslag__WorkshopStatus *old,
            const Aandeslag__WorkshopStatus *ws)
{
	const Aandeslag__ReportState *a = old->report, *b = ws->report;

	if (a == NULL || b == NULL)
		return a != b;
	return a->phase != b->phase || a->room != b->room ||
	       (a->clock != NULL && b->clock != NULL &&
	        (a->clock->state != b->clock->state ||
	         a->clock->duration_ms != b->clock->duration_ms));
}

void
plainws_status(struct plainws *w, struct net *net)
{
	const Aandeslag__WorkshopStatus *ws = net->workshop;
	const Aandeslag__WorkshopStatus *old = w->last;
	size_t i;

	if (ws == NULL)
		return;
	if (old == NULL || old->n_rooms != ws->n_rooms) {
		wsline_status(stdout, ws, age(net), &net->content);
		keep_last(w, net);
		return;
	}
	for (i = 0; i < ws->n_rooms; i++)
		if (room_news(old->rooms[i], ws->rooms[i]))
			wsline_room(stdout, ws->rooms[i], (uint32_t)(i + 1),
			            age(net), &net->content);
	if (!same_text(old->announcement, ws->announcement))
		printf("%s %s\n", _("bericht"),
		       ws->announcement && ws->announcement[0] ?
		       ws->announcement : "-");
	if (report_news(old, ws))
		wsline_report(stdout, ws, age(net), &net->content);
	keep_last(w, net);
}

enum plainws_result
plainws_line(struct plainws *w, struct net *net, char *line)
{
	char error[WSCMD_ERROR_SIZE];
	struct wscmd cmd;
	uint64_t id;
	int rc;

	rc = wscmd_parse(line, net->workshop, &cmd, error);
	if (rc < 0) {
		print_error("usage", error);
		return PLAINWS_REFUSED;
	}
	switch (cmd.kind) {
	case WSCMD_EMPTY:
		return PLAINWS_DONE;
	case WSCMD_SHOW:
	case WSCMD_HELP:
		if (net_pending(net) > 0)
			return PLAINWS_WAIT;
		if (cmd.kind == WSCMD_HELP)
			fputs(wscmd_help(), stdout);
		else {
			wsline_status(stdout, net->workshop, age(net),
			              &net->content);
			wsline_report(stdout, net->workshop, age(net),
			              &net->content);
		}
		return PLAINWS_DONE;
	case WSCMD_QUIT:
		return PLAINWS_QUIT;
	case WSCMD_LANG:
		if (net_pending(net) > 0)
			return PLAINWS_WAIT;
		if (!lang_apply(cmd.lang)) {
			print_error("lang", lang_unavailable());
			return PLAINWS_REFUSED;
		}
		return PLAINWS_DONE;
	case WSCMD_EXPORT:
		/* One export at a time: the rooms of the next would mix with
		 * those of the one on its way. */
		if (w->export.request_id != 0)
			return PLAINWS_WAIT;
		break;
	case WSCMD_REMOTE:
		break;
	}
	rc = net_send_workshop(net, &cmd.command, &id);
	if (rc < 0) {
		print_error(net->facilitator ? "not_connected" : "not_allowed",
		            net->facilitator ?
		            _("Er is geen verbinding met de server.") :
		            _("Dat mag alleen de begeleider."));
		return PLAINWS_REFUSED;
	}
	if (cmd.kind == WSCMD_EXPORT &&
	    wsexport_begin(&w->export, id, cmd.export_format,
	                   cmd.export_path) < 0) {
		print_error("export", strerror(ENAMETOOLONG));
		return PLAINWS_REFUSED;
	}
	return PLAINWS_DONE;
}

void
plainws_export_room(struct plainws *w, struct net *net, uint64_t request_id,
                    const Aandeslag__Snapshot *room)
{
	if (wsexport_room(&w->export, request_id, room, &net->content,
	                  net_now(net)) < 0) {
		print_error("export", _("Een groep van de export is onleesbaar."));
		wsexport_reset(&w->export);
	}
}

int
plainws_answer(struct plainws *w, struct net *net, uint64_t request_id,
               int why_code)
{
	char msg[1024];
	int rc;

	rc = wsexport_answer(&w->export, request_id, why_code, net->workshop,
	                     net_now(net), msg, sizeof msg);
	if (rc == 0)
		return 0;
	if (rc < 0) {
		print_error("export", msg);
		return -1;
	}
	printf("%s\n", msg);
	return 0;
}

void
plainws_free(struct plainws *w)
{
	items_free_msg(w->last ? &w->last->base : NULL);
	w->last = NULL;
	wsexport_reset(&w->export);
}
