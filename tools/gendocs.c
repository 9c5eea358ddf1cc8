/* kz_gendocs: the parts of the documentation made from the program's
 * tables (make docs; tests/cli/test_cli_generated.sh checks that the
 * committed files are up to date). Never installed.
 *
 *   kz_gendocs completion   the bash completion, from the command table
 *   kz_gendocs man FILE     FILE (the man page) with the parts between
 *                           .\" BEGIN GENERATED X and .\" END GENERATED X
 *                           made anew: X is COMMANDS (the command table),
 *                           KEYS (UI_ACTIONS and the help screen) or HSDS
 *                           (the HSDS field mapping, src/io/hsds_map.c)
 *
 * Everything is in English: gettext is never set up here. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/cli/cli.h"
#include "../src/io/hsds_map.h"
#include "../src/ui/ui_internal.h"
#include "koszyk/buf.h"
#include "koszyk/xalloc.h"

/* The command code is linked in only for its table: no command runs. */
enum kz_status kz_cli_open_db(struct kz_cli *cli, struct kz_error *err)
{
	(void)cli;
	return kz_fail(err, KZ_INVALID, "not in kz_gendocs");
}

/* --- roff ------------------------------------------------------------------ */

static void roff_text(struct kz_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			kz_buf_puts(b, "\\-");
		else if (s[i] == '\\')
			kz_buf_puts(b, "\\e");
		else
			kz_buf_putc(b, s[i]);
	}
}

/* A line of text: one that begins with . or ' would be a request. */
static void roff_line(struct kz_buf *b, const char *s)
{
	if (*s == '.' || *s == '\'')
		kz_buf_puts(b, "\\&");
	roff_text(b, s, strlen(s));
	kz_buf_putc(b, '\n');
}

static bool word_char(const char *p)
{
	return isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
	       (*p == '.' && isalpha((unsigned char)p[1]));
}

/* A synopsis as the man page shows it: what is typed in bold, the
 * values to give (words in capitals) in italics. */
static void roff_synopsis(struct kz_buf *b, const struct kz_cli_command *c)
{
	kz_buf_puts(b, "\\fB");
	roff_text(b, c->name, strlen(c->name));
	kz_buf_puts(b, "\\fR");
	if (*c->synopsis)
		kz_buf_putc(b, ' ');
	for (const char *p = c->synopsis; *p;) {
		size_t n = 0;
		while (word_char(p + n))
			n++;
		if (n == 0) {
			roff_text(b, p, 1);
			p++;
			continue;
		}
		kz_buf_puts(b, isupper((unsigned char)*p) ? "\\fI" : "\\fB");
		roff_text(b, p, n);
		kz_buf_puts(b, "\\fR");
		p += n;
	}
	kz_buf_putc(b, '\n');
}

static void man_commands(struct kz_buf *b)
{
	for (int g = 0; g < KZ_GROUP_COUNT; g++) {
		kz_buf_printf(b, ".SS %s\n", kz_cli_group_titles[g]);
		for (size_t i = 0; i < kz_cli_ncommands; i++) {
			const struct kz_cli_command *c = &kz_cli_commands[i];
			if (c->group != (enum kz_cli_group)g || (c->flags & KZ_CMD_HIDDEN))
				continue;
			kz_buf_puts(b, ".TP\n");
			roff_synopsis(b, c);
			if (c->man)
				kz_buf_puts(b, c->man);
			else
				roff_line(b, c->help);
		}
	}
}

/* Every key of the action table, as the help screen groups and shows
 * them. */
