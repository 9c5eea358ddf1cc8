/* The municipality configuration: a YAML file read with libyaml's event
 * API and checked key by key. The first problem stops the load; its
 * message names file:line:column (1-based, from libyaml's marks). */
#include "koszyk/config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "koszyk/yaml_read.h"

#define BUILTIN_NAME "(built-in)"
/* Longest text value (code points): a label must fit on a screen line. */
#define TEXT_MAX 200

enum key_type { KEY_TEXT, KEY_INT, KEY_ITEMS, KEY_USERS };

struct key_def {
	const char *name;
	enum key_type type;
	size_t offset;  /* of the field in struct kz_config */
	int min, max;   /* KEY_INT only */
	bool required;
};

#define FIELD(f) offsetof(struct kz_config, f)

static const struct key_def keys[] = {
	{ "gmina", KEY_TEXT, FIELD(gmina), 0, 0, true },
	{ "powiat", KEY_TEXT, FIELD(powiat), 0, 0, false },
	{ "wojewodztwo", KEY_TEXT, FIELD(wojewodztwo), 0, 0, false },
	{ "lider", KEY_TEXT, FIELD(lider), 0, 0, false },
	{ "language", KEY_TEXT, FIELD(language), 0, 0, false },
	{ "stale_days", KEY_INT, FIELD(stale_days), 1, 3650, false },
	{ "retention_years", KEY_INT, FIELD(retention_years), 1, 100, false },
	{ "case_code_format", KEY_TEXT, FIELD(case_code_format), 0, 0, false },
	{ "plan_validity_months", KEY_INT, FIELD(plan_validity_months), 1, 60,
	  false },
	{ "sectors", KEY_ITEMS, FIELD(sectors), 0, 0, true },
	{ "partner_kinds", KEY_ITEMS, FIELD(partner_kinds), 0, 0, true },
	{ "categories", KEY_ITEMS, FIELD(categories), 0, 0, true },
	{ "target_groups", KEY_ITEMS, FIELD(target_groups), 0, 0, true },
	{ "need_areas", KEY_ITEMS, FIELD(need_areas), 0, 0, true },
	{ "users", KEY_USERS, 0, 0, 0, false },
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

/* A copy of the current scalar event's text, trimmed and checked:
 * no control characters, valid UTF-8, at most TEXT_MAX characters. what
 * names the value in messages. */
static enum kz_status take_text(struct kz_yaml *ld, const char *what,
				char **out)
{
	const yaml_event_t *ev = &ld->event;
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	char *s;

	if (memchr(value, '\0', len))
		return kz_yaml_fail_at(ld, ev->start_mark,
			       _("'%s' must not contain control characters"),
			       what);
	s = kz_trim(xstrndup(value, len));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F) {
			free(s);
			return kz_yaml_fail_at(ld, ev->start_mark,
				       _("'%s' must be one line without control "
					 "characters"), what);
		}
	}
	if (!kz_utf8_valid(s, strlen(s), NULL)) {
		free(s);
		return kz_yaml_fail_at(ld, ev->start_mark,
			       _("'%s' is not valid UTF-8 text"), what);
	}
	if (kz_utf8_len(s) > TEXT_MAX) {
		free(s);
		return kz_yaml_fail_at(ld, ev->start_mark,
			       _("'%s' is too long (at most %d characters)"),
			       what, TEXT_MAX);
	}
	*out = s;
	return KZ_OK;
}

/* ---- values ---- */

static enum kz_status read_text(struct kz_yaml *ld, const char *key,
				char **out)
{
	enum kz_status st;
	char *s;

	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	if (ld->event.type != YAML_SCALAR_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("'%s' must be text, not %s"), key,
			       kz_yaml_kind_name(&ld->event));
	if ((st = take_text(ld, key, &s)) != KZ_OK)
		return st;
	free(*out);
	*out = s;
	return KZ_OK;
}

/* Strict whole number: optional sign and digits only. */
static bool parse_whole(const char *s, long *out)
{
	const char *p = s;
	char *end;

	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
	}
	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno == ERANGE)
		*out = (*s == '-') ? LONG_MIN : LONG_MAX;
	return true;
}

