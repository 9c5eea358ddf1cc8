/* Generated data for the bench: a basket of n services with Polish
 * titles and descriptions from word lists, every sector, category and
 * target group of the configuration, 2,000 partners with two contact
 * persons each, and cases in proportion (one case per 4 services, a plan
 * with 3 goals and 6 actions picking services). Everything is written
 * through the public data layer (the same saves the program and its
 * demo make), so triggers, the search index, the audit trail and
 * user_version are what the program itself would have written. The
 * databases are kept in build/bench/, keyed by size and BENCH_GEN_VERSION. */
#include "bench.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/csv.h"
#include "koszyk/db.h"
#include "koszyk/xalloc.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define BATCH 2000   /* records a transaction */

static const char *const nouns[] = {
	"Pomoc", "Poradnictwo", "Terapia", "Świetlica", "Żłobek", "Warsztaty",
	"Zajęcia", "Grupa wsparcia", "Konsultacje", "Kurs", "Dowóz", "Posiłki",
	"Opieka", "Asystentura", "Mieszkanie treningowe", "Punkt", "Klub",
	"Trening", "Rehabilitacja", "Szkolenie", "Spotkania", "Dyżur",
	"Wolontariat", "Integracja", "Porada", "Diagnoza", "Mediacje",
	"Korepetycje", "Łaźnia", "Pracownia", "Doradztwo", "Wypożyczalnia sprzętu",
};
static const char *const adjectives[] = {
	"psychologiczna", "prawna", "rodzinna", "dzienna", "środowiskowa",
	"zawodowa", "socjalna", "logopedyczna", "sportowe", "artystyczne",
	"językowe", "komputerowe", "wytchnieniowa", "specjalistyczna",
	"żywieniowa", "mieszkaniowa", "obywatelska", "terapeutyczna",
	"opiekuńcza", "ruchowe", "pedagogiczna", "uzależnień", "kryzysowa",
	"senioralna", "międzypokoleniowa", "ogólnorozwojowe", "wyjazdowa",
};
static const char *const groups[] = {
	"dzieci", "młodzieży", "seniorów", "rodziców", "rodzin z dziećmi",
	"osób z niepełnosprawnością", "bezrobotnych", "cudzoziemców",
	"opiekunów osób zależnych", "mieszkańców", "kobiet", "ojców",
	"osób w kryzysie bezdomności", "osób doświadczających przemocy",
};
static const char *const places[] = {
	"Łodzi", "Brzozowej Woli", "Olszynce", "Wierzbniku", "Żabiej Górze",
	"Ślęży", "Kłodzku", "Zielonce", "Dębinie", "Źródłach", "Łące",
	"Nowej Wsi", "Górze Świętej Małgorzaty", "Sędziszowie", "Rzęśnie",
	"Pułtusku", "Żółkiewce", "Mińsku", "Wólce", "Bełchatowie",
};
static const char *const body_words[] = {
	"bezpłatne", "spotkania", "indywidualne", "grupowe", "dla", "osób",
	"które", "potrzebują", "wsparcia", "w", "trudnej", "sytuacji",
	"życiowej", "rodzinnej", "prowadzi", "doświadczony", "zespół",
	"psycholog", "pedagog", "terapeuta", "zapisy", "telefoniczne",
	"osobiście", "w", "siedzibie", "ośrodka", "świetlicy", "szkoły",
	"raz", "w", "tygodniu", "popołudniami", "również", "w", "soboty",
	"pierwszeństwo", "mają", "rodziny", "wielodzietne", "skierowanie",
	"nie", "jest", "wymagane", "dojazd", "zapewniony", "możliwość",
	"konsultacji", "online", "zajęcia", "odbywają", "się", "w", "małych",
	"grupach", "do", "dziesięciu", "uczestników", "posiłek", "ciepły",
	"łazienka", "pralnia", "żywność", "odzież", "ćwiczenia", "źródło",
	"społeczność", "sąsiedzka", "gmina", "powiat", "współpraca",
	"opiekunów", "uczniów", "dzieci", "młodzieży", "seniorów", "mieszkańców",
	"niepełnosprawnością", "uzależnieniem", "przemocą", "zadłużeniem",
	"mieszkanie", "praca", "zatrudnienie", "staż", "kurs", "szkolenie",
	"rehabilitacja", "logopeda", "fizjoterapeuta", "pielęgniarka",
	"asystent", "rodziny", "kurator", "dzielnicowy", "świadczenia",
};
static const char *const partner_kinds_words[] = {
	"Fundacja", "Stowarzyszenie", "Spółdzielnia Socjalna", "Klub Sportowy",
	"Parafia", "Koło Gospodyń Wiejskich", "Poradnia", "Przychodnia",
	"Dom Kultury", "Szkoła Podstawowa", "Ośrodek", "Centrum Usług",
};
static const char *const partner_names[] = {
	"Źródło", "Nadzieja", "Promyk", "Żagiel", "Dąb", "Słoneczko", "Krok",
	"Przystań", "Ognisko", "Tęcza", "Więź", "Łącznik", "Świt", "Ostoja",
	"Pszczółka", "Zielony Gaj", "Wędrowiec", "Jaskółka", "Młyn", "Kłos",
};
static const char *const first_names[] = {
	"Anna", "Małgorzata", "Łukasz", "Paweł", "Zofia", "Grażyna", "Jędrzej",
	"Krzysztof", "Agnieszka", "Bożena", "Michał", "Ewa", "Józef", "Żaneta",
	"Tomasz", "Katarzyna", "Stanisław", "Urszula", "Wojciech", "Dorota",
};
static const char *const surnames[] = {
	"Kowalska", "Wójcik", "Nowak", "Żak", "Dąbrowski", "Wiśniewska",
	"Lewandowski", "Kamińska", "Zieliński", "Szymańska", "Woźniak",
	"Kozłowski", "Jankowska", "Mazur", "Krawczyk", "Piątek", "Grabowska",
	"Pawłowski", "Michalska", "Król", "Wieczorek", "Jabłońska", "Górski",
};
static const char *const positions[] = {
	"koordynatorka", "psycholog", "pedagog", "asystent rodziny",
	"pracownik socjalny", "prezes zarządu", "terapeutka", "sekretarz",
};

