/* libFuzzer target for what the command line parses: FIELD=VALUE
 * assignments of "koszyk case open|add", "meeting add|attend|decide",
 * "task add|close" and "conflict resolve" (the real commands of
 * src/cli, on a demo database), dates and years (birth_year, target
 * dates, KOSZYK_TODAY, the date arithmetic of src/core/util.c).
 *
 * Input: lines. The first is the command (case, meeting, task,
 * conflict) and the others its arguments, as a shell would pass them;
 * each command runs as the coordinator inside a transaction that is
 * rolled back, and must give a message a person can read or a record
 * whose every value passes the check of its field. Or the first line is
 * "date", then a date, another date and a number of days: the date
 * functions must agree with each other. Seeds: tests/fuzz/corpus/
 * fuzz_cli. Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../src/cli/cli.h"
#include "fuzz_common.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_cli cli;

/* main.c is not part of the fuzz build: the database is open already. */
enum kz_status kz_cli_open_db(struct kz_cli *c, struct kz_error *err)
{
	return c->db ? KZ_OK : kz_fail(err, KZ_ENV, "no database");
}

static void done(void)
{
	kz_db_close(cli.db);
	kz_config_free(&cli.cfg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cli.db = fuzz_demo_db("cli.db", &cli.cfg);
	cli.login = "akowalska";
	/* The commands print the new code or id. */
	if (!freopen("/dev/null", "w", stdout))
		abort();
	atexit(done);
	return 0;
}

static const struct {
	const char *table;
	const struct kz_field *fields;
	const size_t *n;
} tables[] = {
	{ "cases", kz_case_fields, &kz_case_nfields },
	{ "members", kz_member_fields, &kz_member_nfields },
	{ "team", kz_team_fields, &kz_team_nfields },
	{ "plans", kz_plan_fields, &kz_plan_nfields },
	{ "diagnoses", kz_diagnosis_fields, &kz_diagnosis_nfields },
	{ "goals", kz_goal_fields, &kz_goal_nfields },
	{ "actions", kz_action_fields, &kz_action_nfields },
	{ "reviews", kz_review_fields, &kz_review_nfields },
	{ "progress", kz_progress_fields, &kz_progress_nfields },
	{ "meetings", kz_meeting_fields, &kz_meeting_nfields },
	{ "attendees", kz_attendee_fields, &kz_attendee_nfields },
	{ "decisions", kz_decision_fields, &kz_decision_nfields },
	{ "tasks", kz_task_fields, &kz_task_nfields },
};

static void run_command(char **argv, int argc)
{
	struct kz_error err = { 0 };
	enum kz_status (*cmd)(struct kz_cli *, struct kz_error *);
	enum kz_status st;

	if (strcmp(argv[0], "case") == 0)
		cmd = kz_cmd_case;
	else if (strcmp(argv[0], "meeting") == 0)
		cmd = kz_cmd_meeting;
	else if (strcmp(argv[0], "task") == 0)
		cmd = kz_cmd_task;
	else if (strcmp(argv[0], "conflict") == 0)
		cmd = kz_cmd_conflict;
	else
		return;
	cli.argc = argc;
	cli.argv = argv;
	kz_db_set_login(cli.db, &cli.cfg, cli.login);
	if (kz_db_begin(cli.db, &err) != KZ_OK)
		fuzz_die("begin", &err);
	st = cmd(&cli, &err);
	fflush(stdout);
	if (getenv("FUZZ_DEBUG"))
		fprintf(stderr, "%s %s: %d %s\n", argv[0], argc > 1 ? argv[1] : "", (int)st,
			st == KZ_OK ? "" : err.msg);
	if (st == KZ_OK) {
		for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
			fuzz_check_table(cli.db, &cli.cfg, tables[i].table, tables[i].fields,
					 *tables[i].n);
	} else if (!err.msg[0] || st == KZ_ENV || st == KZ_CORRUPT) {
		/* Bad input is the user's to correct: exit 2 and words. */
		fprintf(stderr, "status %d\n", (int)st);
		fuzz_die("not a clear error", &err);
	}
	kz_db_rollback(cli.db);
	if (!sqlite3_get_autocommit(kz_db_handle(cli.db)))
		fuzz_die("a transaction was left open", NULL);
}

static void check_dates(char **argv, int argc)
{
	const char *a = argc > 1 ? argv[1] : "", *b = argc > 2 ? argv[2] : "";
	char *end, out[11], today[11];
	long n;

	errno = 0;
	n = argc > 3 ? strtol(argv[3], &end, 10) : 0;
	if (errno || n < -10000000 || n > 10000000)
		n = 0;
	if (kz_date_valid(a)) {
		kz_date_add_days(a, 0, out);
		if (strcmp(out, a) != 0)
			fuzz_die("date + 0 days is another date", NULL);
		kz_date_add_days(a, n, out);
		if (kz_date_valid(out) && kz_date_diff_days(a, out) != n)
			fuzz_die("date + n days is not n days later", NULL);
		if (kz_date_valid(b)) {
			kz_date_add_days(a, kz_date_diff_days(a, b), out);
			if (strcmp(out, b) != 0)
				fuzz_die("a + (b - a) is not b", NULL);
			if (kz_date_diff_days(a, b) != -kz_date_diff_days(b, a) ||
			    (strcmp(a, b) < 0) != (kz_date_diff_days(a, b) > 0))
				fuzz_die("the difference of dates is not ordered", NULL);
		}
	} else {
		kz_date_add_days(a, n, out);
		if (out[0] || kz_date_diff_days(a, b) != 0)
			fuzz_die("an invalid date gave a result", NULL);
	}
	/* KOSZYK_TODAY is used only when it is a date. */
	setenv("KOSZYK_TODAY", a, 1);
	kz_today(today);
	if (!kz_date_valid(today) || (kz_date_valid(a) && strcmp(today, a) != 0))
		fuzz_die("today is no date", NULL);
	setenv("KOSZYK_TODAY", FUZZ_TODAY, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), **argv = NULL;
	int argc = 0;

	/* Lines (a NUL ends the text, as it would an argument). */
	for (char *p = text;;) {
		char *nl = strchr(p, '\n');
		argv = xrealloc(argv, (size_t)(argc + 2) * sizeof(*argv));
		argv[argc++] = p;
		if (!nl || argc > 64)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	argv[argc] = NULL;
	if (strcmp(argv[0], "date") == 0)
		check_dates(argv, argc);
	else
		run_command(argv, argc);
	free(argv);
	free(text);
	return 0;
}
