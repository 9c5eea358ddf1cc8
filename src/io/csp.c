/* Content-Security-Policy of koszyk's HTML pages (csp.h). */
#include "koszyk/csp.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void kz_csp_hash(const char *text, char out[64])
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
					   sodium_base64_VARIANT_ORIGINAL)];

	crypto_hash_sha256(hash, (const unsigned char *)text, strlen(text));
	sodium_bin2base64(b64, sizeof(b64), hash, sizeof(hash),
			  sodium_base64_VARIANT_ORIGINAL);
	snprintf(out, 64, "'sha256-%s'", b64);
}

void kz_html_csp(struct kz_buf *out, const char *style, const char *script)
{
	char hash[64];

	kz_buf_puts(out, "<meta http-equiv=\"Content-Security-Policy\" content=\""
		    "default-src 'none'; base-uri 'none'; form-action 'none'");
	if (style) {
		kz_csp_hash(style, hash);
		kz_buf_printf(out, "; style-src %s", hash);
	}
	if (script) {
		kz_csp_hash(script, hash);
		kz_buf_printf(out, "; script-src %s", hash);
	}
	kz_buf_puts(out, "\">\n");
}
