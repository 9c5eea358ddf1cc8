/* The partnership's key, key files and locked files (change files and
 * backups); see include/koszyk/locked.h. libsodium only: no cryptography
 * of our own. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "koszyk/access.h"
#include "koszyk/i18n.h"
#include "koszyk/locked.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define KEY_META "partnership_key"
#define MAGIC "KOSZYK-LOCKED 1\n"
#define CHUNK 65536
#define KEYFILE_MAGIC "KOSZYK-KEY 1\n"
#define MAX_HEADER 128

/* libsodium started once (kz_db_open starts it too; a backup opened with
 * a key file needs no database). */
static bool started(struct kz_error *err)
{
	static bool done;

	if (!done && sodium_init() < 0) {
		kz_fail(err, KZ_ENV, _("The cryptographic library cannot be started (no source of random numbers?)."));
		return false;
	}
	done = true;
	return true;
}

/* --- the key ------------------------------------------------------------- */

bool kz_key_load(struct kz_db *db, unsigned char key[KZ_KEY_BYTES])
{
	char *hex = kz_db_meta_get(db, KEY_META);
	size_t n = 0;
	bool ok = hex && sodium_hex2bin(key, KZ_KEY_BYTES, hex, strlen(hex), NULL, &n, NULL) == 0 &&
		  n == KZ_KEY_BYTES;

	if (hex) {
		sodium_memzero(hex, strlen(hex));
		free(hex);
	}
	if (!ok)
		sodium_memzero(key, KZ_KEY_BYTES);
	return ok;
}

void kz_key_id(const unsigned char key[KZ_KEY_BYTES], char out[KZ_KEY_ID_LEN])
{
	static const char context[] = "koszyk partnership key id 1";
	unsigned char h[crypto_generichash_BYTES_MIN];
	crypto_generichash_state s;

	crypto_generichash_init(&s, NULL, 0, sizeof(h));
	crypto_generichash_update(&s, (const unsigned char *)context, sizeof(context) - 1);
	crypto_generichash_update(&s, key, KZ_KEY_BYTES);
	crypto_generichash_final(&s, h, sizeof(h));
	snprintf(out, KZ_KEY_ID_LEN, "%02X%02X-%02X%02X-%02X%02X-%02X%02X", h[0], h[1], h[2],
		 h[3], h[4], h[5], h[6], h[7]);
}

static enum kz_status store_key(struct kz_db *db, const unsigned char key[KZ_KEY_BYTES],
				struct kz_error *err)
{
	char hex[KZ_KEY_BYTES * 2 + 1];
	enum kz_status st;

	sodium_bin2hex(hex, sizeof(hex), key, KZ_KEY_BYTES);
	st = kz_db_meta_set(db, KEY_META, hex, err);
	sodium_memzero(hex, sizeof(hex));
	return st;
}

enum kz_status kz_key_make(struct kz_db *db, struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES];
	enum kz_status st;

	crypto_secretstream_xchacha20poly1305_keygen(key);
	st = store_key(db, key, err);
	sodium_memzero(key, sizeof(key));
	return st;
}

/* The key that wraps the partnership's key: Argon2id of the passphrase. */
static bool derive(const char *passphrase, const unsigned char *salt,
		   unsigned long long ops, size_t mem, unsigned char out[32])
{
	return crypto_pwhash(out, 32, passphrase, strlen(passphrase), salt, ops, mem,
			     crypto_pwhash_ALG_ARGON2ID13) == 0;
}

static enum kz_status write_new(const char *path, const char *text, size_t len,
				struct kz_error *err);

