/* The one mapping between koszyk's records and the tables of the Open
 * Referral HSDS 3.0 data package: read by export hsds (hsds.c), import
 * hsds (hsds_import.c) and the man page (make docs, tools/gendocs.c). */
#ifndef KOSZYK_HSDS_MAP_H
#define KOSZYK_HSDS_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/hsds.h"
#include "koszyk/kinds.h"

/* The tables, in the order of the data package (kz_hsds_table_file). */
enum {
	T_ORGANIZATION, T_PROGRAM, T_SERVICE, T_ATTRIBUTE,
	T_SERVICE_AT_LOCATION, T_LOCATION, T_PHONE, T_CONTACT, T_ADDRESS,
	T_SCHEDULE, T_FUNDING, T_SERVICE_AREA, T_REQUIRED_DOCUMENT,
	T_LANGUAGE, T_ACCESSIBILITY, T_TAXONOMY_TERM, T_METADATA,
	T_META_TABLE_DESCRIPTION, T_COST_OPTION, T_ORGANIZATION_IDENTIFIER,
	T_TAXONOMY,
};

enum kz_hsds_conv {
	KZ_HSDS_TEXT,  /* the field's value as it is, both ways */
	KZ_HSDS_URL,   /* export puts https:// before an address without a
			* scheme; import takes it as it is */
	KZ_HSDS_DATE,  /* YYYY-MM-DD both ways; import refuses anything else */
	KZ_HSDS_RULE,  /* made by a rule of hsds.c and hsds_import.c, which
			* the note tells */
};

/* One column of a table and the koszyk field it holds. The entries of a
 * kind's own table (a partner's organizations, a contact person's
 * contacts, a service's services) that are not KZ_HSDS_RULE are applied
 * as they are by both ways; every other entry is there to be named. */
struct kz_hsds_map {
	int table;             /* T_... */
	enum kz_kind kind;
	const char *column;
	const char *field;     /* the koszyk field ("" when none) */
	enum kz_hsds_conv conv;
	const char *note;      /* how, for the man page; NULL when plain */
};

extern const struct kz_hsds_map kz_hsds_maps[];
extern const size_t kz_hsds_nmaps;

/* The table a kind's records are rows of: T_ORGANIZATION for partners,
 * T_CONTACT, T_SERVICE. */
int kz_hsds_home_table(enum kz_kind kind);

/* An address the Polish way, "ul. Główna 12, 97-410 Brzozowa Wola":
 * the street (everything before the last ", NN-NNN "), the postal code
 * and the town; false when the text is not so. kz_hsds_address_text
 * writes the parts back so (address_2, when not empty, after the street:
 * "street, address_2, NN-NNN town"). Both allocate. */
struct kz_hsds_address {
	char *street, *postal_code, *city;
};
bool kz_hsds_address_parse(const char *text, struct kz_hsds_address *out);
char *kz_hsds_address_text(const char *street, const char *address_2,
			   const char *postal_code, const char *city);
void kz_hsds_address_free(struct kz_hsds_address *a);

/* A KRS number of a feed, allocated; NULL when the text is not 1 to 10
 * digits. */
char *kz_hsds_krs(const char *text);

#endif
