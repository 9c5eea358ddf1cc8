/* The full-screen program (ncurses). The only public entry point; the
 * screens live in src/ui/ and call the data layer, never SQL. */
#ifndef KOSZYK_UI_H
#define KOSZYK_UI_H

#include "koszyk/config.h"
#include "koszyk/db.h"

/* Run until the user quits. notice (may be NULL) is shown once on the
 * status line, e.g. that the built-in configuration is in use. Returns
 * KZ_OK, or a status when the terminal cannot be used. The terminal is
 * always restored. */
enum kz_status kz_ui_run(struct kz_db *db, const struct kz_config *cfg,
			 const char *notice, struct kz_error *err);

#endif
