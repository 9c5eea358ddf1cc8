/* The plan printed for the family (see plan_print.h). The plan is first
 * turned into a small document of blocks (title, facts, headings, list
 * items with their fields, paragraphs) and that document is then written
 * as text, Markdown or HTML, so the three formats always say the same. */
#include "koszyk/plan_print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/audit.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define TEXT_WIDTH 72

bool kz_plan_format_parse(const char *name, enum kz_plan_format *out)
{
	if (!name)
		return false;
	if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*out = KZ_PLAN_TEXT;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = KZ_PLAN_MD;
	else if (strcmp(name, "html") == 0)
		*out = KZ_PLAN_HTML;
	else
		return false;
	return true;
}

/* --- the document ------------------------------------------------------- */

enum block_kind {
	B_TITLE,   /* the heading of the page */
	B_META,    /* label: value under the title */
	B_HEAD,    /* a section */
	B_ITEM,    /* an entry of a section's list */
	B_FIELD,   /* label: value of the entry above */
	B_PARA,    /* a paragraph of a section */
};

struct block {
	enum block_kind kind;
	char *label;
	char *text;
};

struct doc {
	struct block *v;
	size_t n, cap;
};

static void add(struct doc *d, enum block_kind kind, const char *label,
		const char *text)
{
	if ((kind == B_META || kind == B_FIELD) && kz_str_empty(text))
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n].kind = kind;
	d->v[d->n].label = xstrdup_or_null(label);
	d->v[d->n].text = xstrdup(text ? text : "");
	d->n++;
}

static void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].label);
		free(d->v[i].text);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* YYYY-MM-DD as DD.MM.YYYY, the way dates are written in Polish letters;
 * anything else as it is. */
static const char *show_date(const char *iso, char out[16])
{
	if (!iso || !kz_date_valid(iso)) {
		snprintf(out, 16, "%s", iso ? iso : "");
		return out;
	}
	snprintf(out, 16, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	return out;
}

static void add_date(struct doc *d, enum block_kind kind, const char *label,
		     const char *iso)
{
	char buf[16];

	if (!kz_str_empty(iso))
		add(d, kind, label, show_date(iso, buf));
}

/* --- collecting the plan ------------------------------------------------- */

struct plan_data {
	struct kz_case kase;
	struct kz_plan_full full;
	struct kz_members members;
	struct kz_team team;
	bool have_full, have_members, have_team;
};

static void plan_data_free(struct plan_data *p)
{
	kz_case_clear(&p->kase);
	if (p->have_full)
		kz_plan_full_free(&p->full);
	if (p->have_members)
		kz_members_free(&p->members);
	if (p->have_team)
		kz_team_free(&p->team);
}

static enum kz_status load(struct kz_db *db, const struct kz_config *cfg,
			   const char *code, struct plan_data *p,
			   struct kz_error *err)
{
	struct kz_plan plan;
	enum kz_status st;

	memset(p, 0, sizeof(*p));
	if (kz_str_empty(code))
		return kz_fail(err, KZ_INVALID, _("which case? Give a case code, e.g. R/2026/014"));
	st = kz_case_find(db, code, &p->kase, err);
	if (st == KZ_NOT_FOUND)  /* an unknown code is bad input */
		st = kz_fail(err, KZ_INVALID, _("there is no case %s"), code);
	if (st != KZ_OK)
		return st;
	memset(&plan, 0, sizeof(plan));
	st = kz_plan_current(db, p->kase.id, &plan, err);
	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_NOT_FOUND,
			     _("case %s has no plan yet"), code);
	if (st == KZ_OK) {
		st = kz_plan_load(db, cfg, plan.id, &p->full, err);
		p->have_full = st == KZ_OK;
	}
	kz_plan_clear(&plan);
	if (st == KZ_OK) {
		st = kz_members_of(db, p->kase.id, &p->members, err);
		p->have_members = st == KZ_OK;
	}
	if (st == KZ_OK) {
		st = kz_team_of(db, p->kase.id, &p->team, err);
		p->have_team = st == KZ_OK;
	}
	/* Printing the plan reads the family's file: the trail says so. */
	if (st == KZ_OK)
		st = kz_case_note_read(db, p->kase.id, "plan", err);
	return st;
}

