/* Translation macros. Message ids are the Dutch texts themselves, so Dutch
 * shows without any catalogue (also where only the C.UTF-8 locale exists);
 * other languages come from gettext catalogues. */
#ifndef AANDESLAG_I18N_H
#define AANDESLAG_I18N_H

#include <libintl.h>

#define _(s) dgettext("aandeslag", s)
#define N_(s) (s)

#endif
