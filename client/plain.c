/* The line mode. Commands are pipelined: each line is sent as soon as it
 * is read. Local commands (who, show, help) wait until everything before
 * them is answered, so that a script's "show" shows its own notes. While
 * the connection is being made again, lines are still read and commands
 * wait in the connection's outbox; the --timeout wait at the end of the
 * input counts only while connected. */
#include "plain.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "eventline.h"
#include "i18n.h"
#include "lang.h"
#include "net_describe.h"
#include "outbox.h"
#include "plainws.h"
#include "poster.h"
#include "saveas.h"
#include "sshgate.h"
#include "trust.h"
#include "strbuf.h"

/* A line longer than this is refused without being sent. */
#define PLAIN_LINE_MAX (64 * 1024)

enum input_kind { INPUT_NONE, INPUT_STREAM, INPUT_FILE };

struct plain {
	uv_loop_t loop;
	struct net net;
	uv_timer_t timer;
	enum input_kind input;
	union {
		uv_tty_t tty;
		uv_pipe_t pipe;
	} in;
	uv_fs_t fs;
	char fsbuf[16 * 1024];
	bool input_open;
	bool reading;
	bool eof;
	bool blocked;           /* a local command waits for answers */
	bool skipping;          /* dropping the rest of an overlong line */
	char *buf;
	size_t len, cap;
	bool joined;
	bool online;            /* joined and not reconnecting */
	bool refused_any;
	bool done;
	int exit_code;
	unsigned timeout_s;
	struct plainws ws;      /* a workshop's facilitator or projector */
};

static void read_more(struct plain *p);

static void
print_error(const char *name, const char *text)
{
	/* "error: CODE:" is the same in every language, for scripts. */
	printf("error: %s: %s\n", name, text);
}

static void
print_refusal(const struct refusal *why)
{
	char text[512];

	refusal_describe(why, text, sizeof text);
	print_error(refusal_name(why->code), text);
}

static void
on_handle_closed(uv_handle_t *handle)
{
	(void)handle;
}

static void
finish(struct plain *p, int code)
{
	if (p->done)
		return;
	p->done = true;
	p->exit_code = code;
	if (p->input == INPUT_STREAM && p->input_open)
		uv_close((uv_handle_t *)&p->in, on_handle_closed);
	p->input_open = false;
	if (!uv_is_closing((uv_handle_t *)&p->timer))
		uv_close((uv_handle_t *)&p->timer, on_handle_closed);
	net_close(&p->net);
	fflush(stdout);
}

static void
maybe_finish(struct plain *p)
{
	if (p->eof && p->len == 0 && !p->blocked && net_pending(&p->net) == 0)
		finish(p, p->refused_any ? PLAIN_REFUSED : PLAIN_OK);
}

static void
run_local(struct plain *p, const struct cmd *cmd)
{
	const struct model_room *room = &p->net.room;
	struct strbuf out = { 0 };

	switch (cmd->kind) {
	case CMD_WHO:
		poster_who(room, p->net.self_id, &out);
		break;
	case CMD_SHOW:
		poster_render(room, net_now(&p->net), p->net.self_id, &out);
		break;
	case CMD_HELP:
		strbuf_puts(&out, cmd_help());
		break;
	case CMD_CARD:
		poster_card(room, cmd->card_step ? cmd->card_step :
		            room->current_step, &out);
		break;
	case CMD_MODEL:
		poster_model(room, p->net.self_id, &out);
		break;
	case CMD_CATALOGUE:
		poster_catalogue(room, &out);
		break;
	case CMD_SETTINGS:
		poster_settings(room, &out);
		break;
	case CMD_UNCOVERED:
		poster_uncovered(room, &out);
		break;
	case CMD_LANG:
		if (!lang_apply(cmd->lang)) {
			print_error("lang", lang_unavailable());
			p->refused_any = true;
		}
		break;
	case CMD_EXPORT: {
		char msg[512];

		if (saveas_write(room, cmd->export_format, cmd->export_path,
		                 net_now(&p->net), msg, sizeof msg) < 0) {
			print_error("export", msg);
			p->refused_any = true;
		} else {
			strbuf_printf(&out, "%s\n", msg);
		}
		break;
	}
	default:
		break;
	}
	fputs(strbuf_str(&out), stdout);
	strbuf_free(&out);
}

