/* Reading the demo data (the YAML files of data/demo/, compiled into the program).
 *
 * Each kind of record lists the keys it may have: the field names of its
 * field table (model.h, cases.h, meetings.h: the database columns, the
 * FIELD=VALUE names of the commands, the CSV headers), the names by which
 * the commands refer to other records (partner, contact, provider,
 * service, goal, host, case) and its nested lists. Anything else, a date
 * that is not a date or a value its field refuses stops the load with
 * file:line:column; nothing is skipped. */
#include "koszyk/demo_data.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/kinds.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "koszyk/yaml_read.h"

enum key_type {
	K_TEXT,     /* a field of the table, checked by kz_field_check */
	K_DATE,     /* -41d, +7d, 0d or YYYY-MM-DD */
	K_SEASON,   /* a K_DATE or MM-DD: a day that comes back every year */
	K_YEAR,     /* -34y or YYYY */
	K_NUMBER,   /* 1, 2, ...: a goal of the same plan */
	K_REF,      /* another record by its name, title or short name */
	K_LIST,     /* a list of records of kind sub */
	K_MAP,      /* one record of kind sub */
	K_TEXTS,    /* a list of texts, each a record of kind sub */
};

struct key {
	const char *name;
	enum key_type type;
	const struct kz_demo_kind *sub;
};

/* A kind of record of the YAML. Its keys are the fields of its field
 * table (the kind table, kinds.h: a date field takes -41d, any other its
 * text), except references, which are written by name, plus the keys
 * listed here: references by name, nested lists and the fields read in
 * another way (a year of birth as -34y). A new field of a kind is a key of
 * its records with nothing added here. */
