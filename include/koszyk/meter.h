/* Progress of long work (import, export, sync, clone, backup): the data
 * and io layers report work done and the total to the meter of the
 * process, and a front end shows it: the command line as a line on
 * stderr when it is a terminal, the screens on their message line. No
 * curses here. (Named "meter": struct kz_progress is a goal's progress
 * in a plan.) */
#ifndef KOSZYK_METER_H
#define KOSZYK_METER_H

#include <stdbool.h>

/* Work done of total (total <= 0: not known yet); the same shape as the
 * progress callbacks of sync (kz_sync_progress_fn). */
typedef void (*kz_meter_fn)(void *ctx, long done, long total);

/* The meter long work reports to; fn NULL: none. The previous one is
 * given back through prev_fn and prev_ctx (may be NULL) to restore. The
 * program does one long thing at a time, so there is one meter. */
void kz_meter_set(kz_meter_fn fn, void *ctx, kz_meter_fn *prev_fn, void **prev_ctx);
/* For the data and io layers: report to the meter, if any. */
void kz_meter_report(long done, long total);

/* What a front end keeps to show rate and time left, and to show the
 * line at most a few times a second. */
struct kz_meter {
	double start;  /* seconds (monotonic) */
	double shown;  /* when last shown, 0: never */
};
void kz_meter_start(struct kz_meter *m);
/* Is it time to show the line again? Always at the end (done >= total). */
bool kz_meter_due(struct kz_meter *m, long done, long total);
/* "LABEL 1,234 / 10,000 (12%), 820 a second, 0:11 left" (caller frees);
 * rate and time left once a part of a second has passed. */
char *kz_meter_text(const struct kz_meter *m, const char *label, long done, long total);

#endif