/* "Name, phone" of a contact person. */
static char *contact_line(struct kz_db *db, const char *contact_id)
{
	struct kz_contact c;
	char *line = NULL;

	if (kz_str_empty(contact_id))
		return NULL;
	memset(&c, 0, sizeof(c));
	if (kz_contact_get(db, contact_id, &c, NULL) == KZ_OK && c.name) {
		if (!kz_str_empty(c.phone))
			line = xasprintf(_("%s, phone %s"), c.name, c.phone);
		else
			line = xstrdup(c.name);
	}
	kz_contact_clear(&c);
	return line;
}

static const char *action_title(const struct kz_action *a)
{
	if (!kz_str_empty(a->service_title))
		return a->service_title;
	return a->free_text ? a->free_text : "";
}

static void header(struct doc *d, const struct kz_config *cfg,
		   const struct plan_data *p)
{
	const struct kz_plan *plan = &p->full.plan;
	const struct kz_user *u = cfg ? kz_config_user(cfg, p->kase.manager) : NULL;
	struct kz_buf roles = KZ_BUF_INIT;

	add(d, B_TITLE, NULL, _("Individual support plan"));
	add(d, B_META, _("Case"), p->kase.code);
	for (size_t i = 0; i < p->members.n; i++) {
		if (i)
			kz_buf_puts(&roles, ", ");
		kz_buf_puts(&roles, p->members.v[i].role);
	}
	add(d, B_META, _("Household"), kz_buf_str(&roles));
	kz_buf_free(&roles);
	add(d, B_META, _("Your case manager"),
	    u && u->name ? u->name : p->kase.manager);
	add(d, B_META, _("Prepared by"), cfg ? cfg->lider : NULL);
	add_date(d, B_META, _("Valid from"), plan->valid_from);
	add_date(d, B_META, _("Valid to"), plan->valid_to);
	if (kz_str_eq(plan->status, "draft"))
		add(d, B_META, _("Status"),
		    _("draft, to be agreed and approved"));
	else if (kz_str_eq(plan->status, "closed"))
		add(d, B_META, _("Status"), _("closed"));
	add_date(d, B_META, _("Approved on"), plan->approved_on);
}

static void goals(struct doc *d, const struct plan_data *p)
{
	add(d, B_HEAD, NULL, _("Our goals"));
	if (p->full.ngoals == 0)
		add(d, B_PARA, NULL, _("The goals will be written down together."));
	for (size_t i = 0; i < p->full.ngoals; i++) {
		const struct kz_goal *g = &p->full.goals[i];
		add(d, B_ITEM, NULL, g->what);
		add(d, B_FIELD, _("How we will know"), g->indicator);
		add_date(d, B_FIELD, _("By"), g->target_date);
		if (!kz_str_empty(g->status) && !kz_str_eq(g->status, "open"))
			add(d, B_FIELD, _("Status"), _(kz_enum_label(g->status)));
	}
}

static void commitments(struct doc *d, const struct plan_data *p)
{
	bool any = false;

	add(d, B_HEAD, NULL, _("What we will do ourselves"));
	for (size_t i = 0; i < p->full.nactions; i++) {
		const struct kz_action *a = &p->full.actions[i];
		if (kz_str_empty(a->family_commitment))
			continue;
		add(d, B_ITEM, NULL, a->family_commitment);
		add(d, B_FIELD, _("For"), action_title(a));
		add_date(d, B_FIELD, _("By"), a->due_date);
		any = true;
	}
	if (!any)
		add(d, B_PARA, NULL, _("Nothing written down yet."));
}

