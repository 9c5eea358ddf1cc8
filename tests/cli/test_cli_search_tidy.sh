#!/usr/bin/env bash
# The search index stays in few pieces (issue 14): every query looks each
# word up in every piece. Records added one command at a time (a script)
# leave a piece each; a command that wrote merges the index once it is in
# five or more (kz_search_tidy_after_writes). Commands that only read
# leave it as it is. Nothing found changes.
. "$(dirname "$0")/lib.sh"

pieces() { sqlite3 k.db 'SELECT count(DISTINCT segid) FROM search_fts_idx'; }

run 0 -d k.db demo
# FTS5 merges four pieces on its own; without that, only koszyk merges.
sqlite3 k.db "INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)"
provider=$(sqlite3 k.db "SELECT name FROM partners ORDER BY name LIMIT 1")
most=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	printf 'title,provider\n"Warsztaty tidy %s","%s"\n' "$i" "${provider//\"/\"\"}" >s.csv
	run 0 -d k.db import csv services s.csv
	n=$(pieces)
	[ "$n" -gt "$most" ] && most=$n
done
[ "$most" -le 4 ] || fail "the index reached $most pieces after a command"
[ "$most" -ge 2 ] || fail "the single imports made no pieces ($most): the test tests nothing"

# Reading leaves the pieces as they are.
sqlite3 k.db "UPDATE search_fts SET body = body WHERE rowid = (SELECT min(rowid) FROM search_fts)"
sqlite3 k.db "UPDATE search_fts SET body = body WHERE rowid = (SELECT max(rowid) FROM search_fts)"
before=$(pieces)
run 0 -d k.db search tidy
[ "$(pieces)" = "$before" ] || fail "a search changed the index"

run 0 -d k.db search "warsztaty tidy"
for i in 1 2 3 4 5 6 7 8 9 10; do
	out_has "Warsztaty tidy $i"
done
run 0 -d k.db check
echo ok
