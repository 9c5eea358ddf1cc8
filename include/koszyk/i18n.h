#ifndef KOSZYK_I18N_H
#define KOSZYK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(ctx, s) kz_pgettext(ctx "\004" s, s)
/* A msgid with a context in a table, translated later by kz_ngettext_ctx. */
#define NC_(ctx, s) (ctx "\004" s)

const char *kz_pgettext(const char *ctx_id, const char *msgid);
/* The translation of an NC_() entry. */
const char *kz_ctx_gettext(const char *ctx_id);

/* Bind the text domain. language: "pl", "en" or NULL (from the locale).
 * Also makes sure LC_CTYPE is a UTF-8 locale. Call once, early. */
void kz_i18n_init(const char *language);
/* Switch language after the configuration has been read. */
void kz_i18n_set_language(const char *language);
/* The language the messages are shown in now, for a page's lang
 * attribute: the "Language" of the catalog in use, "en" without one. */
const char *kz_i18n_language(void);

#endif
