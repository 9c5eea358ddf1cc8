/* The Content-Security-Policy of the HTML pages koszyk writes (the
 * published basket, reports, plans, minutes): nothing may be loaded, and
 * only the page's own inline style and script apply, named by the
 * SHA-256 of their exact bytes. */
#ifndef KOSZYK_CSP_H
#define KOSZYK_CSP_H

#include "koszyk/buf.h"

/* Append <meta http-equiv="Content-Security-Policy" ...> allowing the
 * one <style> element whose content is exactly style and the one
 * <script> element whose content is exactly script (either NULL when the
 * page has none): default-src 'none', base-uri 'none', form-action
 * 'none'. */
void kz_html_csp(struct kz_buf *out, const char *style, const char *script);

/* The CSP source of a text: 'sha256-BASE64' (standard base64, padded). */
void kz_csp_hash(const char *text, char out[64]);

#endif
