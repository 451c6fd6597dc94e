/* What the kernel says a process uses: CPU time and memory, read from
 * /proc (Linux). */
#include "procstat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* utime and stime are fields 14 and 15 of /proc/PID/stat; the command
 * name before them is in parentheses and may hold spaces, so counting
 * starts after its closing parenthesis. */
static int
read_cpu(pid_t pid, double *cpu_s)
{
	char path[64], line[1024], *p;
	unsigned long utime, stime;
	FILE *f;
	int field;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -errno;
	p = fgets(line, sizeof line, f);
	fclose(f);
	if (p == NULL || (p = strrchr(line, ')')) == NULL)
		return -EIO;
	/* p is at the ')'; each step moves to the space before the next
	 * field, the first to the one before field 3 (state). Twelve steps
	 * end before field 14 (utime). */
	for (field = 2; field < 14 && p != NULL; field++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %lu %lu", &utime, &stime) != 2)
		return -EIO;
	*cpu_s = (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
	return 0;
}

static int
read_status(pid_t pid, struct procstat *out)
{
	char path[64], line[256];
	long value, voluntary = 0, involuntary = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -errno;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "VmRSS: %ld", &value) == 1)
			out->rss_kib = value;
		else if (sscanf(line, "VmHWM: %ld", &value) == 1)
			out->hwm_kib = value;
		else if (sscanf(line, "voluntary_ctxt_switches: %ld",
		                &value) == 1)
			voluntary = value;
		else if (sscanf(line, "nonvoluntary_ctxt_switches: %ld",
		                &value) == 1)
			involuntary = value;
	}
	fclose(f);
	out->switches = voluntary + involuntary;
	return 0;
}

int
procstat_read(pid_t pid, struct procstat *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = read_cpu(pid, &out->cpu_s);
	if (rc == 0)
		rc = read_status(pid, out);
	if (rc != 0)
		memset(out, 0, sizeof *out);
	return rc;
}