static enum kz_status read_int(struct kz_yaml *ld, const struct key_def *def,
			       int *out)
{
	enum kz_status st;
	yaml_mark_t mark;
	char *s;
	long v = 0;

	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	mark = ld->event.start_mark;
	if (ld->event.type != YAML_SCALAR_EVENT)
		return kz_yaml_fail_at(ld, mark, _("'%s' must be a whole number, not %s"),
			       def->name, kz_yaml_kind_name(&ld->event));
	if ((st = take_text(ld, def->name, &s)) != KZ_OK)
		return st;
	if (!parse_whole(s, &v))
		st = kz_yaml_fail_at(ld, mark, _("'%s' must be a whole number (found "
					 "'%s')"), def->name, s);
	else if (v < def->min || v > def->max)
		st = kz_yaml_fail_at(ld, mark, _("'%s' must be between %d and %d "
					 "(found %s)"),
			     def->name, def->min, def->max, s);
	free(s);
	if (st != KZ_OK)
		return st;
	*out = (int)v;
	return KZ_OK;
}

/* Codes already read in one list, folded, with their lines, to spot
 * duplicates ("Edukacja" and "edukacja" would be ambiguous). */
struct seen_codes {
	char **folded;
	size_t *line;
	size_t n, cap;
};

static void seen_free(struct seen_codes *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->folded[i]);
	free(s->folded);
	free(s->line);
	memset(s, 0, sizeof *s);
}

/* Line (1-based) where the folded code was first seen, or 0. */
static size_t seen_line(const struct seen_codes *s, const char *folded)
{
	for (size_t i = 0; i < s->n; i++) {
		if (strcmp(s->folded[i], folded) == 0)
			return s->line[i];
	}
	return 0;
}

static void seen_add(struct seen_codes *s, char *folded, size_t line)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->folded = xreallocarray(s->folded, s->cap, sizeof *s->folded);
		s->line = xreallocarray(s->line, s->cap, sizeof *s->line);
	}
	s->folded[s->n] = folded;
	s->line[s->n] = line;
	s->n++;
}

/* Refuse a code (or login) seen before in the same list; remember it
 * otherwise. Takes no ownership of code. */
static enum kz_status check_unique(struct kz_yaml *ld, struct seen_codes *seen,
				   const char *list, const char *code,
				   yaml_mark_t mark)
{
	char *folded = kz_fold(code);
	size_t first = seen_line(seen, folded);

	if (first) {
		free(folded);
		return kz_yaml_fail_at(ld, mark, _("'%s' is listed twice in '%s' (first "
					   "on line %zu)"), code, list, first);
	}
	seen_add(seen, folded, mark.line + 1);
	return KZ_OK;
}

static enum kz_status check_code(struct kz_yaml *ld, const char *list,
				 const char *code, yaml_mark_t mark)
{
	if (*code == '\0')
		return kz_yaml_fail_at(ld, mark, _("an entry of '%s' has an empty "
					   "code"), list);
	if (strchr(code, ';'))
		return kz_yaml_fail_at(ld, mark, _("the code '%s' in '%s' must not "
					   "contain ';'"), code, list);
	return KZ_OK;
}

/* A list of codes, [a, b] or one "- a" a line; the current event is its
 * key. */
static enum kz_status read_code_list(struct kz_yaml *ld, const char *key,
				     struct kz_codes *codes)
{
	enum kz_status st;

	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	if (ld->event.type != YAML_SEQUENCE_START_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("'%s' must be a list of codes, like "
				 "[pomoc_materialna, poradnictwo], not %s"),
			       key, kz_yaml_kind_name(&ld->event));
	for (;;) {
		char *code = NULL;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_SEQUENCE_END_EVENT)
			return KZ_OK;
		if (ld->event.type != YAML_SCALAR_EVENT)
			return kz_yaml_fail_at(ld, ld->event.start_mark,
				       _("each entry of '%s' must be a code, not "
					 "%s"), key, kz_yaml_kind_name(&ld->event));
		if ((st = take_text(ld, key, &code)) != KZ_OK)
			return st;
		codes->v = xreallocarray(codes->v, codes->n + 1, sizeof *codes->v);
		codes->v[codes->n++] = code;
	}
}