enum kz_status kz_key_export(struct kz_db *db, const char *path,
			     const char *passphrase, struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES], wrap[32], salt[crypto_pwhash_SALTBYTES];
	unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
	unsigned char sealed[KZ_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES];
	char id[KZ_KEY_ID_LEN], salt_hex[sizeof(salt) * 2 + 1], nonce_hex[sizeof(nonce) * 2 + 1];
	char sealed_hex[sizeof(sealed) * 2 + 1], *head, *text;
	unsigned long long ops = crypto_pwhash_OPSLIMIT_MODERATE;
	size_t mem = crypto_pwhash_MEMLIMIT_MODERATE;
	struct stat sb;
	enum kz_status st;

	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may take the partnership's key out of the database."));
	if (stat(path, &sb) == 0)
		return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the key."),
			       path);
	if (!kz_key_load(db, key))
		return kz_fail(err, KZ_INVALID,
			       _("This database does not hold the partnership's key, so there is no key to save."));
	kz_key_id(key, id);
	randombytes_buf(salt, sizeof(salt));
	randombytes_buf(nonce, sizeof(nonce));
	if (!derive(passphrase, salt, ops, mem, wrap)) {
		sodium_memzero(key, sizeof(key));
		return kz_fail(err, KZ_ENV, _("Not enough memory to protect the key with the passphrase."));
	}
	sodium_bin2hex(salt_hex, sizeof(salt_hex), salt, sizeof(salt));
	sodium_bin2hex(nonce_hex, sizeof(nonce_hex), nonce, sizeof(nonce));
	head = xasprintf(KEYFILE_MAGIC "key %s\nsalt %s\nops %llu\nmem %zu\nnonce %s\n", id,
			 salt_hex, ops, mem, nonce_hex);
	/* The clear lines are authenticated with the key. */
	crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, NULL, key, sizeof(key),
						   (const unsigned char *)head, strlen(head), NULL,
						   nonce, wrap);
	sodium_memzero(key, sizeof(key));
	sodium_memzero(wrap, sizeof(wrap));
	sodium_bin2hex(sealed_hex, sizeof(sealed_hex), sealed, sizeof(sealed));
	text = xasprintf("%ssealed %s\n", head, sealed_hex);
	/* The trail says who took the key out, and when. */
	st = kz_db_begin(db, err);
	if (st == KZ_OK)
		st = kz_audit(db, "key", "key", NULL, "exported", err);
	if (st == KZ_OK)
		st = write_new(path, text, strlen(text), err);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	free(head);
	free(text);
	return st;
}

/* The value of "NAME value\n" at *p; moves *p past the line. */
static bool key_line(const char **p, const char *name, char *out, size_t size)
{
	size_t n = strlen(name), len;
	const char *nl;

	if (strncmp(*p, name, n) != 0 || (*p)[n] != ' ')
		return false;
	nl = strchr(*p + n + 1, '\n');
	if (!nl)
		return false;
	len = (size_t)(nl - (*p + n + 1));
	if (len + 1 > size)
		return false;
	memcpy(out, *p + n + 1, len);
	out[len] = '\0';
	*p = nl + 1;
	return true;
}

static enum kz_status not_key_file(const char *path, struct kz_error *err)
{
	return kz_fail(err, KZ_INVALID,
		       _("%s is not a koszyk key file, or it is damaged. Ask the coordinator for the key file again."),
		       path);
}

