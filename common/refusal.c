/* The table of refusal codes: their stable names and the Dutch sentences
 * (translated through gettext) that users read. */
#include "refusal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

struct entry {
	int code;
	const char *name;
	const char *text;   /* {1} and {2} stand for the parameters */
};

static const struct entry entries[] = {
	{ AANDESLAG__ERROR_CODE__ERROR_NONE, "none",
	  N_("Geen fout.") },
	{ AANDESLAG__ERROR_CODE__ERROR_MALFORMED_FRAME, "malformed_frame",
	  N_("Het programma kreeg een bericht dat het niet kon lezen; de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_FRAME_TOO_LARGE, "frame_too_large",
	  N_("Een bericht was te groot; de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_MESSAGE, "unknown_message",
	  N_("Een bericht van een onbekende soort; de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_UNEXPECTED_MESSAGE, "unexpected_message",
	  N_("Een bericht op het verkeerde moment; de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN, "server_shutdown",
	  N_("De server stopt. Wat al bevestigd was, is bewaard.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_SLOW, "too_slow",
	  N_("Deze laptop haalde de berichten niet snel genoeg op; de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_VERSION, "version",
	  N_("Dit programma en de server spreken geen gemeenschappelijke versie (server: {1} tot en met {2}). Werk het programma bij.") },
	{ AANDESLAG__ERROR_CODE__ERROR_INTERNAL, "internal",
	  N_("De server kon dit nu niet doen. Probeer het zo nog eens.") },
	{ AANDESLAG__ERROR_CODE__ERROR_REMOVED, "removed",
	  N_("De voorzitter heeft je uit de werksessie gehaald.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM, "no_such_room",
	  N_("Er is geen werksessie met deze code. Controleer de code bij de voorzitter.") },
	{ AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, "room_full",
	  N_("Deze werksessie is vol (hoogstens {1} deelnemers). Vraag de voorzitter, of ga naar een andere werksessie.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_NAME, "bad_name",
	  N_("Deze naam kan niet: gebruik 1 tot {1} tekens, zonder regeleinden of stuurtekens.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_ROOMS, "too_many_rooms",
	  N_("Deze server heeft al zijn maximum van {1} werksessies.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_TITLE, "bad_title",
	  N_("Deze titel kan niet: gebruik 1 tot {1} tekens, zonder regeleinden of stuurtekens.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN, "bad_token",
	  N_("Je kon niet als dezelfde deelnemer terugkomen; meld je opnieuw aan.") },
	{ AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT, "already_present",
	  N_("Je bent al aangemeld vanaf een andere verbinding.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, "name_taken",
	  N_("Er doet al iemand mee als \"{1}\". Kies een andere naam, bijvoorbeeld met je achternaam.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED, "not_allowed",
	  N_("Dat mag alleen de voorzitter.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, "bad_step",
	  N_("Stap {1} bestaat niet; de stappen zijn 1 tot en met 5.") },
	{ AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT, "empty_text",
	  N_("De tekst is leeg.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG, "text_too_long",
	  N_("De tekst is te lang (hoogstens {1} bytes).") },
	{ AANDESLAG__ERROR_CODE__ERROR_INVALID_TEXT, "invalid_text",
	  N_("De tekst bevat ongeldige tekens (geen geldige UTF-8, of stuurtekens).") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_NOTES, "too_many_notes",
	  N_("Deze werksessie heeft het maximum van {1} notities bereikt.") },
	{ AANDESLAG__ERROR_CODE__ERROR_CLOCK_RUNNING, "clock_running",
	  N_("De klok loopt al.") },
	{ AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_RUNNING, "clock_not_running",
	  N_("De klok loopt niet.") },
	{ AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_PAUSED, "clock_not_paused",
	  N_("De klok staat niet op pauze.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, "bad_minutes",
	  N_("Het aantal minuten moet tussen {1} en {2} liggen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_NEXT_STEP, "no_next_step",
	  N_("Dit is al de laatste stap.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_PREV_STEP, "no_prev_step",
	  N_("Dit is al de eerste stap.") },
	{ AANDESLAG__ERROR_CODE__ERROR_REQUEST_TOO_OLD, "request_too_old",
	  N_("Deze opdracht is te oud om nog te herkennen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND, "unknown_command",
	  N_("De server kent deze opdracht niet.") },
	{ AANDESLAG__ERROR_CODE__ERROR_SAME_STEP, "same_step",
	  N_("Het team is al bij stap {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_REQUEST_ID, "bad_request_id",
	  N_("Een opdracht zonder volgnummer.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_NOTE, "no_such_note",
	  N_("Er is geen notitie {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_QUESTION, "no_such_question",
	  N_("Er is geen vraag {1} op de vragenkaarten.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_COMPETENCE, "no_such_competence",
	  N_("Er is geen competentie {1} in het model; typ model voor de lijst.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_DOTS_LEFT, "no_dots_left",
	  N_("Je stippen zijn op (je hebt er {1}). Haal eerst een stip weg.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_STACKING, "no_stacking",
	  N_("In deze werksessie zet je hoogstens een stip per competentie.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_DOT_THERE, "no_dot_there",
	  N_("Je hebt daar geen stip staan.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ACTIVITY, "no_such_activity",
	  N_("Er is geen activiteit {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ACTION, "no_such_action",
	  N_("Er is geen actie {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, "no_such_participant",
	  N_("Er zit niemand met {1} aan tafel.") },
	{ AANDESLAG__ERROR_CODE__ERROR_FINISHED, "finished",
	  N_("De werksessie is afgerond: alleen de stand van de acties, de datum van het vervolg en de bevindingen voor de terugkoppeling kunnen nog veranderen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TALK_ONLY, "talk_only",
	  N_("Bij stap 1 praat het team alleen; er komen geen notities.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING, "bad_setting",
	  N_("Die waarde kan niet voor deze instelling.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_DATE, "bad_date",
	  N_("\"{1}\" is geen datum (JJJJ-MM-DD), maand (JJJJ-MM) of periode.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_MANY, "too_many",
	  N_("Er kunnen niet meer {1} bij (hoogstens {2}).") },
	{ AANDESLAG__ERROR_CODE__ERROR_NOT_AUTHOR, "not_author",
	  N_("Dat mag alleen wie het schreef, of de voorzitter.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_OWNER, "bad_owner",
	  N_("Die eigenaar kan niet: een deelnemer, het team, of een naam, elk een keer.") },
	{ AANDESLAG__ERROR_CODE__ERROR_ALREADY_OWNER, "already_owner",
	  N_("Je hebt deze actie al op je genomen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NOT_OWNER, "not_owner",
	  N_("Deze actie staat niet op jouw naam.") },
	{ AANDESLAG__ERROR_CODE__ERROR_ALREADY_CHAIR, "already_chair",
	  N_("Dat kan niet bij de voorzitter zelf.") },
	{ AANDESLAG__ERROR_CODE__ERROR_STORAGE, "storage",
	  N_("De server kan nu niets opslaan (is de schijf vol?). Er is niets "
	     "veranderd; probeer het later opnieuw of waarschuw de beheerder.") },
	{ AANDESLAG__ERROR_CODE__ERROR_CHAIR_PRESENT, "chair_present",
	  N_("De voorzitter is er nog, of is pas kort weg. Over {1} min kun "
	     "je het voorzitterschap overnemen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_CHAIR_CODE, "bad_chair_code",
	  N_("Dat is niet de voorzitterscode van deze werksessie.") },
	{ AANDESLAG__ERROR_CODE__ERROR_WORKSHOP_FULL, "workshop_full",
	  N_("Alle groepen van deze studiedag zijn vol (elk hoogstens {1}). "
	     "Vraag de begeleider om een extra groep.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_FINDING, "no_such_finding",
	  N_("Er is geen bevinding {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NOT_CONNECTED, "not_connected",
	  N_("Die collega is nu niet verbonden; verplaatsen kan alleen wie er is.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM, "no_such_workshop_room",
	  N_("Deze studiedag heeft geen groep \"{1}\".") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_WORKSHOP, "bad_workshop",
	  N_("Zo kan de studiedag niet: {1}.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NOT_IN_WORKSHOP, "not_in_workshop",
	  N_("Dat hoort niet bij deze studiedag.") },
	{ AANDESLAG__ERROR_CODE__ERROR_NO_REPORT, "no_report",
	  N_("De terugkoppeling is nog niet begonnen.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TRY_LATER, "try_later",
	  N_("Te veel mislukte pogingen om mee te doen (verkeerde code?). "
	     "Wacht {1} s en probeer het dan opnieuw.") },
	{ AANDESLAG__ERROR_CODE__ERROR_ROOM_LOCKED, "room_locked",
	  N_("Deze werksessie is op slot of afgerond: er kan niemand nieuw "
	     "meer bij. Wie meedeed, komt terug vanaf de eigen laptop; de "
	     "voorzitter kan een collega herkennen (herken NAAM).") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_CONNECTIONS, "too_many_connections",
	  N_("De server heeft te veel verbindingen (hoogstens {1}). Sluit "
	     "een venster dat je niet meer gebruikt, of waarschuw de "
	     "beheerder.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_COMMANDS, "too_many_commands",
	  N_("Er kwamen veel te veel opdrachten tegelijk (hoogstens {1} per "
	     "seconde); de verbinding is verbroken.") },
	{ AANDESLAG__ERROR_CODE__ERROR_PASSWORD_REQUIRED, "password_required",
	  N_("Deze werksessie heeft een wachtwoord. Vraag het aan de "
	     "voorzitter en vul het in.") },
	{ AANDESLAG__ERROR_CODE__ERROR_BAD_PASSWORD, "bad_password",
	  N_("Dat is niet het wachtwoord van deze werksessie. Probeer het "
	     "opnieuw of vraag het aan de voorzitter.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TLS_REQUIRED, "tls_required",
	  N_("Deze server neemt alleen versleutelde verbindingen aan. Start "
	     "aandeslag zonder --no-tls (of zet tls = yes in client.conf).") },
	{ AANDESLAG__ERROR_CODE__ERROR_TLS_UNAVAILABLE, "tls_unavailable",
	  N_("Deze server biedt geen versleuteling (TLS) aan. Vraag de "
	     "beheerder om die aan te zetten; alleen als iedereen het "
	     "goedvindt: start aandeslag met --no-tls.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TLS_FINGERPRINT_CHANGED,
	  "tls_fingerprint_changed",
	  N_("Let op: deze server heeft niet de vingerafdruk van de vorige "
	     "keer (toen {1}, nu {2}). Misschien doet iemand zich voor als de "
	     "server. Verbind niet en vraag de voorzitter welke vingerafdruk "
	     "de server heeft. Is de server echt opnieuw ingericht, start dan "
	     "aandeslag --forget-server ADRES.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TLS_FINGERPRINT_MISMATCH,
	  "tls_fingerprint_mismatch",
	  N_("Let op: deze server heeft vingerafdruk {2}, niet {1} zoals "
	     "opgegeven. Misschien doet iemand zich voor als de server; "
	     "verbind niet en vraag de voorzitter.") },
	{ AANDESLAG__ERROR_CODE__ERROR_TLS_FAILED, "tls_failed",
	  N_("De versleutelde verbinding met de server lukte niet ({1}).") },
};

/* What ERROR_TOO_MANY counts travels as a stable English word (its first
 * parameter); the sentence names it in the reader's language. A word
 * this version does not know is shown as it came. */
static const struct {
	const char *word;
	const char *text;
} counted[] = {
	{ "questions", N_("eigen vragen") },
	{ "activities", N_("activiteiten") },
	{ "actions", N_("acties") },
	{ "owners", N_("eigenaren") },
	{ "competences", N_("competenties") },
	{ "findings", N_("bevindingen") },
};

static const char *
counted_text(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof counted / sizeof counted[0]; i++)
		if (strcmp(counted[i].word, word) == 0)
			return _(counted[i].text);
	return word;
}

static const struct entry *
find(int code)
{
	size_t i;

	for (i = 0; i < sizeof entries / sizeof entries[0]; i++)
		if (entries[i].code == code)
			return &entries[i];
	return NULL;
}

int
refusal_set(struct refusal *r, int code)
{
	r->code = code;
	r->nparams = 0;
	return -EINVAL;
}

int
refusal_set_num(struct refusal *r, int code, long a)
{
	refusal_set(r, code);
	snprintf(r->params[0], sizeof r->params[0], "%ld", a);
	r->nparams = 1;
	return -EINVAL;
}

int
refusal_set_num2(struct refusal *r, int code, long a, long b)
{
	refusal_set_num(r, code, a);
	snprintf(r->params[1], sizeof r->params[1], "%ld", b);
	r->nparams = 2;
	return -EINVAL;
}

int
refusal_set_params(struct refusal *r, int code, char *const *params, size_t n)
{
	size_t i;

	refusal_set(r, code);
	for (i = 0; i < n && i < REFUSAL_PARAMS; i++)
		snprintf(r->params[i], sizeof r->params[i], "%s",
		         params[i] != NULL ? params[i] : "");
	r->nparams = (unsigned)i;
	return -EINVAL;
}

int
refusal_set_str(struct refusal *r, int code, const char *a)
{
	size_t n = strlen(a);

	refusal_set(r, code);
	if (n >= sizeof r->params[0]) {
		n = sizeof r->params[0] - 1;
		/* Never cut a UTF-8 sequence in half. */
		while (n > 0 && ((unsigned char)a[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(r->params[0], a, n);
	r->params[0][n] = '\0';
	r->nparams = 1;
	return -EINVAL;
}

int
refusal_set_too_many(struct refusal *r, const char *what, long max)
{
	refusal_set_str(r, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY, what);
	snprintf(r->params[1], sizeof r->params[1], "%ld", max);
	r->nparams = 2;
	return -EINVAL;
}

const char *
refusal_name(int code)
{
	const struct entry *e = find(code);

	return e ? e->name : "unknown";
}

void
refusal_text(int code, const char *const *params, size_t nparams,
             char *out, size_t size)
{
	const struct entry *e = find(code);
	const char *t, *p;
	size_t n = 0, k, index;
	char number[24];

	if (size == 0)
		return;
	if (e == NULL) {
		t = _("Onbekende fout (code {1}); werk het programma bij.");
	} else if (code == AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED &&
	           nparams > 0 && params[0] != NULL &&
	           strcmp(params[0], "facilitator") == 0) {
		/* The one role besides the chair's that commands need. */
		t = _("Dat mag alleen de begeleider van de studiedag.");
	} else {
		t = _(e->text);
	}
	/* Substitute {1} and {2} by hand: a translated text must never be
	 * used as a printf format. */
	while (*t != '\0' && n + 1 < size) {
		if (t[0] == '{' && (t[1] == '1' || t[1] == '2') &&
		    t[2] == '}') {
			index = (size_t)(t[1] - '1');
			if (e == NULL && index == 0) {
				snprintf(number, sizeof number, "%d", code);
				p = number;
			} else if (index < nparams && params[index] != NULL) {
				p = params[index];
				if (index == 0 &&
				    code == AANDESLAG__ERROR_CODE__ERROR_TOO_MANY)
					p = counted_text(p);
			} else {
				p = "?";
			}
			k = strlen(p);
			if (k > size - 1 - n)
				k = size - 1 - n;
			memcpy(out + n, p, k);
			n += k;
			t += 3;
			continue;
		}
		out[n++] = *t++;
	}
	out[n] = '\0';
}

void
refusal_describe(const struct refusal *r, char *out, size_t size)
{
	const char *params[REFUSAL_PARAMS];
	unsigned i;

	for (i = 0; i < r->nparams && i < REFUSAL_PARAMS; i++)
		params[i] = r->params[i];
	refusal_text(r->code, params, r->nparams, out, size);
}