/* The key of an entry of list: "code" and "label", and in need_areas
 * also the lists of what answers the area. */
static enum kz_status read_item_key(struct kz_yaml *ld, const char *list,
				    const char *key, struct kz_item *item)
{
	static const char *const item_keys[] = { "code", "label" };
	static const char *const area_keys[] = {
		"code", "label", "categories", "target_groups",
	};
	bool area = strcmp(list, "need_areas") == 0;
	struct kz_codes *codes = NULL;
	char **slot = NULL;

	if (strcmp(key, "code") == 0)
		slot = &item->code;
	else if (strcmp(key, "label") == 0)
		slot = &item->label;
	else if (area && strcmp(key, "categories") == 0)
		codes = &item->categories;
	else if (area && strcmp(key, "target_groups") == 0)
		codes = &item->target_groups;
	else if (area)
		return kz_yaml_unknown_key(ld, key, area_keys, 4, list);
	else
		return kz_yaml_unknown_key(ld, key, item_keys, 2, list);
	if ((slot && *slot) || (codes && codes->n))
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("'%s' appears twice in one entry of '%s'"),
			       key, list);
	if (codes) {
		item->line = ld->event.start_mark.line;
		item->column = ld->event.start_mark.column;
		return read_code_list(ld, key, codes);
	}
	return read_text(ld, key, slot);
}

/* One mapping {code: ..., label: ...}; the current event is its start. */
static enum kz_status read_item_mapping(struct kz_yaml *ld, const char *list,
					struct kz_item *item,
					yaml_mark_t *code_mark)
{
	yaml_mark_t start = ld->event.start_mark;
	enum kz_status st;
	char key[64];

	for (;;) {
		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_MAPPING_END_EVENT)
			break;
		if ((st = kz_yaml_read_key(ld, key, sizeof key)) != KZ_OK)
			return st;
		if ((st = read_item_key(ld, list, key, item)) != KZ_OK)
			return st;
		if (strcmp(key, "code") == 0)
			*code_mark = ld->event.start_mark;
	}
	if (!item->code)
		return kz_yaml_fail_at(ld, start, _("an entry of '%s' has no 'code'"),
			       list);
	if (!item->label || *item->label == '\0')
		kz_str_set(&item->label, item->code);
	return KZ_OK;
}

static void codes_free(struct kz_codes *codes)
{
	for (size_t i = 0; i < codes->n; i++)
		free(codes->v[i]);
	free(codes->v);
	codes->v = NULL;
	codes->n = 0;
}

static void item_free(struct kz_item *item)
{
	free(item->code);
	free(item->label);
	codes_free(&item->categories);
	codes_free(&item->target_groups);
	memset(item, 0, sizeof *item);
}

static void item_push(struct kz_items *items, struct kz_item *item)
{
	items->v = xreallocarray(items->v, items->n + 1, sizeof *items->v);
	items->v[items->n++] = *item;
	memset(item, 0, sizeof *item);
}

static enum kz_status read_item(struct kz_yaml *ld, const char *list,
				struct kz_item *item, yaml_mark_t *code_mark)
{
	enum kz_status st;

	*code_mark = ld->event.start_mark;
	switch (ld->event.type) {
	case YAML_SCALAR_EVENT:
		if ((st = take_text(ld, list, &item->code)) != KZ_OK)
			return st;
		item->label = xstrdup(item->code);
		return KZ_OK;
	case YAML_MAPPING_START_EVENT:
		return read_item_mapping(ld, list, item, code_mark);
	default:
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("each entry of '%s' must be text or "
				 "{code: ..., label: ...}, not %s"),
			       list, kz_yaml_kind_name(&ld->event));
	}
}

