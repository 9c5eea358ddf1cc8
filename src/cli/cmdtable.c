/* The command table: every command line koszyk understands, one row a
 * synopsis. Dispatch, koszyk --help, koszyk COMMAND --help, the bash
 * completion and the COMMANDS section of the man page (make docs, see
 * tools/gendocs.c) are all made from it: a command added here is
 * documented everywhere. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"

const char *const kz_cli_group_titles[KZ_GROUP_COUNT] = {
	[KZ_GROUP_BASKET] = N_("The basket, the partners and their contact persons"),
	[KZ_GROUP_CASES] = N_("Cases and plans"),
	[KZ_GROUP_MEETINGS] = N_("Meetings and tasks"),
	[KZ_GROUP_SYNC] = N_("Offline work and sync"),
	[KZ_GROUP_ACCESS] = N_("Who may see and change what (the login comes from the operating system)"),
	[KZ_GROUP_BACKUP] = N_("Backups and the partnership's key (change files and backups are locked)"),
	[KZ_GROUP_AUDIT] = N_("The audit trail (who changed or read what, and when)"),
};

const struct kz_cli_command kz_cli_commands[] = {
	{ "init", "",
	  N_("create an empty database"),
	  KZ_GROUP_BASKET, KZ_CMD_MAKES_DB, NULL, kz_cmd_init,
		"Create an empty database for the configuration.\n"
		"Refuses an existing file.\n" },
	{ "demo", "",
	  N_("create a database filled with a fictional gmina"),
	  KZ_GROUP_BASKET, KZ_CMD_MAKES_DB, NULL, kz_cmd_demo,
		"Create a database filled with a fictional gmina: partners of every sector,\n"
		"their contact persons, a basket of about 160 services, cases with their\n"
		"plans and a year of meetings, in Polish.\n"
		"The data is compiled in from the YAML files of\n"
		".I data/demo/\n"
		"in the source tree; dates in them are relative to the day the demo is made.\n" },
	/* TRANSLATORS: in a synopsis translate only the words in capitals
	 * (the values a person gives, e.g. FILE, CASE_CODE); command names,
	 * options and words in small letters are typed as they are. */
	{ "search", N_("[--json] [--network NAME] [--own] QUERY"),
	  N_("find services, partners, contact persons, meetings and cases"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_search,
		"Find services, partners and contact persons.\n"
		"Every word of the query must match the beginning of a word of the record;\n"
		"case and Polish letters do not matter\n"
		".RB ( zlobek\n"
		"finds\n"
		".IR Żłobek ,\n"
		".B lodz\n"
		"finds\n"
		".IR Łódź ).\n"
		"Records whose title matches come first.\n"
		"Any text is a valid query: quotes, operators and SQL are just words.\n"
		".B \\-\\-network\n"
		".I NAME\n"
		"finds only in the basket of that network (see\n"
		".BR \"network add\" ):\n"
		"its services, partners and contact persons;\n"
		".B \\-\\-own\n"
		"only in our own basket, with meetings and cases\n"
		"(as f in the program's lookup).\n"
		"Exit code 1 when nothing is found.\n" },
	{ "list", "services|partners|contacts [--json] [--all] [--network NAME]",
	  N_("the basket (--all: archived services too), the partners or their contact persons"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_list,
		"The services of the basket, the partners or the contact persons.\n"
		"Archived services are listed only with\n"
		".BR \\-\\-all .\n"
		"A service of a network's basket (see\n"
		".BR \"network add\" )\n"
		"is marked with\n"
		".BI [ NAME ]\n"
		"after its title;\n"
		".B \\-\\-network\n"
		".I NAME\n"
		"lists only those (as text).\n" },
	{ "list", N_("partners [--status STATUS] [--sector SECTOR] [--json]"),
	  N_("the partners of one membership status and/or sector (as f in the program)"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_list,
		"Only the partners whose membership status is\n"
		".I STATUS\n"
		".RB ( invited ,\n"
		".BR informal ,\n"
		".B declared\n"
		"or\n"
		".BR left )\n"
		"and that work in the sector\n"
		".I SECTOR\n"
		"(a code of the configuration's\n"
		".BR sectors ),\n"
		"as the\n"
		".B f\n"
		"key of the partners screen narrows them.\n" },
	{ "partner", N_("history NAME [--json]"),
	  N_("a partner's membership step by step, as the partner's screen shows it"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_partner,
		"The dated steps of a partner's membership, derived from what is\n"
		"recorded: first recorded, invited (the day its membership became\n"
		"invited), the first partnership meeting one of its people attended, the\n"
		"declaration signed, left and returned.\n"
		"A step nothing recorded is not shown.\n" },
	{ "import", N_("csv services|partners FILE [--separator ;|,] [--encoding ENC]"),
	  N_("add rows; a row whose id exists updates it"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_import,
		"Add the rows of a CSV file (header row first): RFC 4180 UTF-8, with or\n"
		"without a BOM, or what Polish Excel saves as \"CSV\" (Windows-1250,\n"
		"columns separated by semicolons).\n"
		"A file that is not valid UTF-8 is read as Windows-1250 (cp1250); the\n"
		"columns are separated by\n"
		".B ;\n"
		"when the header line has more semicolons than commas outside quotes.\n"
		"The import says how it read the file;\n"
		".B \\-\\-separator\n"
		"and\n"
		".B \\-\\-encoding\n"
		".RB ( utf\\-8\n"
		"or\n"
		".BR cp1250 )\n"
		"override what is detected.\n"
		"Lines may end in CRLF or LF.\n"
		"A row whose\n"
		".B id\n"
		"exists updates that record: only the columns present change.\n"
		"Services need the columns\n"
		".B title\n"
		"and\n"
		".BR provider ;\n"
		"partners need\n"
		".BR name .\n"
		"Other columns may be missing or in any order; an unknown column is an\n"
		"error.\n"
		"The whole file is one transaction: on any error nothing is written and the\n"
		"message names the file, the row and the column.\n" },
	{ "export", N_("csv services|partners [--excel] [-o PATH]"),
	  N_("every column (services: archived ones too)"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_export,
		"Every column, in the order below; services include archived ones.\n"
		"RFC 4180 UTF-8 with commas;\n"
		".B \\-\\-excel\n"
		"writes a UTF-8 BOM and semicolons between the values (still CRLF), so\n"
		"that Excel opens the file with a double click and shows Polish letters.\n" },
	{ "export", N_("json|md|html [-o PATH]"),
	  N_("the whole basket with partners and contacts"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_export,
		"The basket (active and suspended services) with the partners and contact\n"
		"persons.\n"
		".B html\n"
		"is one self-contained page (no external files) grouped by category and\n"
		"readable on a phone, for the Lider's website.\n" },
	{ "import", N_("hsds DIR"),
	  N_("Open Referral HSDS 3.0 files into partners, contacts and services"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_import,
		"Read the tabular files of an HSDS 3.0 data package (organizations.csv is\n"
		"needed; a missing other file is an empty table): organizations as partners\n"
		"(with their KRS number and address), contacts as contact persons, phones\n"
		"as their phone, services with their locations (and addresses) as place,\n"
		"schedule descriptions as hours, service areas, required documents, cost\n"
		"options and the koszyk taxonomy's terms (category, sector, target\n"
		"groups), the inverse of\n"
		".BR \"export hsds\" ,\n"
		"by the table of\n"
		".B HSDS FIELDS\n"
		"below.\n"
		"A record whose id exists is updated in the fields HSDS holds, and only\n"
		"when one differs: the same feed twice changes nothing. One transaction:\n"
		"a bad cell names the file, the row and the column, and nothing is written.\n"
		"Every column with values koszyk does not keep, and every table it does\n"
		"not read, is named on the standard error with how many.\n" },
	{ "export", N_("hsds DIR"),
	  N_("the published basket as Open Referral HSDS 3.0 files"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_export,
		"The published basket (active and suspended services, the partners who\n"
		"have not left and every provider of such a service, their contact\n"
		"persons; nothing about cases) in the tabular layout of the Open Referral\n"
		"Human Services Data Specification 3.0: every CSV file its data package\n"
		"names (RFC 4180, UTF-8, a header row with every column, empty cells for\n"
		"what koszyk does not keep) and\n"
		".BR datapackage.json .\n"
		"DIR is made when missing; only those file names are written in it.\n"
		"The rows of each file are counted on the standard output.\n"
		"Ids are the records' ids; a row koszyk keeps no record for gets an id\n"
		"derived from what it comes from, the same at every export.\n"
		"Which field is which column is the table of\n"
		".B HSDS FIELDS\n"
		"below, the same for\n"
		".BR \"import hsds\" .\n"
		"The other files hold their header row only.\n" },
	{ "network", N_("add NAME DIR|FILE"),
	  N_("the published HSDS basket of another partnership, read-only, marked with NAME"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_network,
		"Import the HSDS feed of another partnership (the folder\n"
		".B export hsds\n"
		"wrote there, or a file in it) as a read-only basket marked with NAME,\n"
		"its short name (letters, digits,\n"
		".B \\-\n"
		"and\n"
		".BR _ ).\n"
		"Search and lookup show its services and partners with\n"
		".BI [ NAME ]\n"
		"and plans may pick its services; changing them here is refused (they\n"
		"change in their own basket).\n"
		".B export hsds\n"
		"publishes only our own basket. Nothing of cases is in a feed.\n" },
	{ "network", N_("update [NAME]"),
	  N_("read the feed of a network (of every network) again"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_network,
		"Import the feed of the network again from where it was added:\n"
		"what changed is updated, the same feed twice changes nothing, and a\n"
		"service the feed no longer has is withdrawn (archived), never deleted,\n"
		"so that a plan that picked it still names it; a partner it no longer\n"
		"has is marked as left (never deleted; its contact persons, who have no\n"
		"status, stay), and is a member again when the feed has it again.\n" },
	{ "network", "list",
	  N_("the networks, their services, withdrawn services and partners"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_network,
		"One line a network: its name, how many services (and withdrawn ones)\n"
		"and partners (and those who left) came from it, when it was imported\n"
		"and from where.\n" },
	{ "export", N_("xlsx [-o PATH]"),
	  N_("the basket as an Excel workbook: a sheet for each kind"),
	  KZ_GROUP_BASKET, 0, NULL, kz_cmd_export,
		"A workbook (.xlsx) with the sheets Services (archived ones too),\n"
		"Partners and Contact persons (their names translated): the columns of\n"
		"the CSV export under a bold header row that stays in view, each column\n"
		"as wide as its content (up to 60 characters), dates as dates.\n"
		"Every other value is text, a formula never: a value that begins with\n"
		".BR = ,\n"
		".BR + ,\n"
		".B \\-\n"
		"or\n"
		".B @\n"
		"is shown as it is written.\n"
		"A service's provider and contact and a contact person's partner are\n"
		"given by name.\n"
		"Written to standard output only when that is not a terminal.\n" },
	{ "check", "",
	  N_("integrity of the database and its audit trail"),
	  KZ_GROUP_BASKET, KZ_CMD_CHECKS, NULL, kz_cmd_check,
		"Check the database file, its references, the search index and the audit\n"
		"trail.\n"
		"Exit code 1 when a problem is found.\n"
		".IP\n"
		"The audit trail is a hash chain: each entry carries the hash (BLAKE2b) of\n"
		"the entry before it, and its own hash covers its number, time, user,\n"
		"action, kind and a keyed hash of its details.\n"
		".B check\n"
		"verifies the whole chain and names the first broken entry: one that was\n"
		"changed, entries that are missing (deleted in the middle or at the end),\n"
		"or entries out of order.\n"
		"This shows changes made to the file with ordinary tools such as\n"
		".BR sqlite3 (1).\n"
		"It is no signature: someone able to rewrite the whole file can compute a\n"
		"new chain that verifies, and entries removed from the end together with\n"
		"SQLite's own record of the numbers used go unnoticed.\n"
		"Keep backups where such a person cannot change them, and compare.\n"
		".IP\n"
		"Beside the contents,\n"
		".B check\n"
		"names the files of the database that every user of the computer may read\n"
		"(the database, its\n"
		".I \\-wal\n"
		"and the backups\n"
		".IR DB . DATE .bak\n"
		"beside it) with the\n"
		".B chmod\n"
		"that fixes it, says when the file can only be read, and says whether the\n"
		"disk under it is encrypted (dm-crypt/LUKS, also beneath LVM), which RODO\n"
		"art. 32 expects of a laptop. These are warnings; they do not change the\n"
		"exit code. The same warnings are printed when any command opens the\n"
		"database, and shown on the first screen of the full-screen program.\n" },
	{ "list", "cases [--json]",
	  N_("case codes with status and case manager"),
	  KZ_GROUP_CASES, 0, NULL, kz_cmd_list,
		"The case codes with status and case manager; never names.\n" },
	{ "case", N_("open FIELD=VALUE..."),
	  N_("open a case; prints its code"),
	  KZ_GROUP_CASES, 0, NULL, kz_cmd_case,
		"Open a case and print its code (generated from\n"
		".B case_code_format\n"
		"unless\n"
		".B code=\n"
		"is given).\n"
		"Fields:\n"
		".BR code \", \" status \", \" manager \", \" legal_basis \" (consent or statutory), \" legal_basis_note \", \" consent_date \", \" consent_scope \", \" opened_on \", \" closed_on \", \" notes .\n" },
	{ "case", N_("add KIND CASE_CODE FIELD=VALUE..."),
	  N_("add a member, team, plan, diagnosis, goal, action, review or progress; prints its id"),
	  KZ_GROUP_CASES, 0, "member team plan diagnosis goal action review progress", kz_cmd_case,
		"Add to a case and print the new record's id.\n"
		".I KIND\n"
		"is\n"
		".BR member \" (\" role \", \" birth_year \", \" name \", \" notes ),\n"
		".BR team \" (\" contact= name \" or \" contact_id \", \" role ),\n"
		".BR plan \" (\" status \", \" valid_from \", \" valid_to \", \" approved_by \", \" approved_on \", \" closing_summary ),\n"
		"or, to the case's current plan,\n"
		".BR diagnosis \" (\" need_area \", \" situation \", \" needs \", \" strengths \", \" family_view ),\n"
		".BR goal \" (\" what \", \" indicator \", \" target_date \", \" priority \", \" status ),\n"
		".BR action \" (\" service= \"title or \" service_id \", \" free_text \", \" goal= \"N, \" partner= name \", \" contact= name \", \" family_commitment \", \" referral_date \", \" referral_answer \", \" answer_date \", \" start_date \", \" due_date \", \" status ),\n"
		".BR review \" (\" review_date \", \" participants \", \" notes \", \" next_review_date \", and the progress of its goals: \" progress.N \", \" goal_status.N )\n"
		"or\n"
		".BR progress \" (of the latest review: \" goal= \"N, \" progress \", \" goal_status ).\n"
		"A review given with the progress of its goals is saved with it, and with\n"
		"the version of the plan kept at the review, in one transaction: the\n"
		"version holds the progress.\n"
		"The same checks as on the screen apply (a goal needs a target date, an\n"
		"archived service cannot be chosen, a review may not be dated before the\n"
		"plan); on any error nothing is written.\n" },
	{ "plan", N_("CASE_CODE [--format text|md|html] [-o PATH]"),
	  N_("the case's plan, printed for the family"),
	  KZ_GROUP_CASES, 0, NULL, kz_cmd_plan,
		"Print the case's current individual support plan for the family: the\n"
		"family's goals and commitments first, then the services with their\n"
		"places, hours and contact persons; no internal notes.\n"
		"Printing is a reading of the family's file: it is written in the audit\n"
		"trail.\n" },
	{ "gdpr", N_("export CASE_CODE [-o PATH]"),
	  N_("everything held about one case (JSON)"),
	  KZ_GROUP_CASES, 0, NULL, kz_cmd_gdpr,
		"Everything held about one case, as JSON (written readable by its owner\n"
		"only).\n"
		"The export is written in the audit trail.\n" },
	{ "gdpr", N_("erase CASE_CODE --yes"),
	  N_("erase a case; only an audit entry is left"),
	  KZ_GROUP_CASES, 0, NULL, kz_cmd_gdpr,
		"Remove the case and everything of it from every table and the search\n"
		"index; only an audit entry that it happened remains.\n"
		"The case's earlier audit entries keep their place in the trail without\n"
		"their details (which record, which case, the summary), so the trail\n"
		"still verifies and says nothing of the case.\n"
		"Without\n"
		".B \\-\\-yes\n"
		"nothing is done.\n" },
	{ "report", N_("NAME [--format text|csv|json|html] [-o PATH]"),
	  N_("a monitoring report: coverage, gaps, usage, workload, stale, overdue, outcomes, partnership or retention"),
	  KZ_GROUP_CASES, 0, "coverage gaps usage workload stale overdue outcomes partnership retention", kz_cmd_report,
		".B coverage\n"
		"(active services by sector, category and target group, empty ones too),\n"
		".B gaps\n"
		"(needs written in diagnoses that no active service answers, with the\n"
		"cases; a service answers a need area when its category, or one of its\n"
		"target groups, is one the area's\n"
		".B categories\n"
		"or\n"
		".B target_groups\n"
		"in\n"
		".B need_areas\n"
		"of the configuration name, see\n"
		".BR koszyk.yaml (5);\n"
		"the report's header says what answers each area it lists),\n"
		".B usage\n"
		"(which services the plans use; referrals accepted and declined by partner),\n"
		".B workload\n"
		"(open tasks and actions by partner, with a figure of unevenness),\n"
		".B stale\n"
		"(entries not verified within\n"
		".BR stale_days ,\n"
		"with the person to call),\n"
		".B overdue\n"
		"(actions, tasks and reviews past due),\n"
		".B outcomes\n"
		"(goals reached, partly, not reached and still open by need area and by\n"
		"quarter, from the reviews' progress; referrals by partner with the days\n"
		"to the answer; cases whose first plan was approved within 30 days of\n"
		"opening, the CUS rule, and the plans' validity: four tables, each row of\n"
		"the CSV and JSON naming its\n"
		".BR part ),\n"
		".B partnership\n"
		"(who signed the declaration when, sectors missing or thin, partners who\n"
		"never attended a partnership meeting, how hosting is shared),\n"
		".B retention\n"
		"(closed cases kept longer than\n"
		".B retention_years\n"
		"of the configuration).\n"
		"Text output fits 80 columns, with bar charts where they help.\n"
		".B \\-\\-format html\n"
		"writes one self-contained page (for a projector or a council report,\n"
		"printable on A4): the table, with bar charts drawn in SVG from the\n"
		"same rows for coverage, usage and workload; it fetches nothing.\n" },
	{ "list", "meetings|tasks [--json]",
	  N_("meetings newest first; tasks open first"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_list,
		"Meetings newest first (with host and, for a case team, the case code);\n"
		"tasks open first.\n" },
	{ "meeting", N_("add FIELD=VALUE..."),
	  N_("e.g. date=2026-12-01 time=10:00 host=PARTNER title=...; prints its id"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"Record a meeting and print its id:\n"
		".BR title \", \" date \" (required), \" time \" (HH:MM), \" host= \"partner, \" chair= \"partner, \" place \", \" agenda \", \" minutes ,\n"
		".B kind\n"
		"(partnership, working_group, training; case_team with\n"
		".BR case= CODE\n"
		"for a case team's meeting).\n" },
	{ "meeting", N_("attend MEETING_ID contact=NAME [attended=1]"),
	  N_("invite a contact person, or mark that they came"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"Invite a contact person from the partner registry, or mark that they came.\n" },
	{ "meeting", N_("decide MEETING_ID text=..."),
	  N_("record a decision of the meeting"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"Record a decision.\n" },
	{ "meeting", "next-host",
	  N_("the partner whose turn it is to host"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"The partner whose turn it is to host: the one that hosted longest ago, or\n"
		"never.\n" },
	{ "meeting", N_("minutes MEETING_ID [--format text|md|html] [-o PATH]"),
	  N_("the minutes: attendance, decisions, tasks; HTML for print"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"The minutes of the meeting: date, time, place, kind, host and chair,\n"
		"the agenda and the minutes written, who was present and who was invited\n"
		"but absent, the decisions numbered and the tasks (who, due, status, from\n"
		"which decision); as text, Markdown or one self-contained HTML page to\n"
		"print (A4). A file written with\n"
		".B \\-o\n"
		"is readable by its owner only.\n" },
	{ "meeting", N_("ics MEETING_ID [-o PATH]"),
	  N_("the meeting as an iCalendar event (.ics) for calendars"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"The meeting as an iCalendar (RFC 5545) event for the partners'\n"
		"calendars: its time in Europe/Warsaw time (two hours; the whole day when\n"
		"it has no time), the place, the kind, host, chair and agenda, and each\n"
		"invited person with an e-mail address as an attendee. Its UID comes from\n"
		"the meeting's id, so a calendar updates the event it already holds.\n" },
	{ "meeting", "next-chair",
	  N_("the partner whose turn it is to chair"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"The partner whose turn it is to chair (chairing is shared): the one that\n"
		"chaired longest ago, or never; the next host comes last.\n" },
	{ "meeting", N_("invite MEETING_ID [--partners] [--team CASE_CODE]"),
	  N_("--partners: one person of every cooperating partner; --team: the case's team; prints how many"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_meeting,
		"Invite many at once, in one transaction:\n"
		".B \\-\\-partners\n"
		"one contact person of every partner that signed the declaration or\n"
		"cooperates informally and has nobody on the list yet (the person it sent\n"
		"most lately, else the first by name);\n"
		".B \\-\\-team\n"
		"the team of the case, those not on the list yet. Prints how many were\n"
		"invited.\n" },
	{ "task", N_("add FIELD=VALUE..."),
	  N_("title=... partner=NAME [contact=NAME] [meeting=ID [decision=N]] [due_date=...]; prints its id"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_task,
		".BR title \", \" partner= \"NAME (required), \" contact= \"NAME, \" meeting= \"ID, \" case= \"CODE, \" due_date ,\n"
		".BR decision= \"N or ID: the decision of the meeting the task came from\n"
		"(N as the minutes number them).\n" },
	{ "task", N_("close TASK_ID [status=done|dropped]"),
	  N_("close a task"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_task,
		"Close a task; when and by whom is recorded.\n" },
	{ "task", "list [all|mine|overdue|by-partner] [--json]",
	  N_("all tasks, mine, the overdue ones, or by partner"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_task,
		"All tasks (the default), mine, those past their due date, or all\n"
		"grouped by partner; open tasks first.\n" },
	{ "task", N_("list partner|case NAME|CASE_CODE [--json]"),
	  N_("the open tasks of a partner, or of a case and its team's meetings"),
	  KZ_GROUP_MEETINGS, 0, NULL, kz_cmd_task,
		"The open tasks whose owner is the partner (its name or short name),\n"
		"or those of the case and of its team's meetings, by due date; tasks\n"
		"of a case the user may not see are left out.\n" },
	{ "sync", N_("clone SOURCE"),
	  N_("a new replica (-d NEW.db) of a database: a path or [USER@]HOST:DB; a worker's holds only the cases she may see"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"Make the database given with\n"
		".B \\-d\n"
		"a new replica of\n"
		".IR SOURCE :\n"
		"a path, or\n"
		".RI [ USER @] HOST : DB\n"
		"reached over\n"
		".BR ssh .\n"
		"The new replica has a replica id of its own and belongs to the person\n"
		"who makes it: a coordinator's holds every case; a worker's holds the\n"
		"basket and only her cases (see\n"
		".BR \"Need-to-know replicas\" ).\n"
		"A database file copied by hand is noticed the next time it is opened and\n"
		"also gets a replica id of its own, so two replicas never share one.\n"
		"The new replica holds the partnership's key (see\n"
		".BR \"LOCKED FILES AND THE PARTNERSHIP'S KEY\" ),\n"
		"over\n"
		".B ssh\n"
		"too, and a worker's as well.\n" },
	{ "sync", N_("export FILE [--for LOGIN]"),
	  N_("the changes the other side has not seen (--for: for LOGIN's replica, her cases)"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"Write the changes that no replica this one has exchanged with holds yet\n"
		"to a new\n"
		".I FILE\n"
		"(for a USB stick or e\\-mail; mode 0600).\n"
		"Written by a worker, or by a coordinator with\n"
		".B \\-\\-for\n"
		".IR LOGIN ,\n"
		"the file is for that person's replica: it holds only the cases she may\n"
		"see, and a case newly shared with her (or given to her) whole.\n"
		"The file is locked with the partnership's key: it is made in memory and\n"
		"only its locked form is written, so none of its text is on the stick.\n"
		"A database that does not hold the key writes none (exit 2).\n" },
	{ "sync", N_("import FILE"),
	  N_("apply a change file (applying it twice is harmless)"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"Apply a change file in one transaction.\n"
		"Applying the same file again changes nothing.\n"
		"A file that is damaged or cut short, from another partnership, or written\n"
		"by this very database is refused with exit code 2 and nothing is applied.\n"
		"So is a file this database cannot open because it does not hold the\n"
		"partnership's key (a replica made before the key existed: clone it again\n"
		"or use\n"
		".BR \"key import\" ),\n"
		"a file locked with another partnership's key (the message names that key's\n"
		"id), and a change file that is not locked (written by an older koszyk).\n"
		"Changes that need changes this replica has not received yet wait for a\n"
		"later exchange (the message says how many).\n" },
	{ "sync", N_("ssh [USER@]HOST[:DB]"),
	  N_("exchange changes both ways over ssh"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"Exchange changes both ways in one go by running\n"
		".B koszyk sync serve\n"
		"on the other machine through\n"
		".BR ssh (1)\n"
		"(its standard input and output; no daemon).\n"
		"A connection that breaks off leaves each side as it was or with whole\n"
		"transactions applied; run it again later.\n" },
	{ "sync", "status",
	  N_("this replica's ids and what it holds"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"This replica's id, the partnership's id, how many changes it has written\n"
		"and holds, the number of conflicts, and, for a person's replica, whose it\n"
		"is and how many cases it holds.\n" },
	{ "sync", "compact",
	  N_("drop from the change log what every known replica holds"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"Remove from the change log the changes that every replica this one has\n"
		"exchanged with (and did not retire) already holds, and say what was\n"
		"removed and what is kept. A change some known replica lacks is never\n"
		"removed. The same happens by itself at every\n"
		".B sync import\n"
		"so the log stays small. Changes a conflict or a dropped change refers\n"
		"to stay, and so does a partner's membership history.\n" },
	{ "sync", N_("forget REPLICA"),
	  N_("retire a replica that will not come back (a lost laptop)"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"A coordinator retires a replica this one has exchanged with (its id as\n"
		".B sync status\n"
		"shows it): the changes it lacks no longer hold the log's compaction back.\n"
		"If that computer comes back after the changes it missed left the log, its\n"
		"next import is refused (exit 2, nothing changed) with the advice to send\n"
		"its changes to the office and to clone it anew.\n" },
	{ "sync", "dump",
	  N_("all synced data as canonical text, to compare replicas"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_sync,
		"All synced data as canonical text, one line a record, and the conflicts:\n"
		"two replicas that have exchanged everything print the same.\n" },
	{ "list", "conflicts [--json]",
	  N_("fields changed on two replicas at once"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_list,
		"Fields changed on two replicas before they met, with every competing value,\n"
		"who wrote it and when, and which value the record holds for now (the same\n"
		"on every replica).\n"
		"In JSON each value has\n"
		".BR value ,\n"
		".BR replica ,\n"
		".BR user ,\n"
		".BR at ,\n"
		".BR current ,\n"
		"and\n"
		".B refers_to\n"
		"(the name of the record) when the field refers to another record.\n"
		"Different fields of one record changed on two replicas merge without a\n"
		"conflict.\n"
		"A deletion (and an erasure) wins over changes made elsewhere at the same\n"
		"time; an erased case never comes back.\n"
		"Two cases given the same code offline are both kept; the later one gets\n"
		"its code followed by four characters of its id, and this is listed as a\n"
		"conflict of the code.\n" },
	{ "list", "dropped [--json]",
	  N_("changes not applied: the record was deleted on another computer at the same time"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_list,
		"Changes that could not be applied: made to a record that was deleted on\n"
		"another computer at the same time (the deletion wins), or a second row\n"
		"where only one may be.\n"
		"Each names the record, the fields, who made the change and when; the\n"
		"Conflicts screen lists them too, and\n"
		".B Enter\n"
		"there marks one as seen.\n"
		"A coordinator also sees the received changes that were refused (reason\n"
		".BR refused ,\n"
		"with\n"
		".B why\n"
		"and, in JSON,\n"
		".B changes\n"
		"with what they would have changed): see WHO MAY SEE AND CHANGE WHAT.\n" },
	{ "conflict", N_("resolve TABLE ID FIELD=VALUE"),
	  N_("settle a conflict with the chosen value"),
	  KZ_GROUP_SYNC, 0, NULL, kz_cmd_conflict,
		"Settle a conflict with the chosen (or a merged) value; the choice travels\n"
		"with the next exchange.\n" },
	{ "case", N_("share CASE_CODE LOGIN"),
	  N_("let a worker see and change a case"),
	  KZ_GROUP_ACCESS, 0, NULL, kz_cmd_case,
		"Let a worker (or coordinator) listed in the configuration see and change\n"
		"the case. By the case manager or a coordinator. Sharing with a login that\n"
		"is not configured, or with a viewer, is refused (exit 2).\n" },
	{ "case", N_("unshare CASE_CODE LOGIN"),
	  N_("stop sharing it (the case manager or a coordinator)"),
	  KZ_GROUP_ACCESS, 0, NULL, kz_cmd_case,
		"Stop sharing the case with\n"
		".IR LOGIN .\n" },
	{ "backup", N_("[PATH]"),
	  N_("a consistent copy of the database, locked with the partnership's key"),
	  KZ_GROUP_BACKUP, 0, NULL, kz_cmd_backup,
		"A consistent copy of the whole database, locked with the partnership's key\n"
		"and readable by its owner only (default\n"
		".IR DB.YYYY-MM-DD.bak ).\n"
		"It is copied and compacted in memory (what was erased leaves no trace),\n"
		"written under a temporary name beside\n"
		".IR PATH ,\n"
		"read back and opened, and only then renamed; a failed backup (a full\n"
		"disk) leaves nothing.\n"
		"A coordinator only.\n"
		"A backup is not a database: bring it back with\n"
		".BR restore .\n" },
	{ "restore", N_("BACKUP NEW.db [--key KEYFILE [--passphrase-file FILE]]"),
	  N_("bring a backup back as a new database"),
	  KZ_GROUP_BACKUP, 0, NULL, kz_cmd_restore,
		"Open the locked\n"
		".I BACKUP\n"
		"with the key of the database given with\n"
		".B \\-d\n"
		"(by a coordinator) or, on a new computer with no database, with a key\n"
		"file made by\n"
		".B key export\n"
		"and its passphrase; check it as\n"
		".B check\n"
		"does, and write it as the new database\n"
		".I NEW.db\n"
		"(mode 0600, WAL), which opens as any database and gets a replica id of\n"
		"its own.\n"
		".I NEW.db\n"
		"must not exist (exit 2).\n"
		"A backup that is damaged or cut short, of another partnership, or that\n"
		"fails its check is refused and nothing is written.\n" },
	{ "check", N_("--backup FILE [--key KEYFILE [--passphrase-file FILE]]"),
	  N_("check a backup without bringing it back"),
	  KZ_GROUP_BACKUP, KZ_CMD_CHECKS, NULL, kz_cmd_check,
		"Check a backup without bringing it back: it is opened in memory with the\n"
		"partnership's key (as for\n"
		".BR restore )\n"
		"and gets the same checks as the database, the audit trail's chain\n"
		"included.\n"
		"Exit code 0 and a summary when it is whole; 1 when it is damaged, cut\n"
		"short or fails a check; 2 when it cannot be opened here (no key, another\n"
		"partnership's key, not a backup).\n"
		"A coordinator only, when the key comes from the database.\n" },
	{ "key", "show",
	  N_("the id of the partnership's key"),
	  KZ_GROUP_BACKUP, 0, NULL, kz_cmd_key,
		"The id of the partnership's key (four groups of four hexadecimal digits),\n"
		"which every locked file names in its clear header; never the key itself.\n"
		"Exit code 1 when this database holds no key.\n" },
	{ "key", N_("export FILE [--passphrase-file FILE]"),
	  N_("the key, locked with a passphrase (a coordinator)"),
	  KZ_GROUP_BACKUP, 0, NULL, kz_cmd_key,
		"Save the partnership's key in a new\n"
		".I FILE\n"
		"(mode 0600), locked with a key derived from a passphrase (Argon2id,\n"
		"libsodium's moderate limits; the salt is in the file).\n"
		"A coordinator only.\n"
		"The passphrase is read from the terminal without echo, twice, or from the\n"
		"first line of the file given with\n"
		".B \\-\\-passphrase\\-file\n"
		"(for scripts); never from the command line or the environment.\n"
		"At least 8 characters.\n"
		"Keep the key file and the passphrase apart.\n" },
	{ "key", N_("import FILE [--passphrase-file FILE] [--replace]"),
	  N_("bring the key into this database"),
	  KZ_GROUP_BACKUP, 0, NULL, kz_cmd_key,
		"Bring the partnership's key from a key file into this database: a replica\n"
		"without the key then reads the partnership's change files.\n"
		"A wrong passphrase is refused (exit 2) and nothing changes.\n"
		"A database that holds another key keeps it unless a coordinator gives\n"
		".B \\-\\-replace\n"
		"(for example a coordinator's full copy cloned before keys existed, which\n"
		"got a key of its own when it was first opened by this version).\n" },
	{ "audit", N_("[CASE_CODE] [--json]"),
	  N_("the trail, oldest first: a coordinator all of it, a worker that of their cases; koszyk check verifies it is unbroken"),
	  KZ_GROUP_AUDIT, 0, NULL, kz_cmd_audit,
		"The audit trail, oldest first, one entry a line: its number, the time,\n"
		"the user, what was done\n"
		".RB ( create \", \" update \", \" delete \", \" read \", \" erase ,\n"
		".B sync\n"
		"for a change received from another computer, under the name of the person\n"
		"who made it), to what kind of record, the case code and a short summary.\n"
		"Every change is an entry, and so is every reading of a family's file:\n"
		"opening a case on the screen, printing its plan, a\n"
		".BR \"gdpr export\" .\n"
		"Entries hold no names of a family, only kinds, ids and case codes.\n"
		"A coordinator reads the whole trail; a worker the entries of the cases they\n"
		"manage or that are shared with them; a viewer is refused (exit code 2).\n"
		"With a\n"
		".I CASE_CODE\n"
		"only that case's entries; a coordinator gets the erase entry of an erased\n"
		"case's code.\n"
		"With\n"
		".B \\-\\-json\n"
		"one JSON array of objects with\n"
		".BR kind \" (\" audit \"), \" id \" (the entry's number), \" title ,\n"
		".BR at \", \" user \", \" action \", \" record_kind \", \" ref \", \" case \", \" summary\n"
		"and\n"
		".BR redacted .\n" },
	{ "sync", "serve",
	  "",
	  KZ_GROUP_SYNC, KZ_CMD_HIDDEN, NULL, kz_cmd_sync,
		NULL },
	{ "sync", "serve-clone",
	  "",
	  KZ_GROUP_SYNC, KZ_CMD_HIDDEN, NULL, kz_cmd_sync,
		NULL },
};

const size_t kz_cli_ncommands = sizeof(kz_cli_commands) / sizeof(kz_cli_commands[0]);

/* Help lines start at this column and end before the last. */
#define HELP_COL 37
#define LAST_COL 79

const struct kz_cli_command *kz_cli_find(const char *name)
{
	for (size_t i = 0; i < kz_cli_ncommands; i++)
		if (strcmp(kz_cli_commands[i].name, name) == 0)
			return &kz_cli_commands[i];
	return NULL;
}

bool kz_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

static const char *synopsis(const struct kz_cli_command *c)
{
	return *c->synopsis ? _(c->synopsis) : "";
}

/* Columns taken on a terminal: one a character (Polish letters too). */
static int columns(const char *s, size_t len)
{
	int n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* The words of text from column col on, wrapped before LAST_COL; the
 * lines after the first start at column indent. */
static void wrap(FILE *out, const char *text, int col, int indent)
{
	bool first = true;

	for (const char *p = text; *p;) {
		size_t len = strcspn(p, " ");
		int w = columns(p, len);
		if (!first && col + 1 + w > LAST_COL) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += w;
		first = false;
		for (p += len; *p == ' '; p++)
			;
	}
	fputc('\n', out);
}

/* "  name synopsis      help", the help wrapped in its column. */
static void print_row(FILE *out, const struct kz_cli_command *c)
{
	const char *syn = synopsis(c);
	int w = columns(c->name, strlen(c->name)) + (*syn ? 1 + columns(syn, strlen(syn)) : 0);

	fprintf(out, "  %s%s%s", c->name, *syn ? " " : "", syn);
	if (2 + w + 2 <= HELP_COL)
		fprintf(out, "%*s", HELP_COL - 2 - w, "");
	else
		fprintf(out, "\n%*s", HELP_COL, "");
	wrap(out, _(c->help), HELP_COL, HELP_COL);
}

void kz_cli_usage(FILE *out)
{
	fputs(_("Usage: koszyk [-d DB] [-c CONFIG] [COMMAND [ARGS]]\n"
		"\n"
		"Without a command koszyk opens the full-screen program.\n"
		"koszyk COMMAND --help describes one command.\n"), out);
	for (int g = 0; g < KZ_GROUP_COUNT; g++) {
		fprintf(out, "\n%s:\n", _(kz_cli_group_titles[g]));
		for (size_t i = 0; i < kz_cli_ncommands; i++)
			if (kz_cli_commands[i].group == (enum kz_cli_group)g &&
			    !(kz_cli_commands[i].flags & KZ_CMD_HIDDEN))
				print_row(out, &kz_cli_commands[i]);
	}
	fputs(_("\n"
		"Options (before the command):\n"
		"  -d DB       the database (default $KOSZYK_DB or\n"
		"              $XDG_DATA_HOME/koszyk/koszyk.db)\n"
		"  -c CONFIG   the configuration (default $KOSZYK_CONFIG or\n"
		"              $XDG_CONFIG_HOME/koszyk/koszyk.yaml; built-in example otherwise)\n"
		"  --as LOGIN  in a demo database only: act as one of the configured users\n"
		"  -h, --help  this help\n"
		"  --version   the version\n"
		"\n"
		"Exit codes: 0 success, 1 nothing found or a failed check, 2 bad usage or\n"
		"bad input, 3 a problem of the environment (locked database, full disk,\n"
		"permission denied).\n"), out);
}

/* Does the row's first word (e.g. "csv" of "csv services|partners FILE",
 * one of "json|md|html") read word? Compared in the untranslated
 * synopsis: such words are typed as they are. */
static bool row_is_for(const struct kz_cli_command *c, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = c->synopsis; *p && *p != ' ';) {
		size_t len = strcspn(p, "| ");
		if (len == n && strncmp(p, word, n) == 0)
			return true;
		p += len;
		if (*p == '|')
			p++;
	}
	return false;
}

void kz_cli_command_usage(FILE *out, int argc, char **argv)
{
	const char *sub = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
	bool some = false;

	for (size_t i = 0; sub && i < kz_cli_ncommands; i++)
		if (strcmp(kz_cli_commands[i].name, argv[0]) == 0 &&
		    !(kz_cli_commands[i].flags & KZ_CMD_HIDDEN) &&
		    row_is_for(&kz_cli_commands[i], sub))
			some = true;
	fprintf(out, "%s\n", _("Usage:"));
	for (size_t i = 0; i < kz_cli_ncommands; i++) {
		const struct kz_cli_command *c = &kz_cli_commands[i];
		const char *syn = synopsis(c);
		if (strcmp(c->name, argv[0]) != 0 || (c->flags & KZ_CMD_HIDDEN) ||
		    (some && !row_is_for(c, sub)))
			continue;
		fprintf(out, "  koszyk %s%s%s\n      ", c->name, *syn ? " " : "", syn);
		wrap(out, _(c->help), 6, 6);
	}
	fputs(_("\n"
		"The options of koszyk itself (-d DB, -c CONFIG, --as LOGIN) come\n"
		"before the command; koszyk --help lists them and every command.\n"), out);
}
