/* A small test framework: typed checks that print both values with file
 * and line, and a runner that gives each test its own process, so a crash
 * or a leak in one test is reported against that test. */
#ifndef AANDESLAG_CHECK_H
#define AANDESLAG_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK_FAIL(...)                                                     \
	do {                                                                \
		fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);             \
		fprintf(stderr, __VA_ARGS__);                               \
		fputc('\n', stderr);                                        \
		exit(1);                                                    \
	} while (0)

#define CHECK(cond)                                                         \
	do {                                                                \
		if (!(cond))                                                \
			CHECK_FAIL("check failed: %s", #cond);              \
	} while (0)

#define CHECK_INT(a, op, b)                                                 \
	do {                                                                \
		long long check_a_ = (long long)(a);                        \
		long long check_b_ = (long long)(b);                        \
		if (!(check_a_ op check_b_))                                \
			CHECK_FAIL("%s %s %s: %lld vs %lld", #a, #op, #b,   \
			           check_a_, check_b_);                     \
	} while (0)

#define CHECK_UINT(a, op, b)                                                \
	do {                                                                \
		unsigned long long check_a_ = (unsigned long long)(a);      \
		unsigned long long check_b_ = (unsigned long long)(b);      \
		if (!(check_a_ op check_b_))                                \
			CHECK_FAIL("%s %s %s: %llu vs %llu", #a, #op, #b,   \
			           check_a_, check_b_);                     \
	} while (0)

#define CHECK_STR(a, b)                                                     \
	do {                                                                \
		const char *check_a_ = (a), *check_b_ = (b);                \
		if (check_a_ == NULL || check_b_ == NULL ||                 \
		    strcmp(check_a_, check_b_) != 0)                        \
			CHECK_FAIL("%s == %s: \"%s\" vs \"%s\"", #a, #b,    \
			           check_a_ ? check_a_ : "(null)",          \
			           check_b_ ? check_b_ : "(null)");         \
	} while (0)

/* Checks that haystack contains needle. */
#define CHECK_CONTAINS(haystack, needle)                                    \
	do {                                                                \
		const char *check_h_ = (haystack), *check_n_ = (needle);    \
		if (check_h_ == NULL || strstr(check_h_, check_n_) == NULL) \
			CHECK_FAIL("%s lacks \"%s\" in:\n%s", #haystack,    \
			           check_n_, check_h_ ? check_h_ : "(null)"); \
	} while (0)

struct check_test {
	const char *name;
	void (*fn)(void);
};

#define CHECK_TEST(fn) { #fn, fn }

/* Runs each test in a child process; prints one line per test and returns
 * the exit status for main(): 0 when all passed. With an argument, runs
 * only the test of that name, in this process (for gdb and valgrind). */
static inline int
check_run(const struct check_test *tests, size_t n, int argc, char **argv)
{
	size_t i, failed = 0;
	int status;
	pid_t pid;

	if (argc > 1) {
		for (i = 0; i < n; i++)
			if (strcmp(tests[i].name, argv[1]) == 0) {
				tests[i].fn();
				return 0;
			}
		fprintf(stderr, "no test %s\n", argv[1]);
		return 2;
	}
	for (i = 0; i < n; i++) {
		fflush(NULL);
		pid = fork();
		if (pid == 0) {
			tests[i].fn();
			fflush(NULL);
			exit(0);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			perror("fork");
			return 2;
		}
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			printf("ok %zu %s\n", i + 1, tests[i].name);
		} else {
			printf("not ok %zu %s\n", i + 1, tests[i].name);
			failed++;
		}
	}
	printf("%zu passed, %zu failed\n", n - failed, failed);
	return failed ? 1 : 0;
}

#define CHECK_MAIN(...)                                                     \
	int main(int argc, char **argv)                                     \
	{                                                                   \
		static const struct check_test tests_[] = { __VA_ARGS__ };  \
		return check_run(tests_, sizeof tests_ / sizeof tests_[0],  \
		                 argc, argv);                               \
	}

#endif
