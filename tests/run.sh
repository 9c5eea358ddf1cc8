#!/bin/sh
# Run every test given (unit test programs and shell scripts), print one
# line per test and a closing "N passed, N failed"; fail if any failed.
# Usage: tests/run.sh BUILD_DIR TEST...
build=$1
shift
KOSZYK_BIN=${KOSZYK_BIN:-$build/koszyk}
export KOSZYK_BIN
passed=0
failed=0
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
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL  $name (exit $rc; log: $log)"
		sed 's/^/    | /' "$log" | tail -n 40
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
