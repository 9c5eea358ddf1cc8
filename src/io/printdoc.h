/* A small printable document: a title, facts under it, sections with
 * list items and their fields, paragraphs; written as plain text (72
 * columns), Markdown or one self-contained HTML page for print (A4, inline
 * CSS, no outside requests, every text escaped), so that the formats
 * always say the same. The plan for the family and the minutes of a
 * meeting are made so. Inside src/io only. */
#ifndef KOSZYK_IO_PRINTDOC_H
#define KOSZYK_IO_PRINTDOC_H

#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/plan_print.h"

enum block_kind {
	B_TITLE,   /* the heading of the page */
	B_META,    /* label: value under the title */
	B_HEAD,    /* a section */
	B_ITEM,    /* an entry of a section's list */
	B_FIELD,   /* label: value of the entry above */
	B_PARA,    /* a paragraph of a section */
	B_SIGN,    /* a line to sign on: who signs (text), with the date */
};

struct block {
	enum block_kind kind;
	char *label;
	char *text;
};

struct kz_doc {
	struct block *v;
	size_t n, cap;
};

/* A block; a fact or field with no text is left out. */
void kz_doc_add(struct kz_doc *d, enum block_kind kind, const char *label,
		const char *text);
/* A date (YYYY-MM-DD) written DD.MM.YYYY; none: nothing. */
void kz_doc_add_date(struct kz_doc *d, enum block_kind kind, const char *label,
		     const char *iso);
/* YYYY-MM-DD as DD.MM.YYYY; anything else as it is. */
const char *kz_doc_date(const char *iso, char out[16]);
void kz_doc_free(struct kz_doc *d);
/* Append the document in the format; the HTML page's title is the first
 * block's text and the second's, its language the configuration's. */
void kz_doc_render(const struct kz_config *cfg, const struct kz_doc *d,
		   enum kz_plan_format fmt, struct kz_buf *out);

#endif
