/* What went wrong with the connection, in words (net_describe.h). */
#include "net_describe.h"

#include <stdio.h>

#include "i18n.h"
#include "relink.h"

void
net_describe_error(const struct net_options *o, int err, char *out,
                   size_t size)
{
	const char *why;

	switch (err) {
	case UV_EBUSY:
		/* Not a network matter: the seat file is locked. */
		snprintf(out, size, "%s", _("Deze deelnemer is al open in een ander venster of programma."));
		return;
	case UV_ECONNREFUSED:
		why = _("er luistert niets op die poort. Draait de server, en klopt de poort?");
		break;
	case UV_EAI_NONAME:
	case UV_EAI_AGAIN:
	case UV_EAI_FAIL:
		why = _("die naam is onbekend. Klopt de naam of het adres van de server?");
		break;
	case UV_ETIMEDOUT:
	case UV_EHOSTUNREACH:
	case UV_ENETUNREACH:
		why = _("de server is niet bereikbaar. Zit je op hetzelfde netwerk? Houdt een firewall de poort tegen?");
		break;
	default:
		why = uv_strerror(err);
		break;
	}
	snprintf(out, size, _("geen verbinding met %s poort %d: %s"), o->host,
	         o->port, why);
}

void
net_describe_end(const struct net *net, int err, const struct refusal *why,
                 char *out, size_t size)
{
	(void)err;
	if (relink_refusal_final(why->code))
		snprintf(out, size, "%s", _("Opnieuw verbinden lukte niet: je plek in de werksessie bestaat niet meer. Doe opnieuw mee met de code."));
	else if (net->gave_up)
		snprintf(out, size, _("De verbinding met de server is verbroken; na %lld seconden opnieuw proberen gestopt."),
		         (long long)(net->opts.reconnect_ms / 1000));
	else if (why->code != AANDESLAG__ERROR_CODE__ERROR_NONE)
		refusal_describe(why, out, size);
	else
		snprintf(out, size, "%s",
		         _("De verbinding met de server is verbroken."));
}
