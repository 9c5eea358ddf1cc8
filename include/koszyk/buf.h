/* A growing byte buffer, always NUL-terminated. */
#ifndef KOSZYK_BUF_H
#define KOSZYK_BUF_H

#include <stddef.h>

struct kz_buf {
	char *data;
	size_t len;
	size_t cap;
};

#define KZ_BUF_INIT { NULL, 0, 0 }

void kz_buf_add(struct kz_buf *b, const char *s, size_t n);
void kz_buf_puts(struct kz_buf *b, const char *s);
void kz_buf_putc(struct kz_buf *b, char c);
void kz_buf_printf(struct kz_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "..." with JSON escapes; NULL is written as null. */
void kz_buf_json_string(struct kz_buf *b, const char *s);
/* Text with &, <, >, ", ' escaped for HTML. */
void kz_buf_html(struct kz_buf *b, const char *s);
/* The same, a line break written as "<br>\n" (a CR before it dropped);
 * NULL writes nothing. */
void kz_buf_html_lines(struct kz_buf *b, const char *s);
void kz_buf_reset(struct kz_buf *b);
/* Hand the string to the caller (never NULL) and reset the buffer. */
char *kz_buf_detach(struct kz_buf *b);
void kz_buf_free(struct kz_buf *b);
/* The contents, "" when empty. */
const char *kz_buf_str(const struct kz_buf *b);

#endif
