/* libFuzzer target for the CSV reader: any bytes must give records or an
 * error naming the row, never a crash or a leak; and every record read
 * must come back unchanged after writing it out and reading it again.
 *
 *   clang -std=c11 -D_GNU_SOURCE -Iinclude -g -O1 \
 *     -fsanitize=fuzzer,address,undefined \
 *     tests/fuzz/fuzz_csv.c src/core/csv.c src/core/buf.c \
 *     src/core/xalloc.c src/core/status.c src/core/fold.c \
 *     -o build/fuzz_csv
 *   rm -rf /tmp/csv-corpus && cp -r tests/data/csv /tmp/csv-corpus
 *   build/fuzz_csv -max_total_time=60 -max_len=4096 /tmp/csv-corpus
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/csv.h"
#include "koszyk/fold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write the record after a dummy one (so nothing of it is taken for the
 * start of a file) and read it back. */
static void check_round_trip(char **fields, size_t n)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_csv_reader *r;
	struct kz_error err = { 0 };
	char **again;
	size_t m;

	/* A lone empty field is written as an empty line, which readers
	 * skip. */
	if (n == 1 && !fields[0][0])
		return;
	kz_csv_field(&b, "x", 1);
	kz_csv_end(&b);
	for (size_t i = 0; i < n; i++)
		kz_csv_field(&b, fields[i], i == 0);
	kz_csv_end(&b);
	r = kz_csv_open(b.data, b.len, "again.csv");
	if (kz_csv_next(r, &again, &m, &err) != KZ_OK)
		abort();
	if (kz_csv_next(r, &again, &m, &err) != KZ_OK || m != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strcmp(again[i], fields[i]) != 0)
			abort();
	if (kz_csv_next(r, &again, &m, &err) != KZ_NOT_FOUND)
		abort();
	kz_csv_close(r);
	kz_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_csv_reader *r = kz_csv_open((const char *)data, size,
					      "fuzz.csv");
	struct kz_error err = { 0 };
	enum kz_status st;
	char **fields;
	size_t n, last_row = 0, records = 0;

	while ((st = kz_csv_next(r, &fields, &n, &err)) == KZ_OK) {
		if (n == 0 || kz_csv_row(r) <= last_row ||
		    kz_csv_line(r) < kz_csv_row(r))
			abort();
		last_row = kz_csv_row(r);
		for (size_t i = 0; i < n; i++)
			if (!kz_utf8_valid(fields[i], strlen(fields[i]), NULL))
				abort();
		check_round_trip(fields, n);
		/* The first record names the columns, as an import does. */
		if (records++ == 0)
			kz_csv_set_columns(r, (const char *const *)fields, n);
	}
	if (st != KZ_NOT_FOUND &&
	    (st != KZ_INVALID || strncmp(err.msg, "fuzz.csv: row ", 14) != 0))
		abort();
	kz_csv_close(r);
	return 0;
}