static void service_fields(struct kz_db *db, struct doc *d,
			   const struct kz_action *a)
{
	struct kz_service s;
	char *contact = NULL;

	memset(&s, 0, sizeof(s));
	if (!kz_str_empty(a->service_id) &&
	    kz_service_get(db, a->service_id, &s, NULL) != KZ_OK)
		kz_service_clear(&s);
	add(d, B_FIELD, _("Provided by"),
	    !kz_str_empty(a->partner_name) ? a->partner_name : s.provider_name);
	add(d, B_FIELD, _("Place"), s.place);
	add(d, B_FIELD, _("Hours"), s.hours);
	contact = contact_line(db, a->contact_id);
	if (!contact)
		contact = contact_line(db, s.contact_id);
	if (!contact && !kz_str_empty(s.contact_text))
		contact = xstrdup(s.contact_text);
	add(d, B_FIELD, _("Contact"), contact);
	free(contact);
	add(d, B_FIELD, _("How to get it"), s.how_to_get);
	add(d, B_FIELD, _("Cost"), s.cost);
	kz_service_clear(&s);
}

static void services(struct kz_db *db, struct doc *d,
		     const struct plan_data *p)
{
	add(d, B_HEAD, NULL, _("Services and support"));
	if (p->full.nactions == 0)
		add(d, B_PARA, NULL, _("Nothing planned yet."));
	for (size_t i = 0; i < p->full.nactions; i++) {
		const struct kz_action *a = &p->full.actions[i];
		add(d, B_ITEM, NULL, action_title(a));
		if (!kz_str_empty(a->service_title) && !kz_str_empty(a->free_text))
			add(d, B_FIELD, _("What exactly"), a->free_text);
		service_fields(db, d, a);
		add_date(d, B_FIELD, _("Referred on"), a->referral_date);
		add(d, B_FIELD, _("Answer"), a->referral_answer);
		add_date(d, B_FIELD, _("Start"), a->start_date);
		add_date(d, B_FIELD, _("Due"), a->due_date);
		add(d, B_FIELD, _("Status"), _(kz_enum_label(a->status)));
	}
}

static void team(struct doc *d, const struct plan_data *p)
{
	if (p->team.n == 0)
		return;
	add(d, B_HEAD, NULL, _("People who work with you"));
	for (size_t i = 0; i < p->team.n; i++) {
		const struct kz_team_member *t = &p->team.v[i];
		add(d, B_ITEM, NULL, t->contact_name ? t->contact_name : "");
		add(d, B_FIELD, _("Role"), t->role);
		add(d, B_FIELD, _("Institution"), t->partner_name);
		add(d, B_FIELD, _("Phone"), t->phone);
	}
}

static void next_review(struct doc *d, const struct plan_data *p)
{
	const char *next = NULL;
	char buf[16];
	char *line;

	/* Reviews come by date: the newest one says when we meet again. */
	for (size_t i = 0; i < p->full.nreviews; i++)
		if (!kz_str_empty(p->full.reviews[i].next_review_date))
			next = p->full.reviews[i].next_review_date;
	add(d, B_HEAD, NULL, _("Next review"));
	if (kz_str_eq(p->full.plan.status, "closed"))
		add(d, B_PARA, NULL, _("This plan is closed."));
	else if (next) {
		line = xasprintf(_("We will look at the plan together on %s."),
				 show_date(next, buf));
		add(d, B_PARA, NULL, line);
		free(line);
	} else
		add(d, B_PARA, NULL,
		    _("We will agree on the date of the first review together."));
}

static void build(struct kz_db *db, const struct kz_config *cfg,
		  const struct plan_data *p, struct doc *d)
{
	header(d, cfg, p);
	goals(d, p);
	commitments(d, p);
	services(db, d, p);
	team(d, p);
	next_review(d, p);
}

/* --- text ------------------------------------------------------------------ */

