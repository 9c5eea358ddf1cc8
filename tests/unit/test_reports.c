/* Reports: every report on a small data set built by hand, with the right
 * answers written here by hand. Today is 2026-03-15 (KOSZYK_TODAY); the
 * stale limit is 180 days, so services verified before 2025-09-16 are
 * stale.
 *
 * The data set:
 *  partners  Alfa (phone 111; contacts Zofia Z 500, Adam A 501),
 *            Beta (phone 222; no contacts), Gamma (contact Ewa 700)
 *  services  S1 Praca start     Alfa  rynek_pracy/praca, bezrobotni;mlodziez,
 *                               active, verified 2026-01-10
 *            S2 Terapia         Beta  zdrowie/zdrowie_psychiczne, uzaleznieni,
 *                               active, verified 2025-01-01
 *            S3 Mieszkanie chr. Alfa  mieszkalnictwo/mieszkanie, bezdomni,
 *                               SUSPENDED, never verified
 *            S4 Świetlica       Gamma ngo/opieka_nad_dziecmi, dzieci;rodziny,
 *                               active, never verified, contact Ewa
 *            S5 Doradztwo       Alfa  pomoc_spoleczna/poradnictwo, no target
 *                               group, active, verified 2025-06-01
 *  cases     K1 R/2026/001 (akowalska), K2 R/2026/002 (mnowak), both active;
 *            K3 R/2026/003 closed
 *  diagnoses K1: zdrowie "terapia", dochod "brak dochodu", relacje "" ;
 *            K2: dochod "zadłużenie", mieszkanie "eksmisja", praca "praca",
 *            opieka_nad_dziecmi "opieka";
 *            K3: bezpieczenstwo "x"
 *  actions   A1 K1 S1 referred 02-01 accepted, due 03-01
 *            A2 K2 S1 referred 02-02 declined, due 03-01
 *            A3 K2 S1 done
 *            A4 K1 S2 referred 02-10 in_progress, due 04-01
 *            A5 K2 "Rozmowa" partner Gamma, planned, due 03-10
 *  tasks     T1 Beta open due 03-01 (case K1) "Zadzwonić"
 *            T2 Beta open due 04-01
 *            T3 Gamma done due 01-01
 *            T4 Alfa open due 03-14 (meeting "Posiedzenie PZK")
 *            "Przygotować listę"
 *  reviews   K1: 01-15 next 02-15, then 02-15 next 04-15 (newest: not late)
 *            K2: 01-20 next 03-05 (late); K3 (closed): 01-20 next 02-01
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/reports.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

struct fixture {
	struct test_db t;
	struct kz_config cfg;
	char p1[KZ_ID_LEN + 1], p2[KZ_ID_LEN + 1], p3[KZ_ID_LEN + 1];
	char s1[KZ_ID_LEN + 1], s2[KZ_ID_LEN + 1], s3[KZ_ID_LEN + 1];
	char s4[KZ_ID_LEN + 1], s5[KZ_ID_LEN + 1];
	char k1[KZ_ID_LEN + 1], k2[KZ_ID_LEN + 1], k3[KZ_ID_LEN + 1];
	char pl1[KZ_ID_LEN + 1], pl2[KZ_ID_LEN + 1], pl3[KZ_ID_LEN + 1];
	char a1[KZ_ID_LEN + 1], a5[KZ_ID_LEN + 1];
};

static void sql(struct kz_db *db, const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(kz_db_handle(db), text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("sql: %s", msg);
}

static void add_partner(struct kz_db *db, const char *name, const char *phone,
			char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	p.phone = xstrdup(phone);
	if (kz_partner_save(db, &p, &err) != KZ_OK)
		fail_msg("partner: %s", err.msg);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_contact(struct kz_db *db, const char *partner, const char *name,
			const char *phone, char id[KZ_ID_LEN + 1])
{
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	c.partner_id = xstrdup(partner);
	c.name = xstrdup(name);
	c.phone = xstrdup(phone);
	if (kz_contact_save(db, &c, &err) != KZ_OK)
		fail_msg("contact: %s", err.msg);
	if (id)
		memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_contact_clear(&c);
}

static void add_service(struct kz_db *db, const char *provider, const char *title,
			const char *sector, const char *category, const char *groups,
			const char *status, const char *verified, const char *contact,
			char id[KZ_ID_LEN + 1])
{
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup(title);
	s.provider_id = xstrdup(provider);
	s.sector = xstrdup(sector);
	s.category = xstrdup(category);
	s.target_groups = xstrdup_or_null(groups);
	s.status = xstrdup(status);
	s.verified_on = xstrdup_or_null(verified);
	s.contact_id = xstrdup_or_null(contact);
	if (kz_service_insert_with_id(db, &s, &err) != KZ_OK)
		fail_msg("service: %s", err.msg);
	memcpy(id, s.id, KZ_ID_LEN + 1);
	kz_service_clear(&s);
}

static void add_case(struct kz_db *db, const char *code, const char *manager,
		     char id[KZ_ID_LEN + 1])
{
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };

	c.code = xstrdup(code);
	c.manager = xstrdup(manager);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	c.opened_on = xstrdup("2026-01-01");
	c.status = xstrdup("active");
	if (kz_case_save(db, NULL, &c, &err) != KZ_OK)
		fail_msg("case: %s", err.msg);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_case_clear(&c);
}

static void add_plan(struct kz_db *db, const char *case_id, char id[KZ_ID_LEN + 1])
{
	struct kz_plan p = { 0 };
	struct kz_error err = { 0 };

	p.case_id = xstrdup(case_id);
	p.valid_from = xstrdup("2026-01-01");
	p.valid_to = xstrdup("2026-12-31");
	if (kz_plan_save(db, NULL, &p, &err) != KZ_OK)
		fail_msg("plan: %s", err.msg);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_plan_clear(&p);
}

static void add_diagnosis(struct kz_db *db, const struct kz_config *cfg,
			  const char *plan, const char *area, const char *needs)
{
	struct kz_diagnosis d = { 0 };
	struct kz_error err = { 0 };

	d.plan_id = xstrdup(plan);
	d.need_area = xstrdup(area);
	d.needs = xstrdup_or_null(needs);
	d.situation = xstrdup("opis");
	if (kz_diagnosis_save(db, cfg, &d, &err) != KZ_OK)
		fail_msg("diagnosis: %s", err.msg);
	kz_diagnosis_clear(&d);
}

static void add_action(struct kz_db *db, const char *plan, const char *service,
		       const char *text, const char *partner, const char *referral,
		       const char *status, const char *due, char id[KZ_ID_LEN + 1])
{
	struct kz_action a = { 0 };
	struct kz_error err = { 0 };

	a.plan_id = xstrdup(plan);
	a.service_id = xstrdup_or_null(service);
	a.free_text = xstrdup_or_null(text);
	a.partner_id = xstrdup_or_null(partner);
	a.referral_date = xstrdup_or_null(referral);
	a.status = xstrdup(status);
	a.due_date = xstrdup_or_null(due);
	if (kz_action_save(db, &a, &err) != KZ_OK)
		fail_msg("action: %s", err.msg);
	if (id)
		memcpy(id, a.id, KZ_ID_LEN + 1);
	kz_action_clear(&a);
}

static void add_review(struct kz_db *db, const char *plan, const char *date,
		       const char *next)
{
	struct kz_review r = { 0 };
	struct kz_error err = { 0 };

	r.plan_id = xstrdup(plan);
	r.review_date = xstrdup(date);
	r.next_review_date = xstrdup(next);
	if (kz_review_save(db, &r, &err) != KZ_OK)
		fail_msg("review: %s", err.msg);
	kz_review_clear(&r);
}

#define STAMP "'2026-01-01T00:00:00.000Z', 'tester', '2026-01-01T00:00:00.000Z', 'tester'"

static void add_task(struct kz_db *db, const char *id, const char *meeting,
		     const char *kase, const char *title, const char *partner,
		     const char *due, const char *status)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db),
		"INSERT INTO tasks (id, meeting_id, case_id, title, partner_id,"
		" due_date, status, created_at, created_by, updated_at, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " STAMP ")", -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, meeting, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kase, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, partner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct kz_error err = { 0 };
	struct kz_db *db;
	char ewa[KZ_ID_LEN + 1];
	char q[512];

	setenv("KOSZYK_TODAY", "2026-03-15", 1);
	test_db_open(&f->t);
	db = f->t.db;
	if (kz_config_load_builtin(&f->cfg, &err) != KZ_OK) {
		fprintf(stderr, "config: %s\n", err.msg);
		abort();
	}
	kz_db_set_stale_days(db, 180);
	add_partner(db, "Alfa", "111", f->p1);
	add_partner(db, "Beta", "222", f->p2);
	add_partner(db, "Gamma", "333", f->p3);
	add_contact(db, f->p1, "Zofia Z", "500", NULL);
	add_contact(db, f->p1, "Adam A", "501", NULL);
	add_contact(db, f->p3, "Ewa", "700", ewa);
	add_service(db, f->p1, "Praca start", "rynek_pracy", "praca",
		    "bezrobotni;mlodziez", "active", "2026-01-10", NULL, f->s1);
	add_service(db, f->p2, "Terapia", "zdrowie", "zdrowie_psychiczne",
		    "uzaleznieni", "active", "2025-01-01", NULL, f->s2);
	add_service(db, f->p1, "Mieszkanie chronione", "mieszkalnictwo",
		    "mieszkanie", "bezdomni", "suspended", NULL, NULL, f->s3);
	add_service(db, f->p3, "Świetlica", "ngo", "opieka_nad_dziecmi",
		    "dzieci;rodziny", "active", NULL, ewa, f->s4);
	add_service(db, f->p1, "Doradztwo", "pomoc_spoleczna", "poradnictwo",
		    NULL, "active", "2025-06-01", NULL, f->s5);

	add_case(db, "R/2026/001", "akowalska", f->k1);
	add_case(db, "R/2026/002", "mnowak", f->k2);
	add_case(db, "R/2026/003", "akowalska", f->k3);
	add_plan(db, f->k1, f->pl1);
	add_plan(db, f->k2, f->pl2);
	add_plan(db, f->k3, f->pl3);
	add_diagnosis(db, &f->cfg, f->pl1, "zdrowie", "terapia");
	add_diagnosis(db, &f->cfg, f->pl1, "dochod", "brak dochodu");
	add_diagnosis(db, &f->cfg, f->pl1, "relacje", NULL);
	add_diagnosis(db, &f->cfg, f->pl2, "dochod", "zadłużenie");
	add_diagnosis(db, &f->cfg, f->pl2, "mieszkanie", "eksmisja");
	add_diagnosis(db, &f->cfg, f->pl2, "praca", "praca");
	add_diagnosis(db, &f->cfg, f->pl2, "opieka_nad_dziecmi", "opieka");
	add_diagnosis(db, &f->cfg, f->pl3, "bezpieczenstwo", "x");

	add_action(db, f->pl1, f->s1, NULL, NULL, "2026-02-01", "accepted",
		   "2026-03-01", f->a1);
	add_action(db, f->pl2, f->s1, NULL, NULL, "2026-02-02", "declined",
		   "2026-03-01", NULL);
	add_action(db, f->pl2, f->s1, NULL, NULL, NULL, "done", NULL, NULL);
	add_action(db, f->pl1, f->s2, NULL, NULL, "2026-02-10", "in_progress",
		   "2026-04-01", NULL);
	add_action(db, f->pl2, NULL, "Rozmowa", f->p3, NULL, "planned",
		   "2026-03-10", f->a5);

	add_review(db, f->pl1, "2026-01-15", "2026-02-15");
	add_review(db, f->pl1, "2026-02-15", "2026-04-15");
	add_review(db, f->pl2, "2026-01-20", "2026-03-05");
	add_review(db, f->pl3, "2026-01-20", "2026-02-01");

	/* Close case K3 (its plan stays a draft: the case decides). */
	snprintf(q, sizeof(q), "UPDATE cases SET status = 'closed',"
		 " closed_on = '2026-03-01' WHERE id = '%s'", f->k3);
	sql(db, q);
	snprintf(q, sizeof(q), "INSERT INTO meetings (id, title, date,"
		 " created_at, created_by, updated_at, updated_by) VALUES"
		 " ('m1', 'Posiedzenie PZK', '2026-03-01', " STAMP ")");
	sql(db, q);
	add_task(db, "t1", NULL, f->k1, "Zadzwonić", f->p2, "2026-03-01", "open");
	add_task(db, "t2", NULL, NULL, "Spisać", f->p2, "2026-04-01", "open");
	add_task(db, "t3", NULL, NULL, "Stare", f->p3, "2026-01-01", "done");
	add_task(db, "t4", "m1", NULL, "Przygotować listę", f->p1, "2026-03-14",
		 "open");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_db_close(&f->t);
	kz_config_free(&f->cfg);
	free(f);
	return 0;
}