/* Handles one line; returns false when it must wait for answers first
 * (the line is then kept). */
static bool
handle_line(struct plain *p, char *line)
{
	char error[CMD_ERROR_SIZE];
	struct refusal why;
	struct cmd cmd;
	int rc;

	/* Parse a copy, so that a line that must wait stays intact. */
	char *copy = strdup(line);

	if (copy == NULL)
		return true;
	if (p->net.in_workshop) {
		enum plainws_result r = plainws_line(&p->ws, &p->net, copy);

		free(copy);
		if (r == PLAINWS_WAIT)
			return false;
		if (r == PLAINWS_REFUSED)
			p->refused_any = true;
		if (r == PLAINWS_QUIT) {
			p->eof = true;
			p->len = 0;
		}
		return true;
	}
	rc = cmd_parse(copy, &p->net.room, p->net.self_id, &cmd, error);
	/* A line may name what an earlier line is still making (a script's
	 * "activity add" and then "activity edit a1"), and an edit merges
	 * with the mirror: such a line, and one that failed, waits until
	 * every command is answered and is then parsed again. */
	if ((rc < 0 || cmd.mirrored) && net_pending(&p->net) > 0) {
		free(copy);
		return false;
	}
	if (rc < 0) {
		print_error("usage", error);
		p->refused_any = true;
		free(copy);
		return true;
	}
	if (cmd.kind == CMD_REMOTE && net_pending(&p->net) >= OUTBOX_MAX) {
		/* The offline queue is full: the line waits for answers. */
		free(copy);
		return false;
	}
	if (cmd.kind == CMD_REMOTE) {
		rc = net_send(&p->net, &cmd.command, NULL);
		if (rc == -EMSGSIZE) {
			refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG,
			                MODEL_NOTE_MAX);
			print_refusal(&why);
			p->refused_any = true;
		} else if (rc < 0) {
			print_error("not_connected",
			            _("Er is geen verbinding met de server."));
			p->refused_any = true;
		}
	} else if (cmd.kind != CMD_EMPTY) {
		if (net_pending(&p->net) > 0) {
			free(copy);
			return false;
		}
		run_local(p, &cmd);
	}
	free(copy);
	return true;
}

static void
line_too_long(struct plain *p)
{
	print_error("line_too_long",
	            _("Deze regel is te lang en is niet verstuurd."));
	p->refused_any = true;
}

static void
consume(struct plain *p, size_t n)
{
	memmove(p->buf, p->buf + n, p->len - n);
	p->len -= n;
}

/* Handles every whole line in the buffer (and, at the end of input, the
 * last line without a newline). */
static void
process(struct plain *p)
{
	char *nl;
	size_t n;

	p->blocked = false;
	while (!p->done && p->len > 0) {
		nl = memchr(p->buf, '\n', p->len);
		if (nl == NULL && !p->eof) {
			/* Keep no more of an overlong line than it takes to
			 * know that it is one. */
			if (p->len > PLAIN_LINE_MAX && !p->skipping) {
				line_too_long(p);
				p->skipping = true;
			}
			if (p->skipping)
				p->len = 0;
			break;
		}
		n = nl ? (size_t)(nl - p->buf) : p->len;
		if (p->skipping || n > PLAIN_LINE_MAX) {
			if (!p->skipping)
				line_too_long(p);
			p->skipping = false;
			consume(p, nl ? n + 1 : n);
			continue;
		}
		p->buf[n] = '\0';       /* the newline, or the spare byte */
		if (!handle_line(p, p->buf)) {
			if (nl != NULL)
				*nl = '\n';
			p->blocked = true;
			break;
		}
		consume(p, nl ? n + 1 : n);
	}
	if (p->blocked && p->reading && p->input == INPUT_STREAM) {
		uv_read_stop((uv_stream_t *)&p->in);
		p->reading = false;
	} else if (!p->blocked && !p->reading && !p->eof && !p->done) {
		read_more(p);
	}
	maybe_finish(p);
}