enum kz_status kz_key_unwrap(const char *path, const char *passphrase,
			     unsigned char key[KZ_KEY_BYTES], struct kz_error *err)
{
	char *data = NULL, id[KZ_KEY_ID_LEN + 8], salt_hex[80], ops_t[32], mem_t[32];
	char nonce_hex[80], sealed_hex[200], want[KZ_KEY_ID_LEN];
	unsigned char salt[crypto_pwhash_SALTBYTES], wrap[32];
	unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
	unsigned char sealed[KZ_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES];
	unsigned long long ops, keylen = 0;
	size_t len, n1 = 0, n2 = 0, n3 = 0, head_len;
	unsigned long long mem;
	const char *p;
	enum kz_status st;

	if (!started(err))
		return KZ_ENV;
	st = kz_read_file(path, &data, &len, err);
	if (st != KZ_OK)
		return st;
	p = data;
	if (len > 4096 || strncmp(p, KEYFILE_MAGIC, strlen(KEYFILE_MAGIC)) != 0) {
		free(data);
		return not_key_file(path, err);
	}
	p += strlen(KEYFILE_MAGIC);
	if (!key_line(&p, "key", id, sizeof(id)) || !key_line(&p, "salt", salt_hex, sizeof(salt_hex)) ||
	    !key_line(&p, "ops", ops_t, sizeof(ops_t)) || !key_line(&p, "mem", mem_t, sizeof(mem_t)) ||
	    !key_line(&p, "nonce", nonce_hex, sizeof(nonce_hex))) {
		free(data);
		return not_key_file(path, err);
	}
	head_len = (size_t)(p - data);
	ops = strtoull(ops_t, NULL, 10);
	mem = strtoull(mem_t, NULL, 10);
	/* Never more work than the strongest setting (a file that asks for
	 * more is not ours). */
	if (!key_line(&p, "sealed", sealed_hex, sizeof(sealed_hex)) ||
	    sodium_hex2bin(salt, sizeof(salt), salt_hex, strlen(salt_hex), NULL, &n1, NULL) != 0 ||
	    n1 != sizeof(salt) ||
	    sodium_hex2bin(nonce, sizeof(nonce), nonce_hex, strlen(nonce_hex), NULL, &n2, NULL) != 0 ||
	    n2 != sizeof(nonce) ||
	    sodium_hex2bin(sealed, sizeof(sealed), sealed_hex, strlen(sealed_hex), NULL, &n3, NULL) != 0 ||
	    n3 != sizeof(sealed) || ops < crypto_pwhash_OPSLIMIT_MIN ||
	    ops > crypto_pwhash_OPSLIMIT_SENSITIVE || mem < crypto_pwhash_MEMLIMIT_MIN ||
	    mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
		free(data);
		return not_key_file(path, err);
	}
	if (!derive(passphrase, salt, ops, (size_t)mem, wrap)) {
		free(data);
		return kz_fail(err, KZ_ENV, _("Not enough memory to open the key with the passphrase."));
	}
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(key, &keylen, NULL, sealed, sizeof(sealed),
						       (const unsigned char *)data, head_len,
						       nonce, wrap) != 0 ||
	    keylen != KZ_KEY_BYTES)
		st = kz_fail(err, KZ_INVALID,
			     _("The passphrase does not open %s (or the file is damaged); nothing was changed. Check the passphrase and try again."),
			     path);
	sodium_memzero(wrap, sizeof(wrap));
	if (st == KZ_OK) {
		kz_key_id(key, want);
		if (strcmp(want, id) != 0)
			st = not_key_file(path, err);
	}
	if (st != KZ_OK)
		sodium_memzero(key, KZ_KEY_BYTES);
	free(data);
	return st;
}

enum kz_status kz_key_import(struct kz_db *db, const char *path,
			     const char *passphrase, bool replace, bool *same,
			     struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES], held[KZ_KEY_BYTES];
	char id[KZ_KEY_ID_LEN], held_id[KZ_KEY_ID_LEN];
	bool holds = kz_key_load(db, held);
	enum kz_status st;

	*same = false;
	if (holds && replace && !kz_may(db, KZ_RIGHT_ALL_CASES)) {
		sodium_memzero(held, sizeof(held));
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may replace the partnership's key of a database."));
	}
	st = kz_key_unwrap(path, passphrase, key, err);
	if (st == KZ_OK && holds && sodium_memcmp(key, held, KZ_KEY_BYTES) == 0) {
		*same = true;
	} else if (st == KZ_OK && holds && !replace) {
		kz_key_id(key, id);
		kz_key_id(held, held_id);
		st = kz_fail(err, KZ_INVALID,
			     _("This database already holds another partnership key (%s; the file holds %s). Nothing was changed. If the office's key is the one in the file, a coordinator can replace it with --replace."),
			     held_id, id);
	} else if (st == KZ_OK) {
		st = kz_db_begin(db, err);
		if (st == KZ_OK)
			st = store_key(db, key, err);
		if (st == KZ_OK)
			st = kz_audit(db, "key", "key", NULL, holds ? "replaced" : "imported", err);
		if (st == KZ_OK)
			st = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
	}
	sodium_memzero(key, sizeof(key));
	sodium_memzero(held, sizeof(held));
	return st;
}

/* --- writing files ------------------------------------------------------- */

static enum kz_status write_fail(const char *path, int e, struct kz_error *err)
{
	if (e == ENOSPC || e == EDQUOT)
		return kz_fail(err, KZ_ENV, _("The disk is full; %s was not written. Free some space and try again."),
			       path);
	return kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), path, strerror(e));
}

/* A new file beside path, 0600: its name in *part. */
static int open_part(const char *path, char **part, struct kz_error *err)
{
	mode_t old = umask(077);
	int fd;

	*part = xasprintf("%s.part-XXXXXX", path);
	fd = mkstemp(*part);
	umask(old);
	if (fd < 0) {
		write_fail(path, errno, err);
		free(*part);
		*part = NULL;
	}
	return fd;
}