struct kz_demo_kind {
	const char *name;
	enum kz_kind kind;          /* KZ_KIND_COUNT: a file (no record) */
	const struct key *extra;
	size_t nextra;
	struct key *keys;           /* made by ensure_keys */
	size_t n;
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define KIND(var, name, kind, extra) \
	static struct kz_demo_kind var = { name, kind, extra, N(extra), NULL, 0 }

/* --- the kinds of records ------------------------------------------------ */

static const struct key no_extra[] = { { NULL, K_TEXT, NULL } };
#define NO_EXTRA(var, name, kind) \
	static struct kz_demo_kind var = { name, kind, no_extra, 0, NULL, 0 }

NO_EXTRA(k_partner, "partner", KZ_KIND_PARTNER);

static const struct key contact_keys[] = { { "partner", K_REF, NULL } };
KIND(k_contact, "contact", KZ_KIND_CONTACT, contact_keys);

static const struct key service_keys[] = {
	{ "provider", K_REF, NULL }, { "contact", K_REF, NULL },
	{ "valid_from", K_SEASON, NULL }, { "valid_to", K_SEASON, NULL },
};
KIND(k_service, "service", KZ_KIND_SERVICE, service_keys);

static const struct key member_keys[] = { { "birth_year", K_YEAR, NULL } };
KIND(k_member, "member", KZ_KIND_MEMBER, member_keys);

static const struct key team_keys[] = {
	{ "partner", K_REF, NULL }, { "contact", K_REF, NULL },
};
KIND(k_team, "team", KZ_KIND_TEAM, team_keys);

NO_EXTRA(k_diagnosis, "diagnosis", KZ_KIND_DIAGNOSIS);
NO_EXTRA(k_goal, "goal", KZ_KIND_GOAL);

static const struct key action_keys[] = {
	{ "goal", K_NUMBER, NULL }, { "service", K_REF, NULL },
	{ "partner", K_REF, NULL }, { "contact", K_REF, NULL },
};
KIND(k_action, "action", KZ_KIND_ACTION, action_keys);

static const struct key progress_keys[] = { { "goal", K_NUMBER, NULL } };
KIND(k_progress, "progress", KZ_KIND_PROGRESS, progress_keys);

static const struct key review_keys[] = { { "progress", K_LIST, &k_progress } };
KIND(k_review, "review", KZ_KIND_REVIEW, review_keys);

static const struct key plan_keys[] = {
	{ "diagnoses", K_LIST, &k_diagnosis }, { "goals", K_LIST, &k_goal },
	{ "actions", K_LIST, &k_action }, { "reviews", K_LIST, &k_review },
};
KIND(k_plan, "plan", KZ_KIND_PLAN, plan_keys);

static const struct key case_keys[] = {
	{ "members", K_LIST, &k_member }, { "team", K_LIST, &k_team },
	{ "plan", K_MAP, &k_plan },
};
KIND(k_case, "case", KZ_KIND_CASE, case_keys);

static const struct key attendee_keys[] = {
	{ "partner", K_REF, NULL }, { "contact", K_REF, NULL },
};
KIND(k_attendee, "attendee", KZ_KIND_ATTENDEE, attendee_keys);

NO_EXTRA(k_decision, "decision", KZ_KIND_DECISION);

static const struct key task_keys[] = {
	{ "partner", K_REF, NULL }, { "contact", K_REF, NULL },
	{ "decision", K_REF, NULL },
};
KIND(k_task, "task", KZ_KIND_TASK, task_keys);

static const struct key meeting_keys[] = {
	{ "case", K_REF, NULL }, { "host", K_REF, NULL }, { "chair", K_REF, NULL },
	{ "attendees", K_LIST, &k_attendee },
	{ "decisions", K_TEXTS, &k_decision }, { "tasks", K_LIST, &k_task },
};
KIND(k_meeting, "meeting", KZ_KIND_MEETING, meeting_keys);

/* A file: some of the five lists. */
static const struct key top_keys[] = {
	{ "partners", K_LIST, &k_partner }, { "contacts", K_LIST, &k_contact },
	{ "services", K_LIST, &k_service }, { "cases", K_LIST, &k_case },
	{ "meetings", K_LIST, &k_meeting },
};
KIND(k_top, "demo", KZ_KIND_COUNT, top_keys);

static struct kz_demo_kind *const all_kinds[] = {
	&k_partner, &k_contact, &k_service, &k_case, &k_member, &k_team,
	&k_plan, &k_diagnosis, &k_goal, &k_action, &k_review, &k_progress,
	&k_meeting, &k_attendee, &k_decision, &k_task, &k_top,
};

static const struct kz_field *kind_fields(const struct kz_demo_kind *k, size_t *n)
{
	const struct kz_kind_info *info;

	*n = 0;
	if (k->kind == KZ_KIND_COUNT)
		return NULL;
	info = kz_kind_of(k->kind);
	*n = *info->nfields;
	return info->fields;
}

static const struct key *extra_key(const struct kz_demo_kind *k, const char *name)
{
	for (size_t i = 0; i < k->nextra; i++)
		if (strcmp(k->extra[i].name, name) == 0)
			return &k->extra[i];
	return NULL;
}

/* The keys of a kind: its fields (a date field as a date), then the keys
 * that are no field of the same kind of value. Made once. */
static void ensure_keys(struct kz_demo_kind *k)
{
	size_t nf, n = 0;
	const struct kz_field *f = kind_fields(k, &nf);

	if (k->keys)
		return;
	k->keys = xcalloc(nf + k->nextra + 1, sizeof(*k->keys));
	for (size_t i = 0; i < nf; i++) {
		const struct key *x = extra_key(k, f[i].name);
		if (f[i].type == KZ_FT_REF)
			continue;
		k->keys[n].name = f[i].name;
		k->keys[n].type = x ? x->type : f[i].type == KZ_FT_DATE ? K_DATE : K_TEXT;
		k->keys[n++].sub = x ? x->sub : NULL;
	}
	for (size_t i = 0; i < k->nextra; i++) {
		bool field = false;
		for (size_t j = 0; j < nf && !field; j++)
			field = f[j].type != KZ_FT_REF && strcmp(f[j].name, k->extra[i].name) == 0;
		if (!field)
			k->keys[n++] = k->extra[i];
	}
	k->n = n;
}

static void ensure_all_keys(void)
{
	for (size_t i = 0; i < N(all_kinds); i++)
		ensure_keys(all_kinds[i]);
}

static long key_index(const struct kz_demo_kind *k, const char *name)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->keys[i].name, name) == 0)
			return (long)i;
	return -1;
}