static enum kz_status read_items(struct kz_yaml *ld, const char *list,
				 struct kz_items *items)
{
	struct seen_codes seen = { 0 };
	struct kz_item item = { 0 };
	enum kz_status st;
	yaml_mark_t start;

	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	start = ld->event.start_mark;
	if (ld->event.type != YAML_SEQUENCE_START_EVENT)
		return kz_yaml_fail_at(ld, start, _("'%s' must be a list (lines "
					    "starting with '- '), not %s"),
			       list, kz_yaml_kind_name(&ld->event));
	for (;;) {
		yaml_mark_t code_mark;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			break;
		if (ld->event.type == YAML_SEQUENCE_END_EVENT)
			break;
		if ((st = read_item(ld, list, &item, &code_mark)) != KZ_OK ||
		    (st = check_code(ld, list, item.code, code_mark)) != KZ_OK ||
		    (st = check_unique(ld, &seen, list, item.code,
				       code_mark)) != KZ_OK)
			break;
		item_push(items, &item);
	}
	item_free(&item);
	seen_free(&seen);
	if (st == KZ_OK && items->n == 0)
		st = kz_yaml_fail_at(ld, start, _("'%s' must list at least one entry"),
			     list);
	return st;
}

static const char *const role_names[] = {
	[KZ_ROLE_VIEWER] = "viewer",
	[KZ_ROLE_WORKER] = "worker",
	[KZ_ROLE_COORDINATOR] = "coordinator",
};

static bool role_parse(const char *s, enum kz_role *role)
{
	for (size_t i = 0; i < sizeof role_names / sizeof role_names[0]; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*role = (enum kz_role)i;
			return true;
		}
	}
	return false;
}

struct user_draft {
	char *login, *name, *role, *phone;
	yaml_mark_t login_mark, role_mark;
};

static void user_draft_free(struct user_draft *d)
{
	free(d->login);
	free(d->name);
	free(d->role);
	free(d->phone);
	memset(d, 0, sizeof *d);
}

static enum kz_status read_user_fields(struct kz_yaml *ld,
				       struct user_draft *d)
{
	static const char *const user_keys[] = { "login", "name", "role", "phone" };
	enum kz_status st;
	char key[64];

	for (;;) {
		char **slot;
		yaml_mark_t *mark = NULL;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_MAPPING_END_EVENT)
			return KZ_OK;
		if ((st = kz_yaml_read_key(ld, key, sizeof key)) != KZ_OK)
			return st;
		if (strcmp(key, "login") == 0) {
			slot = &d->login;
			mark = &d->login_mark;
		} else if (strcmp(key, "name") == 0) {
			slot = &d->name;
		} else if (strcmp(key, "role") == 0) {
			slot = &d->role;
			mark = &d->role_mark;
		} else if (strcmp(key, "phone") == 0) {
			slot = &d->phone;
		} else {
			return kz_yaml_unknown_key(ld, key, user_keys, 4, "users");
		}
		if (*slot)
			return kz_yaml_fail_at(ld, ld->event.start_mark,
				       _("'%s' appears twice in one entry of "
					 "'users'"), key);
		if ((st = read_text(ld, key, slot)) != KZ_OK)
			return st;
		if (mark)
			*mark = ld->event.start_mark;
	}
}

static bool login_ok(const char *login)
{
	if (*login == '\0')
		return false;
	for (const char *p = login; *p; p++) {
		if (*p == ' ' || *p == ';')
			return false;
	}
	return true;
}

/* One user mapping; the current event is its start. */
static enum kz_status read_user(struct kz_yaml *ld, struct seen_codes *seen,
				struct kz_user *user)
{
	struct user_draft d = { 0 };
	yaml_mark_t start = ld->event.start_mark;
	enum kz_status st;
	enum kz_role role = KZ_ROLE_VIEWER;

