/* Opening hours written the Polish way ("pn–pt 8:00–16:00") as HSDS
 * schedule rows. Deliberately strict: a text with any part that is not
 * days followed by one time range (or a time range on the days of the
 * part before it) gives no rows at all, and the export keeps the whole
 * text as the schedule's description. */
#include "koszyk/hsds.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#define ALL_DAYS 0x7f

static const struct {
	const char *word;
	int day;  /* 0 Monday .. 6 Sunday, 7 every day */
} day_words[] = {
	{ "pn", 0 }, { "pon", 0 }, { "poniedziałek", 0 }, { "poniedziałki", 0 },
	{ "wt", 1 }, { "wtorek", 1 }, { "wtorki", 1 },
	{ "śr", 2 }, { "środa", 2 }, { "środy", 2 },
	{ "czw", 3 }, { "czwartek", 3 }, { "czwartki", 3 },
	{ "pt", 4 }, { "piątek", 4 }, { "piątki", 4 },
	{ "sob", 5 }, { "sobota", 5 }, { "soboty", 5 },
	{ "nd", 6 }, { "ndz", 6 }, { "niedziela", 6 }, { "niedziele", 6 },
	{ "codziennie", 7 },
};

static const char *const rrule_days[7] = {
	"MO", "TU", "WE", "TH", "FR", "SA", "SU"
};

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* A hyphen or an en dash at p: its length, else 0. */
static size_t dash_at(const char *p, const char *end)
{
	if (p < end && *p == '-')
		return 1;
	if (end - p >= 3 && memcmp(p, "\xe2\x80\x93", 3) == 0)
		return 3;
	return 0;
}

static bool word_byte(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* The day a word names (a trailing dot allowed), -1 if none. */
static int day_of(const char *w, size_t n)
{
	if (n > 0 && w[n - 1] == '.')
		n--;
	for (size_t i = 0; i < sizeof(day_words) / sizeof(day_words[0]); i++)
		if (strlen(day_words[i].word) == n &&
		    strncasecmp(day_words[i].word, w, n) == 0)
			return day_words[i].day;
	return -1;
}

/* A word at *p: its day, the word skipped; -1 (not moved) if none. */
static int read_day(const char **p, const char *end)
{
	const char *q = *p;
	int day;

	while (q < end && (word_byte((unsigned char)*q) || *q == '.') &&
	       !dash_at(q, end))
		q++;
	day = day_of(*p, (size_t)(q - *p));
	if (day >= 0)
		*p = q;
	return day;
}

static unsigned day_range(int from, int to)
{
	unsigned mask = 0;

	if (from == 7 || to == 7)
		return ALL_DAYS;
	for (int d = from;; d = (d + 1) % 7) {
		mask |= 1u << d;
		if (d == to)
			break;
	}
	return mask;
}

/* H:MM, HH:MM, H.MM or a whole hour (H, HH) at *p into out
 * ("HH:MM:00"). */
static bool read_time(const char **p, const char *end, char out[9])
{
	const char *q = *p;
	int h = 0, m = 0, digits = 0;

	while (q < end && isdigit((unsigned char)*q) && digits < 2) {
		h = h * 10 + (*q++ - '0');
		digits++;
	}
	if (digits == 0 || (q < end && isdigit((unsigned char)*q)))
		return false;
	if (q < end && (*q == ':' || *q == '.')) {
		if (end - q < 3 || !isdigit((unsigned char)q[1]) ||
		    !isdigit((unsigned char)q[2]) ||
		    (end - q > 3 && isdigit((unsigned char)q[3])))
			return false;
		m = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	if (h > 23 || m > 59)
		return false;
	memcpy(out, "00:00:00", 9);
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	*p = q;
	return true;
}

/* Days in [p, end): "pn–pt", "pn i śr", "czwartki"; stops before a
 * digit. False on anything else. */
static bool read_days(const char **p, const char *end, unsigned *mask)
{
	const char *q = skip_spaces(*p, end);

	while (q < end && !isdigit((unsigned char)*q)) {
		int from = read_day(&q, end), to;
		size_t dash;

		if (from < 0) {
			if (end - q >= 2 && q[0] == 'i' && q[1] == ' ') {
				q = skip_spaces(q + 1, end);
				continue;
			}
			return false;
		}
		to = from;
		q = skip_spaces(q, end);
		if ((dash = dash_at(q, end)) > 0) {
			q = skip_spaces(q + dash, end);
			if ((to = read_day(&q, end)) < 0)
				return false;
		}
		*mask |= day_range(from, to);
		q = skip_spaces(q, end);
	}
	*p = q;
	return true;
}

static void byday_text(unsigned mask, char out[32])
{
	out[0] = '\0';
	for (int d = 0; d < 7; d++)
		if (mask & (1u << d)) {
			if (out[0])
				strcat(out, ",");
			strcat(out, rrule_days[d]);
		}
}

/* One part between commas or semicolons: days, then maybe a time range
 * (then *row is filled and true is returned in *has_time). */
static bool read_part(const char *p, const char *end, unsigned *days,
		      struct kz_hsds_hours *row, bool *has_time)
{
	size_t dash;

	*has_time = false;
	if (!read_days(&p, end, days))
		return false;
	p = skip_spaces(p, end);
	if (p == end)
		return true;
	if (!read_time(&p, end, row->opens_at))
		return false;
	p = skip_spaces(p, end);
	if ((dash = dash_at(p, end)) == 0)
		return false;
	p = skip_spaces(p + dash, end);
	if (!read_time(&p, end, row->closes_at))
		return false;
	*has_time = true;
	return skip_spaces(p, end) == end;
}

size_t kz_hsds_parse_hours(const char *text, struct kz_hsds_hours *out,
			   size_t max)
{
	unsigned days = 0, last = 0;
	size_t n = 0;
	const char *p = text;

	if (!text || !*text)
		return 0;
	for (;;) {
		const char *end = p + strcspn(p, ",;");
		struct kz_hsds_hours row;
		bool has_time;

		if (!read_part(p, end, &days, &row, &has_time))
			return 0;
		if (has_time) {
			/* "pn–pt 8–12, 13–16": a range without days is
			 * on the days before it. */
			if (days == 0)
				days = last;
			if (days == 0 || n == max)
				return 0;
			byday_text(days, row.byday);
			out[n++] = row;
			last = days;
			days = 0;
		}
		if (*end == '\0')
			break;
		p = end + 1;
	}
	return days == 0 ? n : 0;
}