static const struct kz_field *key_field(const struct kz_demo_kind *k,
					const struct key *key)
{
	size_t n;
	const struct kz_field *fields = kind_fields(k, &n);

	if (!fields || key->type == K_REF || key->type == K_NUMBER ||
	    key->type == K_LIST || key->type == K_MAP)
		return NULL;
	return kz_field_find(fields, n, key->name);
}

/* --- values -------------------------------------------------------------- */

/* A whole number with an optional sign, then the unit letter. */
static bool relative(const char *s, char unit, long *out)
{
	size_t len = strlen(s);
	char *end;

	if (len < 2 || s[len - 1] != unit || !strchr("+-0123456789", s[0]))
		return false;
	if (!strchr("0123456789", s[s[0] == '+' || s[0] == '-']))
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end == s + len - 1 && *out > -100000 &&
	       *out < 100000;
}

bool kz_demo_date(const char *today, const char *value, char out[11])
{
	long days;

	if (relative(value, 'd', &days)) {
		kz_date_add_days(today, days, out);
		return true;
	}
	if (!kz_date_valid(value))
		return false;
	memcpy(out, value, 11);
	return true;
}

/* MM-DD of a day that exists in some year. */
static bool month_day(const char *s)
{
	char date[16];

	if (strlen(s) != 5)
		return false;
	snprintf(date, sizeof date, "2000-%s", s);
	return kz_date_valid(date);
}

static bool year_value(const char *s)
{
	long years;

	if (relative(s, 'y', &years))
		return true;
	return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

static bool goal_number(const char *s)
{
	return s[0] >= '1' && s[0] <= '9' && strspn(s, "0123456789") ==
	       strlen(s) && strlen(s) < 3;
}

/* Check a scalar against its key; the mark is the value's. */
static enum kz_status check_value(struct kz_yaml *ld,
				  const struct kz_demo_kind *k,
				  const struct key *key, const char *value,
				  yaml_mark_t mark)
{
	const struct kz_field *f = key_field(k, key);
	char date[11];
	struct kz_error e = { 0 };

	switch (key->type) {
	case K_DATE:
		if (!kz_demo_date("2000-01-01", value, date))
			return kz_yaml_fail_at(ld, mark,
				_("'%s' must be a date: -41d (days before "
				  "today), +7d (days after), 0d (today) or "
				  "YYYY-MM-DD, not \"%s\""), key->name, value);
		return KZ_OK;
	case K_SEASON:
		if (!kz_demo_date("2000-01-01", value, date) &&
		    !month_day(value))
			return kz_yaml_fail_at(ld, mark,
				_("'%s' must be a date (-41d, +7d, 0d or "
				  "YYYY-MM-DD) or a day of every year (MM-DD), "
				  "not \"%s\""), key->name, value);
		return KZ_OK;
	case K_YEAR:
		if (!year_value(value))
			return kz_yaml_fail_at(ld, mark,
				_("'%s' must be a year: -34y (years before "
				  "this one) or YYYY, not \"%s\""),
				key->name, value);
		return KZ_OK;
	case K_NUMBER:
		if (!goal_number(value))
			return kz_yaml_fail_at(ld, mark,
				_("'%s' must be the number of a goal of the "
				  "plan (1, 2, ...), not \"%s\""),
				key->name, value);
		return KZ_OK;
	case K_REF:
		if (!*value)
			return kz_yaml_fail_at(ld, mark,
				_("'%s' must not be empty"), key->name);
		return KZ_OK;
	default:
		break;
	}
	if (f && kz_field_check(f, value, &e) != KZ_OK)
		return kz_yaml_fail_at(ld, mark, "%s", e.msg);
	return KZ_OK;
}

/* The current event must be a scalar: its exact text (no trimming: the
 * demo texts are stored as written). */
static enum kz_status take_scalar(struct kz_yaml *ld, const char *key,
				  char **out)
{
	const yaml_event_t *ev = &ld->event;

	if (ev->type != YAML_SCALAR_EVENT)
		return kz_yaml_fail_at(ld, ev->start_mark,
				       _("'%s' must be text, not %s"), key,
				       kz_yaml_kind_name(ev));
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length))
		return kz_yaml_fail_at(ld, ev->start_mark,
				       _("'%s' must not contain control "
					 "characters"), key);
	*out = xstrndup((const char *)ev->data.scalar.value,
			ev->data.scalar.length);
	return KZ_OK;
}