static void run(struct fixture *f, const char *name, struct kz_report *r)
{
	struct kz_error err = { 0 };

	if (kz_report_run(f->t.db, &f->cfg, name, r, &err) != KZ_OK)
		fail_msg("%s: %s", name, err.msg);
}

/* Row i has this id and these cells. */
static void row_is(const struct kz_report *r, size_t i, const char *id, ...)
{
	va_list ap;

	assert_true(i < r->nrows);
	assert_string_equal(r->rows[i].id, id);
	va_start(ap, id);
	for (size_t j = 0; j < r->ncols; j++)
		assert_string_equal(r->rows[i].cells[j], va_arg(ap, const char *));
	va_end(ap);
}

/* --- coverage ------------------------------------------------------------------ */

static void test_coverage(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;
	/* Active services S1, S2, S4, S5; S3 is suspended. */
	static const char *const ones[] = {
		"sector:pomoc_spoleczna", "sector:rynek_pracy", "sector:zdrowie",
		"sector:ngo", "category:praca", "category:zdrowie_psychiczne",
		"category:opieka_nad_dziecmi", "category:poradnictwo",
		"target_group:bezrobotni", "target_group:mlodziez",
		"target_group:uzaleznieni", "target_group:dzieci",
		"target_group:rodziny", "target_group:",
	};

	run(f, "coverage", &r);
	assert_true(r.has_bars);
	assert_int_equal(r.ncols, 3);
	/* 13 sectors + 17 categories + 13 target groups + one "(none)". */
	assert_int_equal(r.nrows, 44);
	row_is(&r, 0, "sector:pomoc_spoleczna", "sector", "Pomoc społeczna", "1");
	row_is(&r, 1, "sector:edukacja", "sector", "Edukacja", "0");
	row_is(&r, 13, "category:opieka_nad_dziecmi", "category",
	       "Opieka nad dziećmi", "1");
	row_is(&r, 21, "category:zdrowie", "category", "Zdrowie i rehabilitacja", "0");
	row_is(&r, 24, "category:mieszkanie", "category",
	       "Mieszkanie i kryzys bezdomności", "0");
	row_is(&r, 43, "target_group:", "target group", "(none)", "1");
	for (size_t i = 0; i < r.nrows; i++) {
		bool one = false;
		for (size_t k = 0; k < sizeof(ones) / sizeof(ones[0]); k++)
			one = one || strcmp(r.rows[i].id, ones[k]) == 0;
		assert_string_equal(r.rows[i].cells[2], one ? "1" : "0");
		assert_true(r.rows[i].bar == (one ? 1.0 : 0.0));
	}
	assert_string_equal(r.note, "4 active services; 0 marks what the basket does not offer.");
	kz_report_free(&r);
}