	if (ld->event.type != YAML_MAPPING_START_EVENT)
		return kz_yaml_fail_at(ld, start, _("each entry of 'users' must be "
					    "{login: ..., name: ..., role: ...}, "
					    "not %s"),
			       kz_yaml_kind_name(&ld->event));
	st = read_user_fields(ld, &d);
	if (st == KZ_OK && !d.login)
		st = kz_yaml_fail_at(ld, start, _("a user has no 'login'"));
	else if (st == KZ_OK && !login_ok(d.login))
		st = kz_yaml_fail_at(ld, d.login_mark, _("the login '%s' must not be "
						 "empty or contain spaces"),
			     d.login);
	else if (st == KZ_OK && !d.role)
		st = kz_yaml_fail_at(ld, start, _("the user '%s' has no 'role' (worker, "
					  "coordinator or viewer)"), d.login);
	else if (st == KZ_OK && !role_parse(d.role, &role))
		st = kz_yaml_fail_at(ld, d.role_mark, _("the role '%s' of user '%s' must "
						"be worker, coordinator or "
						"viewer"), d.role, d.login);
	if (st == KZ_OK)
		st = check_unique(ld, seen, "users", d.login, d.login_mark);
	if (st == KZ_OK) {
		user->login = d.login;
		user->name = (d.name && *d.name) ? d.name : xstrdup(d.login);
		if (user->name != d.name)
			free(d.name);
		user->role = role;
		user->phone = d.phone && *d.phone ? d.phone : NULL;
		if (user->phone != d.phone)
			free(d.phone);
		free(d.role);
		return KZ_OK;
	}
	user_draft_free(&d);
	return st;
}

static enum kz_status read_users(struct kz_yaml *ld, struct kz_config *cfg)
{
	struct seen_codes seen = { 0 };
	enum kz_status st;

	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	if (ld->event.type != YAML_SEQUENCE_START_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("'users' must be a list (lines starting with "
				 "'- '), not %s"), kz_yaml_kind_name(&ld->event));
	for (;;) {
		struct kz_user user = { 0 };

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			break;
		if (ld->event.type == YAML_SEQUENCE_END_EVENT)
			break;
		if ((st = read_user(ld, &seen, &user)) != KZ_OK)
			break;
		cfg->users = xreallocarray(cfg->users, cfg->n_users + 1,
					   sizeof *cfg->users);
		cfg->users[cfg->n_users++] = user;
	}
	seen_free(&seen);
	return st;
}

/* ---- the whole document ---- */

/* Checks of a text value that was just read; the current event is still
 * the value, so the message points at it. */
static enum kz_status check_text_value(struct kz_yaml *ld, const char *key,
				       const char *value)
{
	yaml_mark_t mark = ld->event.start_mark;

	if (strcmp(key, "gmina") == 0 && *value == '\0')
		return kz_yaml_fail_at(ld, mark, _("'gmina' must not be empty"));
	if (strcmp(key, "language") == 0 && strcmp(value, "pl") != 0 &&
	    strcmp(value, "en") != 0)
		return kz_yaml_fail_at(ld, mark, _("'language' must be pl or en (found "
					   "'%s')"), value);
	if (strcmp(key, "case_code_format") == 0 && !strstr(value, "{seq"))
		return kz_yaml_fail_at(ld, mark, _("'case_code_format' must contain "
					   "{seq} (the case number), e.g. "
					   "\"R/{year}/{seq:03}\""));
	return KZ_OK;
}

static enum kz_status read_value(struct kz_yaml *ld, const struct key_def *def,
				 struct kz_config *cfg)
{
	char *base = (char *)cfg;

	switch (def->type) {
	case KEY_TEXT: {
		char **slot = (char **)(base + def->offset);
		enum kz_status st = read_text(ld, def->name, slot);

		return st != KZ_OK ? st
				    : check_text_value(ld, def->name, *slot);
	}
	case KEY_INT:
		return read_int(ld, def, (int *)(base + def->offset));
	case KEY_ITEMS:
		return read_items(ld, def->name,
				  (struct kz_items *)(base + def->offset));
	case KEY_USERS:
		return read_users(ld, cfg);
	}
	return KZ_OK;
}

static const struct key_def *find_key(const char *name)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	}
	return NULL;
}

static enum kz_status unknown_top_key(struct kz_yaml *ld, const char *key)
{
	const char *names[N_KEYS];

