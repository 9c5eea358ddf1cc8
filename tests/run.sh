#!/usr/bin/env bash
# Run every test given (unit test programs and shell scripts), print one
# line per test and a closing "N passed, N failed, N skipped"; fail if any
# failed.
# A test that exits 77 could not run here (no root, no tmux, no mount): it
# is listed as SKIP and counted as skipped, never as passed. A test that
# ran but had to leave out a part (a line "SKIP (part): why" in its
# output) passes with that part named, and the part is counted too.
# Tests run TEST_JOBS at a time (default: one per processor); each has its
# own folder, users, ports and tmux server, so they do not meet. The lines
# come in the order the tests were given.
# Usage: tests/run.sh BUILD_DIR TEST...
build=$1
shift
KOSZYK_BIN=${KOSZYK_BIN:-$build/koszyk}
export KOSZYK_BIN
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
logdir=$build/test-logs
mkdir -p "$logdir"

run_one() {
	local t=$1 name log start rc
	name=$(basename "$t")
	log=$logdir/$name.log
	start=$SECONDS
	case $t in
	*.sh) bash "$t" >"$log" 2>&1 ;;
	*) "$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	echo $((SECONDS - start)) >"$log.time"
	echo $rc >"$log.rc"
}

for t in "$@"; do
	rm -f "$logdir/$(basename "$t").log.rc"
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	run_one "$t" &
done
wait

passed=0
failed=0
skipped=0
parts=0
for t in "$@"; do
	name=$(basename "$t")
	log=$logdir/$name.log
	rc=$(cat "$log.rc" 2>/dev/null || echo 255)
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS  $name"
		while IFS= read -r line; do
			parts=$((parts + 1))
			echo "      part skipped: ${line#*SKIP (part): }"
		done < <(grep -a 'SKIP (part):' "$log" | cut -c1-160)
	elif [ "$rc" -eq 77 ]; then
		skipped=$((skipped + 1))
		echo "SKIP  $name ($(grep -a -m1 SKIP "$log" | cut -c1-120))"
	else
		failed=$((failed + 1))
		echo "FAIL  $name (exit $rc; log: $log)"
		sed 's/^/    | /' "$log" | tail -n 40
	fi
done
# The slowest tests, for whoever keeps the run short.
for t in "$@"; do
	name=$(basename "$t")
	echo "$(cat "$logdir/$name.log.time" 2>/dev/null || echo 0) $name"
done | sort -rn | head -n 8 | awk 'BEGIN { printf "slowest:" } { printf " %s %ss", $2, $1 } END { print "" }'
# Skipped tests could not run here; they are neither passed nor failed.
echo "$passed passed, $failed failed, $skipped skipped ($parts parts of passed tests skipped)"
[ $failed -eq 0 ]