static void
on_timeout(uv_timer_t *timer)
{
	struct plain *p = timer->data;

	fprintf(stderr, _("aandeslag: %zu opdracht(en) kregen geen antwoord binnen %u seconden.\n"),
	        net_pending(&p->net), p->timeout_s);
	finish(p, PLAIN_UNANSWERED);
}

static void
input_ended(struct plain *p)
{
	p->eof = true;
	p->reading = false;
	if (p->input == INPUT_STREAM && p->input_open) {
		uv_close((uv_handle_t *)&p->in, on_handle_closed);
		p->input_open = false;
	}
	if (p->online)
		uv_timer_start(&p->timer, on_timeout,
		               (uint64_t)p->timeout_s * 1000, 0);
	process(p);
}

/* Adds bytes that were read to the buffer, with one spare byte for the
 * NUL of a last line without a newline. */
static void
take(struct plain *p, const char *data, size_t n)
{
	size_t cap;
	char *grown;

	if (p->len + n + 1 > p->cap) {
		cap = p->cap ? p->cap : 4096;
		while (cap < p->len + n + 1)
			cap *= 2;
		grown = realloc(p->buf, cap);
		if (grown == NULL) {
			fprintf(stderr, "aandeslag: %s\n", strerror(ENOMEM));
			finish(p, PLAIN_UNANSWERED);
			return;
		}
		p->buf = grown;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, data, n);
	p->len += n;
	process(p);
}

static void
on_stream_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct plain *p = handle->data;

	(void)suggested;
	*buf = uv_buf_init(p->fsbuf, sizeof p->fsbuf);
}

static void
on_stream_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct plain *p = stream->data;

	if (nread > 0)
		take(p, buf->base, (size_t)nread);
	else if (nread < 0)
		input_ended(p);
}

static void
on_file_read(uv_fs_t *req)
{
	struct plain *p = req->data;
	ssize_t n = req->result;

	uv_fs_req_cleanup(req);
	p->reading = false;
	if (p->done)
		return;
	if (n <= 0) {
		input_ended(p);
		return;
	}
	take(p, p->fsbuf, (size_t)n);
}

static void
read_more(struct plain *p)
{
	uv_buf_t b;

	if (p->input == INPUT_STREAM && p->input_open) {
		if (uv_read_start((uv_stream_t *)&p->in, on_stream_alloc,
		                  on_stream_read) == 0)
			p->reading = true;
	} else if (p->input == INPUT_FILE) {
		b = uv_buf_init(p->fsbuf, sizeof p->fsbuf);
		p->fs.data = p;
		if (uv_fs_read(&p->loop, &p->fs, 0, &b, 1, -1, on_file_read) == 0)
			p->reading = true;
		else
			input_ended(p);
	}
}

/* Opens stdin as whatever it is: a terminal, a pipe or socket, or a file
 * (which the loop cannot poll, so it is read through the thread pool). */
static void
open_input(struct plain *p)
{
	int rc = -1;

	switch (uv_guess_handle(0)) {
	case UV_TTY:
		rc = uv_tty_init(&p->loop, &p->in.tty, 0, 1);
		break;
	case UV_FILE:
		p->input = INPUT_FILE;
		return;
	default:
		rc = uv_pipe_init(&p->loop, &p->in.pipe, 0);
		if (rc == 0) {
			rc = uv_pipe_open(&p->in.pipe, 0);
			if (rc < 0)
				uv_close((uv_handle_t *)&p->in, on_handle_closed);
		}
		break;
	}
	if (rc < 0) {
		/* Something we cannot read from: behave as an empty input. */
		p->input = INPUT_NONE;
		return;
	}
	p->in.pipe.data = p;
	p->input = INPUT_STREAM;
	p->input_open = true;
}

/* Says whether the connection is encrypted and with which server: the
 * fingerprint to compare with the chair's on a first connection. */
static void
print_tls(const struct net *net)
{
	if (net->tls_fingerprint[0] == '\0') {
		printf("tls: off\n");
		return;
	}
	printf("tls fingerprint: %s (%s)\n", net->tls_fingerprint,
	       trust_verdict_name(net->tls_trust));
	if (net->tls_trust == TRUST_NEW)
		fprintf(stderr, _("aandeslag: eerste verbinding met deze server; vergelijk de vingerafdruk %s met die van de voorzitter.\n"),
		        net->tls_fingerprint);
}