	for (size_t i = 0; i < N_KEYS; i++)
		names[i] = keys[i].name;
	return kz_yaml_unknown_key(ld, key, names, N_KEYS, NULL);
}

/* The entries of the top-level mapping; the current event is its start. */
static enum kz_status read_top_mapping(struct kz_yaml *ld,
				       struct kz_config *cfg, bool *seen)
{
	size_t first_line[N_KEYS] = { 0 };
	enum kz_status st;
	char key[64];

	for (;;) {
		const struct key_def *def;
		size_t i;

		if ((st = kz_yaml_next(ld)) != KZ_OK)
			return st;
		if (ld->event.type == YAML_MAPPING_END_EVENT)
			return KZ_OK;
		if ((st = kz_yaml_read_key(ld, key, sizeof key)) != KZ_OK)
			return st;
		if (!(def = find_key(key)))
			return unknown_top_key(ld, key);
		i = (size_t)(def - keys);
		if (seen[i])
			return kz_yaml_fail_at(ld, ld->event.start_mark,
				       _("the key '%s' appears twice (first on "
					 "line %zu)"), key, first_line[i]);
		seen[i] = true;
		first_line[i] = ld->event.start_mark.line + 1;
		if ((st = read_value(ld, def, cfg)) != KZ_OK)
			return st;
	}
}

static enum kz_status check_settings(struct kz_yaml *ld, const bool *seen,
				     yaml_mark_t top)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		if (keys[i].required && !seen[i])
			return kz_yaml_fail_at(ld, top, _("the required key '%s' is "
						  "missing"), keys[i].name);
	}
	return KZ_OK;
}

static bool has_code(const struct kz_items *items, const char *code)
{
	for (size_t i = 0; i < items->n; i++)
		if (strcmp(items->v[i].code, code) == 0)
			return true;
	return false;
}

/* Each need area's lists name configured codes; an area that names
 * neither list is answered by the category of its own code, if any. */
static enum kz_status check_need_areas(struct kz_yaml *ld,
				       struct kz_config *cfg)
{
	for (size_t i = 0; i < cfg->need_areas.n; i++) {
		struct kz_item *area = &cfg->need_areas.v[i];
		yaml_mark_t mark = { 0 };
		const char *bad;

		mark.line = area->line;
		mark.column = area->column;
		for (size_t k = 0; k < area->categories.n; k++) {
			bad = area->categories.v[k];
			if (!has_code(&cfg->categories, bad))
				return kz_yaml_fail_at(ld, mark,
					_("the need area '%s' names the category "
					  "'%s', which is not a code in "
					  "'categories'"), area->code, bad);
		}
		for (size_t k = 0; k < area->target_groups.n; k++) {
			bad = area->target_groups.v[k];
			if (!has_code(&cfg->target_groups, bad))
				return kz_yaml_fail_at(ld, mark,
					_("the need area '%s' names the target "
					  "group '%s', which is not a code in "
					  "'target_groups'"), area->code, bad);
		}
		if (area->categories.n == 0 && area->target_groups.n == 0 &&
		    has_code(&cfg->categories, area->code)) {
			area->categories.v = xmalloc(sizeof(char *));
			area->categories.v[0] = xstrdup(area->code);
			area->categories.n = 1;
		}
	}
	return KZ_OK;
}

static void set_defaults(struct kz_config *cfg)
{
	if (!cfg->powiat)
		cfg->powiat = xstrdup("");
	if (!cfg->wojewodztwo)
		cfg->wojewodztwo = xstrdup("");
	if (!cfg->lider)
		cfg->lider = xstrdup("");
	/* No language key: the locale decides (see kz_config_language). */
	if (!cfg->case_code_format)
		cfg->case_code_format = xstrdup("R/{year}/{seq:03}");
	if (!cfg->stale_days)
		cfg->stale_days = 180;
	if (!cfg->retention_years)
		cfg->retention_years = 10;
	if (!cfg->plan_validity_months)
		cfg->plan_validity_months = 12;
}

