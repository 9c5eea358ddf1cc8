#ifndef KOSZYK_I18N_H
#define KOSZYK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(ctx, s) kz_pgettext(ctx "\004" s, s)

const char *kz_pgettext(const char *ctx_id, const char *msgid);

/* Bind the text domain. language: "pl", "en" or NULL (from the locale).
 * Also makes sure LC_CTYPE is a UTF-8 locale. Call once, early. */
void kz_i18n_init(const char *language);
/* Switch language after the configuration has been read. */
void kz_i18n_set_language(const char *language);
/* The language the messages are shown in now, for a page's lang
 * attribute: the "Language" of the catalog in use, "en" without one. */
const char *kz_i18n_language(void);

#endif
