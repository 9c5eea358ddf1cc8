#!/usr/bin/env bash
# A field added end to end (issue 11): the partner's KRS number, added in
# the partner's field table, one migration and its translation only. It
# is read and written by CSV import and export, JSON, the demo YAML keys,
# sync, and refused when too long; an older database gains the column.
. "$(dirname "$0")/lib.sh"

run 0 -d k.db demo
printf 'name,krs\nFundacja Testowa,0000123456\n' >p.csv
run 0 -d k.db import csv partners p.csv
run 0 -d k.db export csv partners
head -1 out | grep -q ',website,krs,status,' || fail "the CSV has no krs column after website"
out_has "Fundacja Testowa,,,,,,,,0000123456,informal"
run 0 -d k.db list partners --json
jq -e '[.[] | select(.name == "Fundacja Testowa")][0].krs == "0000123456"' out >/dev/null ||
	fail "the JSON list has no krs"

# Too long: refused with the field's label, nothing written.
printf 'name,krs\nFundacja Druga,00001234567\n' >long.csv
run 2 -d k.db import csv partners long.csv
err_has "KRS number"
run 0 -d k.db list partners
out_lacks "Fundacja Druga"

# Sync carries it to another replica.
run 0 -d lap.db sync clone k.db
run 0 -d lap.db list partners --json
jq -e '[.[] | select(.name == "Fundacja Testowa")][0].krs == "0000123456"' out >/dev/null ||
	fail "the clone has no krs"

# An older database (schema 10) gains the column and keeps its data.
cp k.db old.db
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2]).read())
c.execute("ALTER TABLE partners DROP COLUMN krs")
c.execute("ALTER TABLE goals DROP COLUMN need_area")
c.execute("ALTER TABLE meetings DROP COLUMN chair_id")
c.execute("ALTER TABLE tasks DROP COLUMN decision_id")
c.execute("ALTER TABLE partners DROP COLUMN network")
c.execute("ALTER TABLE contacts DROP COLUMN network")
c.execute("ALTER TABLE services DROP COLUMN network")
c.execute("DROP TABLE sync_horizon")
c.execute("ALTER TABLE sync_peer DROP COLUMN retired")
c.execute("ALTER TABLE sync_peer DROP COLUMN floor")
c.execute("DROP INDEX search_doc_pl")
c.execute("DROP INDEX search_doc_lead1")
c.execute("DROP INDEX search_doc_lead2")
c.execute("ALTER TABLE search_doc DROP COLUMN pl_key")
c.execute("ALTER TABLE search_doc DROP COLUMN lead1")
c.execute("ALTER TABLE search_doc DROP COLUMN lead2")
c.execute("PRAGMA user_version = 10")
c.commit()' old.db "$TESTS_DIR/data/before_migration_20.sql" || fail "cannot make an older database"
run 0 -d old.db list partners
out_has "Fundacja Testowa"
run 0 -d old.db import csv partners p.csv
run 0 -d old.db check
echo ok
