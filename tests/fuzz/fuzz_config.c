/* libFuzzer target for the configuration reader: any bytes must give
 * either a configuration or an error with a position, never a crash or a
 * leak.
 *
 *   clang -std=c11 -D_GNU_SOURCE -Iinclude -g -O1 \
 *     -fsanitize=fuzzer,address,undefined $(pkg-config --cflags yaml-0.1) \
 *     tests/fuzz/fuzz_config.c src/core/config.c src/core/fold.c \
 *     src/core/status.c src/core/xalloc.c src/core/util.c src/core/buf.c \
 *     build/gen/builtin_config.c \
 *     $(pkg-config --libs yaml-0.1) -o build/fuzz_config
 *   mkdir -p /tmp/corpus && cp config/koszyk.yaml tests/data/config/bad_* \
 *     /tmp/corpus/
 *   build/fuzz_config -max_total_time=60 -max_len=8192 /tmp/corpus
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	enum kz_status st;

	st = kz_config_load_string(&cfg, (const char *)data, size, "fuzz.yaml",
				   &err);
	if (st == KZ_OK) {
		/* Exercise the lookups on whatever was loaded. */
		if (cfg.sectors.n)
			(void)kz_items_find(&cfg.sectors, cfg.sectors.v[0].label);
		(void)kz_items_label(&cfg.categories, "x");
		if (cfg.n_users)
			(void)kz_config_user(&cfg, cfg.users[0].login);
	} else if (strncmp(err.msg, "fuzz.yaml:", 10) != 0) {
		abort();    /* every error must name the place */
	}
	kz_config_free(&cfg);
	return 0;
}
