/* What the kernel says a process uses: CPU time and memory, read from
 * /proc (Linux). */
#ifndef AANDESLAG_BENCH_PROCSTAT_H
#define AANDESLAG_BENCH_PROCSTAT_H

#include <sys/types.h>

struct procstat {
	double cpu_s;       /* user + system time of all threads, seconds */
	long rss_kib;       /* resident set now (VmRSS) */
	long hwm_kib;       /* peak resident set (VmHWM) */
	long switches;      /* voluntary + involuntary context switches */
};

/* Reads pid's figures into out. Returns 0, or a negative errno when the
 * process is gone or /proc cannot be read (out is then zeroed). */
int procstat_read(pid_t pid, struct procstat *out);

#endif
