# Helpers for the command-line tests (bash). Each test sources this file,
# runs the real binary ($KOSZYK_BIN) in a temporary folder and exits 0 on
# success; the first failed expectation prints what happened and exits 1.
set -u
KOSZYK_BIN=${KOSZYK_BIN:-build/koszyk}
case $KOSZYK_BIN in /*) ;; *) KOSZYK_BIN=$PWD/$KOSZYK_BIN ;; esac
# The tests' helper that opens and seals change files (tests/tools).
KZ_LOCKTOOL=${KZ_LOCKTOOL:-$(dirname "$KOSZYK_BIN")/tests/tools/kz_locktool}
TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/koszyk-cli-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# Stable, English messages; no user configuration from the machine.
export KOSZYK_LANG=en HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
unset KOSZYK_DB KOSZYK_CONFIG
# Who runs koszyk: the login comes from the operating system; in the demo
# databases of the tests, run acts as this user of the demo (--as), the
# coordinator unless a test says otherwise. Empty: no --as.
KZ_AS=akowalska

fail() {
	echo "FAIL: $*"
	[ -f out ] && { echo "--- stdout"; head -c 3000 out; }
	[ -f err ] && { echo "--- stderr"; head -c 3000 err; }
	exit 1
}

# run EXPECTED_EXIT ARGS...: run koszyk, keep stdout in ./out, stderr in ./err
run() {
	local want=$1
	shift
	"$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@" >out 2>err
	local got=$?
	[ "$got" -eq "$want" ] || fail "koszyk $* exited $got, expected $want"
}

# as LOGIN EXPECTED_EXIT ARGS...: run as another user of the demo.
as() {
	local login=$1
	shift
	KZ_AS=$login run "$@"
}

# A configuration: the example gmina with the login running the tests as
# one of its users (ROLE, coordinator by default), for databases that are
# not demos. Prints its path.
config_with_me() {
	local role=${1:-coordinator} path=$WORK/me.yaml
	{
		cat "$TESTS_DIR/../config/koszyk.yaml"
		printf '  - {login: %s, name: "Tester", role: %s}\n' "$(id -un)" "$role"
	} >"$path"
	echo "$path"
}

out_has() { grep -qF -- "$1" out || fail "stdout lacks: $1"; }
out_lacks() { ! grep -qF -- "$1" out || fail "stdout should not contain: $1"; }
err_has() { grep -qF -- "$1" err || fail "stderr lacks: $1"; }
json_ok() { jq -e 'type == "array" and all(.[]; has("kind") and has("id") and has("title"))' out >/dev/null || fail "stdout is not a JSON array of objects with kind, id, title"; }
