/* Two people at once on the same database file (the coordinator over SSH
 * and a colleague on the server's console): two processes write the same
 * file at the same time through the public data layer. No call may fail
 * with "database is locked" or any other error, no edit may be lost, and
 * a save made from an outdated copy of a record is refused (KZ_CONFLICT),
 * never written over the other's newer save. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

/* 2 writers x (SERVICES_EACH inserts + UPDATES_EACH updates) = 10,000 edits. */
#define SERVICES_EACH 1000
#define UPDATES_EACH 4000
#define ROUNDS (UPDATES_EACH / SERVICES_EACH)
/* Saves of the one record both writers change (test 2), per writer. */
#define SAME_RECORD_SAVES 600

static const char *const writer_user[2] = { "anna", "beata" };
static const char writer_tag[2] = { 'A', 'B' };

/* --- helpers of the parent ------------------------------------------------ */

static void add_partner(struct kz_db *db, char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup("Gminny Ośrodek Pomocy Społecznej");
	p.short_name = xstrdup("GOPS");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_service(struct kz_db *db, const char *provider,
			const char *title, char id[KZ_ID_LEN + 1])
{
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup(title);
	s.provider_id = xstrdup(provider);
	s.category = xstrdup("opieka_nad_dziecmi");
	assert_int_equal(kz_service_save(db, &s, &err), KZ_OK);
	memcpy(id, s.id, KZ_ID_LEN + 1);
	kz_service_clear(&s);
}

static long audit_count(struct kz_db *db)
{
	struct kz_db_counts c;
	struct kz_error err = { 0 };

	assert_int_equal(kz_db_counts(db, &c, &err), KZ_OK);
	return c.audit;
}

/* Start two children running fn(index, arg, result pipe), let them go at
 * the same moment, wait for both and read what each wrote to its pipe.
 * Asserts both exited 0. */
typedef int (*writer_fn)(int who, const void *arg, int out);

static void run_two_writers(writer_fn fn, const void *arg, void *results,
			    size_t result_size)
{
	int go[2];
	int res[2][2];
	pid_t pid[2];

	assert_int_equal(pipe(go), 0);
	for (int w = 0; w < 2; w++) {
		assert_int_equal(pipe(res[w]), 0);
		fflush(NULL);
		pid[w] = fork();
		assert_true(pid[w] >= 0);
		if (pid[w] == 0) {
			char c;
			close(go[1]);
			close(res[w][0]);
			/* wait until the parent lets both go */
			while (read(go[0], &c, 1) < 0 && errno == EINTR)
				;
			close(go[0]);
			int rc = fn(w, arg, res[w][1]);
			close(res[w][1]);
			fflush(NULL);
			/* exit(), not _exit(): leak checkers see the child too */
			exit(rc);
		}
		close(res[w][1]);
	}
	close(go[0]);
	close(go[1]); /* both children see end of file: start */

	for (int w = 0; w < 2; w++) {
		char *dst = (char *)results + (size_t)w * result_size;
		size_t got = 0;
		while (got < result_size) {
			ssize_t n = read(res[w][0], dst + got, result_size - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		close(res[w][0]);
		int status = 0;
		assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail_msg("writer %c (%s) failed: exit status %d%s",
				 writer_tag[w], writer_user[w],
				 WIFEXITED(status) ? WEXITSTATUS(status) : -1,
				 WIFSIGNALED(status) ? " (killed by a signal)" : "");
		assert_int_equal(got, result_size);
	}
}

/* --- in a child: plain checks, no cmocka ---------------------------------- */

static int child_fail(char who, const char *what, long i, enum kz_status st,
		      const struct kz_error *err)
{
	fprintf(stderr, "writer %c: %s #%ld returned %s: %s\n", who, what, i,
		kz_status_text(st), err->msg);
	return 1;
}

static bool write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		c += w;
		n -= (size_t)w;
	}
	return true;
}

/* --- test 1: 10,000 edits of own records ---------------------------------- */

struct many_arg {
	const char *path;
	const char *provider;
};

static void service_title(char *buf, size_t size, int who, int k)
{
	snprintf(buf, size, "Usługa %c-%04d", writer_tag[who], k);
}

static void cost_value(char *buf, size_t size, int who, int u)
{
	snprintf(buf, size, "koszt %c %d", writer_tag[who], u);
}

static void place_value(char *buf, size_t size, int who, int u)
{
	snprintf(buf, size, "miejsce %c %d", writer_tag[who], u);
}

/* SERVICES_EACH inserts, then UPDATES_EACH updates: update u opens the
 * service u % SERVICES_EACH again and changes its cost (even rounds) or
 * its place (odd rounds), saving with the revision it read. Every call is
 * its own transaction, as on the screen. */
static int many_edits(int who, const void *varg, int out)
{
	const struct many_arg *arg = varg;
	const char tag = writer_tag[who];
	struct kz_error err = { 0 };
	struct kz_db *db = NULL;
	char (*ids)[KZ_ID_LEN + 1] = xcalloc(SERVICES_EACH, sizeof(*ids));
	char buf[64];
	enum kz_status st;
	int rc = 0;

	st = kz_db_open(arg->path, KZ_OPEN_EXISTING, &db, &err);
	if (st != KZ_OK) {
		free(ids);
		return child_fail(tag, "kz_db_open", 0, st, &err);
	}
	kz_db_set_principal(db, writer_user[who], KZ_ROLE_COORDINATOR);

	for (int k = 0; k < SERVICES_EACH && rc == 0; k++) {
		struct kz_service s = { 0 };
		service_title(buf, sizeof(buf), who, k);
		s.title = xstrdup(buf);
		s.provider_id = xstrdup(arg->provider);
		s.category = xstrdup("opieka_nad_dziecmi");
		st = kz_service_save(db, &s, &err);
		if (st != KZ_OK)
			rc = child_fail(tag, "kz_service_save (insert)", k, st, &err);
		else
			memcpy(ids[k], s.id, KZ_ID_LEN + 1);
		kz_service_clear(&s);
	}
	for (int u = 0; u < UPDATES_EACH && rc == 0; u++) {
		struct kz_service s = { 0 };
		int k = u % SERVICES_EACH, round = u / SERVICES_EACH;
		st = kz_service_get(db, ids[k], &s, &err);
		if (st != KZ_OK) {
			rc = child_fail(tag, "kz_service_get", u, st, &err);
			break;
		}
		if (round % 2 == 0) {
			cost_value(buf, sizeof(buf), who, u);
			kz_str_set(&s.cost, buf);
		} else {
			place_value(buf, sizeof(buf), who, u);
			kz_str_set(&s.place, buf);
		}
		st = kz_service_save(db, &s, &err);
		if (st != KZ_OK)
			rc = child_fail(tag, "kz_service_save (update)", u, st, &err);
		kz_service_clear(&s);
	}
	kz_db_close(db);
	free(ids);
	char done = rc == 0 ? 'y' : 'n';
	if (!write_all(out, &done, 1))
		return 1;
	return rc;
}

struct seen {
	int count[2];
	int bad;
};

static enum kz_status check_one(const struct kz_service *s, void *ctx)
{
	struct seen *seen = ctx;
	char want[64];
	int who, k;
	char tag;

	if (sscanf(s->title, "Usługa %c-%d", &tag, &k) != 2 ||
	    (tag != 'A' && tag != 'B') || k < 0 || k >= SERVICES_EACH) {
		fprintf(stderr, "unexpected service \"%s\"\n", s->title);
		seen->bad++;
		return KZ_OK;
	}
	who = tag == 'A' ? 0 : 1;
	seen->count[who]++;
	/* The last update of this service's cost was in the last even round,
	 * of its place in the last odd round. */
	int last_cost_round = (ROUNDS - 1) % 2 == 0 ? ROUNDS - 1 : ROUNDS - 2;
	int last_place_round = (ROUNDS - 1) % 2 == 1 ? ROUNDS - 1 : ROUNDS - 2;
	cost_value(want, sizeof(want), who, last_cost_round * SERVICES_EACH + k);
	if (!s->cost || strcmp(s->cost, want) != 0) {
		fprintf(stderr, "%s: cost \"%s\", expected \"%s\"\n", s->title,
			s->cost ? s->cost : "(null)", want);
		seen->bad++;
	}
	place_value(want, sizeof(want), who, last_place_round * SERVICES_EACH + k);
	if (!s->place || strcmp(s->place, want) != 0) {
		fprintf(stderr, "%s: place \"%s\", expected \"%s\"\n", s->title,
			s->place ? s->place : "(null)", want);
		seen->bad++;
	}
	/* one insert and ROUNDS updates */
	if (s->stamp.rev != 1 + ROUNDS) {
		fprintf(stderr, "%s: rev %ld, expected %d\n", s->title,
			s->stamp.rev, 1 + ROUNDS);
		seen->bad++;
	}
	if (!s->stamp.updated_by || strcmp(s->stamp.updated_by, writer_user[who]) != 0 ||
	    !s->stamp.created_by || strcmp(s->stamp.created_by, writer_user[who]) != 0) {
		fprintf(stderr, "%s: created by %s, updated by %s, expected %s\n",
			s->title, s->stamp.created_by ? s->stamp.created_by : "(null)",
			s->stamp.updated_by ? s->stamp.updated_by : "(null)",
			writer_user[who]);
		seen->bad++;
	}
	return KZ_OK;
}

static void test_two_writers_10000_edits(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_service_filter all = { .status = "all" };
	char pid[KZ_ID_LEN + 1];
	char done[2];
	size_t n = 0;
	long audit_before;
	struct seen seen = { { 0, 0 }, 0 };

	test_db_open(&t);
	add_partner(t.db, pid);
	assert_int_equal(kz_service_count(t.db, &all, &n, &err), KZ_OK);
	assert_int_equal(n, 0);
	audit_before = audit_count(t.db);
	/* no connection may cross fork() */
	kz_db_close(t.db);
	t.db = NULL;

	struct many_arg arg = { t.path, pid };
	run_two_writers(many_edits, &arg, done, 1);
	assert_int_equal(done[0], 'y');
	assert_int_equal(done[1], 'y');

	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &t.db, &err), KZ_OK);
	assert_int_equal(kz_service_count(t.db, &all, &n, &err), KZ_OK);
	assert_int_equal(n, 2 * SERVICES_EACH);
	assert_int_equal(kz_service_each(t.db, true, check_one, &seen, &err), KZ_OK);
	assert_int_equal(seen.bad, 0);
	assert_int_equal(seen.count[0], SERVICES_EACH);
	assert_int_equal(seen.count[1], SERVICES_EACH);
	/* every save wrote its audit entry: 10,000 edits */
	assert_int_equal(audit_count(t.db) - audit_before, 10000);
	char *report = NULL;
	assert_int_equal(kz_db_check(t.db, &report, &err), KZ_OK);
	free(report);
	test_db_close(&t);
}

