/* aandeslag-server export: the administrator writes one stored room out
 * as CSV, iCalendar, Markdown or JSON, from storage, with the renderers
 * the client uses. */
#ifndef AANDESLAG_EXPORT_CMD_H
#define AANDESLAG_EXPORT_CMD_H

/* Runs "aandeslag-server export" with the options in argv (argv[1] is
 * "export"): reads the room from the data directory read-only, so also
 * while a server runs on it, and writes it to stdout or, through a
 * temporary file renamed into place, to the file asked for. Prints in
 * the user's language (Dutch by default) why not when it fails. Returns
 * the exit status: 0, 1 (failed: no such room, unreadable data, a write
 * that failed) or 2 (bad use: unknown format, no room code). */
int export_cmd_main(int argc, char **argv);

#endif
