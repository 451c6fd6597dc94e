#!/usr/bin/env bash
# Checks the catalogues against the sources: po/POTFILES names every file
# with translatable texts (and only files that exist), every text of
# those files has an English translation in po/en.po that is neither
# missing nor fuzzy, and msgfmt --check accepts en.po (the same printf
# formats as the Dutch, the same line ends).
#
#   check_po.sh SOURCE_ROOT
#
# Exits 0 when all holds, 1 when something does not (it says what).
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 1
fi
root=$1
cd "$root"
status=0

# POTFILES: comment lines start with '#'.
listed=$(grep -v '^#' po/POTFILES | sed '/^$/d')
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "check_po: po/POTFILES names $f, which does not exist" >&2
    status=1
  fi
done
# A file with _(, N_( or dngettext( that is not listed would go
# untranslated without a word.
for f in $(grep -lE '(^|[^A-Za-z0-9_])(N?_|dn?gettext)\(' \
             client/*.c common/*.c server/*.c); do
  if ! printf '%s\n' $listed | grep -qx "$f"; then
    echo "check_po: $f has translatable texts but is not in po/POTFILES" >&2
    status=1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The same extraction as "meson compile aandeslag-pot" (po/meson.build).
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --add-comments \
  --package-name=aandeslag -o "$tmp/aandeslag.pot" $listed
if ! msgcmp po/en.po "$tmp/aandeslag.pot" 2> "$tmp/msgcmp"; then
  grep -v 'warning: this message is not used' "$tmp/msgcmp" >&2 || true
  echo "check_po: po/en.po lacks translations; run" \
       "\"meson compile aandeslag-update-po\" and translate them" >&2
  status=1
fi
if ! msgfmt --check -o /dev/null po/en.po; then
  echo "check_po: msgfmt --check refuses po/en.po" >&2
  status=1
fi
exit $status