/* A fixed-seed generator, so that every run makes the same data. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

#define PICK(a) ((a)[rnd() % N(a)])

static const char *pick_item(const struct kz_items *items)
{
	return items->v[rnd() % items->n].code;
}

static void die_on(enum kz_status st, const struct kz_error *err, const char *what)
{
	if (st != KZ_OK)
		kz_die("bench: generating %s: %s", what, err->msg);
}

/* A date days back from 2026-12-01, YYYY-MM-DD. */
static char *date_back(int days)
{
	int y = 2026, m = 12, d = 1;

	while (days-- > 0 && --d == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		d = 28;  /* every month short enough */
	}
	return xasprintf("%04d-%02d-%02d", y, m, d);
}

static char *title_text(void)
{
	switch (rnd() % 3) {
	case 0:
		return xasprintf("%s %s dla %s w %s", PICK(nouns), PICK(adjectives),
				 PICK(groups), PICK(places));
	case 1:
		return xasprintf("%s %s – %s", PICK(nouns), PICK(adjectives), PICK(places));
	default:
		return xasprintf("%s dla %s", PICK(nouns), PICK(groups));
	}
}

static char *words_text(int n)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (int i = 0; i < n; i++) {
		if (i)
			kz_buf_putc(&b, ' ');
		kz_buf_puts(&b, PICK(body_words));
	}
	kz_buf_putc(&b, '.');
	return kz_buf_detach(&b);
}

/* One to three codes of a vocabulary, joined by ';' (never twice). */
static char *codes_text(const struct kz_items *items)
{
	size_t first = rnd() % items->n, k = 1 + rnd() % 3;
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; i < k && i < items->n; i++) {
		if (i)
			kz_buf_putc(&b, ';');
		kz_buf_puts(&b, items->v[(first + i * 5) % items->n].code);
	}
	return kz_buf_detach(&b);
}

static char *phone_text(void)
{
	return xasprintf("44 %03u %02u %02u", rnd() % 1000, rnd() % 100, rnd() % 100);
}

/* --- the records ------------------------------------------------------- */

struct people {
	char (*partner)[KZ_ID_LEN + 1];
	char (*contact)[KZ_ID_LEN + 1];   /* two a partner */
	char **partner_name;
};

static char *partner_name(long i)
{
	return xasprintf("%s „%s” w %s nr %ld", partner_kinds_words[i % N(partner_kinds_words)],
			 partner_names[(i / N(partner_kinds_words)) % N(partner_names)],
			 places[(i / 7) % N(places)], i + 1);
}