/* --- gaps ---------------------------------------------------------------------- */

static void test_gaps(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;

	/* The built-in configuration's need_areas say what answers each
	 * area. dochod is answered by S5 (poradnictwo), but neither plan has
	 * an action with it; mieszkanie only by the suspended S3: no active
	 * service. opieka_nad_dziecmi is answered by S4, but K2's plan has no
	 * action with it. praca is answered by S1 and K2 has A3 (done) with
	 * S1; zdrowie by S2 (zdrowie_psychiczne is one of its categories) and
	 * K1 has A4 with S2. relacje has no needs written; K3 is closed. */
	run(f, "gaps", &r);
	assert_int_equal(r.nrows, 3);
	row_is(&r, 0, "dochod", "Dochód i sytuacja materialna",
	       "no action in the plan", "2", "R/2026/001, R/2026/002");
	row_is(&r, 1, "mieszkanie", "Mieszkanie", "no active service", "1",
	       "R/2026/002");
	row_is(&r, 2, "opieka_nad_dziecmi", "Opieka i wychowanie dzieci",
	       "no action in the plan", "1", "R/2026/002");
	kz_report_free(&r);

	/* Activate S3: mieszkanie is answered now, but not in K2's plan. */
	sql(f->t.db, "UPDATE services SET status = 'active' WHERE title = 'Mieszkanie chronione'");
	run(f, "gaps", &r);
	assert_int_equal(r.nrows, 3);
	row_is(&r, 0, "dochod", "Dochód i sytuacja materialna",
	       "no action in the plan", "2", "R/2026/001, R/2026/002");
	row_is(&r, 1, "mieszkanie", "Mieszkanie", "no action in the plan", "1",
	       "R/2026/002");
	row_is(&r, 2, "opieka_nad_dziecmi", "Opieka i wychowanie dzieci",
	       "no action in the plan", "1", "R/2026/002");
	kz_report_free(&r);

	/* An action with S4 in K2's plan: opieka_nad_dziecmi is planned for;
	 * a declined one with S3 does not count. */
	add_action(f->t.db, f->pl2, f->s4, NULL, NULL, NULL, "planned", NULL, NULL);
	add_action(f->t.db, f->pl2, f->s3, NULL, NULL, "2026-03-01", "declined",
		   NULL, NULL);
	run(f, "gaps", &r);
	assert_int_equal(r.nrows, 2);
	row_is(&r, 0, "dochod", "Dochód i sytuacja materialna",
	       "no action in the plan", "2", "R/2026/001, R/2026/002");
	row_is(&r, 1, "mieszkanie", "Mieszkanie", "no action in the plan", "1",
	       "R/2026/002");
	kz_report_free(&r);
}

