/* The partnership's key and the locked files: change files and backups
 * are sealed with one key of the partnership (libsodium's secretstream,
 * XChaCha20-Poly1305), which every database of the partnership holds in
 * its meta table and which a clone carries. A file starts in the clear
 * with
 *
 *   KOSZYK-LOCKED 1\n
 *   kind changes\n          (or "kind backup")
 *   key ABCD-EF01-2345-6789\n   (the key's id, never the key)
 *
 * then the secretstream header and the contents in sealed chunks of
 * 64 KiB, the last one tagged FINAL; every chunk authenticates the clear
 * header. A file cut short, lengthened or altered anywhere does not open.
 * Nothing here knows about curses. */
#ifndef KOSZYK_LOCKED_H
#define KOSZYK_LOCKED_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/status.h"

struct kz_db;

#define KZ_KEY_BYTES 32
/* "ABCD-EF01-2345-6789" and its NUL. */
#define KZ_KEY_ID_LEN 20

enum kz_locked_kind {
	KZ_LOCKED_CHANGES,
	KZ_LOCKED_BACKUP,
};

/* --- the key ------------------------------------------------------------- */

/* The database's key into key; false when it holds none. */
bool kz_key_load(struct kz_db *db, unsigned char key[KZ_KEY_BYTES]);
/* The id of a key: the first 8 bytes of a generic hash of it. */
void kz_key_id(const unsigned char key[KZ_KEY_BYTES], char out[KZ_KEY_ID_LEN]);
/* A new random key, kept in the database (inside the caller's
 * transaction, if any). */
enum kz_status kz_key_make(struct kz_db *db, struct kz_error *err);
/* The key, wrapped with a key derived from a passphrase (Argon2id),
 * into a new file at path (0600). A coordinator only. */
enum kz_status kz_key_export(struct kz_db *db, const char *path,
			     const char *passphrase, struct kz_error *err);
/* Unwrap the key of a key file. */
enum kz_status kz_key_unwrap(const char *path, const char *passphrase,
			     unsigned char key[KZ_KEY_BYTES],
			     struct kz_error *err);
/* Keep the key of a key file in a database that holds none (or, with
 * replace and for a coordinator, instead of another one). *same: the
 * database held this key already. */
enum kz_status kz_key_import(struct kz_db *db, const char *path,
			     const char *passphrase, bool replace, bool *same,
			     struct kz_error *err);

/* --- locked files ---------------------------------------------------------- */

/* Does the file at path start as a locked file? */
bool kz_locked_file(const char *path);
/* Seal plain into a new file at path (which must not exist): written
 * under a temporary name beside it (0600), read back and opened, then
 * renamed. Nothing is left under either name when it fails. */
enum kz_status kz_locked_write(const unsigned char key[KZ_KEY_BYTES],
			       enum kz_locked_kind kind, const void *plain,
			       size_t len, const char *path,
			       struct kz_error *err);
/* Open the locked file at path with key (NULL: this database holds
 * none) into *plain (sqlite3_malloc64: for sqlite3_deserialize; caller
 * frees with sqlite3_free). Refuses another kind of file, a file of
 * another partnership's key and a damaged one, each with its message. */
enum kz_status kz_locked_read(const unsigned char *key,
			      enum kz_locked_kind kind, const char *path,
			      unsigned char **plain, size_t *len,
			      struct kz_error *err);

/* A consistent copy of the whole database, sealed into a new file at
 * path: a coordinator only. */
enum kz_status kz_db_backup_locked(struct kz_db *db, const char *path,
				   struct kz_error *err);
/* Open a database held in memory (an opened backup); takes img
 * (sqlite3_malloc64) in every case. label names it in messages. */
enum kz_status kz_db_open_image(const char *label, unsigned char *img,
				size_t len, struct kz_db **out,
				struct kz_error *err);
/* Write the database db (an image) as a new database file at path
 * (which must not exist), 0600. */
enum kz_status kz_db_write_image(struct kz_db *db, const char *path,
				 struct kz_error *err);

#endif
