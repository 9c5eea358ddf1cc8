/* libFuzzer target for received changes: whatever a change file holds
 * once it is past its checksum (a transaction's version vector, table,
 * row id, operation and values as JSON) is applied by the merge, and must
 * give a clear error or a change, never a crash, a leak or a broken
 * database. Each input is applied inside a transaction that is rolled
 * back, on a database with the demo data.
 *
 * Op S installs a row of a case sent whole (a snapshot) with the sixth
 * line as what sync keeps about it; op K is a case known by its code.
 *
 * Input: lines "DEPS\nTABLE\nROW_ID\nOP\nVALS\nMETA" (missing lines
 * empty).
 * Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/db/sync_internal.h"
#include "koszyk/access.h"
#include "koszyk/config.h"
#include "koszyk/demo.h"
#include "koszyk/xalloc.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_db *db;

static void open_db(void)
{
	struct kz_error err = { 0 };
	struct kz_config cfg;

	char *path = fuzz_path("f.db");
	if (kz_db_open(path, KZ_OPEN_CREATE, &db, &err) != KZ_OK) {
		fprintf(stderr, "%s\n", err.msg);
		abort();
	}
	kz_db_set_principal(db, "fuzz", KZ_ROLE_COORDINATOR);
	if (kz_config_load_builtin(&cfg, &err) != KZ_OK ||
	    kz_demo_fill(db, &cfg, &err) != KZ_OK) {
		fprintf(stderr, "%s\n", err.msg);
		abort();
	}
	kz_config_free(&cfg);
	free(path);
}

/* The next line of the input (a copy), "" at the end. */
static char *next_line(const char **p, const char *end)
{
	const char *nl = *p;

	while (nl < end && *nl != '\n')
		nl++;
	char *line = xstrndup(*p, (size_t)(nl - *p));
	*p = nl < end ? nl + 1 : end;
	return line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	char *deps, *tbl, *row, *op, *vals, *meta;
	struct kz_error err = { 0 };
	struct sync_apply a = { 0 };
	struct sync_change c;
	bool keep;

	if (!db)
		open_db();
	deps = next_line(&p, end);
	tbl = next_line(&p, end);
	row = next_line(&p, end);
	op = next_line(&p, end);
	vals = next_line(&p, end);
	meta = next_line(&p, end);

	/* Version vectors survive a round trip as text. */
	vv_parse(deps, &a.deps);
	char *again = vv_format(&a.deps);
	struct vv back;
	vv_parse(again, &back);
	if (back.n != a.deps.n)
		abort();
	vv_free(&back);
	free(again);

	a.stamp.origin = "fuzz";
	a.stamp.seq = 1;
	a.stamp.lamport = 1000000;
	a.user = "fuzz";
	a.at = "2026-11-23T00:00:00Z";
	c.tbl = tbl;
	c.row_id = row;
	c.op = op[0];
	c.vals = *vals ? vals : NULL;
	kz_sync_pause(db, true);
	if (kz_db_begin(db, &err) == KZ_OK) {
		if (c.op == 'S') {
			bool clash;
			int own = kz_db_system_begin(db);
			sync_need_skips_clear(db);
			sync_need_install_row(db, tbl, row, *vals ? vals : "{}", meta, &clash, &err);
			kz_db_system_end(db, own);
		} else {
			sync_apply_change(db, &a, &c, &keep, &err);
		}
		kz_db_rollback(db);
	}
	kz_sync_pause(db, false);
	vv_free(&a.deps);
	free(deps);
	free(tbl);
	free(row);
	free(op);
	free(vals);
	free(meta);
	return 0;
}