/* --- records ------------------------------------------------------------- */

static struct kz_demo_rec *push(struct kz_demo_list *l,
				const struct kz_demo_kind *k, const char *file,
				yaml_mark_t mark)
{
	struct kz_demo_rec *r;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	r = &l->v[l->n++];
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->file = file;
	r->line = mark.line + 1;
	r->val = xcalloc(k->n, sizeof *r->val);
	r->sub = xcalloc(k->n, sizeof *r->sub);
	return r;
}

static void rec_free(struct kz_demo_rec *r);

static void list_free(struct kz_demo_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		rec_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void rec_free(struct kz_demo_rec *r)
{
	for (size_t i = 0; r->val && i < r->kind->n; i++) {
		free(r->val[i]);
		list_free(&r->sub[i]);
	}
	free(r->val);
	free(r->sub);
	free(r->scalar);
}

static enum kz_status read_record(struct kz_yaml *ld,
				  struct kz_demo_rec *r);

/* A list of records (or of texts) of kind k, after its key. */
static enum kz_status read_list(struct kz_yaml *ld, const struct key *key,
				struct kz_demo_list *l)
{
	const struct kz_demo_kind *k = key->sub;
	enum kz_status st = kz_yaml_next(ld);

	if (st != KZ_OK)
		return st;
	if (ld->event.type != YAML_SEQUENCE_START_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
				       _("'%s' must be a list (lines starting "
					 "with '- '), not %s"),
				       key->name, kz_yaml_kind_name(&ld->event));
	for (;;) {
		struct kz_demo_rec *r;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_SEQUENCE_END_EVENT)
			return KZ_OK;
		r = push(l, k, ld->name, ld->event.start_mark);
		if (key->type == K_TEXTS) {
			st = take_scalar(ld, key->name, &r->scalar);
			if (st == KZ_OK)
				st = check_value(ld, k, &k->keys[0], r->scalar,
						 ld->event.start_mark);
		} else if (ld->event.type != YAML_MAPPING_START_EVENT) {
			st = kz_yaml_fail_at(ld, ld->event.start_mark,
					     _("each entry of '%s' must be a "
					       "set of keys with values, not "
					       "%s"), key->name,
					     kz_yaml_kind_name(&ld->event));
		} else {
			st = read_record(ld, r);
		}
		if (st != KZ_OK)
			return st;
	}
}

/* The keys of a record; the current event is its mapping start. */
static enum kz_status read_record(struct kz_yaml *ld, struct kz_demo_rec *r)
{
	const struct kz_demo_kind *k = r->kind;
	enum kz_status st;
	char key[64];