static size_t columns(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Words of text after first (on the first line) or indent (on the
 * others), wrapped at TEXT_WIDTH columns; a line break in the text starts
 * a new line. */
static void wrap(struct kz_buf *b, const char *first, const char *indent,
		 const char *text)
{
	size_t col = columns(first, strlen(first));
	size_t start_col = col;
	const char *p = text;

	kz_buf_puts(b, first);
	while (*p) {
		size_t len;

		if (*p == '\n') {
			kz_buf_putc(b, '\n');
			kz_buf_puts(b, indent);
			col = start_col = columns(indent, strlen(indent));
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		len = strcspn(p, " \t\r\n");
		if (col > start_col) {
			if (col + 1 + columns(p, len) > TEXT_WIDTH) {
				kz_buf_putc(b, '\n');
				kz_buf_puts(b, indent);
				col = start_col = columns(indent, strlen(indent));
			} else {
				kz_buf_putc(b, ' ');
				col++;
			}
		}
		kz_buf_add(b, p, len);
		col += columns(p, len);
		p += len;
	}
	kz_buf_putc(b, '\n');
}

static void underline(struct kz_buf *b, const char *text, char c)
{
	size_t n = columns(text, strlen(text));

	if (n > TEXT_WIDTH)
		n = TEXT_WIDTH;
	for (size_t i = 0; i < n; i++)
		kz_buf_putc(b, c);
	kz_buf_putc(b, '\n');
}

static void render_text(const struct doc *d, struct kz_buf *b)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];
		char *first;

		switch (k->kind) {
		case B_TITLE:
			wrap(b, "", "", k->text);
			underline(b, k->text, '=');
			kz_buf_putc(b, '\n');
			break;
		case B_META:
		case B_FIELD:
			first = xasprintf("%s%s: ", k->kind == B_FIELD ? "  " : "",
					  k->label);
			wrap(b, first, k->kind == B_FIELD ? "      " : "    ", k->text);
			free(first);
			break;
		case B_HEAD:
			kz_buf_putc(b, '\n');
			wrap(b, "", "", k->text);
			underline(b, k->text, '-');
			break;
		case B_ITEM:
			kz_buf_putc(b, '\n');
			wrap(b, "* ", "  ", k->text);
			break;
		case B_PARA:
			kz_buf_putc(b, '\n');
			wrap(b, "", "", k->text);
			break;
		}
	}
}

/* --- Markdown ---------------------------------------------------------------- */

/* Text on one line with the characters Markdown would take for markup
 * escaped. */
static void md_text(struct kz_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			kz_buf_putc(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>#|", *s))
			kz_buf_putc(b, '\\');
		kz_buf_putc(b, *s);
	}
}

static void render_md(const struct doc *d, struct kz_buf *b)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];

		switch (k->kind) {
		case B_TITLE:
			kz_buf_puts(b, "# ");
			md_text(b, k->text);
			kz_buf_puts(b, "\n\n");
			break;
		case B_META:
			kz_buf_puts(b, "- **");
			md_text(b, k->label);
			kz_buf_puts(b, ":** ");
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		case B_HEAD:
			kz_buf_puts(b, "\n## ");
			md_text(b, k->text);
			kz_buf_puts(b, "\n\n");
			break;
		case B_ITEM:
			kz_buf_puts(b, "- **");
			md_text(b, k->text);
			kz_buf_puts(b, "**\n");
			break;
		case B_FIELD:
			kz_buf_puts(b, "  - ");
			md_text(b, k->label);
			kz_buf_puts(b, ": ");
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		case B_PARA:
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		}
	}
}

/* --- HTML ---------------------------------------------------------------------- */

static const char html_style[] =
	"body{font-family:Georgia,'DejaVu Serif',serif;max-width:44em;"
	"margin:2em auto;padding:0 1em;line-height:1.45;color:#111;"
	"background:#fff}\n"
	"h1{font-size:1.7em;margin-bottom:.3em}\n"
	"h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.6em}\n"
	"dl{margin:.2em 0 .8em}\n"
	"dl.meta{display:grid;grid-template-columns:max-content auto;"
	"gap:.1em 1em}\n"
	"dl.meta dd{margin:0}\n"
	"ul{padding-left:1.2em}\n"
	"li{margin-bottom:.8em}\n"
	"li dl{display:grid;grid-template-columns:max-content auto;"
	"gap:.1em .8em}\n"
	"li dd{margin:0}\n"
	"dt{color:#444}\n"
	"@media print{body{margin:0;max-width:none;font-size:11pt}"
	"h2{page-break-after:avoid}li{page-break-inside:avoid}}\n";

