#include "koszyk/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"

static void grow(struct kz_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void kz_buf_add(struct kz_buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void kz_buf_puts(struct kz_buf *b, const char *s)
{
	kz_buf_add(b, s, strlen(s));
}

void kz_buf_putc(struct kz_buf *b, char c)
{
	/* Called for every character of folded and JSON text: no memcpy. */
	if (b->len + 2 > b->cap)
		grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void kz_buf_printf(struct kz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void kz_buf_json_string(struct kz_buf *b, const char *s)
{
	if (!s) {
		kz_buf_puts(b, "null");
		return;
	}
	kz_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* A run of characters that need no escape, at once. */
		size_t run = 0;

		while (p[run] >= 0x20 && p[run] != '"' && p[run] != '\\')
			run++;
		if (run) {
			kz_buf_add(b, (const char *)p, run);
			p += run - 1;
			continue;
		}
		switch (*p) {
		case '"': kz_buf_puts(b, "\\\""); break;
		case '\\': kz_buf_puts(b, "\\\\"); break;
		case '\n': kz_buf_puts(b, "\\n"); break;
		case '\r': kz_buf_puts(b, "\\r"); break;
		case '\t': kz_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				kz_buf_printf(b, "\\u%04x", *p);
			else
				kz_buf_putc(b, (char)*p);
		}
	}
	kz_buf_putc(b, '"');
}

void kz_buf_html(struct kz_buf *b, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		switch (*s) {
		case '&': kz_buf_puts(b, "&amp;"); break;
		case '<': kz_buf_puts(b, "&lt;"); break;
		case '>': kz_buf_puts(b, "&gt;"); break;
		case '"': kz_buf_puts(b, "&quot;"); break;
		case '\'': kz_buf_puts(b, "&#39;"); break;
		default: kz_buf_putc(b, *s);
		}
	}
}

void kz_buf_html_lines(struct kz_buf *b, const char *s)
{
	while (s && *s) {
		size_t len = strcspn(s, "\n");
		char *line = xstrndup(s, len);

		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		kz_buf_html(b, line);
		free(line);
		s += len;
		if (*s == '\n') {
			kz_buf_puts(b, "<br>\n");
			s++;
		}
	}
}

void kz_buf_reset(struct kz_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *kz_buf_detach(struct kz_buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void kz_buf_free(struct kz_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *kz_buf_str(const struct kz_buf *b)
{
	return b->data ? b->data : "";
}