static void man_keys(struct kz_buf *b)
{
	kz_buf_puts(b, ".PP\nThe keys, as the help screen lists them:\n");
	for (size_t s = 0; s < ui_help_nsections; s++) {
		kz_buf_printf(b, ".SS %s\n", ui_help_sections[s].title);
		for (int a = 1; a < UI_ACT_COUNT; a++) {
			char keys[96];
			if (ui_actions[a].group != ui_help_sections[s].group)
				continue;
			ui_action_keys_text((enum ui_action)a, keys, sizeof(keys));
			kz_buf_puts(b, ".TP\n");
			for (char *k = keys; *k;) {
				size_t n = strcspn(k, ",");
				kz_buf_puts(b, k == keys ? "\\fB" : ", \\fB");
				roff_text(b, k, n);
				kz_buf_puts(b, "\\fR");
				k += n;
				while (*k == ',' || *k == ' ')
					k++;
			}
			kz_buf_putc(b, '\n');
			roff_line(b, ui_actions[a].help);
		}
	}
	kz_buf_puts(b, ".PP\n");
	roff_line(b, ui_help_marks);
	kz_buf_puts(b, ".PP\n");
	roff_line(b, ui_help_parts);
	kz_buf_puts(b, ".PP\n");
	roff_line(b, ui_help_editing);
}

static char *read_all(const char *path)
{
	struct kz_buf b = KZ_BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		exit(1);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kz_buf_add(&b, chunk, n);
	fclose(f);
	return kz_buf_detach(&b);
}

/* The HSDS field mapping: for each table of the data package that holds
 * a koszyk field, its columns and the fields they hold. */
static void man_hsds(struct kz_buf *b)
{
	for (size_t t = 0; t < KZ_HSDS_NTABLES; t++) {
		bool any = false;

		for (size_t i = 0; i < kz_hsds_nmaps; i++) {
			const struct kz_hsds_map *m = &kz_hsds_maps[i];
			const struct kz_kind_info *k = kz_kind_of(m->kind);
			char *line;

			if ((size_t)m->table != t)
				continue;
			if (!any) {
				kz_buf_puts(b, ".TP\n.B ");
				roff_line(b, kz_hsds_table_file(t));
				any = true;
			} else {
				kz_buf_puts(b, ".br\n");
			}
			line = *m->field
				? xasprintf("%s %s%s%s%s", k->name, m->field,
					    m->note ? " (" : "", m->note ? m->note : "",
					    m->note ? ")" : "")
				: xstrdup(m->note);
			roff_text(b, m->column, strlen(m->column));
			kz_buf_puts(b, " \\(<- ");
			roff_line(b, line);
			free(line);
		}
	}
}

/* The man page with its generated parts made anew. */
static int man(const char *path)
{
	static const struct {
		const char *name;
		void (*make)(struct kz_buf *);
	} parts[] = { { "COMMANDS", man_commands }, { "KEYS", man_keys },
		      { "HSDS", man_hsds } };
	char *text = read_all(path);
	struct kz_buf out = KZ_BUF_INIT;
	const char *p = text;
	int found = 0;

	while (*p) {
		size_t n = strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');
		kz_buf_add(&out, p, n);
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			char begin[64], end[64];
			snprintf(begin, sizeof(begin), ".\\\" BEGIN GENERATED %s", parts[i].name);
			snprintf(end, sizeof(end), ".\\\" END GENERATED %s", parts[i].name);
			if (strncmp(p, begin, strlen(begin)) != 0)
				continue;
			parts[i].make(&out);
			p = strstr(p, end);
			if (!p) {
				fprintf(stderr, "%s: no \"%s\"\n", path, end);
				kz_buf_free(&out);
				free(text);
				return 1;
			}
			n = strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');
			kz_buf_add(&out, p, n);
			found++;
		}
		p += n;
	}
	if (found != 3) {
		fprintf(stderr, "%s: needs one BEGIN/END GENERATED COMMANDS, KEYS and HSDS each\n", path);
		kz_buf_free(&out);
		free(text);
		return 1;
	}
	fwrite(out.data, 1, out.len, stdout);
	kz_buf_free(&out);
	free(text);
	return 0;
}

/* --- bash completion ---------------------------------------------------------- */

/* Lines of one case statement: "pattern" and the words it completes. */
struct cases {
	struct kz_buf pattern[256];
	struct kz_buf words[256];
	size_t n;
};

