/* Timing a restart: `populate` fills a server with finished rooms, and
 * `recover` starts the server anew and measures how long until a room
 * can be joined and its first snapshot is served, and until every room's
 * is. */
#ifndef AANDESLAG_BENCH_RECOVER_H
#define AANDESLAG_BENCH_RECOVER_H

/* `aandeslag-bench populate`: makes --rooms rooms, each with --notes notes
 * by its chair, finishes them and writes their codes to --codes, one a
 * line. argv[0] is the subcommand. Returns the exit status. */
int recover_populate(int argc, char **argv);

/* `aandeslag-bench recover`: starts the server command after `--`, joins
 * rooms from --codes as a viewer and prints when the first and the last
 * snapshot arrived, counted from the start of the server; then stops the
 * server with SIGTERM. Returns the exit status. */
int recover_measure(int argc, char **argv);

#endif