static void fill_partner(const struct kz_config *cfg, long i, struct kz_partner *p)
{
	memset(p, 0, sizeof(*p));
	p->name = partner_name(i);
	p->short_name = xasprintf("%s %ld", partner_names[i % N(partner_names)], i + 1);
	p->kind = xstrdup(pick_item(&cfg->partner_kinds));
	p->sectors = codes_text(&cfg->sectors);
	p->address = xasprintf("ul. %s %u, %s", PICK(surnames), 1 + rnd() % 90, PICK(places));
	p->phone = phone_text();
	p->email = xasprintf("biuro%ld@partner.example.pl", i + 1);
	p->status = xstrdup(i % 3 ? "declared" : "informal");
	p->declaration_date = i % 3 ? date_back((int)(rnd() % 900)) : NULL;
	p->role = words_text(6);
}

static void save_partners(struct kz_db *db, const struct kz_config *cfg,
			  struct people *pp)
{
	struct kz_error err = { 0 };

	pp->partner = xcalloc(BENCH_PARTNERS, sizeof(*pp->partner));
	pp->contact = xcalloc(2 * BENCH_PARTNERS, sizeof(*pp->contact));
	pp->partner_name = xcalloc(BENCH_PARTNERS, sizeof(*pp->partner_name));
	for (long i = 0; i < BENCH_PARTNERS; i++) {
		struct kz_partner p;
		fill_partner(cfg, i, &p);
		die_on(kz_partner_save(db, &p, &err), &err, "a partner");
		memcpy(pp->partner[i], p.id, sizeof(p.id));
		pp->partner_name[i] = xstrdup(p.name);
		kz_partner_clear(&p);
		for (int k = 0; k < 2; k++) {
			struct kz_contact c = { 0 };
			c.partner_id = xstrdup(pp->partner[i]);
			c.name = xasprintf("%s %s", PICK(first_names), PICK(surnames));
			c.position = xstrdup(PICK(positions));
			c.phone = phone_text();
			c.email = xasprintf("osoba%ld.%d@partner.example.pl", i + 1, k);
			die_on(kz_contact_save(db, &c, &err), &err, "a contact person");
			memcpy(pp->contact[2 * i + k], c.id, sizeof(c.id));
			kz_contact_clear(&c);
		}
	}
}

static void people_free(struct people *pp)
{
	for (long i = 0; pp->partner_name && i < BENCH_PARTNERS; i++)
		free(pp->partner_name[i]);
	free(pp->partner_name);
	free(pp->partner);
	free(pp->contact);
}

/* The fields of service i but its provider and contact. Every category
 * and sector comes round in turn; 1 in 100 archived, 4 suspended. */
static void fill_service(const struct kz_config *cfg, long i, struct kz_service *s)
{
	unsigned r = rnd() % 100;

	memset(s, 0, sizeof(*s));
	s->title = title_text();
	s->kind = xstrdup(i % 10 ? "service" : "activity");
	s->description = words_text(12 + (int)(rnd() % 14));
	s->category = xstrdup(cfg->categories.v[i % cfg->categories.n].code);
	s->sector = xstrdup(cfg->sectors.v[i % cfg->sectors.n].code);
	s->target_groups = codes_text(&cfg->target_groups);
	s->access_conditions = words_text(5);
	s->how_to_get = xstrdup("Zapisy telefoniczne lub osobiście.");
	s->cost = xstrdup(r % 3 ? "bezpłatnie" : "odpłatnie, ulgi dla rodzin");
	s->place = xasprintf("ul. %s %u, %s", PICK(surnames), 1 + rnd() % 90, PICK(places));
	s->hours = xstrdup("pn–pt 8:00–16:00");
	s->area = xstrdup("gmina");
	s->status = xstrdup(r == 0 ? "archived" : r < 5 ? "suspended" : "active");
	s->verified_on = date_back((int)(rnd() % 400));
	s->verified_by = xstrdup(BENCH_USER);
}

/* Services, batched in transactions; the ids of those an action may
 * pick (not archived) are kept in *ids. */
