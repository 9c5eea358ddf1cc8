/* Reading YAML with libyaml's event API, shared by the configuration
 * (src/core/config.c) and the demo data (src/io/demo_data.c): events with
 * anchors and aliases refused, messages that name file:line:column
 * (1-based, from libyaml's marks), key names and typo hints. */
#include "koszyk/yaml_read.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* ---- positions and messages ---- */

/* Line and column (both 1-based, column in characters) of a byte offset,
 * for errors that libyaml reports as an offset only. */
static void offset_position(const char *text, size_t len, size_t offset,
			    size_t *line, size_t *column)
{
	size_t l = 1, c = 1;

	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		unsigned char b = (unsigned char)text[i];

		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {
			c++;    /* count lead bytes, not continuation bytes */
		}
	}
	*line = l;
	*column = c;
}

static enum kz_status vfail_pos(struct kz_yaml *ld, size_t line, size_t column,
				const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static enum kz_status vfail_pos(struct kz_yaml *ld, size_t line, size_t column,
				const char *fmt, va_list ap)
{
	char msg[768];

	vsnprintf(msg, sizeof msg, fmt, ap);
	return kz_fail(ld->err, KZ_INVALID, "%s:%zu:%zu: %s", ld->name, line,
		       column, msg);
}

enum kz_status kz_yaml_fail_at(struct kz_yaml *ld, yaml_mark_t mark,
			      const char *fmt, ...)
{
	va_list ap;
	enum kz_status st;

	va_start(ap, fmt);
	st = vfail_pos(ld, mark.line + 1, mark.column + 1, fmt, ap);
	va_end(ap);
	return st;
}

enum kz_status kz_yaml_fail_at_offset(struct kz_yaml *ld, size_t offset,
				     const char *fmt, ...)
{
	va_list ap;
	enum kz_status st;
	size_t line, column;

	offset_position(ld->text, ld->len, offset, &line, &column);
	va_start(ap, fmt);
	st = vfail_pos(ld, line, column, fmt, ap);
	va_end(ap);
	return st;
}

/* True when the indentation of the line of mark holds a tab: the most
 * common YAML mistake, worth its own advice. */
static bool tab_in_indent(const struct kz_yaml *ld, yaml_mark_t mark)
{
	size_t i = 0, line = 0;

	while (i < ld->len && line < mark.line) {
		if (ld->text[i++] == '\n')
			line++;
	}
	for (; i < ld->len && (ld->text[i] == ' ' || ld->text[i] == '\t'); i++) {
		if (ld->text[i] == '\t')
			return true;
	}
	return false;
}

static enum kz_status parser_error(struct kz_yaml *ld)
{
	yaml_parser_t *p = &ld->parser;
	const char *problem = p->problem ? p->problem : "unknown problem";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return kz_fail(ld->err, KZ_ENV,
			       _("%s: out of memory while reading the configuration"),
			       ld->name);
	case YAML_READER_ERROR:
		return kz_yaml_fail_at_offset(ld, p->problem_offset,
				      _("this character cannot be read (%s); "
					"save the file as plain UTF-8 text"),
				      problem);
	default:
		break;
	}
	if (tab_in_indent(ld, p->problem_mark))
		return kz_yaml_fail_at(ld, p->problem_mark,
			       _("a tab is used for indentation; indent with "
				 "spaces only"));
	return kz_yaml_fail_at(ld, p->problem_mark,
		       _("this is not valid YAML: %s; check the indentation, "
			 "colons and quotes here or just above"), problem);
}

/* ---- events ---- */

void kz_yaml_drop_event(struct kz_yaml *ld)
{
	if (ld->have_event) {
		yaml_event_delete(&ld->event);
		ld->have_event = false;
	}
}

static const char *event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Advance to the next event. Anchors and aliases are refused: a
 * configuration is short enough to write out, and refusing them keeps
 * "billion laughs" style files out. */
enum kz_status kz_yaml_next(struct kz_yaml *ld)
{
	const char *anchor;

