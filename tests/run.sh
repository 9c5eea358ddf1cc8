#!/bin/sh
# Run every test given (unit test programs and shell scripts), print one
# line per test and a closing "N passed, N failed"; fail if any failed.
# A test that exits 77 could not run here (no root, no tmux, no mount): it
# is listed as SKIP, counted on a line of its own, never as passed.
# Usage: tests/run.sh BUILD_DIR TEST...
build=$1
shift
KOSZYK_BIN=${KOSZYK_BIN:-$build/koszyk}
export KOSZYK_BIN
passed=0
failed=0
skipped=""
failures=""
logdir=$build/test-logs
mkdir -p "$logdir"
for t in "$@"; do
	name=$(basename "$t")
	log=$logdir/$name.log
	case $t in
	*.sh) bash "$t" >"$log" 2>&1 ;;
	*) "$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS  $name"
	elif [ $rc -eq 77 ]; then
		skipped="$skipped $name"
		echo "SKIP  $name ($(grep -m1 SKIP "$log" | cut -c1-120))"
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL  $name (exit $rc; log: $log)"
		sed 's/^/    | /' "$log" | tail -n 40
	fi
done
[ -n "$skipped" ] && echo "skipped (could not run here):$skipped"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