static size_t save_services(struct kz_db *db, const struct kz_config *cfg,
			    const struct people *pp, long n,
			    char (**ids)[KZ_ID_LEN + 1])
{
	struct kz_error err = { 0 };
	size_t nids = 0;

	*ids = xcalloc((size_t)n + 1, sizeof(**ids));
	for (long i = 0; i < n; i++) {
		struct kz_service s;
		long p = (long)(rnd() % BENCH_PARTNERS);
		if (i % BATCH == 0)
			die_on(kz_db_begin(db, &err), &err, "a transaction");
		fill_service(cfg, i, &s);
		s.provider_id = xstrdup(pp->partner[p]);
		s.contact_id = xstrdup(pp->contact[2 * p + i % 2]);
		die_on(kz_service_insert_with_id(db, &s, &err), &err, "a service");
		if (strcmp(s.status, "archived") != 0)
			memcpy((*ids)[nids++], s.id, sizeof(s.id));
		kz_service_clear(&s);
		if (i % BATCH == BATCH - 1 || i == n - 1)
			die_on(kz_db_commit(db, &err), &err, "a transaction");
	}
	return nids;
}

static void save_goals_actions(struct kz_db *db, const struct kz_config *cfg,
			       const char *plan_id, char (*ids)[KZ_ID_LEN + 1],
			       size_t nids)
{
	struct kz_error err = { 0 };
	char goal[3][KZ_ID_LEN + 1];

	for (int g = 0; g < 3; g++) {
		struct kz_goal o = { 0 };
		o.plan_id = xstrdup(plan_id);
		o.need_area = xstrdup(pick_item(&cfg->need_areas));
		o.what = words_text(8);
		o.indicator = words_text(5);
		o.target_date = xstrdup("2027-06-30");
		o.priority = xstrdup(g == 0 ? "high" : "medium");
		o.status = xstrdup("open");
		die_on(kz_goal_save(db, cfg, &o, &err), &err, "a goal");
		memcpy(goal[g], o.id, sizeof(o.id));
		kz_goal_clear(&o);
	}
	for (int k = 0; k < 6; k++) {
		struct kz_action a = { 0 };
		a.plan_id = xstrdup(plan_id);
		a.goal_id = xstrdup(goal[k / 2]);
		a.service_id = xstrdup(ids[rnd() % nids]);
		a.family_commitment = words_text(6);
		a.start_date = xstrdup("2026-11-02");
		a.due_date = xstrdup("2027-03-31");
		a.status = xstrdup("planned");
		die_on(kz_action_save(db, &a, &err), &err, "an action");
		kz_action_clear(&a);
	}
}

/* Case i with its plan: managed in turn by the configured users who
 * may have cases. */
static void save_case(struct kz_db *db, const struct kz_config *cfg, long i,
		      char (*ids)[KZ_ID_LEN + 1], size_t nids)
{
	static const char *const managers[] = { "mnowak", "pwisniewski", "akowalska" };
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };
	struct kz_plan p = { 0 };

	c.code = xasprintf("R/2026/%03ld", i + 1);
	c.status = xstrdup(i % 5 ? "active" : "new");
	c.manager = xstrdup(managers[i % N(managers)]);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("ustawa o pomocy społecznej, art. 15");
	c.opened_on = date_back((int)(i % 300));
	die_on(kz_case_save(db, cfg, &c, &err), &err, "a case");
	p.case_id = xstrdup(c.id);
	p.status = xstrdup("draft");
	p.valid_from = xstrdup("2026-11-02");
	die_on(kz_plan_save(db, cfg, &p, &err), &err, "a plan");
	save_goals_actions(db, cfg, p.id, ids, nids);
	kz_plan_clear(&p);
	kz_case_clear(&c);
}

static void save_cases(struct kz_db *db, const struct kz_config *cfg, long n,
		       char (*ids)[KZ_ID_LEN + 1], size_t nids)
{
	struct kz_error err = { 0 };

	for (long i = 0; nids && i < n; i++) {
		if (i % (BATCH / 10) == 0)
			die_on(kz_db_begin(db, &err), &err, "a transaction");
		save_case(db, cfg, i, ids, nids);
		if (i % (BATCH / 10) == BATCH / 10 - 1 || i == n - 1)
			die_on(kz_db_commit(db, &err), &err, "a transaction");
	}
}

