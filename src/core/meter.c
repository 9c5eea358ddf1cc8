/* The progress meter: one callback per process, and the text of a
 * progress line with its rate and time left. */
#include <stdio.h>
#include <time.h>

#include "koszyk/i18n.h"
#include "koszyk/meter.h"
#include "koszyk/xalloc.h"

/* How often a line is shown again: at most 5 times a second. */
#define METER_INTERVAL 0.2

static kz_meter_fn meter_fn;
static void *meter_ctx;

void kz_meter_set(kz_meter_fn fn, void *ctx, kz_meter_fn *prev_fn, void **prev_ctx)
{
	if (prev_fn)
		*prev_fn = meter_fn;
	if (prev_ctx)
		*prev_ctx = meter_ctx;
	meter_fn = fn;
	meter_ctx = ctx;
}

void kz_meter_report(long done, long total)
{
	if (meter_fn)
		meter_fn(meter_ctx, done, total);
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void kz_meter_start(struct kz_meter *m)
{
	m->start = seconds();
	m->shown = 0;
}

bool kz_meter_due(struct kz_meter *m, long done, long total)
{
	double now = seconds();

	if ((total > 0 && done >= total) || m->shown == 0 || now - m->shown >= METER_INTERVAL) {
		m->shown = now;
		return true;
	}
	return false;
}

char *kz_meter_text(const struct kz_meter *m, const char *label, long done, long total)
{
	double took = seconds() - m->start;
	char part[64] = "", rate[64] = "", left[64] = "";

	if (total > 0)
		snprintf(part, sizeof(part), " %ld / %ld (%ld%%)", done, total,
			 (long)(100.0 * (double)done / (double)total));
	else
		snprintf(part, sizeof(part), " %ld", done);
	if (took >= 0.5 && done > 0) {
		double per = (double)done / took;
		/* TRANSLATORS: the speed of long work: items a second. */
		snprintf(rate, sizeof(rate), _(", %.0f a second"), per);
		if (total > done) {
			long s = (long)((double)(total - done) / per + 0.5);
			/* TRANSLATORS: time left as minutes:seconds. */
			snprintf(left, sizeof(left), _(", %ld:%02ld left"), s / 60, s % 60);
		}
	}
	return xasprintf("%s%s%s%s", label, part, rate, left);
}