static void
on_joined(struct net *net, void *arg)
{
	struct plain *p = arg;
	char line[128];

	(void)net;
	p->joined = true;
	p->online = true;
	if (p->net.in_workshop) {
		plainws_joined(&p->ws, &p->net);
		if (isatty(0))
			printf("%s\n", _("Typ help voor de opdrachten van de begeleider."));
		goto input;
	}
	/* Stable, for scripts: the same words in every language. */
	printf("room code: %s\n", p->net.room.code);
	print_tls(&p->net);
	if (sshgate_join_line(p->net.ssh_account, p->net.server_address,
	                      p->net.opts.host, line, sizeof line) == 0)
		printf("ssh join: %s\n", line);
	if (line[0] != '\0' && p->net.ssh_fingerprint[0] != '\0')
		printf("ssh fingerprint: %s\n", p->net.ssh_fingerprint);
	if (p->net.room.workshop_code[0] != '\0')
		printf("group: %s\n", p->net.room.title);
	if (p->net.chair_code[0] != '\0') {
		printf("chair code: %s\n", p->net.chair_code);
		fprintf(stderr, _("aandeslag: schrijf je voorzitterscode op: %s. Daarmee word je weer voorzitter vanaf een andere laptop (aandeslag %s --chair-code %s); hij wordt niet nog eens getoond.\n"),
		        p->net.chair_code, p->net.room.code, p->net.chair_code);
	}
	if (isatty(0))
		printf(_("Je doet mee aan \"%s\". Typ help voor de opdrachten.\n"),
		       p->net.room.title);
input:
	fflush(stdout);
	open_input(p);
	if (p->input == INPUT_NONE)
		input_ended(p);
	else
		read_more(p);
}

static void
on_event(struct net *net, const Aandeslag__Event *ev, void *arg)
{
	struct strbuf line = { 0 };

	(void)arg;
	eventline_render(&net->room, ev, &line);
	fputs(strbuf_str(&line), stdout);
	strbuf_free(&line);
}

/* When the chair finishes the session, everyone gets the summary: the
 * poster as the team leaves it. */
static void
on_applied(struct net *net, const Aandeslag__Event *ev, void *arg)
{
	struct strbuf out = { 0 };

	(void)arg;
	if (ev->change_case != AANDESLAG__EVENT__CHANGE_SETTING ||
	    ev->setting->setting->key != AANDESLAG__SETTING_KEY__SETTING_FINISHED)
		return;
	strbuf_printf(&out, "%s\n", _("Samenvatting van de werksessie:"));
	poster_render(&net->room, net_now(net), net->self_id, &out);
	fputs(strbuf_str(&out), stdout);
	strbuf_free(&out);
}

static void
on_workshop(struct net *net, void *arg)
{
	struct plain *p = arg;

	plainws_status(&p->ws, net);
}

static void
on_export_room(struct net *net, uint64_t request_id,
               const Aandeslag__Snapshot *room, void *arg)
{
	struct plain *p = arg;

	plainws_export_room(&p->ws, net, request_id, room);
}

/* The facilitator moved us: the new room, in the words of joining. */
static void
on_moved(struct net *net, void *arg)
{
	(void)arg;
	printf("room code: %s\n", net->room.code);
	printf("group: %s\n", net->room.title);
	printf(_("De begeleider heeft je naar groep \"%s\" verplaatst.\n"),
	       net->room.title);
}

static void
on_answer(struct plain *p)
{
	if (p->blocked && net_pending(&p->net) == 0)
		process(p);
	else
		maybe_finish(p);
}

static void
on_ack(struct net *net, uint64_t request_id, void *arg)
{
	struct plain *p = arg;

	if (plainws_answer(&p->ws, net, request_id, 0) < 0)
		p->refused_any = true;
	on_answer(p);
}

static void
on_refused(struct net *net, uint64_t request_id, const struct refusal *why,
           void *arg)
{
	struct plain *p = arg;

	print_refusal(why);
	plainws_answer(&p->ws, net, request_id, why->code);
	if (net->state != NET_JOINED) {
		/* The join itself was refused. */
		finish(p, PLAIN_NO_JOIN);
		return;
	}
	p->refused_any = true;
	on_answer(p);
}

