/* The seat file of a connection: which token to present, and keeping the
 * one the server gave. */
#include "netseat.h"

#include <errno.h>
#include <uv.h>

#include "code.h"
#include "net.h"
#include "tokens.h"

int
netseat_open(struct net *net)
{
	char code[CODE_SIZE];
	int rc;

	if (!net->opts.seat_file || net->opts.viewer ||
	    net->opts.room == NULL || net->opts.name == NULL ||
	    code_normalise(net->opts.room, code) < 0)
		return 0;
	rc = tokens_open(&net->seat, NULL, net->opts.host, net->opts.port,
	                 code, net->opts.name);
	if (rc == -EBUSY)
		return UV_EBUSY;
	if (rc < 0)
		return 0;       /* no state directory: just no resuming */
	/* With the chair recovery code the seat comes from the code. */
	rc = net->opts.chair_code != NULL ? 0 :
	     tokens_read(&net->seat, net->token, sizeof net->token);
	if (rc > 0) {
		net->token_len = (size_t)rc;
		net->token_from_file = true;
	}
	return 0;
}

void
netseat_keep(struct net *net)
{
	char code[CODE_SIZE];

	if (!net->opts.seat_file || net->token_len == 0 ||
	    net->opts.name == NULL)
		return;
	/* A new room's seat file can only be made now that it has a code. */
	if (!tokens_is_open(&net->seat) && code_normalise(net->code, code) == 0)
		tokens_open(&net->seat, NULL, net->opts.host, net->opts.port,
		            code, net->opts.name);
	tokens_save(&net->seat, net->token, net->token_len);
}