/* Advance and insist on one kind of event. */
static enum kz_status expect(struct kz_yaml *ld, yaml_event_type_t type,
			     const char *what)
{
	enum kz_status st = kz_yaml_next(ld);

	if (st != KZ_OK)
		return st;
	if (ld->event.type != type)
		return kz_yaml_fail_at(ld, ld->event.start_mark, "%s", what);
	return KZ_OK;
}

static enum kz_status config_empty(struct kz_yaml *ld, yaml_mark_t mark)
{
	return kz_yaml_fail_at(ld, mark, _("the configuration is empty; it needs at "
				   "least 'gmina' and the five lists (see "
				   "man 5 koszyk.yaml)"));
}

static enum kz_status read_document(struct kz_yaml *ld, struct kz_config *cfg)
{
	bool seen[N_KEYS] = { false };
	yaml_mark_t stream, top;
	enum kz_status st;

	if ((st = expect(ld, YAML_STREAM_START_EVENT,
			 _("this is not a YAML file"))) != KZ_OK)
		return st;
	stream = ld->event.start_mark;
	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	if (ld->event.type == YAML_STREAM_END_EVENT)
		return config_empty(ld, stream);
	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	top = ld->event.start_mark;
	if (ld->event.type == YAML_SCALAR_EVENT &&
	    ld->event.data.scalar.length == 0)
		return config_empty(ld, stream);
	if (ld->event.type != YAML_MAPPING_START_EVENT)
		return kz_yaml_fail_at(ld, top, _("the configuration must consist of "
					  "keys with values, like 'gmina: "
					  "Gmina Brzozowa Wola', not %s"),
			       kz_yaml_kind_name(&ld->event));
	if ((st = read_top_mapping(ld, cfg, seen)) != KZ_OK)
		return st;
	if ((st = expect(ld, YAML_DOCUMENT_END_EVENT,
			 _("the configuration must end after its keys"))) != KZ_OK)
		return st;
	if ((st = kz_yaml_next(ld)) != KZ_OK)
		return st;
	if (ld->event.type != YAML_STREAM_END_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("the file holds more than one YAML document "
				 "('---'); keep only one"));
	if ((st = check_settings(ld, seen, top)) != KZ_OK ||
	    (st = check_need_areas(ld, cfg)) != KZ_OK)
		return st;
	set_defaults(cfg);
	return KZ_OK;
}

enum kz_status kz_config_load_string(struct kz_config *cfg, const char *yaml,
				     size_t len, const char *name,
				     struct kz_error *err)
{
	struct kz_config tmp = { 0 };
	struct kz_yaml ld;
	enum kz_status st;

	memset(cfg, 0, sizeof *cfg);
	st = kz_yaml_open(&ld, yaml, len, name, err);
	if (st == KZ_OK)
		st = read_document(&ld, &tmp);
	kz_yaml_close(&ld);
	if (st != KZ_OK) {
		kz_config_free(&tmp);
		return st;
	}
	tmp.source = xstrdup(ld.name);
	*cfg = tmp;
	return KZ_OK;
}

enum kz_status kz_config_load_file(struct kz_config *cfg, const char *path,
				   struct kz_error *err)
{
	enum kz_status st;
	char *data = NULL;
	size_t len = 0;

	memset(cfg, 0, sizeof *cfg);
	/* Its message names the path and says "cannot read"; a configuration
	 * named explicitly but unreadable is bad usage. */
	st = kz_read_file(path, &data, &len, err);
	if (st != KZ_OK) {
		if (err)
			err->status = KZ_INVALID;
		return KZ_INVALID;
	}
	st = kz_config_load_string(cfg, data, len, path, err);
	free(data);
	return st;
}

enum kz_status kz_config_load_builtin(struct kz_config *cfg,
				      struct kz_error *err)
{
	enum kz_status st = kz_config_load_string(cfg, kz_builtin_config,
						  strlen(kz_builtin_config),
						  BUILTIN_NAME, err);

	if (st == KZ_OK)
		cfg->is_builtin = true;
	return st;
}

static void items_free(struct kz_items *items)
{
	for (size_t i = 0; i < items->n; i++)
		item_free(&items->v[i]);
	free(items->v);
	items->v = NULL;
	items->n = 0;
}