static void add_words(struct cases *cs, const char *pattern, const char *words, size_t len)
{
	size_t i = 0;

	while (i < cs->n && strcmp(kz_buf_str(&cs->pattern[i]), pattern) != 0)
		i++;
	if (i == cs->n) {
		if (cs->n == sizeof(cs->pattern) / sizeof(cs->pattern[0])) {
			fprintf(stderr, "kz_gendocs: too many completions\n");
			exit(1);
		}
		kz_buf_puts(&cs->pattern[i], pattern);
		cs->n++;
	}
	/* words: separated by '|' or ' '; each once */
	for (size_t k = 0; k < len;) {
		size_t n = strcspn(words + k, "| ");
		char *w;
		if (n > len - k)
			n = len - k;
		w = xstrndup(words + k, n);
		char *have = xasprintf(" %s ", kz_buf_str(&cs->words[i]));
		char *needle = xasprintf(" %s ", w);
		if (n && !strstr(have, needle))
			kz_buf_printf(&cs->words[i], "%s%s", cs->words[i].len ? " " : "", w);
		free(needle);
		free(have);
		free(w);
		k += n + 1;
	}
}

static void print_cases(const struct cases *cs, const char *indent, const char *action)
{
	for (size_t i = 0; i < cs->n; i++)
		printf("%s\"%s\") %s\"%s\" ;;\n", indent, kz_buf_str(&cs->pattern[i]), action,
		       kz_buf_str(&cs->words[i]));
}

static void free_cases(struct cases *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		kz_buf_free(&cs->pattern[i]);
		kz_buf_free(&cs->words[i]);
	}
}

/* A token of a synopsis without its brackets and dots. */
static void core_of(const char *tok, size_t len, char *core, size_t size)
{
	while (len && *tok == '[') {
		tok++;
		len--;
	}
	while (len && (tok[len - 1] == ']' || tok[len - 1] == '.'))
		len--;
	snprintf(core, size, "%.*s", (int)len, tok);
}

static bool literal(const char *core)
{
	if (!islower((unsigned char)*core))
		return false;
	for (const char *p = core; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '|' && *p != '-')
			return false;
	return true;
}

static bool file_value(const char *core)
{
	return strstr(core, "FILE") || strstr(core, "PATH") || strstr(core, "BACKUP") ||
	       strstr(core, "DIR");
}

struct completion {
	struct cases options;   /* "CMD": its options */
	struct cases word_options;  /* "CMD WORD": the options after a first word */
	struct cases values;    /* "CMD OPTION": the option's value words */
	struct cases files;     /* "CMD OPTION": the value is a file */
	struct cases other;     /* "CMD OPTION": a value with no completion */
	struct cases args;      /* "CMD N FIRST": the words of argument N */
	struct cases valued;    /* "": every option with a value */
};