/* --- test 2: both change the same record ---------------------------------- */

struct same_arg {
	const char *path;
	const char *service;
};

struct same_result {
	long saved;     /* successful saves */
	long conflicts; /* saves refused as KZ_CONFLICT */
};

static void hours_value(char *buf, size_t size, int who, int i)
{
	snprintf(buf, size, "godziny %c %d", writer_tag[who], i);
}

/* SAME_RECORD_SAVES times: open the record, change its hours, save with
 * the revision read; when refused as a conflict, open it again and repeat
 * the change. Any other status than KZ_OK or KZ_CONFLICT is a failure. */
static int same_record(int who, const void *varg, int out)
{
	const struct same_arg *arg = varg;
	const char tag = writer_tag[who];
	struct kz_error err = { 0 };
	struct kz_db *db = NULL;
	struct same_result r = { 0, 0 };
	char buf[64];
	enum kz_status st;
	int rc = 0;

	st = kz_db_open(arg->path, KZ_OPEN_EXISTING, &db, &err);
	if (st != KZ_OK)
		return child_fail(tag, "kz_db_open", 0, st, &err);
	kz_db_set_principal(db, writer_user[who], KZ_ROLE_COORDINATOR);
	for (int i = 0; i < SAME_RECORD_SAVES && rc == 0; i++) {
		for (;;) {
			struct kz_service s = { 0 };
			st = kz_service_get(db, arg->service, &s, &err);
			if (st != KZ_OK) {
				rc = child_fail(tag, "kz_service_get", i, st, &err);
				kz_service_clear(&s);
				break;
			}
			long rev_read = s.stamp.rev;
			hours_value(buf, sizeof(buf), who, i);
			kz_str_set(&s.hours, buf);
			/* a person takes a moment between opening and saving:
			 * widens the window in which the other may save first
			 * (the checks below do not depend on it) */
			struct timespec pause = { 0, (long)((i * 7919 + who * 104729) % 400) * 1000 };
			nanosleep(&pause, NULL);
			st = kz_service_save(db, &s, &err);
			if (st == KZ_OK && s.stamp.rev != rev_read + 1) {
				fprintf(stderr, "writer %c: save #%d: rev %ld, expected %ld\n",
					tag, i, s.stamp.rev, rev_read + 1);
				rc = 1;
			}
			kz_service_clear(&s);
			if (st == KZ_OK) {
				r.saved++;
				break;
			}
			if (st == KZ_CONFLICT) {
				r.conflicts++;
				continue;
			}
			rc = child_fail(tag, "kz_service_save", i, st, &err);
			break;
		}
	}
	kz_db_close(db);
	if (!write_all(out, &r, sizeof(r)))
		return 1;
	return rc;
}