static void generate(const struct kz_config *cfg, const char *path, long n)
{
	struct kz_db *db;
	struct kz_error err = { 0 };
	struct people pp = { 0 };
	char (*ids)[KZ_ID_LEN + 1] = NULL;
	size_t nids;

	rng_state = 0x9e3779b97f4a7c15ULL;
	unlink(path);
	die_on(kz_db_open(path, KZ_OPEN_CREATE, &db, &err), &err, path);
	kz_db_set_login(db, cfg, BENCH_USER);
	/* a demo database: --as BENCH_USER works on it */
	die_on(kz_db_mark_demo(db, &err), &err, "the demo mark");
	die_on(kz_db_begin(db, &err), &err, "a transaction");
	save_partners(db, cfg, &pp);
	die_on(kz_db_commit(db, &err), &err, "a transaction");
	nids = save_services(db, cfg, &pp, n, &ids);
	save_cases(db, cfg, n / 4, ids, nids);
	free(ids);
	people_free(&pp);
	/* What the full-screen program does while nobody types (ui/app.c):
	 * the search index merged into one piece. */
	for (bool more = true; more;)
		die_on(kz_search_tidy(db, 4096, 2, &more, &err), &err, "the search index");
	kz_db_close(db);
}

static void ensure_dir(void)
{
	mkdir("build", 0755);
	mkdir("build/bench", 0755);
}

/* A database made by an older koszyk migrated once, here, before it is
 * measured: else each copy of it (the import's) migrated in its run. */
static void bring_up_to_date(const char *path)
{
	struct kz_error err = { 0 };
	struct kz_db *db;

	die_on(kz_db_open(path, KZ_OPEN_EXISTING, &db, &err), &err, path);
	kz_db_close(db);
}

char *bench_db(const struct kz_config *cfg, long n)
{
	char *path = xasprintf("build/bench/kz-g%d-%ld.db", BENCH_GEN_VERSION, n);
	char *tmp;
	double t0;

	if (access(path, R_OK) == 0) {
		bring_up_to_date(path);
		return path;
	}
	ensure_dir();
	tmp = xasprintf("%s.new", path);
	fprintf(stderr, "bench: generating %ld services into %s ...\n", n, path);
	t0 = bench_now_ms();
	generate(cfg, tmp, n);
	if (rename(tmp, path) != 0)
		kz_die("bench: cannot rename %s", tmp);
	fprintf(stderr, "bench: generated %ld services in %.0f s\n", n,
		(bench_now_ms() - t0) / 1000);
	free(tmp);
	return path;
}

char *bench_titles(const char *db, long n)
{
	char *path = xasprintf("build/bench/kz-g%d-%ld.titles", BENCH_GEN_VERSION, n);

	if (access(path, R_OK) != 0) {
		char *const argv[] = { "sqlite3", "-readonly", (char *)db,
				       "SELECT title FROM services", NULL };
		char *tmp = xasprintf("%s.new", path);
		struct bench_proc p = bench_spawn(argv, NULL, tmp);
		if (p.status != 0 || rename(tmp, path) != 0)
			kz_die("bench: cannot write %s", path);
		free(tmp);
	}
	return path;
}

/* The same kind of services as the databases hold, providers by name. */
char *bench_import_csv(const struct kz_config *cfg, long n)
{
	static const char *const cols[] = { "title", "kind", "description", "provider",
		"category", "sector", "target_groups", "access_conditions", "place",
		"status", "verified_on" };
	char *path = xasprintf("build/bench/import-g%d-%ld.csv", BENCH_GEN_VERSION, n);
	struct kz_buf b = KZ_BUF_INIT;
	FILE *f;

	if (access(path, R_OK) == 0)
		return path;
	rng_state = 0x2545f4914f6cdd1dULL;
	for (size_t c = 0; c < N(cols); c++)
		kz_csv_field(&b, cols[c], c == 0);
	kz_csv_end(&b);
	for (long i = 0; i < n; i++) {
		struct kz_service s;
		char *provider = partner_name((long)(rnd() % BENCH_PARTNERS));
		fill_service(cfg, i, &s);
		const char *v[] = { s.title, s.kind, s.description, provider, s.category,
			s.sector, s.target_groups, s.access_conditions, s.place, s.status,
			s.verified_on };
		for (size_t c = 0; c < N(v); c++)
			kz_csv_field(&b, v[c], c == 0);
		kz_csv_end(&b);
		kz_service_clear(&s);
		free(provider);
	}
	ensure_dir();
	f = fopen(path, "w");
	if (!f || fwrite(kz_buf_str(&b), 1, b.len, f) != b.len || fclose(f) != 0)
		kz_die("bench: cannot write %s", path);
	kz_buf_free(&b);
	return path;
}