/* The connection was lost and is being made again, or is back. Said once
 * per loss on stderr; the wait for answers at the end of the input stops
 * meanwhile and starts afresh when the connection is back. */
static void
on_link(struct net *net, bool up, int err, const struct refusal *why,
        unsigned attempt, void *arg)
{
	struct plain *p = arg;
	char text[512];

	(void)err;
	(void)attempt;
	if (up) {
		const struct model_participant *chair =
			model_participant(&net->room, net->chair_taken_by);

		p->online = true;
		fprintf(stderr, "aandeslag: %s\n", _("weer verbonden"));
		if (chair != NULL)
			fprintf(stderr, _("aandeslag: terwijl je weg was, heeft %s het voorzitterschap overgenomen\n"),
			        chair->name);
		if (p->eof && !p->done)
			uv_timer_start(&p->timer, on_timeout,
			               (uint64_t)p->timeout_s * 1000, 0);
		return;
	}
	if (!p->online)
		return;
	p->online = false;
	uv_timer_stop(&p->timer);
	if (why->code != AANDESLAG__ERROR_CODE__ERROR_NONE) {
		refusal_describe(why, text, sizeof text);
		fprintf(stderr, "aandeslag: %s\n", text);
	}
	fprintf(stderr, "aandeslag: %s\n",
	        _("verbinding verbroken; opnieuw verbinden\xe2\x80\xa6"));
}

/* Explains a failed connection in words a teacher can act on. */
static void
explain_connect_error(const struct net_options *o, int err)
{
	char text[512];

	net_describe_error(o, err, text, sizeof text);
	fprintf(stderr, "aandeslag: %s\n", text);
}

static void
on_closed(struct net *net, int err, const struct refusal *why, void *arg)
{
	struct plain *p = arg;
	char text[512];

	if (err != 0 && !p->joined && net->state != NET_CLOSED)
		return;
	if (p->joined) {
		net_describe_end(net, err, why, text, sizeof text);
		fprintf(stderr, "aandeslag: %s\n", text);
	} else if (why->code != AANDESLAG__ERROR_CODE__ERROR_NONE) {
		/* Refused before the join (the server's Closing, or the
		 * client's own TLS check): the stable code for scripts on
		 * stdout, like a refused join, and the sentence for people
		 * on stderr. */
		printf("error: %s:\n", refusal_name(why->code));
		refusal_describe(why, text, sizeof text);
		fprintf(stderr, "aandeslag: %s\n", text);
	} else if (err != 0) {
		explain_connect_error(&p->net.opts, err);
	} else {
		fprintf(stderr, "%s\n", _("aandeslag: de verbinding met de server is verbroken."));
	}
	finish(p, p->joined ? PLAIN_UNANSWERED : PLAIN_NO_JOIN);
}

int
plain_run(const struct net_options *opts, unsigned timeout_s)
{
	static const struct net_handlers handlers = {
		.joined = on_joined,
		.event = on_event,
		.applied = on_applied,
		.ack = on_ack,
		.refused = on_refused,
		.link = on_link,
		.closed = on_closed,
		.workshop = on_workshop,
		.export_room = on_export_room,
		.moved = on_moved,
	};
	struct plain *p;
	int rc, code;

	p = calloc(1, sizeof *p);
	if (p == NULL)
		return PLAIN_NO_JOIN;
	/* Events must reach a pipe as they happen, not when a buffer fills. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	p->timeout_s = timeout_s;
	uv_loop_init(&p->loop);
	uv_timer_init(&p->loop, &p->timer);
	p->timer.data = p;
	rc = net_start(&p->net, &p->loop, opts, &handlers, p);
	if (rc < 0) {
		explain_connect_error(opts, rc);
		finish(p, PLAIN_NO_JOIN);
	}
	uv_run(&p->loop, UV_RUN_DEFAULT);
	/* A file read still in the thread pool is waited for here. */
	uv_run(&p->loop, UV_RUN_DEFAULT);
	net_free(&p->net);
	plainws_free(&p->ws);
	if (uv_loop_close(&p->loop) != 0)
		fprintf(stderr, "aandeslag: handles left open at exit\n");
	code = p->exit_code;
	free(p->buf);
	free(p);
	return code;
}