/* What one row of the table adds to the completion. */
static void learn(struct completion *cp, const struct kz_cli_command *c)
{
	const char *p = c->synopsis;
	char key[128], first[64] = "", core[64];
	int pos = 0;
	bool words_used = false;
	struct kz_buf opts = KZ_BUF_INIT;  /* this row's options */

	kz_buf_puts(&opts, "--help");
	while (*p) {
		size_t len = strcspn(p, " ");
		const char *next = p[len] ? p + len + 1 : "";
		size_t next_len = strcspn(next, " ");
		core_of(p, len, core, sizeof(core));
		if (core[0] == '-') {
			core[strcspn(core, "=")] = '\0';
			kz_buf_printf(&opts, " %s", core);
			if (p[len - 1] != ']' && *next && *next != '[' && *next != '-') {
				char value[64];
				core_of(next, next_len, value, sizeof(value));
				snprintf(key, sizeof(key), "%s %s", c->name, core);
				if (literal(value))
					add_words(&cp->values, key, value, strlen(value));
				else if (file_value(value))
					add_words(&cp->files, key, "", 0);
				else
					add_words(&cp->other, key, "", 0);
				add_words(&cp->valued, "", core, strlen(core));
				p = next;
				len = next_len;
			}
		} else {
			const char *words = NULL;
			if (literal(core))
				words = core;
			else if (c->words && !words_used && isupper((unsigned char)core[0]))
				words = c->words, words_used = true;
			if (words && pos == 0) {
				snprintf(key, sizeof(key), "%s 0 ", c->name);
				add_words(&cp->args, key, words, strlen(words));
				snprintf(first, sizeof(first), "%s", core);
			} else if (words && pos == 1 && literal(first)) {
				/* under each word the first argument may be */
				for (const char *f = first; *f;) {
					size_t n = strcspn(f, "|");
					snprintf(key, sizeof(key), "%s 1 %.*s", c->name, (int)n, f);
					add_words(&cp->args, key, words, strlen(words));
					f += n + (f[n] == '|');
				}
			}
			if (pos == 0 && !words)
				snprintf(first, sizeof(first), "%s", core);
			pos++;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	add_words(&cp->options, c->name, kz_buf_str(&opts), opts.len);
	/* A row of a first word (list partners ...) has options of its own. */
	for (const char *f = literal(first) ? first : ""; *f;) {
		size_t n = strcspn(f, "|");
		snprintf(key, sizeof(key), "%s %.*s", c->name, (int)n, f);
		add_words(&cp->word_options, key, kz_buf_str(&opts), opts.len);
		f += n + (f[n] == '|');
	}
	kz_buf_free(&opts);
}

/* "a b c" as "a|b|c", a pattern of case. */
static char *alternatives(const struct kz_buf *words)
{
	char *s = xstrdup(kz_buf_str(words));

	for (char *p = s; *p; p++)
		if (*p == ' ')
			*p = '|';
	return s;
}

static void print_head(const char *names)
{
	puts("# bash completion for koszyk                                 -*- shell-script -*-\n"
	     "# Made from the command table (src/cli/cmdtable.c) by make docs: do not\n"
	     "# edit; tests/cli/test_cli_generated.sh fails when it is out of date.\n"
	     "\n"
	     "# files and folders, names with spaces too\n"
	     "_koszyk_files()\n"
	     "{\n"
	     "\tcompopt -o filenames 2>/dev/null\n"
	     "\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
	     "}\n"
	     "\n"
	     "_koszyk()\n"
	     "{\n"
	     "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	     "\tlocal i=1 w cmd words=\n"
	     "\tlocal -a args=()\n"
	     "\tCOMPREPLY=()\n"
	     "\t# the options of koszyk itself come before the command\n"
	     "\twhile [ \"$i\" -lt \"$COMP_CWORD\" ]; do\n"
	     "\t\tcase ${COMP_WORDS[i]} in\n"
	     "\t\t-d|-c|--as) i=$((i + 2)) ;;\n"
	     "\t\t-*) i=$((i + 1)) ;;\n"
	     "\t\t*) break ;;\n"
	     "\t\tesac\n"
	     "\tdone\n"
	     "\tif [ \"$i\" -ge \"$COMP_CWORD\" ]; then\n"
	     "\t\tcase $prev in\n"
	     "\t\t-d|-c) _koszyk_files ;;\n"
	     "\t\t--as) ;;");
	printf("\t\t*) mapfile -t COMPREPLY < <(compgen -W \"%s -d -c --as --help --version\" -- \"$cur\") ;;\n",
	       names);
	puts("\t\tesac\n"
	     "\t\treturn\n"
	     "\tfi\n"
	     "\tcmd=${COMP_WORDS[i]}\n"
	     "\t# the arguments so far, without the options and their values\n"
	     "\tfor ((w = i + 1; w < COMP_CWORD; w++)); do\n"
	     "\t\tcase ${COMP_WORDS[w]} in");
}

static void print_body(const struct completion *cp)
{
	char *valued = alternatives(&cp->valued.words[0]);

	printf("\t\t%s) w=$((w + 1)) ;;\n", valued);
	free(valued);
	puts("\t\t-*) ;;\n"
	     "\t\t*) args+=(\"${COMP_WORDS[w]}\") ;;\n"
	     "\t\tesac\n"
	     "\tdone\n"
	     "\t# the value of an option\n"
	     "\tcase \"$cmd $prev\" in");
	print_cases(&cp->values, "\t", "words=");
	for (size_t i = 0; i < cp->files.n; i++)
		printf("\t\"%s\") _koszyk_files; return ;;\n",
		       kz_buf_str(&cp->files.pattern[i]));
	for (size_t i = 0; i < cp->other.n; i++)
		printf("\t\"%s\") return ;;\n", kz_buf_str(&cp->other.pattern[i]));
	puts("\t*)\n"
	     "\t\tif [[ $cur == -* ]]; then\n"
	     "\t\t\t# the options after the first word, else all of the command's\n"
	     "\t\t\tcase \"$cmd ${args[0]-}\" in");
	for (size_t i = 0; i < cp->word_options.n; i++)
		printf("\t\t\t\"%s\") words=\"%s\" ;;\n",
		       kz_buf_str(&cp->word_options.pattern[i]),
		       kz_buf_str(&cp->word_options.words[i]));
	for (size_t i = 0; i < cp->options.n; i++)
		printf("\t\t\t\"%s \"*) words=\"%s\" ;;\n", kz_buf_str(&cp->options.pattern[i]),
		       kz_buf_str(&cp->options.words[i]));
	puts("\t\t\tesac\n"
	     "\t\telse\n"
	     "\t\t\t# a word the command knows, else a file\n"
	     "\t\t\tcase \"$cmd ${#args[@]} ${args[0]-}\" in");
	print_cases(&cp->args, "\t\t\t", "words=");
	puts("\t\t\t*) _koszyk_files; return ;;\n"
	     "\t\t\tesac\n"
	     "\t\tfi ;;\n"
	     "\tesac\n"
	     "\tmapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
	     "}\n"
	     "complete -F _koszyk koszyk");
}

static int completion(void)
{
	struct completion *cp = xcalloc(1, sizeof(*cp));
	struct kz_buf names = KZ_BUF_INIT;

	for (size_t i = 0; i < kz_cli_ncommands; i++) {
		const struct kz_cli_command *c = &kz_cli_commands[i];
		if (c->flags & KZ_CMD_HIDDEN)
			continue;
		if (kz_cli_find(c->name) == c)
			kz_buf_printf(&names, "%s%s", names.len ? " " : "", c->name);
		learn(cp, c);
	}
	print_head(kz_buf_str(&names));
	print_body(cp);
	free_cases(&cp->options);
	free_cases(&cp->word_options);
	free_cases(&cp->values);
	free_cases(&cp->files);
	free_cases(&cp->other);
	free_cases(&cp->args);
	free_cases(&cp->valued);
	free(cp);
	kz_buf_free(&names);
	return 0;
}

int main(int argc, char **argv)
{
	/* Rows of one command must share its function and flags (all but
	 * hidden): dispatch looks at the first. */
	for (size_t i = 0; i < kz_cli_ncommands; i++) {
		const struct kz_cli_command *c = &kz_cli_commands[i], *first = kz_cli_find(c->name);
		if (first->run != c->run ||
		    (first->flags & ~KZ_CMD_HIDDEN) != (c->flags & ~KZ_CMD_HIDDEN)) {
			fprintf(stderr, "kz_gendocs: the rows of \"%s\" differ in their function or flags\n",
				c->name);
			return 1;
		}
	}
	if (argc == 2 && strcmp(argv[1], "completion") == 0)
		return completion();
	if (argc == 3 && strcmp(argv[1], "man") == 0)
		return man(argv[2]);
	fprintf(stderr, "usage: kz_gendocs completion | kz_gendocs man FILE\n");
	return 2;
}