struct html_state {
	bool meta, ul, li, dl;
};

static void html_close(struct kz_buf *b, struct html_state *h, bool all)
{
	if (h->dl) {
		kz_buf_puts(b, "</dl>");
		h->dl = false;
	}
	if (h->li) {
		kz_buf_puts(b, "</li>\n");
		h->li = false;
	}
	if (all && h->ul) {
		kz_buf_puts(b, "</ul>\n");
		h->ul = false;
	}
	if (all && h->meta) {
		kz_buf_puts(b, "</dl>\n");
		h->meta = false;
	}
}

static void html_pair(struct kz_buf *b, const struct block *k)
{
	kz_buf_puts(b, "<dt>");
	kz_buf_html(b, k->label);
	kz_buf_puts(b, "</dt><dd>");
	kz_buf_html_lines(b, k->text);
	kz_buf_puts(b, "</dd>");
}

static void render_html(const struct kz_config *cfg, const struct doc *d,
			struct kz_buf *b)
{
	struct html_state h = { false, false, false, false };
	const char *title = d->n ? d->v[0].text : "";
	const char *code = d->n > 1 ? d->v[1].text : "";

	kz_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	kz_buf_html(b, cfg && !kz_str_empty(cfg->language) ? cfg->language : "pl");
	kz_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<title>");
	kz_buf_html(b, title);
	kz_buf_puts(b, " ");
	kz_buf_html(b, code);
	kz_buf_puts(b, "</title>\n<style>\n");
	kz_buf_puts(b, html_style);
	kz_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];

		switch (k->kind) {
		case B_TITLE:
			html_close(b, &h, true);
			kz_buf_puts(b, "<h1>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</h1>\n");
			break;
		case B_META:
			if (!h.meta) {
				kz_buf_puts(b, "<dl class=\"meta\">\n");
				h.meta = true;
			}
			html_pair(b, k);
			kz_buf_putc(b, '\n');
			break;
		case B_HEAD:
			html_close(b, &h, true);
			kz_buf_puts(b, "<h2>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</h2>\n");
			break;
		case B_ITEM:
			html_close(b, &h, false);
			if (!h.ul) {
				kz_buf_puts(b, "<ul>\n");
				h.ul = true;
			}
			kz_buf_puts(b, "<li><strong>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</strong>");
			h.li = true;
			break;
		case B_FIELD:
			if (!h.dl) {
				kz_buf_puts(b, "<dl>");
				h.dl = true;
			}
			html_pair(b, k);
			break;
		case B_PARA:
			html_close(b, &h, true);
			kz_buf_puts(b, "<p>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</p>\n");
			break;
		}
	}
	html_close(b, &h, true);
	kz_buf_puts(b, "</main>\n</body>\n</html>\n");
}

/* --- the whole -------------------------------------------------------------------- */

enum kz_status kz_plan_print(struct kz_db *db, const struct kz_config *cfg,
			     const char *case_code, enum kz_plan_format fmt,
			     struct kz_buf *out, struct kz_error *err)
{
	struct plan_data p;
	struct doc d = { NULL, 0, 0 };
	enum kz_status st = load(db, cfg, case_code, &p, err);

	if (st == KZ_OK) {
		build(db, cfg, &p, &d);
		if (fmt == KZ_PLAN_MD)
			render_md(&d, out);
		else if (fmt == KZ_PLAN_HTML)
			render_html(cfg, &d, out);
		else
			render_text(&d, out);
	}
	doc_free(&d);
	plan_data_free(&p);
	return st;
}