	for (;;) {
		const struct key *def;
		long i;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_MAPPING_END_EVENT)
			return KZ_OK;
		if ((st = kz_yaml_read_key(ld, key, sizeof key)) != KZ_OK)
			return st;
		i = key_index(k, key);
		if (i < 0) {
			const char *names[32];
			size_t n = k->n < N(names) ? k->n : N(names);

			for (size_t j = 0; j < n; j++)
				names[j] = k->keys[j].name;
			return kz_yaml_unknown_key(ld, key, names, n,
						   k == &k_top ? NULL : k->name);
		}
		def = &k->keys[i];
		if (r->val[i] || r->sub[i].n)
			return kz_yaml_fail_at(ld, ld->event.start_mark,
					       _("'%s' appears twice in one "
						 "entry of '%s'"), key, k->name);
		switch (def->type) {
		case K_LIST:
		case K_TEXTS:
			st = read_list(ld, def, &r->sub[i]);
			break;
		case K_MAP:
			if ((st = kz_yaml_next(ld)) != KZ_OK)
				return st;
			if (ld->event.type != YAML_MAPPING_START_EVENT)
				return kz_yaml_fail_at(ld, ld->event.start_mark,
					_("'%s' must be a set of keys with "
					  "values, not %s"), key,
					kz_yaml_kind_name(&ld->event));
			st = read_record(ld, push(&r->sub[i], def->sub,
						  ld->name,
						  ld->event.start_mark));
			break;
		default:
			if ((st = kz_yaml_next(ld)) != KZ_OK)
				return st;
			st = take_scalar(ld, key, &r->val[i]);
			if (st == KZ_OK)
				st = check_value(ld, k, def, r->val[i],
						 ld->event.start_mark);
			break;
		}
		if (st != KZ_OK)
			return st;
	}
}

static void take_list(struct kz_demo_list *to, struct kz_demo_list *from)
{
	for (size_t i = 0; i < from->n; i++) {
		if (to->n == to->cap) {
			to->cap = to->cap ? 2 * to->cap : 8;
			to->v = xreallocarray(to->v, to->cap, sizeof *to->v);
		}
		to->v[to->n++] = from->v[i];
	}
	free(from->v);
	memset(from, 0, sizeof *from);
}

static enum kz_status read_file(struct kz_yaml *ld, struct kz_demo_data *d)
{
	struct kz_demo_list top = { 0 };
	struct kz_demo_rec *r;
	enum kz_status st = kz_yaml_next(ld);

	if (st == KZ_OK && ld->event.type != YAML_STREAM_START_EVENT)
		st = kz_yaml_fail_at(ld, ld->event.start_mark,
				     "%s", _("this is not a YAML file"));
	if (st == KZ_OK)
		st = kz_yaml_next(ld);
	if (st == KZ_OK && ld->event.type == YAML_STREAM_END_EVENT)
		return KZ_OK;   /* an empty file */
	if (st == KZ_OK)
		st = kz_yaml_next(ld);
	if (st == KZ_OK && ld->event.type != YAML_MAPPING_START_EVENT)
		st = kz_yaml_fail_at(ld, ld->event.start_mark,
				     _("the demo data must consist of lists "
				       "of records (partners:, contacts:, "
				       "services:, cases:, meetings:), not %s"),
				     kz_yaml_kind_name(&ld->event));
	if (st != KZ_OK)
		return st;
	r = push(&top, &k_top, ld->name, ld->event.start_mark);
	st = read_record(ld, r);
	if (st == KZ_OK)
		st = kz_yaml_next(ld);
	if (st == KZ_OK && ld->event.type == YAML_DOCUMENT_END_EVENT)
		st = kz_yaml_next(ld);
	if (st == KZ_OK && ld->event.type != YAML_STREAM_END_EVENT)
		st = kz_yaml_fail_at(ld, ld->event.start_mark,
				     _("the file holds more than one YAML "
				       "document ('---'); keep only one"));
	if (st == KZ_OK) {
		take_list(&d->partners, &r->sub[0]);
		take_list(&d->contacts, &r->sub[1]);
		take_list(&d->services, &r->sub[2]);
		take_list(&d->cases, &r->sub[3]);
		take_list(&d->meetings, &r->sub[4]);
	}
	list_free(&top);
	return st;
}