/* The configuration says what answers a need area. A basket by hand in
 * which the old rule (a code prefix or the first word of the label) saw
 * a false gap: "Bank żywności" (pomoc_materialna) answers income needs
 * (dochod), though neither its code nor its label says "dochód". */
static void test_gaps_configured(void **state)
{
	struct fixture *f = *state;
	struct kz_config cfg;
	struct kz_error err = { 0 };
	struct kz_report r;
	char s6[KZ_ID_LEN + 1];
	const char *yaml =
		"gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		"categories:\n"
		"  - {code: pomoc_materialna, label: Pomoc materialna}\n"
		"  - praca\n  - wsparcie_rodziny\n  - opieka_nad_dziecmi\n"
		"target_groups: [uzaleznieni]\n"
		"need_areas:\n"
		"  - {code: dochod, label: Dochód, categories: [pomoc_materialna]}\n"
		"  - {code: zdrowie, label: Zdrowie, target_groups: [uzaleznieni]}\n"
		"  - {code: mieszkanie, label: Mieszkanie}\n"
		"  - {code: praca, label: Praca}\n"
		"  - {code: opieka_nad_dziecmi, label: Opieka,"
		" categories: [wsparcie_rodziny]}\n";

	add_service(f->t.db, f->p2, "Bank żywności", "ngo", "pomoc_materialna",
		    NULL, "active", "2026-03-01", NULL, s6);
	add_action(f->t.db, f->pl1, s6, NULL, NULL, NULL, "planned", NULL, NULL);
	add_action(f->t.db, f->pl2, s6, NULL, NULL, NULL, "planned", NULL, NULL);

	/* The built-in configuration: income is answered and planned for. */
	run(f, "gaps", &r);
	assert_int_equal(r.nrows, 2);
	row_is(&r, 0, "mieszkanie", "Mieszkanie", "no active service", "1",
	       "R/2026/002");
	row_is(&r, 1, "opieka_nad_dziecmi", "Opieka i wychowanie dzieci",
	       "no action in the plan", "1", "R/2026/002");
	/* The header names the rule; the footnote says what answers each
	 * area listed. */
	assert_non_null(strstr(r.note, "need_areas in the configuration"));
	assert_string_equal(r.footnote,
		"Mieszkanie: Mieszkanie i kryzys bezdomności\n"
		"Opieka i wychowanie dzieci: Opieka nad dziećmi, Wsparcie rodziny");
	kz_report_free(&r);

	/* A configuration of its own: health is answered by services for
	 * addicts (S2); child care only by family support, which the basket
	 * lacks (S4 is opieka_nad_dziecmi); housing by nothing at all. */
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "g.yaml",
					       &err), KZ_OK);
	if (kz_report_run(f->t.db, &cfg, "gaps", &r, &err) != KZ_OK)
		fail_msg("gaps: %s", err.msg);
	assert_int_equal(r.nrows, 2);
	row_is(&r, 0, "mieszkanie", "Mieszkanie", "no active service", "1",
	       "R/2026/002");
	row_is(&r, 1, "opieka_nad_dziecmi", "Opieka", "no active service", "1",
	       "R/2026/002");
	assert_string_equal(r.footnote, "Mieszkanie: nothing is configured\n"
					"Opieka: wsparcie_rodziny");
	kz_report_free(&r);
	kz_config_free(&cfg);
}

