/* The one mapping between koszyk's records and HSDS (hsds_map.h). */
#include "hsds_map.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"

#define P KZ_KIND_PARTNER
#define C KZ_KIND_CONTACT
#define S KZ_KIND_SERVICE

const struct kz_hsds_map kz_hsds_maps[] = {
	{ T_ORGANIZATION, P, "id", "id", KZ_HSDS_RULE, "the partner's id" },
	{ T_ORGANIZATION, P, "name", "name", KZ_HSDS_TEXT, NULL },
	{ T_ORGANIZATION, P, "alternate_name", "short_name", KZ_HSDS_TEXT, NULL },
	{ T_ORGANIZATION, P, "description", "role", KZ_HSDS_RULE,
	  "the role; the kind of partner (or the name) when it is empty, which import does not take for a role" },
	{ T_ORGANIZATION, P, "email", "email", KZ_HSDS_TEXT, NULL },
	{ T_ORGANIZATION, P, "website", "website", KZ_HSDS_URL,
	  "https:// put before an address written without it" },
	{ T_ORGANIZATION, P, "legal_status", "kind", KZ_HSDS_RULE,
	  "the kind of partner's label; import takes a configured label or code" },
	{ T_ORGANIZATION_IDENTIFIER, P, "identifier", "krs", KZ_HSDS_RULE,
	  "a row with identifier_scheme PL-KRS (org-id.guide) and identifier_type KRS; import takes a row of either, 1 to 10 digits" },
	{ T_LOCATION, P, "name", "address", KZ_HSDS_RULE,
	  "a physical location of the partner (organization_id), named by the address" },
	{ T_ADDRESS, P, "address_1", "address", KZ_HSDS_RULE,
	  "an address written \"street, NN-NNN town\" is also a row of its location: the street as address_1, postal_code, the town as city, the configured wojewodztwo as state_province, country PL, address_type physical (none when no wojewodztwo is configured); import builds the text from a row whose location has no name" },
	{ T_CONTACT, C, "id", "id", KZ_HSDS_RULE, "the contact person's id" },
	{ T_CONTACT, C, "organization_id", "partner_id", KZ_HSDS_RULE,
	  "the partner; import also takes the provider of service_id" },
	{ T_CONTACT, C, "name", "name", KZ_HSDS_TEXT, NULL },
	{ T_CONTACT, C, "title", "position", KZ_HSDS_TEXT, NULL },
	{ T_CONTACT, C, "email", "email", KZ_HSDS_TEXT, NULL },
	{ T_PHONE, P, "number", "phone", KZ_HSDS_RULE,
	  "a voice phone of the partner (organization_id)" },
	{ T_PHONE, C, "number", "phone", KZ_HSDS_RULE,
	  "a voice phone of the contact person (contact_id)" },
	{ T_SERVICE, S, "id", "id", KZ_HSDS_RULE, "the service's id" },
	{ T_SERVICE, S, "organization_id", "provider_id", KZ_HSDS_RULE,
	  "the provider" },
	{ T_SERVICE, S, "name", "title", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "description", "description", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "status", "status", KZ_HSDS_RULE,
	  "active as active, suspended as \"temporarily closed\" (archived services are not published); import takes inactive as suspended and defunct as archived" },
	{ T_SERVICE, S, "application_process", "how_to_get", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "fees_description", "cost", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "wait_time", "waiting_time", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "eligibility_description", "access_conditions", KZ_HSDS_TEXT, NULL },
	{ T_SERVICE, S, "assured_date", "verified_on", KZ_HSDS_DATE,
	  "only a verification assures a service, never an ordinary save" },
	{ T_SERVICE, S, "last_modified", "", KZ_HSDS_RULE,
	  "the time of the last save (export only)" },
	{ T_LOCATION, S, "name", "place", KZ_HSDS_RULE,
	  "a physical location for each distinct place, named by it, with a service_at_location row; import joins the names of the service's locations with \"; \" and adds an address row's text that the name does not hold" },
	{ T_SCHEDULE, S, "description", "hours", KZ_HSDS_RULE,
	  "the whole text in every row; a weekly row (freq WEEKLY, byday, opens_at, closes_at) for each part that is days and a time range, one row without them when any part is not" },
	{ T_SCHEDULE, S, "valid_from", "valid_from", KZ_HSDS_DATE, "also valid_to" },
	{ T_SERVICE_AREA, S, "name", "area", KZ_HSDS_RULE, NULL },
	{ T_REQUIRED_DOCUMENT, S, "document", "access_conditions", KZ_HSDS_RULE,
	  "a row for each document of a line of the access conditions that begins with \"Dokumenty:\" or \"Wymagane dokumenty:\", separated by semicolons; import adds a line \"Dokumenty: ...\" for documents the conditions do not name" },
	{ T_COST_OPTION, S, "option", "cost", KZ_HSDS_RULE,
	  "amount (and currency PLN) only when the cost is a plain number such as \"5 zł\"; import takes it when fees_description is empty" },
	{ T_ATTRIBUTE, S, "taxonomy_term_id", "category", KZ_HSDS_RULE,
	  "a term of the taxonomy koszyk coded category:CODE (link_type category)" },
	{ T_ATTRIBUTE, S, "taxonomy_term_id", "sector", KZ_HSDS_RULE,
	  "a term coded sector:CODE (link_type sector)" },
	{ T_ATTRIBUTE, S, "taxonomy_term_id", "target_groups", KZ_HSDS_RULE,
	  "a term coded target_group:CODE (link_type target_group) for each group" },
};
const size_t kz_hsds_nmaps = sizeof(kz_hsds_maps) / sizeof(kz_hsds_maps[0]);