void kz_config_free(struct kz_config *cfg)
{
	if (!cfg)
		return;
	free(cfg->source);
	free(cfg->gmina);
	free(cfg->powiat);
	free(cfg->wojewodztwo);
	free(cfg->lider);
	free(cfg->language);
	free(cfg->case_code_format);
	items_free(&cfg->sectors);
	items_free(&cfg->partner_kinds);
	items_free(&cfg->categories);
	items_free(&cfg->target_groups);
	items_free(&cfg->need_areas);
	for (size_t i = 0; i < cfg->n_users; i++) {
		free(cfg->users[i].login);
		free(cfg->users[i].name);
		free(cfg->users[i].phone);
	}
	free(cfg->users);
	memset(cfg, 0, sizeof *cfg);
}

/* ---- lookups ---- */

const struct kz_item *kz_items_find(const struct kz_items *items,
				    const char *text)
{
	const struct kz_item *found = NULL;
	char *want;

	if (!items || !text)
		return NULL;
	for (size_t i = 0; i < items->n; i++) {
		if (strcmp(items->v[i].code, text) == 0)
			return &items->v[i];
	}
	want = kz_fold_key(text);
	for (size_t i = 0; i < items->n && !found; i++) {
		char *code = kz_fold_key(items->v[i].code);
		char *label = kz_fold_key(items->v[i].label);

		if (strcmp(code, want) == 0 || strcmp(label, want) == 0)
			found = &items->v[i];
		free(code);
		free(label);
	}
	free(want);
	return found;
}

const char *kz_items_label(const struct kz_items *items, const char *code)
{
	if (!code)
		return "";
	for (size_t i = 0; items && i < items->n; i++) {
		if (strcmp(items->v[i].code, code) == 0)
			return items->v[i].label;
	}
	return code;
}

const struct kz_user *kz_config_user(const struct kz_config *cfg,
				     const char *login)
{
	if (!cfg || !login)
		return NULL;
	for (size_t i = 0; i < cfg->n_users; i++) {
		if (strcmp(cfg->users[i].login, login) == 0)
			return &cfg->users[i];
	}
	return NULL;
}

const char *kz_role_name(enum kz_role role)
{
	if ((size_t)role < sizeof role_names / sizeof role_names[0])
		return role_names[role];
	return "unknown";
}

static bool codes_has(const struct kz_codes *codes, const char *code)
{
	for (size_t i = 0; i < codes->n; i++)
		if (strcmp(codes->v[i], code) == 0)
			return true;
	return false;
}

bool kz_need_answered_by(const struct kz_config *cfg, const char *area,
			 const char *category, const char *groups)
{
	const struct kz_item *need = NULL;
	const char *p = groups;

	for (size_t i = 0; cfg && i < cfg->need_areas.n && !need; i++)
		if (strcmp(cfg->need_areas.v[i].code, area) == 0)
			need = &cfg->need_areas.v[i];
	if (!need)
		return false;
	if (category && codes_has(&need->categories, category))
		return true;
	while (p && *p) {
		size_t len = strcspn(p, ";");
		for (size_t i = 0; i < need->target_groups.n; i++)
			if (strlen(need->target_groups.v[i]) == len &&
			    strncmp(need->target_groups.v[i], p, len) == 0)
				return true;
		p += len;
		if (*p == ';')
			p++;
	}
	return false;
}

const struct kz_items *kz_config_vocab(const struct kz_config *cfg,
				       enum kz_vocab vocab)
{
	if (!cfg)
		return NULL;
	switch (vocab) {
	case KZ_VOCAB_SECTORS: return &cfg->sectors;
	case KZ_VOCAB_PARTNER_KINDS: return &cfg->partner_kinds;
	case KZ_VOCAB_CATEGORIES: return &cfg->categories;
	case KZ_VOCAB_TARGET_GROUPS: return &cfg->target_groups;
	case KZ_VOCAB_NEED_AREAS: return &cfg->need_areas;
	case KZ_VOCAB_NONE: break;
	}
	return NULL;
}