/* Close the part file, and rename it to path (which must still not
 * exist); the part is removed when anything fails. */
static enum kz_status finish_part(int fd, char *part, const char *path, enum kz_status st,
				  struct kz_error *err)
{
	struct stat sb;

	if (st == KZ_OK && fsync(fd) != 0)
		st = write_fail(path, errno, err);
	if (close(fd) != 0 && st == KZ_OK)
		st = write_fail(path, errno, err);
	if (st == KZ_OK && stat(path, &sb) == 0)
		st = kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name."), path);
	if (st == KZ_OK && rename(part, path) != 0)
		st = write_fail(path, errno, err);
	if (st != KZ_OK)
		unlink(part);
	free(part);
	return st;
}

static enum kz_status write_new(const char *path, const char *text, size_t len,
				struct kz_error *err)
{
	char *part;
	int fd = open_part(path, &part, err);

	if (fd < 0)
		return err ? err->status : KZ_ENV;
	return finish_part(fd, part, path,
			   kz_write_all(fd, text, len) ? KZ_OK : write_fail(path, errno, err), err);
}

static const char *kind_name(enum kz_locked_kind kind)
{
	return kind == KZ_LOCKED_BACKUP ? "backup" : "changes";
}

static char *locked_header(enum kz_locked_kind kind, const unsigned char key[KZ_KEY_BYTES])
{
	char id[KZ_KEY_ID_LEN];

	kz_key_id(key, id);
	return xasprintf(MAGIC "kind %s\nkey %s\n", kind_name(kind), id);
}

enum kz_status kz_locked_write(const unsigned char key[KZ_KEY_BYTES],
			       enum kz_locked_kind kind, const void *plain,
			       size_t len, const char *path, struct kz_error *err)
{
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char ad[MAX_HEADER + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char *out = xmalloc(CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
	const unsigned char *p = plain;
	char *head, *part;
	size_t head_len, off = 0;
	enum kz_status st = KZ_OK;
	int fd;

	if (!started(err)) {
		free(out);
		return KZ_ENV;
	}
	head = locked_header(kind, key);
	head_len = strlen(head);
	fd = open_part(path, &part, err);
	if (fd < 0) {
		free(out);
		free(head);
		return err ? err->status : KZ_ENV;
	}
	/* The clear header and the stream's header, authenticated as the
	 * additional data of every chunk. */
	memcpy(ad, head, head_len);
	crypto_secretstream_xchacha20poly1305_init_push(&state, ad + head_len, key);
	if (!kz_write_all(fd, ad, head_len + crypto_secretstream_xchacha20poly1305_HEADERBYTES))
		st = write_fail(path, errno, err);
	do {
		size_t n = len - off > CHUNK ? CHUNK : len - off;
		unsigned long long clen;
		unsigned char tag = off + n == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
		if (st != KZ_OK)
			break;
		crypto_secretstream_xchacha20poly1305_push(&state, out, &clen, p + off, n, ad,
							   head_len + crypto_secretstream_xchacha20poly1305_HEADERBYTES,
							   tag);
		if (!kz_write_all(fd, out, (size_t)clen))
			st = write_fail(path, errno, err);
		off += n;
	} while (off < len);
	sodium_memzero(&state, sizeof(state));
	free(out);
	free(head);
	/* Read back: only a file that opens to what was written is kept. */
	if (st == KZ_OK && fsync(fd) != 0)
		st = write_fail(path, errno, err);
	if (st == KZ_OK) {
		unsigned char *back = NULL;
		size_t back_len = 0;
		struct kz_error ignored;
		if (kz_locked_read(key, kind, part, &back, &back_len, &ignored) != KZ_OK ||
		    back_len != len || (len && memcmp(back, plain, len) != 0))
			st = kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), path,
				     _("the copy did not pass its check"));
		sqlite3_free(back);
	}
	return finish_part(fd, part, path, st, err);
}

/* --- reading files ------------------------------------------------------- */

bool kz_locked_file(const char *path)
{
	char head[sizeof(MAGIC) - 1];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool yes = false;

	if (fd < 0)
		return false;
	yes = read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
	      memcmp(head, MAGIC, sizeof(head)) == 0;
	close(fd);
	return yes;
}