int kz_hsds_home_table(enum kz_kind kind)
{
	return kind == P ? T_ORGANIZATION : kind == C ? T_CONTACT : T_SERVICE;
}

/* NN-NNN at p, followed by a space. */
static bool postal_at(const char *p)
{
	for (int i = 0; i < 6; i++)
		if (i == 2 ? p[i] != '-' : !isdigit((unsigned char)p[i]))
			return false;
	return p[6] == ' ';
}

bool kz_hsds_address_parse(const char *text, struct kz_hsds_address *out)
{
	const char *mark = NULL;

	memset(out, 0, sizeof(*out));
	if (!text)
		return false;
	for (const char *p = strstr(text, ", "); p; p = strstr(p + 1, ", "))
		if (postal_at(p + 2))
			mark = p;
	if (!mark || mark == text || !mark[9] || mark[9] == ' ')
		return false;
	out->street = xasprintf("%.*s", (int)(mark - text), text);
	out->postal_code = xasprintf("%.6s", mark + 2);
	out->city = xstrdup(mark + 9);
	return true;
}

char *kz_hsds_address_text(const char *street, const char *address_2,
			   const char *postal_code, const char *city)
{
	const char *parts[] = { street, address_2 };
	char *text = xstrdup("");

	for (size_t i = 0; i < 2; i++)
		if (parts[i] && *parts[i]) {
			char *t = xasprintf("%s%s%s", text, *text ? ", " : "", parts[i]);
			free(text);
			text = t;
		}
	if ((postal_code && *postal_code) || (city && *city)) {
		char *t = xasprintf("%s%s%s%s%s", text, *text ? ", " : "",
				    postal_code ? postal_code : "",
				    postal_code && *postal_code && city && *city ? " " : "",
				    city ? city : "");
		free(text);
		text = t;
	}
	return text;
}

void kz_hsds_address_free(struct kz_hsds_address *a)
{
	free(a->street);
	free(a->postal_code);
	free(a->city);
	memset(a, 0, sizeof(*a));
}

char *kz_hsds_krs(const char *text)
{
	size_t n = text ? strlen(text) : 0;

	if (n == 0 || n > 10)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)text[i]))
			return NULL;
	return xstrdup(text);
}