enum kz_status kz_demo_data_parse(struct kz_demo_data *d, const char *text,
				  size_t len, const char *name,
				  struct kz_error *err)
{
	struct kz_yaml ld;
	enum kz_status st;

	ensure_all_keys();
	st = kz_yaml_open(&ld, text, len, name, err);
	if (st == KZ_OK)
		st = read_file(&ld, d);
	kz_yaml_close(&ld);
	return st;
}

enum kz_status kz_demo_data_load(struct kz_demo_data *d, struct kz_error *err)
{
	static const struct {
		const char *name;
		const char *text;
	} files[] = {
		{ "data/demo/basket.yaml", kz_demo_basket_yaml },
		{ "data/demo/cases.yaml", kz_demo_cases_yaml },
		{ "data/demo/meetings.yaml", kz_demo_meetings_yaml },
	};
	enum kz_status st = KZ_OK;

	memset(d, 0, sizeof *d);
	for (size_t i = 0; st == KZ_OK && i < N(files); i++)
		st = kz_demo_data_parse(d, files[i].text, strlen(files[i].text),
					files[i].name, err);
	if (st != KZ_OK) {
		kz_error_prefix(err, _("the built-in demo data: "));
		kz_demo_data_free(d);
	}
	return st;
}

void kz_demo_data_free(struct kz_demo_data *d)
{
	list_free(&d->partners);
	list_free(&d->contacts);
	list_free(&d->services);
	list_free(&d->cases);
	list_free(&d->meetings);
}

/* --- using the records --------------------------------------------------- */

const char *kz_demo_get(const struct kz_demo_rec *r, const char *key)
{
	long i = key_index(r->kind, key);

	return i < 0 ? NULL : r->val[i];
}

const struct kz_demo_list *kz_demo_sub(const struct kz_demo_rec *r,
				       const char *key)
{
	long i = key_index(r->kind, key);

	if (i < 0 || r->kind->keys[i].type == K_TEXT)
		return NULL;
	return r->sub[i].n ? &r->sub[i] : NULL;
}

void kz_demo_set_fields(const struct kz_demo_rec *r, void *record,
			const struct kz_field *fields, size_t n,
			const char *today)
{
	const struct kz_demo_kind *k = r->kind;

	for (size_t i = 0; i < k->n; i++) {
		const struct kz_field *f;
		char **slot;
		char *v;

		if (!r->val[i] || k->keys[i].type == K_REF ||
		    k->keys[i].type == K_NUMBER ||
		    !(f = kz_field_find(fields, n, k->keys[i].name)))
			continue;
		slot = kz_field_slot(record, f);
		switch (k->keys[i].type) {
		case K_DATE:
		case K_SEASON: {
			char date[11];

			if (!kz_demo_date(today, r->val[i], date))
				continue;   /* MM-DD: left to the caller */
			v = xstrdup(date);
			break;
		}
		case K_YEAR: {
			long years;

			if (relative(r->val[i], 'y', &years))
				v = xasprintf("%ld", strtol(today, NULL, 10) +
					      years);
			else
				v = xstrdup(r->val[i]);
			break;
		}
		default:
			v = xstrdup(r->val[i]);
			break;
		}
		free(*slot);
		*slot = v;
	}
}

const char *kz_demo_key(const char *kind, size_t i,
			const struct kz_field **field)
{
	ensure_all_keys();
	for (size_t j = 0; j < N(all_kinds); j++) {
		const struct kz_demo_kind *k = all_kinds[j];

		if (k == &k_top || strcmp(k->name, kind) != 0)
			continue;
		if (i >= k->n)
			return NULL;
		*field = key_field(k, &k->keys[i]);
		return k->keys[i].name;
	}
	return NULL;
}

const char *kz_demo_kind_of(const struct kz_demo_rec *r)
{
	return r->kind->name;
}