/* --- outcomes ------------------------------------------------------------------ */

/* Goals and reviews by hand (ids fixed), with the fixture's referrals
 * given answer dates, and its plans approved. */
static void outcomes_data(struct fixture *f)
{
	char q[2048];

	snprintf(q, sizeof q,
		"INSERT INTO goals (id, plan_id, need_area, what, target_date, status,"
		" created_at, created_by, updated_at, updated_by) VALUES"
		" ('g1', '%s', 'zdrowie', 'a', '2026-06-01', 'open', " STAMP "),"
		" ('g2', '%s', 'dochod', 'b', '2026-06-01', 'open', " STAMP "),"
		" ('g3', '%s', 'dochod', 'c', '2026-06-01', 'open', " STAMP "),"
		" ('g4', '%s', NULL, 'd', '2026-06-01', 'dropped', " STAMP "),"
		" ('g5', '%s', 'praca', 'e', '2026-06-01', 'open', " STAMP "),"
		" ('g6', '%s', 'praca', 'f', '2026-06-01', 'open', " STAMP "),"
		" ('g7', '%s', NULL, 'g', '2026-06-01', 'open', " STAMP ")",
		f->pl1, f->pl1, f->pl2, f->pl2, f->pl2, f->pl2, f->pl1);
	sql(f->t.db, q);
	snprintf(q, sizeof q,
		"INSERT INTO reviews (id, plan_id, review_date,"
		" created_at, created_by, updated_at, updated_by) VALUES"
		" ('r1', '%s', '2026-01-15', " STAMP "),"
		" ('r2', '%s', '2026-02-15', " STAMP "),"
		" ('r3', '%s', '2026-01-20', " STAMP "),"
		" ('r4', '%s', '2025-12-10', " STAMP ")",
		f->pl1, f->pl1, f->pl2, f->pl2);
	sql(f->t.db, q);
	sql(f->t.db,
		"INSERT INTO progress (id, review_id, goal_id, goal_status,"
		" created_at, created_by, updated_at, updated_by) VALUES"
		" ('p1', 'r1', 'g1', 'partly', " STAMP "),"
		" ('p2', 'r2', 'g1', 'achieved', " STAMP "),"
		" ('p3', 'r3', 'g3', 'not_achieved', " STAMP "),"
		" ('p4', 'r3', 'g5', 'dropped', " STAMP "),"
		" ('p5', 'r4', 'g6', 'partly', " STAMP ")");
	sql(f->t.db, "UPDATE actions SET answer_date = '2026-02-08'"
		     " WHERE referral_date = '2026-02-01'");
	sql(f->t.db, "UPDATE actions SET answer_date = '2026-02-12'"
		     " WHERE referral_date = '2026-02-02'");
	snprintf(q, sizeof q, "UPDATE plans SET status = 'approved',"
		 " approved_on = '2026-01-20' WHERE id = '%s'", f->pl1);
	sql(f->t.db, q);
	snprintf(q, sizeof q, "UPDATE plans SET status = 'approved',"
		 " approved_on = '2026-02-15' WHERE id = '%s'", f->pl2);
	sql(f->t.db, q);
}