static void test_same_record_conflicts_not_overwrites(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_service s = { 0 };
	struct same_result r[2];
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];
	char last_a[64], last_b[64];
	long audit_before;

	test_db_open(&t);
	add_partner(t.db, pid);
	add_service(t.db, pid, "Asystent rodziny", sid);
	assert_int_equal(kz_service_get(t.db, sid, &s, &err), KZ_OK);
	assert_int_equal(s.stamp.rev, 1);
	kz_service_clear(&s);
	audit_before = audit_count(t.db);
	kz_db_close(t.db);
	t.db = NULL;

	struct same_arg arg = { t.path, sid };
	run_two_writers(same_record, &arg, r, sizeof(r[0]));
	print_message("same record: %ld + %ld saves, %ld + %ld conflicts refused\n",
		      r[0].saved, r[1].saved, r[0].conflicts, r[1].conflicts);
	assert_int_equal(r[0].saved, SAME_RECORD_SAVES);
	assert_int_equal(r[1].saved, SAME_RECORD_SAVES);

	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &t.db, &err), KZ_OK);
	assert_int_equal(kz_service_get(t.db, sid, &s, &err), KZ_OK);
	/* every successful save and only those raised the revision */
	assert_int_equal(s.stamp.rev - 1, r[0].saved + r[1].saved);
	assert_int_equal(audit_count(t.db) - audit_before, r[0].saved + r[1].saved);
	/* whoever saved last, it was that writer's last change */
	hours_value(last_a, sizeof(last_a), 0, SAME_RECORD_SAVES - 1);
	hours_value(last_b, sizeof(last_b), 1, SAME_RECORD_SAVES - 1);
	assert_non_null(s.hours);
	if (strcmp(s.hours, last_a) == 0)
		assert_string_equal(s.stamp.updated_by, "anna");
	else if (strcmp(s.hours, last_b) == 0)
		assert_string_equal(s.stamp.updated_by, "beata");
	else
		fail_msg("hours \"%s\" is neither \"%s\" nor \"%s\"", s.hours,
			 last_a, last_b);
	assert_string_equal(s.title, "Asystent rodziny");
	kz_service_clear(&s);
	test_db_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_writers_10000_edits),
		cmocka_unit_test(test_same_record_conflicts_not_overwrites),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
