/* Text from data shown harmlessly on a terminal or in a text file. */
#ifndef KOSZYK_DEFANG_H
#define KOSZYK_DEFANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "koszyk/buf.h"

/* Bidirectional embeddings, overrides, isolates and marks: they reorder
 * what a terminal shows. */
bool kz_is_bidi_control(uint32_t c);

/* Append text to out with every control character (but newline and tab),
 * bidirectional control and invalid UTF-8 byte shown as '?'. more: the
 * text continues in a later piece, so a character cut at the end is left
 * for it. Returns how many bytes were taken. */
size_t kz_defang(struct kz_buf *out, const char *text, size_t len, bool more);

#endif