static void test_outcomes(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;
	const struct kz_report *p;
	struct kz_buf b = KZ_BUF_INIT;

	outcomes_data(f);
	run(f, "outcomes", &r);
	/* By need area, in the configuration's order: g1 reached at its newest
	 * review (partly before); g2 never judged: open; g3 not reached; g4
	 * (dropped goal) and g5 (dropped at a review) left out; g6 partly;
	 * g7 has no need area. */
	assert_string_equal(r.name, "outcomes");
	assert_int_equal(r.nrows, 4);
	row_is(&r, 0, "zdrowie", "Zdrowie", "1", "0", "0", "0");
	row_is(&r, 1, "dochod", "Dochód i sytuacja materialna", "0", "0", "1", "1");
	row_is(&r, 2, "praca", "Praca", "0", "1", "0", "0");
	row_is(&r, 3, "", "(no need area)", "0", "0", "0", "1");
	assert_true(r.rows[0].bar == 1.0);

	/* By quarter of the review: g6 in 2025 Q4; g1 (newest in Q1:
	 * achieved) and g3 in 2026 Q1. */
	p = r.next;
	assert_non_null(p);
	assert_string_equal(p->name, "outcomes_by_quarter");
	assert_int_equal(p->nrows, 2);
	row_is(p, 0, "2025-Q4", "2025, quarter 4", "0", "1", "0", "0");
	row_is(p, 1, "2026-Q1", "2026, quarter 1", "1", "0", "1", "0");

	/* Referrals: Alfa (S1) twice, answered after 7 and 10 days (median
	 * 8.5); Beta (S2) once, in progress, no answer date. */
	p = p->next;
	assert_non_null(p);
	assert_int_equal(p->nrows, 2);
	row_is(p, 0, f->p1, "Alfa", "2", "1", "1", "0", "8.5");
	row_is(p, 1, f->p2, "Beta", "1", "1", "0", "0", "");

	/* The CUS rule: K1's plan approved after 19 days, K2's after 45, K3
	 * (opened 2026-01-01, 73 days ago) has none. Approved plans of open
	 * cases: K1's and K2's, both in force (2026-01-01..12-31: 364 days,
	 * 12.0 months). */
	p = p->next;
	assert_non_null(p);
	assert_int_equal(p->nrows, 9);
	row_is(p, 0, "cases", "Cases opened", "3", "100%");
	row_is(p, 1, "plan_in_30_days", "First plan approved within 30 days", "1", "33%");
	row_is(p, 2, "plan_later", "First plan approved later", "1", "33%");
	row_is(p, 3, "no_plan_late", "No approved plan, opened over 30 days ago", "1", "33%");
	row_is(p, 4, "no_plan_yet", "No approved plan yet, opened in the last 30 days", "0", "0%");
	row_is(p, 5, "plans_approved", "Approved plans of open cases", "2", "100%");
	row_is(p, 6, "plans_in_force", "In force today", "2", "100%");
	row_is(p, 7, "plans_expired", "Past their validity, not renewed", "0", "0%");
	row_is(p, 8, "validity_months", "Average validity (months)", "12.0", "");
	assert_null(p->next);

	/* CSV: one header of every key, a part column; JSON: a part member. */
	kz_report_csv(&r, &b);
	assert_non_null(strstr(kz_buf_str(&b),
		"part,id,need_area,reached,partly,not_reached,open,period,partner,"
		"referred,accepted,declined,waiting,median_days,measure,count,share\r\n"
		"outcomes,zdrowie,Zdrowie,1,0,0,0,,,,,,,,,,\r\n"));
	assert_non_null(strstr(kz_buf_str(&b),
		"outcomes_plans,cases,,,,,,,,,,,,,Cases opened,3,100%\r\n"));
	kz_buf_reset(&b);
	kz_report_json(&r, &b);
	assert_non_null(strstr(kz_buf_str(&b),
		"{\"kind\":\"report_row\",\"report\":\"outcomes\","
		"\"part\":\"outcomes_referrals\",\"id\":"));
	/* Text: every table, in 80 columns. */
	kz_buf_reset(&b);
	kz_report_text(&r, 80, &b);
	assert_non_null(strstr(kz_buf_str(&b), "Outcomes: plans within 30 days"));
	for (const char *l = kz_buf_str(&b); *l;) {
		const char *e = strchr(l, '\n');
		size_t cols = 0;
		for (const char *c = l; c < e; c++)
			cols += ((unsigned char)*c & 0xC0) != 0x80;
		assert_true(cols <= 80);
		l = e + 1;
	}
	kz_buf_free(&b);
	kz_report_free(&r);
}

