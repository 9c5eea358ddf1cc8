#!/usr/bin/env bash
# Two people at once on the same database file (the coordinator over SSH
# and a colleague on the server's console): two shell loops run the real
# program against one file at the same time, each adding 150 goals to the
# same plan, while a third reads the plan. Every command succeeds, nobody
# sees "database is locked" or "busy", and all 300 goals are there.
# The two are two users of a demo database (--as): mnowak, a worker who
# manages the case, and akowalska, the coordinator. (A database made by
# init has one user only, the login the operating system gives.)
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
# The configuration in its place, so stderr stays empty when all is well.
mkdir -p "$XDG_CONFIG_HOME/koszyk"
cp "$TESTS_DIR/../config/koszyk.yaml" "$XDG_CONFIG_HOME/koszyk/koszyk.yaml"

EACH=150

run 0 -d d.db demo
# the coordinator opens the case for mnowak
run 0 -d d.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
code=$(cat out)
case $code in R/2026/*) ;; *) fail "case open printed no code: $code" ;; esac
run 0 -d d.db case add plan "$code"

# writer WHO USER: EACH goals "Cel WHO NNN"; a line "FAIL n rc" in
# WHO.fail for every command that did not exit 0, stderr of all in WHO.err,
# the ids printed in WHO.ids.
writer() {
	local who=$1 user=$2 i rc
	: >"$who.fail"
	: >"$who.err"
	: >"$who.ids"
	for ((i = 1; i <= EACH; i++)); do
		"$KOSZYK_BIN" --as "$user" -d d.db case add goal "$code" \
			"what=Cel $who $(printf %03d "$i")" target_date=2027-05-31 \
			>>"$who.ids" 2>>"$who.err"
		rc=$?
		[ "$rc" -eq 0 ] || echo "FAIL $i $rc" >>"$who.fail"
	done
}

# reader: prints the plan over and over while the two write (as the
# coordinator, who sees the case)
reader() {
	local i rc
	: >R.fail
	: >R.err
	for ((i = 1; i <= 40; i++)); do
		"$KOSZYK_BIN" --as akowalska -d d.db plan "$code" >/dev/null 2>>R.err
		rc=$?
		[ "$rc" -eq 0 ] || echo "FAIL $i $rc" >>R.fail
	done
}

writer A mnowak &
pa=$!
writer B akowalska &
pb=$!
reader &
pr=$!
wait $pa || fail "writer A's loop failed"
wait $pb || fail "writer B's loop failed"
wait $pr || fail "the reader's loop failed"

for who in A B R; do
	if [ -s "$who.fail" ]; then
		echo "--- $who: commands that failed (number, exit code)"
		head -20 "$who.fail"
		echo "--- $who: stderr"
		head -c 3000 "$who.err"
		echo
		fail "$who: $(wc -l <"$who.fail") commands did not exit 0"
	fi
	if grep -qiE "locked|busy" "$who.err"; then
		head -c 3000 "$who.err"
		echo
		fail "$who: a \"locked\" or \"busy\" message reached the user"
	fi
	[ ! -s "$who.err" ] || { head -c 3000 "$who.err"; echo; fail "$who: unexpected messages on stderr"; }
done

# every command printed one id, all different
[ "$(cat A.ids B.ids | wc -l)" -eq 300 ] || fail "expected 300 ids printed, got $(cat A.ids B.ids | wc -l)"
[ "$(cat A.ids B.ids | sort -u | wc -l)" -eq 300 ] || fail "the ids printed are not all different"

# all 300 goals are in the plan, each exactly once, by the one who added it
run 0 -d d.db gdpr export "$code" -o case.json
jq -r '.. | objects | select(has("what") and has("target_date")) | "\(.what)|\(.created_by)"' case.json | sort >got
for who in A B; do
	user=mnowak
	[ "$who" = B ] && user=akowalska
	for ((i = 1; i <= EACH; i++)); do
		printf 'Cel %s %03d|%s\n' "$who" "$i" "$user"
	done
done | sort >want
[ "$(wc -l <got)" -eq 300 ] || fail "expected 300 goals, found $(wc -l <got)"
diff want got >goals.diff || { head -20 goals.diff; fail "the goals differ from the ones added"; }
# the ids printed are the goals' ids
jq -r '.. | objects | select(has("what") and has("target_date")) | .id' case.json | sort >got.ids
cat A.ids B.ids | sort | diff - got.ids >/dev/null || fail "the ids printed are not the goals' ids"

run 0 -d d.db check
exit 0