	kz_yaml_drop_event(ld);
	if (!yaml_parser_parse(&ld->parser, &ld->event))
		return parser_error(ld);
	ld->have_event = true;
	if (ld->event.type == YAML_ALIAS_EVENT)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("aliases (*%s) are not supported; write the "
				 "value out in full"),
			       (const char *)ld->event.data.alias.anchor);
	anchor = event_anchor(&ld->event);
	if (anchor)
		return kz_yaml_fail_at(ld, ld->event.start_mark,
			       _("anchors (&%s) are not supported; write the "
				 "value out in full"), anchor);
	return KZ_OK;
}

const char *kz_yaml_kind_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.length ? _("text") : _("an empty value");
	case YAML_SEQUENCE_START_EVENT:
		return _("a list");
	case YAML_MAPPING_START_EVENT:
		return _("a set of keys with values");
	default:
		return _("something else");
	}
}

/* ---- keys ---- */

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[33];

	if (la > 32 || lb > 32)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known key closest to an unknown one, if it is a likely typo. */
static const char *suggest_key(const char *key, const char *const *known,
			       size_t n)
{
	const char *best = NULL;
	size_t best_d = 3;  /* at most two edits away */

	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(key, known[i]);

		if (d < best_d) {
			best_d = d;
			best = known[i];
		}
	}
	return best;
}

enum kz_status kz_yaml_unknown_key(struct kz_yaml *ld, const char *key,
				  const char *const *known, size_t n,
				  const char *where)
{
	const char *hint = suggest_key(key, known, n);
	yaml_mark_t mark = ld->event.start_mark;

	if (where && hint)
		return kz_yaml_fail_at(ld, mark, _("unknown key '%s' in an entry of "
					   "'%s' (did you mean '%s'?)"),
			       key, where, hint);
	if (where)
		return kz_yaml_fail_at(ld, mark, _("unknown key '%s' in an entry of "
					   "'%s'"), key, where);
	if (hint)
		return kz_yaml_fail_at(ld, mark, _("unknown key '%s' (did you mean "
					   "'%s'?)"), key, hint);
	return kz_yaml_fail_at(ld, mark, _("unknown key '%s'"), key);
}

/* Read the key of a mapping entry into key[] (the current event must be a
 * scalar). A long key is cut at a character boundary and control
 * characters become '?', so the key is safe to print; neither can match a
 * known key. */
enum kz_status kz_yaml_read_key(struct kz_yaml *ld, char *key, size_t size)
{
	const yaml_event_t *ev = &ld->event;
	size_t len;

	if (ev->type != YAML_SCALAR_EVENT)
		return kz_yaml_fail_at(ld, ev->start_mark,
			       _("expected a key name like 'gmina:', found %s"),
			       kz_yaml_kind_name(ev));
	len = ev->data.scalar.length;
	if (len >= size) {
		len = size - 1;
		while (len > 0 && (ev->data.scalar.value[len] & 0xC0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char b = ev->data.scalar.value[i];

		key[i] = (b < 0x20 || b == 0x7F) ? '?' : (char)b;
	}
	key[len] = '\0';
	return KZ_OK;
}


enum kz_status kz_yaml_open(struct kz_yaml *ld, const char *text, size_t len,
			    const char *name, struct kz_error *err)
{
	size_t bad = 0;

	memset(ld, 0, sizeof *ld);
	ld->name = name ? name : "(string)";
	ld->text = text ? text : "";
	ld->len = text ? len : 0;
	ld->err = err;
	if (!kz_utf8_valid(ld->text, ld->len, &bad))
		return kz_yaml_fail_at_offset(ld, bad, _("the file is not valid "
							 "UTF-8 text; save it "
							 "as UTF-8"));
	if (!yaml_parser_initialize(&ld->parser))
		return kz_fail(err, KZ_ENV, _("%s: out of memory while reading "
					      "the configuration"), ld->name);
	yaml_parser_set_input_string(&ld->parser,
				     (const unsigned char *)ld->text, ld->len);
	ld->open = true;
	return KZ_OK;
}

void kz_yaml_close(struct kz_yaml *ld)
{
	kz_yaml_drop_event(ld);
	if (ld->open)
		yaml_parser_delete(&ld->parser);
	ld->open = false;
}