/* --- usage --------------------------------------------------------------------- */

static void test_usage(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;

	run(f, "usage", &r);
	assert_int_equal(r.nrows, 5);
	/* S1: A1 (referred, accepted), A2 (referred, declined), A3. */
	row_is(&r, 0, f->s1, "service", "Praca start", "3", "2", "1", "1");
	/* S2: A4 (referred, in progress). */
	row_is(&r, 1, f->s2, "service", "Terapia", "1", "1", "1", "0");
	/* Alfa: A1-A3 through S1; Beta: A4 through S2; Gamma: A5. */
	row_is(&r, 2, f->p1, "partner", "Alfa", "3", "2", "1", "1");
	row_is(&r, 3, f->p2, "partner", "Beta", "1", "1", "1", "0");
	row_is(&r, 4, f->p3, "partner", "Gamma", "1", "0", "0", "0");
	assert_true(r.rows[0].bar == 3.0);
	kz_report_free(&r);
}

/* --- workload ------------------------------------------------------------------ */

static void test_workload(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;

	/* Open: Alfa T4 + A1 = 2; Beta T1, T2 + A4 = 3; Gamma A5 = 1.
	 * Mean 2, variance (1 + 0 + 1) / 3 = 2/3, deviation 0.8165,
	 * coefficient 0.8165 / 2 = 0.408; the busiest (Beta) holds 3/6. */
	run(f, "workload", &r);
	assert_int_equal(r.nrows, 3);
	row_is(&r, 0, f->p2, "Beta", "2", "1", "3");
	row_is(&r, 1, f->p1, "Alfa", "1", "1", "2");
	row_is(&r, 2, f->p3, "Gamma", "0", "1", "1");
	assert_true(r.cv > 0.4082 && r.cv < 0.4083);
	assert_true(r.busiest_share > 0.4999 && r.busiest_share < 0.5001);
	assert_string_equal(r.note,
		"Unevenness 0.41 (standard deviation / mean over 3 partners; 0 is an even spread); the busiest partner holds 50% of the open work.");
	kz_report_free(&r);

	/* An even spread is 0: with T1, T2 and T4 done, each partner has one
	 * open action (A1, A4, A5). */
	sql(f->t.db, "UPDATE tasks SET status = 'done' WHERE id IN ('t1', 't2', 't4')");
	run(f, "workload", &r);
	assert_int_equal(r.nrows, 3);
	assert_true(r.cv < 1e-9);
	assert_true(r.busiest_share > 0.3333 && r.busiest_share < 0.3334);
	kz_report_free(&r);
}

/* --- stale --------------------------------------------------------------------- */

