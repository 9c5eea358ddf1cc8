/* Preloaded into the full-screen program by the bench (LD_PRELOAD): counts
 * the rows SQLite hands to koszyk (sqlite3_step answering SQLITE_ROW)
 * into a shared counter, the file named by BENCH_ROWS_FILE, so that the
 * bench reads how many rows one keystroke fetched without a counter in
 * the data layer. Only the bench loads it; koszyk knows nothing of it.
 *
 * FTS5 reads its own shadow tables ('main'.'search_fts_content', _idx,
 * _data) with statements of its own, stepped through the same function:
 * those rows never reach koszyk and are counted apart, in the second
 * slot (their cost is in the bench's times). */
#include <dlfcn.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int (*real_step)(sqlite3_stmt *);
static volatile long *counter;

__attribute__((constructor)) static void open_counter(void)
{
	const char *path = getenv("BENCH_ROWS_FILE");
	int fd = path ? open(path, O_RDWR) : -1;
	void *sym = dlsym(RTLD_NEXT, "sqlite3_step");

	/* a function's address from dlsym, without a cast ISO C forbids */
	memcpy(&real_step, &sym, sizeof(real_step));
	if (fd < 0)
		return;
	void *p = mmap(NULL, 2 * sizeof(long), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p != MAP_FAILED)
		counter = p;
	close(fd);
}

int sqlite3_step(sqlite3_stmt *st)
{
	int rc = real_step(st);

	if (rc == SQLITE_ROW && counter) {
		const char *sql = sqlite3_sql(st);
		bool fts_own = sql && strstr(sql, "'search_fts_");
		counter[fts_own]++;
	}
	return rc;
}
