/* The municipality configuration (YAML, read with libyaml).
 * The example config/koszyk.yaml is compiled into the binary as the
 * built-in default. */
#ifndef KOSZYK_CONFIG_H
#define KOSZYK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/status.h"

/* Codes of another configured vocabulary. */
struct kz_codes {
	char **v;
	size_t n;
};

/* One entry of a configured vocabulary: a short stable code and the label
 * people see (e.g. code "rodzina", label "Wsparcie rodziny"). */
struct kz_item {
	char *code;
	char *label;
	/* need_areas only: the categories and the target groups whose active
	 * services answer the need area (the gaps report). An area that names
	 * neither is answered by the category of the same code, if there is
	 * one (filled in when the configuration is read). */
	struct kz_codes categories;
	struct kz_codes target_groups;
	/* Where the entry's lists are (0-based), for messages. */
	size_t line, column;
};

struct kz_items {
	struct kz_item *v;
	size_t n;
};

/* Which configured vocabulary a KZ_FT_CODE(S) field uses. */
enum kz_vocab {
	KZ_VOCAB_NONE,
	KZ_VOCAB_SECTORS,
	KZ_VOCAB_PARTNER_KINDS,
	KZ_VOCAB_CATEGORIES,
	KZ_VOCAB_TARGET_GROUPS,
	KZ_VOCAB_NEED_AREAS,
};

enum kz_role { KZ_ROLE_VIEWER, KZ_ROLE_WORKER, KZ_ROLE_COORDINATOR };

struct kz_user {
	char *login;
	char *name;
	enum kz_role role;
	char *phone;    /* a work phone families may call, or NULL */
};

struct kz_config {
	char *source;            /* the file read, or "(built-in)" */
	bool is_builtin;
	char *gmina;             /* e.g. "Gmina Brzozowa Wola" */
	char *powiat;
	char *wojewodztwo;       /* e.g. "łódzkie": HSDS addresses' state_province */
	char *lider;             /* the lead partner's name */
	char *language;          /* "pl", "en", or NULL: the locale decides */
	int stale_days;          /* a basket entry not verified for longer is stale */
	int retention_years;     /* closed cases are kept this long */
	char *case_code_format;  /* e.g. "R/{year}/{seq:03}" */
	int plan_validity_months;
	struct kz_items sectors;
	struct kz_items partner_kinds;
	struct kz_items categories;
	struct kz_items target_groups;
	struct kz_items need_areas;
	struct kz_user *users;
	size_t n_users;
};

/* Load and validate; on error the message names file:line:column and cfg
 * is left empty (safe to free). */
enum kz_status kz_config_load_file(struct kz_config *cfg, const char *path,
				   struct kz_error *err);
enum kz_status kz_config_load_string(struct kz_config *cfg, const char *yaml,
				     size_t len, const char *name,
				     struct kz_error *err);
enum kz_status kz_config_load_builtin(struct kz_config *cfg,
				      struct kz_error *err);
void kz_config_free(struct kz_config *cfg);

/* The text of the built-in configuration (config/koszyk.yaml). */
extern const char kz_builtin_config[];

/* The item whose code or label equals text (case and Polish letters
 * folded), or NULL. */
const struct kz_item *kz_items_find(const struct kz_items *items,
				    const char *text);
/* The label for a code, or the code itself when it is not configured. */
const char *kz_items_label(const struct kz_items *items, const char *code);

/* The items of a vocabulary; NULL for KZ_VOCAB_NONE or a NULL cfg. */
const struct kz_items *kz_config_vocab(const struct kz_config *cfg,
				       enum kz_vocab vocab);

/* Whether a service of category (a code) for target groups (codes joined
 * by ';', may be NULL) answers the need area (a code): its category is one
 * of the area's categories, or one of its groups is one of the area's
 * target groups. An area that is not configured is answered by nothing. */
bool kz_need_answered_by(const struct kz_config *cfg, const char *area,
			 const char *category, const char *groups);

const struct kz_user *kz_config_user(const struct kz_config *cfg,
				     const char *login);
const char *kz_role_name(enum kz_role role);

#endif
