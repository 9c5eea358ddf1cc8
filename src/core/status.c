#include "koszyk/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static enum kz_status vfail(struct kz_error *err, enum kz_status st,
			    const char *field, const char *fmt, va_list ap)
{
	if (!err)
		return st;
	err->status = st;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	return st;
}

enum kz_status kz_fail(struct kz_error *err, enum kz_status st,
		       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st = vfail(err, st, NULL, fmt, ap);
	va_end(ap);
	return st;
}

enum kz_status kz_fail_field(struct kz_error *err, enum kz_status st,
			     const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st = vfail(err, st, field, fmt, ap);
	va_end(ap);
	return st;
}

void kz_error_prefix(struct kz_error *err, const char *fmt, ...)
{
	char prefix[512];
	char old[sizeof(err->msg)];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	size_t plen = strlen(prefix);

	memcpy(old, err->msg, sizeof(old));
	if (plen >= sizeof(err->msg))
		plen = sizeof(err->msg) - 1;
	memcpy(err->msg, prefix, plen);
	size_t rest = sizeof(err->msg) - 1 - plen;
	size_t olen = strnlen(old, sizeof(old) - 1);
	if (olen > rest)
		olen = rest;
	memcpy(err->msg + plen, old, olen);
	err->msg[plen + olen] = '\0';
}

void kz_error_clear(struct kz_error *err)
{
	if (!err)
		return;
	err->status = KZ_OK;
	err->msg[0] = '\0';
	err->field[0] = '\0';
}

int kz_status_exit_code(enum kz_status st)
{
	switch (st) {
#define KZ_STATUS_EXIT(name, exit_code, text) \
	case name:                            \
		return exit_code;
		KZ_STATUS_LIST(KZ_STATUS_EXIT)
#undef KZ_STATUS_EXIT
	}
	return 3;
}

const char *kz_status_text(enum kz_status st)
{
	switch (st) {
#define KZ_STATUS_TEXT(name, exit_code, text) \
	case name:                            \
		return text;
		KZ_STATUS_LIST(KZ_STATUS_TEXT)
#undef KZ_STATUS_TEXT
	}
	return "unknown";
}
