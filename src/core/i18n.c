#include "koszyk/i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "koszyk/xalloc.h"

#define KZ_DOMAIN "koszyk"

const char *kz_pgettext(const char *ctx_id, const char *msgid)
{
	const char *t = dgettext(KZ_DOMAIN, ctx_id);
	return t == ctx_id ? msgid : t;
}

const char *kz_ctx_gettext(const char *ctx_id)
{
	const char *msgid = strchr(ctx_id, '\004');

	return kz_pgettext(ctx_id, msgid ? msgid + 1 : ctx_id);
}

/* Translations next to the binary (build/locale) win over the installed
 * ones, so the program run from the build tree speaks Polish too. */
static const char *find_localedir(char *buf, size_t size)
{
	const char *env = getenv("KOSZYK_LOCALEDIR");
	struct stat st;
	ssize_t n;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", buf, size - 16);
	if (n > 0) {
		buf[n] = '\0';
		char *slash = strrchr(buf, '/');
		if (slash) {
			strcpy(slash + 1, "locale");
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
		}
	}
	return KZ_LOCALEDIR;
}

static void ensure_utf8_ctype(void)
{
	const char *cs = nl_langinfo(CODESET);

	if (cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0))
		return;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
}

void kz_i18n_set_language(const char *language)
{
	if (!language || !*language)
		return;
	/* LANGUAGE outranks LC_MESSAGES for gettext (unless the locale is
	 * plain "C", which ensure_utf8_ctype avoids for messages too). */
	setenv("LANGUAGE", language, 1);
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (msgs && (strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)) {
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C.utf8");
	}
	/* Tell gettext its cached translations are stale. */
	textdomain(KZ_DOMAIN);
}

void kz_i18n_init(const char *language)
{
	char path[PATH_MAX];

	setlocale(LC_ALL, "");
	ensure_utf8_ctype();
	bindtextdomain(KZ_DOMAIN, find_localedir(path, sizeof(path)));
	bind_textdomain_codeset(KZ_DOMAIN, "UTF-8");
	textdomain(KZ_DOMAIN);
	kz_i18n_set_language(language);
}

const char *kz_i18n_language(void)
{
	static char lang[16];
	/* gettext of the empty msgid is the header of the catalog in use;
	 * a variable, so that xgettext does not take it for a message. */
	const char *empty = "";
	const char *head = gettext(empty);
	const char *p = head ? strstr(head, "\nLanguage: ") : NULL;
	size_t n = 0;

	if (!p)
		return "en";
	p += strlen("\nLanguage: ");
	while (n + 1 < sizeof(lang) && (p[n] == '-' || p[n] == '_' ||
	       (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))) {
		lang[n] = p[n] == '_' ? '-' : p[n];
		n++;
	}
	lang[n] = '\0';
	return n ? lang : "en";
}