static void test_stale(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;

	/* Never verified first, then the oldest; S1 is fresh, S3 suspended.
	 * S4 has its own contact; S2's provider has no contact (its phone);
	 * S5's provider's first contact by name is Adam A. */
	run(f, "stale", &r);
	assert_int_equal(r.nrows, 3);
	row_is(&r, 0, f->s4, "Świetlica", "Gamma", "never", "Ewa", "700");
	row_is(&r, 1, f->s2, "Terapia", "Beta", "2025-01-01", "", "222");
	row_is(&r, 2, f->s5, "Doradztwo", "Alfa", "2025-06-01", "Adam A", "501");
	kz_report_free(&r);

	kz_db_set_stale_days(f->t.db, 500); /* limit 2024-11-01 */
	run(f, "stale", &r);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(r.rows[0].id, f->s4);
	kz_report_free(&r);
}

/* --- overdue ------------------------------------------------------------------- */

static void test_overdue(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;

	run(f, "overdue", &r);
	assert_int_equal(r.nrows, 5);
	row_is(&r, 0, f->a1, "action", "R/2026/001", "Praca start", "Alfa",
	       "2026-03-01", "14");
	row_is(&r, 1, "t1", "task", "R/2026/001", "Zadzwonić", "Beta",
	       "2026-03-01", "14");
	row_is(&r, 2, f->pl2, "review", "R/2026/002", "review of the plan",
	       "Marta Nowak", "2026-03-05", "10");
	row_is(&r, 3, f->a5, "action", "R/2026/002", "Rozmowa", "Gamma",
	       "2026-03-10", "5");
	row_is(&r, 4, "t4", "task", "Posiedzenie PZK", "Przygotować listę",
	       "Alfa", "2026-03-14", "1");
	kz_report_free(&r);
}

/* --- printers and names ---------------------------------------------------------- */

static void test_printers(void **state)
{
	struct fixture *f = *state;
	struct kz_report r;
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	assert_int_equal(kz_report_run(f->t.db, &f->cfg, "nope", &r, &err), KZ_INVALID);
	assert_true(kz_report_known("gaps"));
	/* Retention is a report like the others (one place builds it). */
	assert_true(kz_report_known("retention"));
	assert_false(kz_report_known("nope"));
	run(f, "retention", &r);
	assert_string_equal(r.keys[0], "code");
	assert_int_equal(r.ncols, 5);
	kz_report_free(&r);

	run(f, "gaps", &r);
	kz_report_csv(&r, &b);
	assert_string_equal(kz_buf_str(&b),
		"id,need_area,gap,cases,case_codes\r\n"
		"dochod,Dochód i sytuacja materialna,no action in the plan,2,\"R/2026/001, R/2026/002\"\r\n"
		"mieszkanie,Mieszkanie,no active service,1,R/2026/002\r\n"
		"opieka_nad_dziecmi,Opieka i wychowanie dzieci,no action in the plan,1,R/2026/002\r\n");
	kz_buf_reset(&b);
	kz_report_json(&r, &b);
	assert_string_equal(kz_buf_str(&b),
		"[{\"kind\":\"report_row\",\"report\":\"gaps\",\"id\":\"dochod\","
		"\"title\":\"Dochód i sytuacja materialna\","
		"\"need_area\":\"Dochód i sytuacja materialna\","
		"\"gap\":\"no action in the plan\",\"cases\":2,"
		"\"case_codes\":\"R/2026/001, R/2026/002\"},\n"
		"{\"kind\":\"report_row\",\"report\":\"gaps\",\"id\":\"mieszkanie\","
		"\"title\":\"Mieszkanie\",\"need_area\":\"Mieszkanie\","
		"\"gap\":\"no active service\",\"cases\":1,"
		"\"case_codes\":\"R/2026/002\"},\n"
		"{\"kind\":\"report_row\",\"report\":\"gaps\",\"id\":\"opieka_nad_dziecmi\","
		"\"title\":\"Opieka i wychowanie dzieci\","
		"\"need_area\":\"Opieka i wychowanie dzieci\","
		"\"gap\":\"no action in the plan\",\"cases\":1,"
		"\"case_codes\":\"R/2026/002\"}]\n");
	kz_report_free(&r);

	/* Text: the columns take 7+2+11+2+7+2+8+2+8+2+8 = 59 columns and 2
	 * before the bar, so the largest bar (3) is 80 - 61 = 19 "#" and a
	 * bar of 1 is 19 / 3 = 6.33, 6 "#". */
	kz_buf_reset(&b);
	run(f, "usage", &r);
	kz_report_text(&r, 80, &b);
	assert_non_null(strstr(kz_buf_str(&b),
		"service  Praca start        3         2         1         1  ###################\n"));
	assert_non_null(strstr(kz_buf_str(&b),
		"partner  Gamma              1         0         0         0  ######\n"));
	kz_report_free(&r);
	kz_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_coverage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gaps_configured, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_outcomes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_usage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_workload, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_printers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
