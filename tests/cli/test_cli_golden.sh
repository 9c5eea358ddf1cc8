#!/usr/bin/env bash
# Whole outputs of the commands scripts read, compared with the files in
# tests/golden/cli: every list and every report as text, on the demo
# database with a fixed day. A change to what a command prints must change
# its golden file in the same commit. KZ_UPDATE_GOLDEN=1 writes the files
# from the program instead of comparing (then read the diff).
. "$(dirname "$0")/lib.sh"

GOLDEN=$TESTS_DIR/golden/cli
export KOSZYK_TODAY=2026-05-04
failed=0

# golden NAME ARGS...: koszyk ARGS must exit 0 and print NAME.txt.
golden() {
	local name=$1 file=$GOLDEN/$1.txt
	shift
	run 0 -d demo.db "$@"
	# Record ids are random (UUIDs): they are named, not compared.
	sed -E -i 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<id>/g' out
	if [ -n "${KZ_UPDATE_GOLDEN:-}" ]; then
		cp out "$file"
		echo "wrote $file"
	elif [ ! -f "$file" ]; then
		echo "FAIL: no golden output $file (KZ_UPDATE_GOLDEN=1 writes it)"
		failed=1
	elif ! diff -u "$file" out; then
		echo "FAIL: koszyk $* differs from $file (above: - golden, + now)"
		failed=1
	fi
}

run 0 -d demo.db demo
for kind in services partners contacts cases meetings tasks; do
	golden "list-$kind" list "$kind"
done
golden list-services-all list services --all
golden list-cases-json list cases --json
golden list-meetings-json list meetings --json
for report in coverage gaps usage workload stale overdue outcomes partnership retention; do
	golden "report-$report" report "$report" --format text
done
golden search-pomoc search pomoc

[ $failed -eq 0 ] || exit 1
echo ok
