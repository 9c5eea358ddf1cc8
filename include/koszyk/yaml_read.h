/* Reading YAML with libyaml's event API (src/core/yaml_read.c): the part
 * the configuration and the demo data share. The first problem stops a
 * load; its message names file:line:column. */
#ifndef KOSZYK_YAML_READ_H
#define KOSZYK_YAML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "koszyk/status.h"

/* The state of one load. */
struct kz_yaml {
	yaml_parser_t parser;
	yaml_event_t event;     /* the current event, valid when have_event */
	bool have_event;
	bool open;              /* parser initialised */
	const char *name;       /* the file name used in messages */
	const char *text;
	size_t len;
	struct kz_error *err;
};

/* Check that text is UTF-8 and start a parser on it; name is used in
 * messages. kz_yaml_close frees it (also after a failed open). */
enum kz_status kz_yaml_open(struct kz_yaml *ld, const char *text, size_t len,
			    const char *name, struct kz_error *err);
void kz_yaml_close(struct kz_yaml *ld);

/* Fail with "NAME:LINE:COLUMN: message" about the place libyaml's mark
 * points at, or a byte offset of the text. */
enum kz_status kz_yaml_fail_at(struct kz_yaml *ld, yaml_mark_t mark,
			       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
enum kz_status kz_yaml_fail_at_offset(struct kz_yaml *ld, size_t offset,
				      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Advance to the next event (anchors and aliases are refused). */
enum kz_status kz_yaml_next(struct kz_yaml *ld);
void kz_yaml_drop_event(struct kz_yaml *ld);

/* "text", "a list", ... for messages. */
const char *kz_yaml_kind_name(const yaml_event_t *ev);

/* The key of a mapping entry (the current event) into key[], made safe to
 * print. */
enum kz_status kz_yaml_read_key(struct kz_yaml *ld, char *key, size_t size);

/* An unknown key: the message names it, where it is (the entry of where,
 * if not NULL) and the known key it most likely means. */
enum kz_status kz_yaml_unknown_key(struct kz_yaml *ld, const char *key,
				   const char *const *known, size_t n,
				   const char *where);

#endif