static enum kz_status damaged(const char *path, struct kz_error *err)
{
	return kz_fail(err, KZ_CORRUPT,
		       _("%s is damaged or cut short: it does not open with the partnership's key. Nothing was changed. Ask for the file again, or take another copy."),
		       path);
}

enum kz_status kz_locked_read(const unsigned char *key, enum kz_locked_kind kind,
			      const char *path, unsigned char **plain, size_t *len,
			      struct kz_error *err)
{
	const size_t hb = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	const size_t ab = crypto_secretstream_xchacha20poly1305_ABYTES;
	crypto_secretstream_xchacha20poly1305_state state;
	char *data = NULL, kind_t[16], id[KZ_KEY_ID_LEN + 8], mine[KZ_KEY_ID_LEN];
	const char *p;
	size_t size, head_len, body, chunks, out_len, off, done = 0;
	unsigned char *out = NULL;
	bool final = false;
	enum kz_status st;

	*plain = NULL;
	*len = 0;
	if (!started(err))
		return KZ_ENV;
	st = kz_read_file(path, &data, &size, err);
	if (st != KZ_OK)
		return st;
	p = data;
	if (size < sizeof(MAGIC) - 1 || memcmp(p, MAGIC, sizeof(MAGIC) - 1) != 0) {
		free(data);
		return damaged(path, err);
	}
	p += sizeof(MAGIC) - 1;
	/* The clear lines (the file ends in a NUL of kz_read_file's). */
	if (!key_line(&p, "kind", kind_t, sizeof(kind_t)) || !key_line(&p, "key", id, sizeof(id)) ||
	    (size_t)(p - data) > MAX_HEADER) {
		free(data);
		return damaged(path, err);
	}
	head_len = (size_t)(p - data);
	if (strcmp(kind_t, kind_name(kind)) != 0) {
		st = strcmp(kind_t, "backup") == 0
			? kz_fail(err, KZ_INVALID, _("%s is a backup, not a change file; bring it back with \"koszyk restore\"."), path)
			: strcmp(kind_t, "changes") == 0
			? kz_fail(err, KZ_INVALID, _("%s is a change file, not a backup; apply it with \"koszyk sync import\"."), path)
			: damaged(path, err);
		free(data);
		return st;
	}
	if (!key) {
		free(data);
		return kz_fail(err, KZ_INVALID,
			       _("%s is locked with the partnership's key, which this database does not hold. Clone this replica again from the office (\"koszyk sync clone\"), or bring the key with \"koszyk key import\"."),
			       path);
	}
	kz_key_id(key, mine);
	if (strcmp(id, mine) != 0) {
		st = kz_fail(err, KZ_INVALID,
			     _("%s belongs to another partnership (key %s), not to this one (key %s); it cannot be opened here."),
			     path, id, mine);
		free(data);
		return st;
	}
	if (size < head_len + hb + ab) {
		free(data);
		return damaged(path, err);
	}
	body = size - head_len - hb;
	chunks = (body + CHUNK + ab - 1) / (CHUNK + ab);
	out_len = body - chunks * ab;
	out = sqlite3_malloc64(out_len ? out_len : 1);
	if (!out) {
		free(data);
		return kz_fail(err, KZ_ENV, _("Not enough memory to open %s."), path);
	}
	if (crypto_secretstream_xchacha20poly1305_init_pull(&state,
			(const unsigned char *)data + head_len, key) != 0)
		st = damaged(path, err);
	off = head_len + hb;
	while (st == KZ_OK && off < size) {
		size_t clen = size - off > CHUNK + ab ? CHUNK + ab : size - off;
		unsigned long long mlen;
		unsigned char tag;
		if (final || clen < ab ||
		    crypto_secretstream_xchacha20poly1305_pull(&state, out + done, &mlen, &tag,
				(const unsigned char *)data + off, clen,
				(const unsigned char *)data, head_len + hb) != 0)
			st = damaged(path, err);
		else {
			done += (size_t)mlen;
			final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
		}
		off += clen;
	}
	/* Cut short at a chunk's end: no final chunk. */
	if (st == KZ_OK && (!final || done != out_len))
		st = damaged(path, err);
	sodium_memzero(&state, sizeof(state));
	free(data);
	if (st != KZ_OK) {
		sodium_memzero(out, out_len ? out_len : 1);
		sqlite3_free(out);
		return st;
	}
	*plain = out;
	*len = out_len;
	return KZ_OK;
}
