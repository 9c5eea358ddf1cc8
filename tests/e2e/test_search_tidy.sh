#!/usr/bin/env bash
# The full-screen program merges the search index into one piece while
# nobody types (issue 14): every query looks each word up in every piece
# of the index, and small saves leave small pieces. Searching goes on as
# before while it does.
. "$(dirname "$0")/lib.sh"

pieces() { sqlite3 "$E2E_DB" 'SELECT count(DISTINCT segid) FROM search_fts_idx'; }

e2e_demo_db
# Pieces as saves leave them: each statement writes one (FTS5's own
# merging held back).
sqlite3 "$E2E_DB" "INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)"
for n in 1 2 3 4 5 6 7 8; do
	sqlite3 "$E2E_DB" "UPDATE search_fts SET body = body WHERE rowid =
		(SELECT rowid FROM search_fts ORDER BY rowid LIMIT 1 OFFSET $((n * 7)))"
done
before=$(pieces)
[ "$before" -ge 6 ] || fail "the index is in $before pieces: the test tests nothing"

e2e_start
search "psych"
wait_for "Psych"
# Idle: the program merges a few pages every quarter of a second.
deadline=$(($(date +%s) + 20))
while [ "$(pieces)" -gt 1 ]; do
	[ "$(date +%s)" -ge "$deadline" ] && fail "the index is still in $(pieces) pieces (from $before)"
	sleep 0.5
done
# Typing goes on, and finds the same.
keys Escape
search "żłob"
wait_for "Żłobek"
keys Escape Q
wait_exit >/dev/null
kz check >"$E2E_DIR/check.out" 2>&1 || fail "check: $(cat "$E2E_DIR/check.out")"
e2e_pass
